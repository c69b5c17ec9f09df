import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { sandboxPlugin } from './server/vite-sandbox';
import { deploymentConfig, embedConfigPlugin } from './server/embed-config';
import { parseConfig } from './server/config';

const root = import.meta.dirname;

/**
 * The pages we serve (embed page, demo) run on Preact's React-compatible runtime: the embed page's first load drops
 * from 91 kB to 42 kB brotli and the credential form is usable in 0.69 s instead of 1.06 s on the throttled profile
 * (`npm run bench`), with every browser test passing on it. The library itself stays React (a peer dependency).
 * `CONNECT_RUNTIME=react` builds the pages with React, to compare.
 */
const PREACT_FOR_REACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/** Where `--mode first-screen` writes the embed page's server-side renderer (beside dist/app). */
const FIRST_SCREEN_DIR = 'dist/ssr';

/** Not bundled into the package: its peer and runtime dependencies, and Node's own modules. */
const LIBRARY_EXTERNALS = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^react-hook-form($|\/)/,
  /^valibot($|\/)/,
  /^hono($|\/)/,
  /^@hono\//,
  /^msw($|\/)/,
  /^node:/,
];

// `vite build --mode lib` and `--mode lib-server` build the npm package's entries (dependencies external);
// `vite build --mode app` builds the pages served by `npm start` (demo, embed page);
// `vite build --mode sdk` then adds the host SDK, `/connect.js`, a plain script (IIFE) beside them;
// `vite build --mode first-screen` builds the embed page's server-side renderer (dist/ssr), which the server loads;
// `vite build --mode server` compiles the server that serves them (`npm start`).
export default defineConfig(({ mode, command }): UserConfig => {
  if (mode === 'first-screen') {
    // The embed page's first screen drawn by the server: the pages' own components on the pages' own runtime (the
    // Preact aliases), every package bundled in so the aliases reach react-hook-form and react-query too.
    return {
      publicDir: false,
      resolve: { alias: PREACT_FOR_REACT },
      // Pages built on React (`CONNECT_RUNTIME=react`) get no server-drawn screen: React would not adopt Preact's.
      define: {
        'import.meta.env.VITE_PAGES_RUNTIME': JSON.stringify(process.env.CONNECT_RUNTIME ?? 'preact'),
      },
      ssr: { noExternal: true },
      build: {
        ssr: true,
        outDir: FIRST_SCREEN_DIR,
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: {
          input: { 'first-screen': resolve(root, 'src/embed/first-screen.tsx') },
          // Bundling the packages' 'use client' directives is the point here (a server render): not worth a warning.
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
          // One file: the server loads the renderer anew after each rebuild (`?v=`, server/embed-config.ts), and a
          // chunk importing the entry back would get a second copy of it, with its own contexts (the screen would
          // lose its language). The server has no bytes to save by splitting.
          output: { format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
        },
      },
    };
  }
  if (mode === 'server') {
    // `npm start` runs the server as plain JavaScript: server/ and the parts of src/ it uses, compiled into
    // dist/server, its runtime packages (hono, @hono/node-server, ioredis) left to import from this repository's
    // node_modules: devDependencies, since an app that installs the package never runs this server.
    return {
      publicDir: false,
      build: {
        ssr: true,
        outDir: 'dist/server',
        emptyOutDir: true,
        target: 'node20',
        sourcemap: true,
        rollupOptions: {
          input: { start: resolve(root, 'server/start.ts') },
          output: { format: 'es', entryFileNames: '[name].js' },
        },
      },
    };
  }
  if (mode === 'sdk') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/app',
        emptyOutDir: false,
        lib: {
          entry: resolve(root, 'src/embed/sdk/connect.ts'),
          formats: ['iife'],
          name: 'ConnectWidgetSdk',
          fileName: () => 'connect.js',
        },
      },
    };
  }
  if (mode === 'lib') {
    // The widget, for React apps. Every file starts with 'use client' (Next.js App Router and other React Server
    // Component frameworks then know it runs in the browser). ESM, and CommonJS for `require()` and Jest.
    return {
      plugins: [react()],
      publicDir: false,
      build: {
        outDir: 'dist/lib',
        emptyOutDir: true,
        sourcemap: false,
        lib: {
          entry: { index: resolve(root, 'src/index.ts') },
          formats: ['es', 'cjs'],
          cssFileName: 'connect-widget',
        },
        rollupOptions: {
          external: LIBRARY_EXTERNALS,
          output: { banner: "'use client';" },
        },
      },
    };
  }
  if (mode === 'lib-server') {
    // The entries without React: `./server` (safe in a React Server Component), `./sandbox` and `./sandbox/msw`.
    return {
      publicDir: false,
      build: {
        outDir: 'dist/lib',
        emptyOutDir: false,
        sourcemap: false,
        lib: {
          entry: {
            server: resolve(root, 'src/server.ts'),
            sandbox: resolve(root, 'src/sandbox/index.ts'),
            'sandbox-msw': resolve(root, 'src/sandbox/msw.ts'),
          },
          formats: ['es', 'cjs'],
        },
        rollupOptions: { external: LIBRARY_EXTERNALS },
      },
    };
  }
  return {
    // public/ holds only the MSW worker, for tests and Storybook: a production build must not ship it.
    publicDir: command === 'build' ? false : 'public',
    resolve: { alias: process.env.CONNECT_RUNTIME === 'react' ? [] : PREACT_FOR_REACT },
    // The sandbox answers /v3 in `npm run dev` and `vite preview`, as it does behind `npm start`.
    plugins: [react(), sandboxPlugin(), embedConfigPlugin(() => deploymentConfig(parseConfig(process.env)))],
    build: {
      outDir: 'dist/app',
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'index.html'),
          embed: resolve(root, 'embed.html'),
        },
      },
    },
    server: { port: Number(process.env.PORT ?? 5173) },
  };
});
