// Browser tests: Playwright driving Debian's Chromium against the built service, started once.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
    // As in jest.config.js: the Temporal polyfill is ES modules only.
    '/node_modules/temporal-(polyfill|utils)/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!temporal-(polyfill|utils)/)'],
  globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/support/global-teardown.ts',
  maxWorkers: 1,
  testSequencer: '<rootDir>/test/browser/support/sequencer.js',
  testTimeout: 60000,
};
