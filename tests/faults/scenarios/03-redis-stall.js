// Scenario 3: a 15 s silent network stall to Redis (proxy keeps sockets open, forwards nothing).
"use strict";
const h = require("../harness");
const { redisOutage } = require("../harness/redisOutage");

const MS = Number(process.env.FAULTS_STALL_MS ?? 15_000);
h.runScenario(`3. Redis network stall ${MS / 1000} s`, (bars) => redisOutage(bars, { mode: "stall", outageMs: MS }));
