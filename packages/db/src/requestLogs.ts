// Request logs (SPEC §3): written in batches off the request path with one
// multi-row INSERT ... SELECT FROM unnest(...) per batch (one round trip,
// a fixed number of bind parameters whatever the batch size), read back by
// the integration surface, and deleted after the retention period.
import type pg from "pg";

export interface RequestLogEntry {
  timestamp: Date;
  requestId: string;
  method: string;
  endpoint: string;
  route: string | null;
  statusCode: number;
  /** Milliseconds. */
  responseTime: number;
  requestSize: number;
  responseSize: number;
  ipAddress: string | null;
  userAgent: string | null;
  keyId: string | null;
}

export async function insertRequestLogs(pool: pg.Pool, rows: RequestLogEntry[]): Promise<void> {
  if (rows.length === 0) return;
  await pool.query(
    `INSERT INTO request_logs (timestamp, request_id, method, endpoint, route, status_code, response_time,
                               request_size, response_size, ip_address, user_agent, key_id)
     SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[],
                          $7::real[], $8::int[], $9::int[], $10::text[], $11::text[], $12::uuid[])`,
    [
      rows.map((r) => r.timestamp),
      rows.map((r) => r.requestId),
      rows.map((r) => r.method),
      rows.map((r) => r.endpoint),
      rows.map((r) => r.route),
      rows.map((r) => r.statusCode),
      rows.map((r) => r.responseTime),
      rows.map((r) => r.requestSize),
      rows.map((r) => r.responseSize),
      rows.map((r) => r.ipAddress),
      rows.map((r) => r.userAgent),
      rows.map((r) => r.keyId),
    ],
  );
}

export interface RequestLogQuery {
  keyId: string;
  page: number;
  limit: number;
  startDate?: Date | undefined;
  endDate?: Date | undefined;
  endpoint?: string | undefined;
  /** An exact code (200) or a class (4 for 4xx). */
  status?: { exact: number } | { class: number } | undefined;
  method?: string | undefined;
}

export interface RequestLogRow {
  id: string;
  timestamp: Date;
  method: string;
  endpoint: string;
  status_code: number;
  response_time: number;
  request_size: number;
  response_size: number;
  ip_address: string | null;
  user_agent: string | null;
}

export async function queryRequestLogs(
  pool: pg.Pool,
  q: RequestLogQuery,
): Promise<{ rows: RequestLogRow[]; total: number }> {
  const where = ["key_id = $1"];
  const params: unknown[] = [q.keyId];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace("?", `$${params.length}`));
  };
  if (q.startDate) add("timestamp >= ?", q.startDate);
  if (q.endDate) add("timestamp <= ?", q.endDate);
  if (q.endpoint) add("endpoint = ?", q.endpoint);
  if (q.method) add("method = ?", q.method);
  if (q.status && "exact" in q.status) add("status_code = ?", q.status.exact);
  if (q.status && "class" in q.status) {
    add("status_code >= ?", q.status.class * 100);
    add("status_code < ?", q.status.class * 100 + 100);
  }
  const whereSql = where.join(" AND ");
  const countParams = [...params];
  params.push(q.limit, (q.page - 1) * q.limit);
  const [rows, count] = await Promise.all([
    pool.query<RequestLogRow>(
      `SELECT id::text, timestamp, method, endpoint, status_code, response_time, request_size, response_size,
              ip_address, user_agent
         FROM request_logs WHERE ${whereSql}
        ORDER BY timestamp DESC, id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    ),
    pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM request_logs WHERE ${whereSql}`, countParams),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** Deletes request logs older than `retentionDays`, in chunks so no lock is held for long. Returns rows deleted. */
export async function deleteOldRequestLogs(pool: pg.Pool, retentionDays: number, chunk = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await pool.query(
      `DELETE FROM request_logs WHERE id IN (
         SELECT id FROM request_logs WHERE timestamp < now() - make_interval(days => $1) LIMIT $2)`,
      [retentionDays, chunk],
    );
    total += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < chunk) return total;
  }
}
