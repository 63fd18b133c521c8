// The BullMQ scripts Opsdeck's bulk scripts (bulkScripts.ts) adapt rather than
// copy, pinned by the SHA-256 of the installed version's file
// (`node_modules/bullmq/dist/cjs/commands/<path>`). When a BullMQ upgrade
// changes one, tests/redis/bullmqLua.test.ts fails: read the upstream change,
// carry what applies into bulkScripts.ts, then update the hash here.

/** BullMQ version the adaptations were last reviewed against (package.json pins it exactly). */
export const REVIEWED_BULLMQ_VERSION = "6.7.0";

export const ADAPTED_SCRIPTS: Record<string, string> = {
  // Retry and promote.
  "moveJobsToWait-8.lua": "019589f064c426fb47ef92f4d82e2d253cd49b641ae15fd765397ec0b2e3b860",
  // Retry with a fresh set of attempts: which hash fields Job#retry's reset deletes.
  "reprocessJob-9.lua": "f3787a3eb9a6381ddbe2f26ee0f314952e9bde545535a223fef904ab716546f7",
  // Clean: which timestamps count, what a clean keeps, how a job is removed.
  "cleanJobsInSet-3.lua": "89025401178aecedf4c606ffb893f31f8110ac92dfe0cf96e9e808b04e9e7e51",
  "includes/cleanList.lua": "37ae17bf3841202d9723891faa37e6a0057b5807bce5938fa3faf5cffe496f2b",
  "includes/cleanSet.lua": "9bdbff70d0ff2c398a7272fd59372cddf6056487a8ba92daf554165aa7a93a6a",
  "includes/isJobSchedulerJob.lua": "2c4c960d75094304f7d07e5ea06f1dbc7c2b593885aebbe35c4222f924e15ffd",
  "includes/removeJob.lua": "b7c6655ea027d9d70fd70de52582fed4299f5ce8d5ec15a08a23233909c1e658",
  // Clean of the wait list, as a drain does it.
  "drain-5.lua": "9f2bec72349533d1a5edf0907ebba51ba269bd24cd57bb1c3007f743bd4b9878",
};
