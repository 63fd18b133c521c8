// The alert rules about API replicas, from their heartbeats (api_heartbeats):
// a shared secret left unset (random per process) while several replicas run,
// and replicas that set one to different values (told by fingerprints, never
// the values). One alert per setting, the setting's name as subject.
import { sharedSecretEffect, thresholdsForSubject } from "@opsdeck/core";

import type { RuleInputs, RuleResult } from "./rules";

/**
 * A shared secret (SESSION_SECRET, DOWNLOAD_SIGNING_SECRET) left unset is random per API process, so with
 * two or more replicas running, what one signs the others refuse. One alert per setting (the subject).
 */
function randomSecretRules(i: RuleInputs, out: RuleResult): void {
  if (!i.apiProcesses) return;
  out.evaluated.push("random_secret_with_replicas");
  const replicas = i.apiProcesses.length;
  if (replicas < 2) return;
  const settings = [...new Set(i.apiProcesses.flatMap((p) => p.random_secrets))].sort();
  for (const setting of settings) {
    if (thresholdsForSubject(i.thresholds, setting).disabled.includes("random_secret_with_replicas")) continue;
    const random = i.apiProcesses.filter((p) => p.random_secrets.includes(setting));
    out.firing.push({
      rule: "random_secret_with_replicas",
      subject: setting,
      service: "API Server",
      severity: "error",
      message: `${setting} is not set on ${random.length} of ${replicas} API replicas, which use a random one each: ${sharedSecretEffect(setting)}. Set the same ${setting} on every replica.`,
      details: { setting, replicas, random_on: random.map((p) => p.id) },
    });
  }
}

/**
 * Replicas that set a shared secret to different values: the same breakage as a random one, from a typo or a
 * half-done rotation. Told by the fingerprints their heartbeats carry (never the values). One alert per setting.
 */
function mismatchRules(i: RuleInputs, out: RuleResult): void {
  if (!i.apiProcesses) return;
  out.evaluated.push("replica_secret_mismatch");
  const settings = [...new Set(i.apiProcesses.flatMap((p) => Object.keys(p.secret_fingerprints)))].sort();
  for (const setting of settings) {
    if (thresholdsForSubject(i.thresholds, setting).disabled.includes("replica_secret_mismatch")) continue;
    const setOn = i.apiProcesses.filter((p) => p.secret_fingerprints[setting] !== undefined);
    const values = new Set(setOn.map((p) => p.secret_fingerprints[setting]));
    if (values.size < 2) continue;
    out.firing.push({
      rule: "replica_secret_mismatch",
      subject: setting,
      service: "API Server",
      severity: "error",
      message: `API replicas disagree on ${setting} (${values.size} different values among ${setOn.length} replicas that set it): ${sharedSecretEffect(setting)}. Set the same ${setting} on every replica.`,
      details: { setting, replicas: setOn.length, values: values.size },
    });
  }
}

export function replicaRules(i: RuleInputs, out: RuleResult): void {
  randomSecretRules(i, out);
  mismatchRules(i, out);
}
