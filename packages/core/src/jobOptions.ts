// Producer-side job options for the catalog queues: retries with
// exponential backoff per queue, and bounded retention of finished jobs so
// Redis never grows without limit. Retries and backoff are job options in
// BullMQ (set when a job is added), so every producer — the API, the CLI's
// demo, the worker's own scheduler — adds catalog jobs with these.
// Structurally compatible with bullmq's `JobsOptions`; core does not depend on bullmq.
import { type CatalogQueueName, QUEUES } from "./queues";

/** How many finished jobs Redis keeps, and for how long (seconds). */
interface JobRetention {
  count: number;
  /** Seconds. */
  age: number;
}

export interface JobRetentionOptions {
  /** @defaultValue { count: 1000, age: 86400 } (one day) */
  removeOnComplete?: JobRetention;
  /** @defaultValue { count: 10000, age: 604800 } (seven days) */
  removeOnFail?: JobRetention;
}

const DEFAULT_REMOVE_ON_COMPLETE: JobRetention = { count: 1_000, age: 86_400 };
const DEFAULT_REMOVE_ON_FAIL: JobRetention = { count: 10_000, age: 7 * 86_400 };

export interface CatalogJobOptions {
  attempts: number;
  backoff: { type: "exponential"; delay: number };
  removeOnComplete: JobRetention;
  removeOnFail: JobRetention;
}

/** Retention, and the retry policy where a producer's config overrides the catalog's. */
export interface JobOptionsOverrides extends JobRetentionOptions {
  /** @defaultValue the catalog queue's `attempts` */
  attempts?: number;
  /** Exponential backoff base, ms. @defaultValue the catalog queue's `backoffMs` */
  backoffMs?: number;
}

/** Default options for adding a job to a catalog queue: its attempts and backoff (ms), and retention. */
export function defaultJobOptions(queue: CatalogQueueName, overrides: JobOptionsOverrides = {}): CatalogJobOptions {
  const def = QUEUES[queue];
  return {
    attempts: overrides.attempts ?? def.attempts,
    backoff: { type: "exponential", delay: overrides.backoffMs ?? def.backoffMs },
    removeOnComplete: { ...(overrides.removeOnComplete ?? DEFAULT_REMOVE_ON_COMPLETE) },
    removeOnFail: { ...(overrides.removeOnFail ?? DEFAULT_REMOVE_ON_FAIL) },
  };
}
