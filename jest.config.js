// Every test runs against the real Redis and Postgres (see tests/setup/).
// ts-jest transpiles only (isolatedModules); `npm run typecheck` checks types.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/apps", "<rootDir>/packages"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "<rootDir>/tests/faults/"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json", diagnostics: false }] },
  moduleNameMapper: {
    // The generated Prisma client imports "./x.js" from TypeScript sources.
    "^(\\.{1,2}/.*)\\.js$": "$1",
    "^@opsdeck/(core|db|redis|client)$": "<rootDir>/packages/$1/src",
  },
  globalSetup: "<rootDir>/tests/setup/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/setup/globalTeardown.ts",
  testTimeout: 30_000,
  // Redis and Postgres connections must all be closed by each file's afterAll.
  detectOpenHandles: false,
};
