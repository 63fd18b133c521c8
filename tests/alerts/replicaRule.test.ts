// The random_secret_with_replicas rule on its own (apps/worker/src/rollups/rules.ts):
// one alert per setting while two or more API replicas run and any makes it up;
// not evaluated when the heartbeats could not be read (an open alert then stays
// open); off for a setting listed in ALERT_THRESHOLDS' `disabled`.
// tests/api/replicas.test.ts runs it end to end against real API processes.
import { evaluateRules, type RuleInputs } from "../../apps/worker/src/rollups/rules";
import type { LiveApiProcess } from "../../packages/db/src";

const proc = (id: string, random_secrets: string[]): LiveApiProcess => ({ id, host: "h", pid: 1, random_secrets });

function run(apiProcesses: LiveApiProcess[] | null, thresholds: RuleInputs["thresholds"] = {}) {
  const r = evaluateRules({
    samples: null,
    online: null,
    recent: null,
    latency: null,
    health: { services: [], checked_at: new Date().toISOString() },
    blacklisted: null,
    droppedLogs: null,
    apiProcesses,
    thresholds,
  });
  return {
    evaluated: r.evaluated.includes("random_secret_with_replicas"),
    firing: r.firing.filter((f) => f.rule === "random_secret_with_replicas"),
  };
}

test("one alert per setting made up on any of several replicas, naming which", () => {
  const r = run([
    proc("a", []),
    proc("b", ["SESSION_SECRET"]),
    proc("c", ["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"]),
  ]);
  expect(r.evaluated).toBe(true);
  expect(r.firing.map((f) => [f.subject, f.details])).toEqual([
    ["DOWNLOAD_SIGNING_SECRET", { setting: "DOWNLOAD_SIGNING_SECRET", replicas: 3, random_on: ["c"] }],
    ["SESSION_SECRET", { setting: "SESSION_SECRET", replicas: 3, random_on: ["b", "c"] }],
  ]);
  expect(r.firing[1]?.message).toBe(
    "SESSION_SECRET is not set on 2 of 3 API replicas, which use a random one each: a sign-in cookie (console, Bull Board) issued by one replica is refused by the others. Set the same SESSION_SECRET on every replica.",
  );
  expect(r.firing.every((f) => f.severity === "error" && f.service === "API Server")).toBe(true);
});

test("a single replica, or replicas that share their secrets, fire nothing (and the rule is evaluated, so alerts resolve)", () => {
  expect(run([proc("a", ["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"])])).toEqual({ evaluated: true, firing: [] });
  expect(run([proc("a", []), proc("b", [])])).toEqual({ evaluated: true, firing: [] });
  expect(run([])).toEqual({ evaluated: true, firing: [] });
});

test("unknown heartbeats (Postgres unreadable) leave the rule unevaluated", () => {
  expect(run(null)).toEqual({ evaluated: false, firing: [] });
});

test("switched off for one setting through ALERT_THRESHOLDS", () => {
  const r = run([proc("a", ["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"]), proc("b", [])], {
    SESSION_SECRET: { disabled: ["random_secret_with_replicas"] },
  });
  expect(r.firing.map((f) => f.subject)).toEqual(["DOWNLOAD_SIGNING_SECRET"]);
});
