// The email sending state of a worker process: one integration router (its
// transports, health counters and cached view), created on the first email
// job and shared by every email job of the process.
import type { Logger } from "@opsdeck/core";
import pg from "pg";

import type { WorkerConfig } from "../config";
import { IntegrationRouter } from "./integrations";

export interface EmailSending {
  router: IntegrationRouter;
  /** The send path's own pool: its sessions run with EMAIL_DB_SYNCHRONOUS_COMMIT. */
  writes: pg.Pool;
}

// Keyed by the runtime's pool: one per database a runtime in this process talks to (tests run several).
const state = new Map<pg.Pool, EmailSending>();

export function emailSendingFor(pool: pg.Pool, config: WorkerConfig, log: Logger): EmailSending {
  let s = state.get(pool);
  if (!s) {
    const writes = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: Math.max(2, Math.min(config.DB_POOL_SIZE, 10)),
      statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      application_name: "opsdeck-worker-email",
      // Custom plans only: its statements are prepared (named) and would otherwise settle, after five runs,
      // on a generic plan costed against the table as it was then. On a new database that is nearly empty,
      // so the plan seq-scans email_messages, and it keeps doing so at every mark (measured: 0.7 ms of
      // Postgres CPU per statement at 10,000 rows, growing with the table) until autovacuum's analyze
      // invalidates it. A custom plan sees the real table and the real array lengths; replanning these
      // small statements costs far less than one wrong plan.
      options: `-c synchronous_commit=${config.EMAIL_DB_SYNCHRONOUS_COMMIT} -c plan_cache_mode=force_custom_plan`,
    });
    writes.on("error", (err) => log.warn("postgres pool error", { err }));
    s = { router: new IntegrationRouter(pool, config, log), writes };
    state.set(pool, s);
  }
  return s;
}

/** Flushes health counters, closes pooled SMTP connections and the send path's pool (shutdown, tests). */
export async function closeEmailSending(): Promise<void> {
  const all = [...state.values()];
  state.clear();
  await Promise.all(
    all.map(async (s) => {
      await s.router.close();
      await s.writes.end();
    }),
  );
}
