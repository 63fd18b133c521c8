// The email sending resources of one worker runtime, built once by
// startWorker, handed to the email processors and closed by the runtime's
// close(): the integration router (its transports, health counters and cached
// view), the send path's own Postgres pool, and the group commits of
// end-of-data marks and outcomes on that pool. Nothing is process-wide, so
// several runtimes (tests) each have their own.
import type { EmailSettings, Keyring, Logger } from "@opsdeck/core";
import { keepLentClientsAlive } from "@opsdeck/db";
import pg from "pg";

import type { WorkerConfig } from "../config";
import { IntegrationRouter } from "./integrations";
import { createSendWriters, type SendWriters } from "./sendWriters";

export interface EmailSending {
  readonly router: IntegrationRouter;
  /** The send path's own pool: its sessions run with EMAIL_DB_SYNCHRONOUS_COMMIT. */
  readonly writes: pg.Pool;
  /** Group commits of end-of-data marks and outcomes, on `writes`. */
  readonly writers: SendWriters;
  readonly settings: EmailSettings;
  /** This process's heartbeat id, written on every claim (null: none, then only the lease frees a claim). */
  readonly workerId: string | null;
  /**
   * After how long without a heartbeat a claiming process counts as dead and its claims are released,
   * ms: three heartbeat intervals.
   */
  readonly deadAfterMs: number;
  /** Flushes health counters, closes pooled SMTP connections, then the send path's pool. */
  close(): Promise<void>;
}

export function createEmailSending(opts: {
  /** The runtime's pool: integration reads and health writes. */
  pool: pg.Pool;
  config: WorkerConfig;
  keyring: Keyring;
  log: Logger;
  /** The runtime's heartbeat id. */
  workerId?: string;
}): EmailSending {
  const { config, log } = opts;
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
  keepLentClientsAlive(writes);
  const router = new IntegrationRouter(opts.pool, config, opts.keyring, log);
  let closing: Promise<void> | null = null;
  return {
    router,
    writes,
    writers: createSendWriters(writes),
    settings: config,
    workerId: opts.workerId ?? null,
    deadAfterMs: 3 * config.HEARTBEAT_INTERVAL_MS,
    close() {
      closing ??= (async () => {
        await router.close();
        await writes.end();
      })();
      return closing;
    },
  };
}
