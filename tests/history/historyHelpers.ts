// Shared by the history tests: a follower on a test env (short lease, block
// and discovery so fail-over and new queues take well under a second or two),
// plain BullMQ clients that are not Opsdeck's code, and record/event reads.
import pg from "pg";

import { type HistoryFollower, startHistoryFollower } from "../../apps/worker/src/history/follower";
import type { TestEnv } from "../helpers/testEnv";
import { silentLogger } from "../worker/workerHelpers";

/** application_name of a test follower's Postgres connections. */
export const FOLLOWER_APP = "opsdeck-history-test";

export interface TestFollower extends HistoryFollower {
  pool: pg.Pool;
}

export function follower(
  env: TestEnv,
  extra: { batch?: number; leaseMs?: number; backfillMax?: number; stepAsideMaxMs?: number } = {},
): TestFollower {
  // Named, so a test can find (and terminate) the follower's Postgres backends.
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 3, application_name: FOLLOWER_APP });
  pool.on("error", () => undefined); // an idle connection terminated under it: the pool replaces it
  const f = startHistoryFollower({
    pool,
    target: { kind: "standalone", url: env.redisUrl },
    queuePrefix: env.queuePrefix,
    keyPrefix: env.keyPrefix,
    exclude: [],
    batch: extra.batch ?? 200,
    blockMs: 100,
    lingerMs: 50,
    discoveryMs: 200,
    leaseMs: extra.leaseMs ?? 1_500,
    backfillMax: extra.backfillMax ?? 10_000,
    repairMaxJobs: 100_000,
    stepAsideMaxMs: extra.stepAsideMaxMs ?? 10_000,
    log: silentLogger(),
  });
  return Object.assign(f, { pool });
}

export async function endFollower(f: TestFollower, how: "stop" | "kill"): Promise<void> {
  if (how === "stop") await f.stop();
  else f.kill();
  await f.pool.end();
}

export interface RecordSummary {
  job_id: string;
  status: string;
  attempt: number;
  attempts_made: number;
  failed_reason: string | null;
  payload: unknown;
  history_incomplete: boolean;
}

export async function recordsOf(pool: pg.Pool, queue: string): Promise<Map<string, RecordSummary>> {
  const r = await pool.query<RecordSummary>(
    `SELECT job_id, status, attempt, attempts_made, failed_reason, payload, history_incomplete
       FROM job_records WHERE queue = $1`,
    [queue],
  );
  return new Map(r.rows.map((x) => [x.job_id, x]));
}

/** Every event of a queue as "job/attempt/event/detail" lines, sorted. */
export async function eventsOf(pool: pg.Pool, queue: string): Promise<string[]> {
  const r = await pool.query<{ job_id: string; attempt: number; event: string; detail: string | null }>(
    `SELECT job_id, attempt, event, detail FROM job_events WHERE queue = $1`,
    [queue],
  );
  return r.rows.map((e) => `${e.job_id}/${e.attempt}/${e.event}/${e.detail ?? ""}`).sort();
}

/** True once every job of `ids` has a record in a final status. */
export async function allFinal(pool: pg.Pool, queue: string, ids: string[]): Promise<boolean> {
  const recs = await recordsOf(pool, queue);
  return ids.every((id) => ["completed", "failed"].includes(recs.get(id)?.status ?? ""));
}
