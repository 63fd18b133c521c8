// Actions over the jobs a search matched (POST /job-actions): the action row
// (filter, progress, outcome, lease) and its frozen matched set, one item per
// job in search order. The API process running an action claims items in
// order, records each outcome once (an item already decided is never counted
// again, whoever decides it), and renews its lease as it goes; an action whose
// lease lapsed is claimed by another API process.
import type pg from "pg";

import { type JobSearchFilter, SEARCH_ORDER, searchFilter } from "./jobRecords/search";

/** Jobs a dry run lists. */
const SAMPLE_SIZE = 20;

export interface JobActionRow {
  id: string;
  action: string;
  filter: Record<string, unknown>;
  state: "running" | "completed" | "failed";
  matched: number;
  done: number;
  skipped: number;
  skip_reasons: Record<string, number>;
  error: string | null;
  actor: string;
  actor_key_id: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface JobActionItem {
  seq: number;
  queue: string;
  job_id: string;
}

/** How many records match (at most `limit`) and the first SAMPLE_SIZE of them, in search order. */
export async function previewJobAction(
  pool: pg.Pool,
  s: JobSearchFilter,
  limit: number,
): Promise<{ matched: number; sample: { queue: string; job_id: string }[] }> {
  const { filter, args } = searchFilter(s);
  const [count, sample] = await Promise.all([
    pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM job_records ${filter} LIMIT ${Math.trunc(limit)}) m`,
      args,
    ),
    pool.query<{ queue: string; job_id: string }>(
      `SELECT queue, job_id FROM job_records ${filter} ORDER BY ${SEARCH_ORDER} LIMIT ${Math.min(SAMPLE_SIZE, Math.trunc(limit))}`,
      args,
    ),
  ]);
  return { matched: Number(count.rows[0]?.n ?? 0), sample: sample.rows };
}

export interface NewJobAction {
  id: string;
  action: string;
  /** The filter as asked for (shown back by GET). */
  filterView: Record<string, unknown>;
  search: JobSearchFilter;
  limit: number;
  actor: string;
  actorKeyId: string | null;
  leaseMs: number;
}

/**
 * Creates the action and freezes its matched set (the first `limit` matching records, search order),
 * in one transaction; returns how many matched and the first SAMPLE_SIZE of them.
 */
export async function startJobAction(
  pool: pg.Pool,
  a: NewJobAction,
): Promise<{ matched: number; sample: { queue: string; job_id: string }[] }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO job_actions (id, action, filter, actor, actor_key_id, lease_until)
       VALUES ($1, $2, $3::jsonb, $4, $5, now() + $6 * interval '1 millisecond')`,
      [a.id, a.action, JSON.stringify(a.filterView), a.actor, a.actorKeyId, a.leaseMs],
    );
    const { filter, args } = searchFilter(a.search, [a.id]);
    const items = await client.query(
      `INSERT INTO job_action_items (action_id, seq, queue, job_id)
       SELECT $1, row_number() OVER (ORDER BY ${SEARCH_ORDER}), queue, job_id
         FROM (SELECT queue, job_id, updated_at FROM job_records ${filter}
                ORDER BY ${SEARCH_ORDER} LIMIT ${Math.trunc(a.limit)}) m`,
      args,
    );
    const matched = items.rowCount ?? 0;
    await client.query(`UPDATE job_actions SET matched = $2 WHERE id = $1`, [a.id, matched]);
    const sample = await client.query<{ queue: string; job_id: string }>(
      `SELECT queue, job_id FROM job_action_items WHERE action_id = $1 ORDER BY seq LIMIT ${SAMPLE_SIZE}`,
      [a.id],
    );
    await client.query("COMMIT");
    return { matched, sample: sample.rows };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The next `n` undecided items of an action, in order. */
export async function nextJobActionItems(pool: pg.Pool, id: string, n: number): Promise<JobActionItem[]> {
  const r = await pool.query<JobActionItem>(
    `SELECT seq, queue, job_id FROM job_action_items
      WHERE action_id = $1 AND outcome IS NULL ORDER BY seq LIMIT ${Math.trunc(n)}`,
    [id],
  );
  return r.rows;
}

/**
 * Records outcomes ('done' or a skip reason) of undecided items and adds them to the action's counts,
 * renewing its lease, in one statement: an item decided already (by a process that lost its lease
 * meanwhile) keeps its first outcome and is not counted twice.
 */
export async function recordJobActionOutcomes(
  pool: pg.Pool,
  id: string,
  outcomes: { seq: number; outcome: string }[],
  leaseMs: number,
): Promise<void> {
  await pool.query(
    `WITH decided AS (
       UPDATE job_action_items i SET outcome = v.outcome
         FROM unnest($2::int[], $3::text[]) AS v(seq, outcome)
        WHERE i.action_id = $1 AND i.seq = v.seq AND i.outcome IS NULL
       RETURNING i.outcome),
     tally AS (SELECT outcome, count(*)::int AS n FROM decided GROUP BY outcome)
     UPDATE job_actions a SET
       done = a.done + coalesce((SELECT n FROM tally WHERE outcome = 'done'), 0),
       skipped = a.skipped + coalesce((SELECT sum(n)::int FROM tally WHERE outcome <> 'done'), 0),
       skip_reasons = (SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb) FROM (
                         SELECT k, sum(n)::int AS n FROM (
                           SELECT key AS k, value::int AS n FROM jsonb_each_text(a.skip_reasons)
                           UNION ALL SELECT outcome, n FROM tally WHERE outcome <> 'done') x
                         GROUP BY k) y),
       lease_until = now() + $4 * interval '1 millisecond'
      WHERE a.id = $1`,
    [id, outcomes.map((o) => o.seq), outcomes.map((o) => o.outcome), leaseMs],
  );
}

/** Ends a running action; `error` says why a failed one stopped. Returns the row, or null if it was not running. */
export async function finishJobAction(
  pool: pg.Pool,
  id: string,
  state: "completed" | "failed",
  error: string | null,
): Promise<JobActionRow | null> {
  const r = await pool.query<JobActionRow>(
    `UPDATE job_actions SET state = $2, error = $3, finished_at = now(), lease_until = NULL
      WHERE id = $1 AND state = 'running' RETURNING *`,
    [id, state, error],
  );
  return r.rows[0] ?? null;
}

export async function getJobAction(pool: pg.Pool, id: string): Promise<JobActionRow | null> {
  const r = await pool.query<JobActionRow>(`SELECT * FROM job_actions WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Lets another process take a running action over at once (this one is shutting down). */
export async function releaseJobAction(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(`UPDATE job_actions SET lease_until = now() WHERE id = $1 AND state = 'running'`, [id]);
}

/** Claims running actions whose lease lapsed (their process died or stopped): their ids. */
export async function claimLapsedJobActions(pool: pg.Pool, leaseMs: number): Promise<string[]> {
  const r = await pool.query<{ id: string }>(
    `UPDATE job_actions SET lease_until = now() + $1 * interval '1 millisecond'
      WHERE id IN (SELECT id FROM job_actions WHERE state = 'running' AND lease_until <= now()
                    ORDER BY created_at LIMIT 10 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [leaseMs],
  );
  return r.rows.map((x) => x.id);
}
