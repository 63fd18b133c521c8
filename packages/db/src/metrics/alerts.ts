// Alert storage. One open alert per (rule, subject) is enforced by the
// partial unique index alerts_open_rule_subject_key, so a condition that
// holds for an hour of evaluations is one alert (its last_seen_at moves), and
// two evaluators racing cannot open two. When the condition clears the alert
// is resolved; if it comes back, a new alert opens.
import type pg from "pg";

export interface Firing {
  rule: string;
  subject: string;
  severity: "error" | "warning" | "info";
  service: string;
  message: string;
  details: Record<string, unknown>;
}

export interface AlertRow {
  id: string;
  rule: string;
  subject: string;
  severity: "error" | "warning" | "info";
  service: string;
  message: string;
  details: Record<string, unknown>;
  opened_at: Date;
  last_seen_at: Date;
  resolved_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_key_id: string | null;
}

const COLUMNS = `id::text AS id, rule, subject, severity, service, message, details, opened_at, last_seen_at,
  resolved_at, acknowledged_at, acknowledged_by, acknowledged_by_key_id`;

/** Opens or refreshes an alert per firing condition; returns those newly opened. */
export async function recordFiring(pool: pg.Pool, firing: Firing[]): Promise<AlertRow[]> {
  if (firing.length === 0) return [];
  const r = await pool.query<AlertRow & { inserted: boolean }>(
    `INSERT INTO alerts (rule, subject, severity, service, message, details)
     SELECT rule, subject, severity, service, message, details::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            AS f(rule, subject, severity, service, message, details)
     ON CONFLICT (rule, subject) WHERE resolved_at IS NULL DO UPDATE SET
       last_seen_at = now(), severity = EXCLUDED.severity, message = EXCLUDED.message, details = EXCLUDED.details
     RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
    [
      firing.map((f) => f.rule),
      firing.map((f) => f.subject),
      firing.map((f) => f.severity),
      firing.map((f) => f.service),
      firing.map((f) => f.message),
      firing.map((f) => JSON.stringify(f.details)),
    ],
  );
  return r.rows.filter((x) => x.inserted).map(({ inserted: _, ...row }) => row);
}

/** Resolves open alerts of `rules` whose (rule, subject) is not in `stillFiring`; returns them. */
export async function resolveCleared(pool: pg.Pool, rules: string[], stillFiring: Firing[]): Promise<AlertRow[]> {
  if (rules.length === 0) return [];
  const r = await pool.query<AlertRow>(
    `UPDATE alerts SET resolved_at = now()
      WHERE resolved_at IS NULL AND rule = ANY($1::text[])
        AND (rule, subject) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))
      RETURNING ${COLUMNS}`,
    [rules, stillFiring.map((f) => f.rule), stillFiring.map((f) => f.subject)],
  );
  return r.rows;
}

/** Alerts open now or active in the last `hours`, newest first. */
export async function listAlerts(
  pool: pg.Pool,
  opts: { hours: number; severity?: string | undefined; limit?: number },
): Promise<AlertRow[]> {
  const r = await pool.query<AlertRow>(
    `SELECT ${COLUMNS} FROM alerts
      WHERE (resolved_at IS NULL OR opened_at >= now() - make_interval(hours => $1)
             OR resolved_at >= now() - make_interval(hours => $1))
        AND ($2::text IS NULL OR severity = $2)
      ORDER BY opened_at DESC, id DESC LIMIT $3`,
    [opts.hours, opts.severity ?? null, opts.limit ?? 500],
  );
  return r.rows;
}

/** Records the first acknowledgement (who and when); later ones leave it as it was. Null when no such alert. */
export async function acknowledgeAlert(
  pool: pg.Pool,
  id: string,
  by: { name: string; keyId: string | null },
): Promise<AlertRow | null> {
  const r = await pool.query<AlertRow>(
    `UPDATE alerts SET acknowledged_at = COALESCE(acknowledged_at, now()),
                       acknowledged_by = COALESCE(acknowledged_by, $2),
                       acknowledged_by_key_id = CASE WHEN acknowledged_at IS NULL THEN $3::uuid
                                                     ELSE acknowledged_by_key_id END
      WHERE id = $1::bigint RETURNING ${COLUMNS}`,
    [id, by.name, by.keyId],
  );
  return r.rows[0] ?? null;
}
