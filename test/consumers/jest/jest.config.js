// Jest with jsdom, as the README's recipe gives it: a jsdom that keeps Node's fetch (MSW needs it), MSW's ESM-only
// dependencies transformed to CommonJS, and the widget's stylesheet stubbed.
module.exports = {
  testEnvironment: 'jest-fixed-jsdom',
  testEnvironmentOptions: { customExportConditions: [''] },
  // Some of MSW's dependencies are ES modules only (`.mjs` files, and the `until-async` package): Babel turns those
  // into CommonJS and leaves the rest of node_modules as it is.
  transform: { '\\.(m?js|jsx)$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/(?!(until-async/|.+\\.mjs$))'],
  moduleNameMapper: { '\\.css$': '<rootDir>/test/style.js' },
};
