/** Unit and component tests (jsdom). The browser tests in e2e/ run separately (see package.json). */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/workbench', '<rootDir>/audit'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(ts|tsx|js|mjs)$': [
      'ts-jest',
      {
        tsconfig: { jsx: 'react', allowJs: true, esModuleInterop: true, module: 'commonjs', target: 'es2019', isolatedModules: true }
      }
    ]
  },
  // adaptivecards 2.11.2 (the quick view tests) loads swiper 8, which ships ES modules only (with ssr-window and dom7).
  transformIgnorePatterns: ['/node_modules/(?!@pnp/|swiper/|ssr-window/|dom7/)'],
  moduleNameMapper: {
    '^ProfilePhotoSyncWebPartStrings$': '<rootDir>/test/enUsStrings.ts',
    // The SPFx runtime modules load only inside SharePoint's page: test/spfx stands in for what the host does.
    '^@microsoft/sp-core-library$': '<rootDir>/test/spfx/sp-core-library.ts',
    '^@microsoft/sp-property-pane$': '<rootDir>/test/spfx/sp-property-pane.ts',
    '^@microsoft/sp-webpart-base$': '<rootDir>/test/spfx/sp-webpart-base.ts',
    '^@microsoft/sp-adaptive-card-extension-base$': '<rootDir>/test/spfx/sp-adaptive-card-extension-base.ts'
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // Upper bounds, never moments: on a machine busy with other work a component test may take seconds.
  testTimeout: 20000,
  cacheDirectory: '<rootDir>/node_modules/.cache/jest'
};
