/**
 * `npm run lint` checks the import graph of src/ and server/ with these rules (dependency-cruiser). Type-only imports
 * count: a cycle through types is still a cycle for a reader.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Imports go one way: shared types and constants live in a module of their own that both sides import.',
      severity: 'error',
      from: { path: '^(src|server)/' },
      to: { circular: true },
    },
    {
      name: 'steps-not-to-shell',
      comment:
        'A screen takes what it shows as props and never imports the shell that draws it (ConnectWidget.tsx, ' +
        'src/widget/): what both need lives beside the screens, in src/ui/, or in a module of its own.',
      severity: 'error',
      from: { path: '^src/steps/' },
      to: { path: '^src/(ConnectWidget\\.tsx$|widget/)' },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports and that imports nothing is dead, or an entry that belongs in knip.json.',
      severity: 'error',
      from: { orphan: true, pathNot: '\\.d\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
