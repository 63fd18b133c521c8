/** Opsdeck's version, reported by /api/integration/health and the heartbeat. */
export const VERSION = "0.1.0";
