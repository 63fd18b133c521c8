// The replica rules on their own (apps/worker/src/rollups/replicaRules.ts):
// random_secret_with_replicas, one alert per setting while two or more API
// replicas run and any makes it up; replica_secret_mismatch, one per setting
// that replicas set to different values (told by fingerprints). Neither is
// evaluated when the heartbeats could not be read (an open alert then stays
// open); each is off for a setting listed in ALERT_THRESHOLDS' `disabled`.
// tests/api/replicas.test.ts runs it end to end against real API processes.
import { evaluateRules, type RuleInputs } from "../../apps/worker/src/rollups/rules";
import { secretFingerprints } from "../../packages/core/src";
import type { LiveApiProcess } from "../../packages/db/src";

const proc = (
  id: string,
  random_secrets: string[],
  secret_fingerprints: Record<string, string> = {},
): LiveApiProcess => ({
  id,
  host: "h",
  pid: 1,
  random_secrets,
  secret_fingerprints,
});

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
    mismatch: r.firing.filter((f) => f.rule === "replica_secret_mismatch"),
    mismatchEvaluated: r.evaluated.includes("replica_secret_mismatch"),
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
  const none = { evaluated: true, firing: [], mismatch: [], mismatchEvaluated: true };
  expect(run([proc("a", ["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"])])).toEqual(none);
  expect(run([proc("a", []), proc("b", [])])).toEqual(none);
  expect(run([])).toEqual(none);
});

test("unknown heartbeats (Postgres unreadable) leave the rule unevaluated", () => {
  expect(run(null)).toEqual({ evaluated: false, firing: [], mismatch: [], mismatchEvaluated: false });
});

test("switched off for one setting through ALERT_THRESHOLDS", () => {
  const r = run([proc("a", ["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"]), proc("b", [])], {
    SESSION_SECRET: { disabled: ["random_secret_with_replicas"] },
  });
  expect(r.firing.map((f) => f.subject)).toEqual(["DOWNLOAD_SIGNING_SECRET"]);
});

const same = secretFingerprints({ SESSION_SECRET: "s".repeat(40), DOWNLOAD_SIGNING_SECRET: "d".repeat(40) });
const typo = secretFingerprints({ SESSION_SECRET: "S".repeat(40), DOWNLOAD_SIGNING_SECRET: "d".repeat(40) });

test("fingerprints: one per secret that is set, equal for equal values, never the value", () => {
  expect(Object.keys(same)).toEqual(["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"]);
  expect(same.SESSION_SECRET).toMatch(/^[A-Za-z0-9_-]{16}$/);
  expect(typo.DOWNLOAD_SIGNING_SECRET).toBe(same.DOWNLOAD_SIGNING_SECRET);
  expect(typo.SESSION_SECRET).not.toBe(same.SESSION_SECRET);
  // The same value under another setting's name gives another fingerprint.
  expect(secretFingerprints({ DOWNLOAD_SIGNING_SECRET: "s".repeat(40) }).DOWNLOAD_SIGNING_SECRET).not.toBe(
    same.SESSION_SECRET,
  );
  expect(secretFingerprints({ SESSION_SECRET: undefined })).toEqual({});
});

test("replicas that set a secret to different values: one mismatch alert for that setting only", () => {
  const r = run([proc("a", [], same), proc("b", [], same), proc("c", [], typo)]);
  expect(r.mismatchEvaluated).toBe(true);
  expect(r.firing).toEqual([]);
  expect(r.mismatch.map((f) => [f.subject, f.details])).toEqual([
    ["SESSION_SECRET", { setting: "SESSION_SECRET", replicas: 3, values: 2 }],
  ]);
  expect(r.mismatch[0]?.message).not.toContain("s".repeat(40));
  expect(run([proc("a", [], same), proc("b", [], same)]).mismatch).toEqual([]);
  // A replica that made the secret up is the other rule's; it has no fingerprint for it.
  const { SESSION_SECRET: _, ...withoutSession } = same;
  expect(run([proc("a", [], same), proc("b", ["SESSION_SECRET"], withoutSession)]).mismatch).toEqual([]);
  expect(
    run([proc("a", [], same), proc("c", [], typo)], { SESSION_SECRET: { disabled: ["replica_secret_mismatch"] } })
      .mismatch,
  ).toEqual([]);
});
