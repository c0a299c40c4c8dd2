/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // Type-checking happens once in `npm test` (tsc --noEmit, beside jest); jest only transpiles, with swc.
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }] },
  // cdktf loads archiver for nothing in this process: the stand-in loads it when used (stacks/lazy-archiver.ts).
  moduleNameMapper: { "^archiver$": "<rootDir>/test-support/archiver-stand-in.ts" },
  setupFilesAfterEnv: ["<rootDir>/test-support/jest-setup.ts"],
  // One temporary directory per run, removed at the end (test-support/jest-global.js).
  globalSetup: "<rootDir>/test-support/jest-global.js",
  globalTeardown: "<rootDir>/test-support/jest-global-teardown.js",
  snapshotFormat: { printBasicPrototype: false },
  // Every core: jest's default (cores - 1) runs the suites one at a time on a 2-core machine.
  // npm test runs tsc beside it (scripts/test.js).
  maxWorkers: "100%",
};
