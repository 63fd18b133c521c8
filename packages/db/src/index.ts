// The one database package: every SQL statement and Postgres error code of
// Opsdeck lives here, one module per table or concern, each operation a
// function of a pool (or the Prisma client) and typed arguments; the apps
// call functions and never write SQL. The data layer is raw SQL over one
// `pg` pool: the hot paths need COPY, jsonb batch upserts with fences,
// partitioned tables and planner-aware expressions. Prisma is the schema of record (the models
// in prisma/schema, hand-written migrations in its layout, applied by
// migrate.ts); its client, over the same pool, serves only the small CRUD of
// keys and audit. docs/decisions.md gives the reasons.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "./generated/prisma/client";

export { PrismaClient } from "./generated/prisma/client";
export type * from "./generated/prisma/models";

export interface DbOptions {
  url: string;
  /** Pool size. @defaultValue 10 */
  max?: number;
  /** Server-side statement timeout, ms. @defaultValue 15000 */
  statementTimeoutMs?: number;
  /** How long to wait for a connection, ms. @defaultValue 3000 */
  connectTimeoutMs?: number;
  applicationName?: string;
  onError?: (err: Error) => void;
}

export interface Db {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createPool(opts: DbOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 3_000,
    idleTimeoutMillis: 30_000,
    application_name: opts.applicationName ?? "opsdeck",
  });
  // An idle client's connection dropping (Postgres restart) must not crash the process.
  pool.on("error", (err) => opts.onError?.(err));
  keepLentClientsAlive(pool);
  return pool;
}

/**
 * pg-pool removes its error listener from a client while the client is lent out (pool.connect()), and
 * pg emits 'error' on a client whose connection the server ends (a Postgres stop or restart) even
 * between queries: a client lent out at that moment would then throw an unhandled 'error' event and end
 * the process. A listener of its own on every client keeps the process up; the query under way, or the
 * next one, fails with the error and the caller handles it, and the pool drops the client on release
 * (it is no longer queryable). Errors of idle clients still reach the pool's own 'error' listener.
 */
export function keepLentClientsAlive(pool: pg.Pool): void {
  pool.on("connect", (client) => client.on("error", () => undefined));
}

export function createDb(opts: DbOptions): Db {
  const pool = createPool(opts);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export * from "./apiHeartbeats";
export * from "./audit";
export * from "./bootstrap";
export * from "./email";
export * from "./ensureDatabase";
export * from "./errors";
export * from "./heartbeats";
export * from "./jobActions";
// Job records, one module per concern: the fence every write passes, the batched upserts, authoritative
// status changes, reads, a job's history, search.
export * from "./jobRecords/fence";
export * from "./jobRecords/history";
export * from "./jobRecords/mark";
export * from "./jobRecords/read";
export * from "./jobRecords/replay";
export * from "./jobRecords/search";
export * from "./jobRecords/upsert";
export * from "./keys";
export * from "./logs";
export * from "./metrics";
export * from "./migrate";
export * from "./requestLogs";
export * from "./storage";
export * from "./streamPositions";
export * from "./timeIdCursor";
