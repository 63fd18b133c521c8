// Small reads the API's performance figures and the alert rules take from
// Postgres: recent API requests, the workers online per queue, and the
// sending IPs on a DNSBL.
import type pg from "pg";

import {
  insertRequestLogs,
  listBlacklistedIps,
  onlineWorkersPerQueue,
  recentRequestStats,
  type RequestLogEntry,
  upsertWorkerHeartbeat,
} from "../../packages/db/src";
import { useTestDatabase } from "../helpers/testEnv";

let pool: pg.Pool;
useTestDatabase((p) => (pool = p));

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

it("recentRequestStats: requests of the last minutes only, their 5xx, and their mean response time", async () => {
  expect(await recentRequestStats(pool, 5)).toEqual({ requests: 0, errors: 0, avgResponseMs: null });
  const entry = (at: Date, statusCode: number, responseTime: number): RequestLogEntry => ({
    timestamp: at,
    requestId: `r-${statusCode}-${responseTime}`,
    method: "GET",
    endpoint: "/x",
    route: "/x",
    statusCode,
    responseTime,
    requestSize: 0,
    responseSize: 0,
    ipAddress: null,
    userAgent: null,
    keyId: null,
  });
  await insertRequestLogs(pool, [
    entry(minutesAgo(1), 200, 10),
    entry(minutesAgo(2), 503, 30),
    entry(minutesAgo(3), 404, 20),
    entry(minutesAgo(30), 500, 1_000), // outside the window
  ]);
  expect(await recentRequestStats(pool, 5)).toEqual({ requests: 3, errors: 1, avgResponseMs: 20 });
  expect(await recentRequestStats(pool, 60)).toMatchObject({ requests: 4, errors: 2 });
});

it("onlineWorkersPerQueue: running workers with a fresh heartbeat, per queue they serve", async () => {
  const beat = (id: string, queues: string[], lastSeenAt: Date, stoppedAt: Date | null = null) =>
    upsertWorkerHeartbeat(pool, {
      id,
      host: "h",
      pid: 1,
      queues,
      startedAt: minutesAgo(60),
      lastSeenAt,
      cpuPercent: 0,
      memoryRssBytes: 0,
      memoryPercent: 0,
      version: "test",
      stoppedAt,
    });
  await beat("w-ab", ["qa", "qb"], new Date());
  await beat("w-b", ["qb"], new Date());
  await beat("w-stale", ["qa", "qc"], minutesAgo(5));
  await beat("w-stopped", ["qa", "qc"], new Date(), new Date());
  expect(Object.fromEntries(await onlineWorkersPerQueue(pool))).toEqual({ qa: 1, qb: 2 });
});

it("listBlacklistedIps: the sending IPs listed on at least one DNSBL, with their lists", async () => {
  await pool.query(
    `INSERT INTO sending_ips (ip_address, provider, blacklists)
     VALUES ('192.0.2.1', 'smtp', '{zen.example}'), ('192.0.2.2', 'smtp', '{}'), ('192.0.2.3', 'ses', '{a.example,b.example}')`,
  );
  const listed = await listBlacklistedIps(pool);
  expect(listed.sort((a, b) => a.ip.localeCompare(b.ip))).toEqual([
    { ip: "192.0.2.1", provider: "smtp", blacklists: ["zen.example"] },
    { ip: "192.0.2.3", provider: "ses", blacklists: ["a.example", "b.example"] },
  ]);
});
