// Tests in a real browser (Debian's chromium, driven by playwright-core): `npm run test:browser`.
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
