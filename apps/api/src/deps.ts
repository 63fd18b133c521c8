// Everything the app needs from the outside world, built once in main.ts (or
// by a test) and passed to createApp. Nothing here listens on a port.
import type { BatchBuffer, Logger } from "@opsdeck/core";
import type { Db, RequestLogEntry } from "@opsdeck/db";
import { type Redis } from "@opsdeck/redis";
import type pg from "pg";

import type { ApiConfig } from "./config";
import type { KeyAuthenticator } from "./http/auth";
import type { RateLimits } from "./http/rateLimit";
import type { JobActionRunner } from "./jobActions/runner";
import type { SearchSlots } from "./logs/searchSlots";
import type { ApiMetrics } from "./prometheus/registry";
import type { QueueRegistry } from "./queues/registry";
import type { Sessions } from "./sessions/sessions";

interface Lifecycle {
  /** True from SIGTERM on: /readyz answers 503 and connections close after each response. */
  draining: boolean;
  startedAt: Date;
}

export interface AppDeps {
  config: ApiConfig;
  logger: Logger;
  db: Db;
  /**
   * Log search runs here, apart from `db`: a pool of its own (two connections per slot) and the slots that
   * bound it, so searches can never take the connections of authentication, probes and writes.
   */
  logSearch: { pool: pg.Pool; slots: SearchSlots };
  /** Request-path Redis client: fails fast, never queues while disconnected. */
  redis: Redis;
  keys: KeyAuthenticator;
  /** Browser sign-in sessions, one store for Bull Board, the console and the API's session calls. */
  sessions: Sessions;
  limits: RateLimits;
  requestLogs: BatchBuffer<RequestLogEntry>;
  metrics: ApiMetrics;
  /** Catalog and discovered BullMQ queues. */
  queues: QueueRegistry;
  /** Runs POST /job-actions in the background (and takes over lapsed ones once watching). */
  jobActions: JobActionRunner;
  lifecycle: Lifecycle;
}
