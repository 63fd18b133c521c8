export * from "./audit";
export * from "./common";
export * from "./integration";
export * from "./jobs";
export * from "./keys";
export * from "./probes";
export * from "./queues";
