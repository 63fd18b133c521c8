// Scenario 2: Redis killed (kill -9) and restarted on the same port after 10 s (AOF, fsync always).
"use strict";
const h = require("../harness");
const { redisOutage } = require("../harness/redisOutage");

const MS = Number(process.env.FAULTS_DOWN_MS ?? 10_000);
h.runScenario(`2. Redis killed for ${MS / 1000} s`, (bars) => redisOutage(bars, { mode: "kill", outageMs: MS }));
