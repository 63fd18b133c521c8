// Load generators used by the outage scenarios: a steady stream of write
// requests (pause/resume) and health reads, each with a client deadline, so a
// hung request is counted as hung instead of hanging the scenario.
"use strict";
const { pct } = require("./index");

/** Fires `make()` every `everyMs` until stop(); every result tagged with the phase current at send time. */
function steady(make, everyMs) {
  const results = [];
  const pending = new Set();
  let phase = "before";
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    const ph = phase;
    const sentAt = Date.now();
    const p = make().then((r) => results.push({ ...r, phase: ph, sentAt }));
    pending.add(p);
    p.finally(() => pending.delete(p));
  }, everyMs);
  return {
    results,
    setPhase(p) {
      phase = p;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...pending]);
      return results;
    },
  };
}

/** Latency and status figures of one phase. */
function summarize(results, phase) {
  const rs = results.filter((r) => phase === undefined || r.phase === phase);
  const byStatus = {};
  for (const r of rs) {
    const k = r.status === 0 ? r.error || "error" : String(r.status);
    byStatus[k] = (byStatus[k] ?? 0) + 1;
  }
  const ms = rs.map((r) => r.ms);
  return {
    n: rs.length,
    byStatus,
    p50: Math.round(pct(ms, 50)),
    p99: Math.round(pct(ms, 99)),
    max: Math.round(Math.max(0, ...ms)),
    over1s: rs.filter((r) => r.ms > 1_000).length,
    other5xx: rs.filter((r) => r.status >= 500 && r.status !== 503).length,
    hung: rs.filter((r) => r.status === 0).length,
    codes: [...new Set(rs.map((r) => r.json?.error?.code ?? r.json?.code).filter(Boolean))],
  };
}

module.exports = { steady, summarize };
