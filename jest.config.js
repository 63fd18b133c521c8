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
  // Generous on purpose: a test waits for conditions with deadlines of its own that name what they
  // waited for; on a busy machine (CI beside other work) those should be what fails, never jest's clock.
  testTimeout: 300_000,
  // Redis and Postgres connections must all be closed by each file's afterAll.
  detectOpenHandles: false,
};
