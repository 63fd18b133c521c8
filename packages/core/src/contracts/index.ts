export * from "./common";
export * from "./integration";
export * from "./keys";
export * from "./probes";
