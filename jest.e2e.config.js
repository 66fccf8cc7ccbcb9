/** End-to-end tests: the workbench in a real Chromium (from npm), one browser, tests in order. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: {
    '^.+\\.(ts|tsx)$': ['ts-jest', { tsconfig: { esModuleInterop: true, module: 'commonjs', target: 'es2019', isolatedModules: true } }]
  },
  globalSetup: '<rootDir>/e2e/globalSetup.mjs',
  globalTeardown: '<rootDir>/e2e/globalTeardown.mjs',
  testTimeout: 60000,
  maxWorkers: 1,
  cacheDirectory: '<rootDir>/node_modules/.cache/jest-e2e'
};
