// Everything Opsdeck reads from or writes to Redis: clients with Opsdeck's
// deadlines, BullMQ's internals (bullmq/: the key layout, counts, stalled and
// worker detection, discovery, the bulk scripts), Opsdeck's own keys (dropped
// log counts, sign-in sessions) and the Redis measurements of health and
// rollups. The API, the worker and the rollups all go through this package, as
// bull-board's queue adapters do.
export * from "./bullmq";
export * from "./client";
export * from "./droppedLogs";
export * from "./sessions";
export * from "./stats";
export * from "./streamLeases";
export * from "./workerCommands";
