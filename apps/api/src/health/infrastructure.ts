// GET …/infrastructure/health's answer, shared between callers for a few
// seconds. One answer runs five probes (two Postgres aggregates over the last
// minutes of request logs and email attempts, a Postgres ping, Redis INFO and
// the email queues' counts); every open console polls it, so without sharing
// the probes' cost grew with the number of people watching. `checked_at` says
// when the shared answer was measured.
import type { InfrastructureHealth } from "@opsdeck/core";
import { collectInfrastructureHealth } from "@opsdeck/db";
import { fetchQueueCounts, redisStats, waitingOf } from "@opsdeck/redis";

import type { AppDeps } from "../deps";
import { readyRedis } from "../queues/connection";

/** How long one measurement answers every caller, ms: well under the console's 15 s poll and the alert rules' minute. */
const SHARED_FOR_MS = 5_000;
const EMAIL_QUEUES = ["email-sending-high", "email-sending"];

interface Shared {
  at: number;
  answer: Promise<InfrastructureHealth>;
}

/** Per app (tests build several), so one app's outage never answers for another. */
const sharedByDeps = new WeakMap<AppDeps, Shared>();

function measure(deps: AppDeps): Promise<InfrastructureHealth> {
  const { config } = deps;
  return collectInfrastructureHealth({
    pool: deps.db.pool,
    poolMax: config.DB_POOL_SIZE,
    redisStats: (timeoutMs) => redisStats(deps.redis, timeoutMs),
    timeoutMs: config.PROBE_TIMEOUT_MS,
    thresholds: config.ALERT_THRESHOLDS,
    emailBacklog: async () => {
      const redis = await readyRedis(deps.queues);
      const counts = await fetchQueueCounts(redis, deps.queues.prefix, EMAIL_QUEUES);
      return [...counts.values()].reduce((a, c) => a + waitingOf(c), 0);
    },
  });
}

/** The health of every service, measured at most once per SHARED_FOR_MS (callers meanwhile share it). */
export function infrastructureHealth(deps: AppDeps): Promise<InfrastructureHealth> {
  const now = Date.now();
  const shared = sharedByDeps.get(deps);
  // Measured from the start of the measurement, so a slow probe never stretches how stale an answer may be.
  if (shared && now - shared.at < SHARED_FOR_MS) return shared.answer;
  const answer = measure(deps);
  sharedByDeps.set(deps, { at: now, answer });
  // collectInfrastructureHealth never throws (a dead dependency is `down`), but never keep a rejection anyway.
  answer.catch(() => sharedByDeps.delete(deps));
  return answer;
}
