// Integration health shared by every worker and API replica:
// per-minute attempt/failure buckets (the sliding window of the error rate)
// and a circuit breaker on the integration row.
//
// closed ──(N consecutive integration-level failures, a failed live check, or
//           the window's error rate over the threshold)──▶ open
// open ──(cool-down over; one worker wins the trial)──▶ half_open
// half_open ──(trial send or live check succeeds)──▶ closed (fresh window)
// half_open ──(trial fails)──▶ open for another cool-down
import type pg from "pg";

export interface CircuitOptions {
  /** Consecutive integration-level failures that open the circuit. */
  consecutiveFailures: number;
  /** Open period before a trial, ms. */
  cooldownMs: number;
}

export interface WindowOptions {
  windowSeconds: number;
  /** 0–1. */
  errorRate: number;
  minAttempts: number;
}

const interval = (param: string) => `make_interval(secs => ${param}::double precision / 1000)`;

/** Adds attempts and integration-level failures to the current minute's bucket. */
export async function recordAttempts(
  pool: pg.Pool,
  rows: { integrationId: string; attempts: number; failed: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await pool.query(
    `INSERT INTO smtp_integration_stats (integration_id, bucket, attempts, failed)
     SELECT t.id, date_trunc('minute', now()), t.a, t.f FROM unnest($1::text[], $2::int[], $3::int[]) AS t(id, a, f)
     WHERE EXISTS (SELECT 1 FROM smtp_integrations WHERE id = t.id)
     ON CONFLICT (integration_id, bucket) DO UPDATE
       SET attempts = smtp_integration_stats.attempts + EXCLUDED.attempts,
           failed = smtp_integration_stats.failed + EXCLUDED.failed`,
    [rows.map((r) => r.integrationId), rows.map((r) => r.attempts), rows.map((r) => r.failed)],
  );
}

/** One integration-level failure: counts it and opens the circuit past the threshold or on a failed trial. */
export async function recordIntegrationFailure(
  pool: pg.Pool,
  id: string,
  error: string,
  opts: CircuitOptions,
): Promise<{ circuit_state: string } | undefined> {
  const r = await pool.query<{ circuit_state: string }>(
    `UPDATE smtp_integrations SET
       consecutive_failures = consecutive_failures + 1,
       last_error = left($2, 500), last_failure_at = now(),
       circuit_state = CASE WHEN circuit_state = 'half_open' OR consecutive_failures + 1 >= $3 THEN 'open' ELSE circuit_state END,
       circuit_open_until = CASE WHEN circuit_state = 'half_open' OR (circuit_state = 'closed' AND consecutive_failures + 1 >= $3)
                                 THEN now() + ${interval("$4")} ELSE circuit_open_until END
     WHERE id = $1 RETURNING circuit_state`,
    [id, error, opts.consecutiveFailures, opts.cooldownMs],
  );
  return r.rows[0];
}

/** A successful send or check: resets the failure streak and closes a half-open circuit with a fresh window. */
export async function recordIntegrationSuccess(pool: pg.Pool, id: string): Promise<void> {
  const r = await pool.query<{ reopened: boolean }>(
    `UPDATE smtp_integrations SET consecutive_failures = 0,
       circuit_state = CASE WHEN circuit_state = 'half_open' THEN 'closed' ELSE circuit_state END,
       circuit_open_until = CASE WHEN circuit_state = 'half_open' THEN NULL ELSE circuit_open_until END
     WHERE id = $1 AND (consecutive_failures > 0 OR circuit_state = 'half_open')
     RETURNING circuit_state = 'closed' AS reopened`,
    [id],
  );
  if (r.rows[0]?.reopened) await pool.query(`DELETE FROM smtp_integration_stats WHERE integration_id = $1`, [id]);
}

/** After the cool-down, exactly one caller wins the trial (the circuit goes half-open for another cool-down). */
export async function claimCircuitTrial(pool: pg.Pool, id: string, cooldownMs: number): Promise<boolean> {
  const r = await pool.query(
    `UPDATE smtp_integrations SET circuit_state = 'half_open', circuit_open_until = now() + ${interval("$2")}
     WHERE id = $1 AND circuit_state IN ('open', 'half_open') AND circuit_open_until <= now()`,
    [id, cooldownMs],
  );
  return r.rowCount === 1;
}

/** Opens the circuit of every closed integration whose window error rate is over the threshold. Returns their ids. */
export async function openCircuitsOnErrorRate(pool: pg.Pool, w: WindowOptions, cooldownMs: number): Promise<string[]> {
  const r = await pool.query<{ id: string }>(
    `UPDATE smtp_integrations i SET circuit_state = 'open', circuit_open_until = now() + ${interval("$4")},
       last_error = 'error rate ' || round(100.0 * s.f / s.a) || '% over the last ' || $1 || ' s'
     FROM (SELECT integration_id, sum(attempts) AS a, sum(failed) AS f FROM smtp_integration_stats
           WHERE bucket >= now() - make_interval(secs => $1) GROUP BY integration_id) s
     WHERE s.integration_id = i.id AND i.circuit_state = 'closed' AND s.a >= $3 AND s.f::float8 / s.a >= $2
     RETURNING i.id`,
    [w.windowSeconds, w.errorRate, w.minAttempts, cooldownMs],
  );
  return r.rows.map((x) => x.id);
}

/** Stores a live check's result; a failure opens the circuit, a success after the cool-down closes it. */
export async function saveCheckResult(
  pool: pg.Pool,
  id: string,
  check: { ok: boolean; latencyMs: number; error: string | null },
  cooldownMs: number,
): Promise<void> {
  await pool.query(
    `UPDATE smtp_integrations SET last_check_at = now(), last_check_ok = $2, last_check_latency_ms = $3,
       last_check_error = left($4, 500),
       last_error = CASE WHEN $2 THEN last_error ELSE left('live check: ' || $4, 500) END,
       last_failure_at = CASE WHEN $2 THEN last_failure_at ELSE now() END,
       circuit_state = CASE WHEN NOT $2 THEN 'open'
                            WHEN circuit_state <> 'closed' AND circuit_open_until <= now() THEN 'closed'
                            ELSE circuit_state END,
       circuit_open_until = CASE WHEN NOT $2 THEN now() + ${interval("$5")}
                                 WHEN circuit_state <> 'closed' AND circuit_open_until <= now() THEN NULL
                                 ELSE circuit_open_until END,
       consecutive_failures = CASE WHEN $2 THEN consecutive_failures ELSE consecutive_failures + 1 END
     WHERE id = $1`,
    [id, check.ok, check.latencyMs, check.error, cooldownMs],
  );
}

export interface IntegrationHealth {
  id: string;
  name: string;
  type: string;
  enabled: boolean;
  circuit_state: string;
  circuit_open_until: Date | null;
  attempts: number;
  failed: number;
  /** Integration-level failures / attempts in the window; null without attempts. */
  error_rate: number | null;
  last_check_at: Date | null;
  last_check_ok: boolean | null;
  last_error: string | null;
  healthy: boolean;
}

/** Health of every integration: enabled, circuit closed, and window error rate under the threshold. */
export async function integrationHealth(pool: pg.Pool, w: WindowOptions): Promise<IntegrationHealth[]> {
  const r = await pool.query<Omit<IntegrationHealth, "healthy" | "error_rate">>(
    `SELECT i.id, i.name, i.type, i.enabled, i.circuit_state, i.circuit_open_until, i.last_check_at,
            i.last_check_ok, i.last_error, coalesce(s.a, 0)::int AS attempts, coalesce(s.f, 0)::int AS failed
     FROM smtp_integrations i
     LEFT JOIN (SELECT integration_id, sum(attempts) AS a, sum(failed) AS f FROM smtp_integration_stats
                WHERE bucket >= now() - make_interval(secs => $1) GROUP BY integration_id) s ON s.integration_id = i.id
     ORDER BY i.created_at, i.id`,
    [w.windowSeconds],
  );
  return r.rows.map((row) => {
    const rate = row.attempts > 0 ? row.failed / row.attempts : null;
    const rateOk = rate === null || row.attempts < w.minAttempts || rate < w.errorRate;
    return { ...row, error_rate: rate, healthy: row.enabled && row.circuit_state === "closed" && rateOk };
  });
}

/** Deletes window buckets older than `keepSeconds`. */
export async function pruneIntegrationStats(pool: pg.Pool, keepSeconds: number): Promise<number> {
  const r = await pool.query(`DELETE FROM smtp_integration_stats WHERE bucket < now() - make_interval(secs => $1)`, [
    keepSeconds,
  ]);
  return r.rowCount ?? 0;
}
