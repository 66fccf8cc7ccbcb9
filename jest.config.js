/** Unit and component tests (jsdom). The browser tests in e2e/ run separately (see package.json). */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(ts|tsx|js|mjs)$': [
      'ts-jest',
      {
        tsconfig: { jsx: 'react', allowJs: true, esModuleInterop: true, module: 'commonjs', target: 'es2019', isolatedModules: true }
      }
    ]
  },
  transformIgnorePatterns: ['/node_modules/(?!@pnp/)'],
  moduleNameMapper: {
    '^ProfilePhotoSyncWebPartStrings$': '<rootDir>/test/enUsStrings.ts'
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  cacheDirectory: '<rootDir>/node_modules/.cache/jest'
};
