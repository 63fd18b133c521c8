// Metric rollups, infrastructure health and alerts: the
// storage and computation shared by the worker (rollups, alert rules) and the
// API (health, alerts, metrics endpoints, Prometheus job counters).
export * from "./alerts";
export * from "./buckets";
export * from "./compact";
export * from "./health";
export * from "./latencyHistogram";
export * from "./latencyRead";
export * from "./latencyRollup";
export * from "./layers";
export * from "./queueRollup";
export * from "./read";
export * from "./requestRollup";
export * from "./retention";
export * from "./samples";
export * from "./systemStats";
