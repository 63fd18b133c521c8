// One BullMQ Worker per served catalog queue. Every job's payload is parsed
// with the catalog schema before its processor runs (jobs outlive deploys and
// any producer can add them); a bad payload fails the job at once as
// unrecoverable, naming each bad field. Retries and backoff are job options
// set by producers (core `defaultJobOptions`); the worker's removeOnComplete /
// removeOnFail bound jobs added without them.
import { type CatalogQueueName, type Logger, type PayloadOf, QUEUES } from "@opsdeck/core";
import type { Db } from "@opsdeck/db";
import { type Job, UnrecoverableError, Worker } from "bullmq";

import type { WorkerConfig } from "./config";
import type { ProcessorMap } from "./processors";
import type { Processor, ProcessorContext } from "./processors/types";

export interface WorkerDeps {
  config: WorkerConfig;
  processors: ProcessorMap;
  db: Db;
  log: Logger;
  tracker: ActiveJobs;
}

/** Counts processor calls in flight, so shutdown can wait for them with its own deadline. */
export interface ActiveJobs {
  readonly count: number;
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passes first. */
  whenIdle(timeoutMs: number): Promise<boolean>;
}

export function createActiveJobs(): ActiveJobs {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    get count() {
      return count;
    },
    async track(work) {
      count++;
      try {
        return await work;
      } finally {
        count--;
        if (count === 0) for (const w of waiters.splice(0)) w();
      }
    },
    whenIdle(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
        waiters.push(done);
      });
    },
  };
}

/** Parses a job's data with its queue's schema; throws UnrecoverableError listing every problem. */
export function parsePayload<Q extends CatalogQueueName>(queue: Q, data: unknown): PayloadOf<Q> {
  const r = QUEUES[queue].payload.safeParse(data);
  if (r.success) return r.data as PayloadOf<Q>;
  const problems = r.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(payload)"}: ${i.message}`);
  throw new UnrecoverableError(`invalid payload for queue '${queue}': ${problems.slice(0, 10).join("; ")}`);
}

/**
 * A processor's context. The job's child logger is built on first use: most jobs log nothing, and a
 * winston child per job is a measurable share of a short job's cost at thousands of jobs a second.
 * (A class, so the lazy getter lives on the prototype rather than being built per job.)
 */
class JobContext implements ProcessorContext {
  #log: Logger | undefined;
  constructor(
    readonly config: WorkerConfig,
    readonly db: Db,
    private readonly parentLog: Logger,
    private readonly queue: CatalogQueueName,
    private readonly jobId: string | undefined,
  ) {}
  get log(): Logger {
    return (this.#log ??= this.parentLog.child({ queue: this.queue, job_id: this.jobId }));
  }
}

function createQueueWorker<Q extends CatalogQueueName>(queue: Q, processor: Processor<PayloadOf<Q>>, deps: WorkerDeps) {
  const { config } = deps;
  // Async, so a payload that fails to parse rejects inside the tracked promise rather than throwing.
  const run = async (job: Job) =>
    processor(
      job as Job<PayloadOf<Q>>,
      parsePayload(queue, job.data),
      new JobContext(config, deps.db, deps.log, queue, job.id),
    );
  const worker = new Worker(queue, (job: Job) => deps.tracker.track(run(job)), {
    // BullMQ's blocking connections must retry forever rather than fail a command.
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null, connectionName: `opsdeck-worker-${queue}` },
    prefix: config.QUEUE_PREFIX,
    concurrency: config.concurrency[queue],
    lockDuration: config.WORKER_LOCK_DURATION_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: config.WORKER_MAX_STALLED_COUNT,
    removeOnComplete: { count: config.REMOVE_ON_COMPLETE_COUNT, age: config.REMOVE_ON_COMPLETE_AGE },
    removeOnFail: { count: config.REMOVE_ON_FAIL_COUNT, age: config.REMOVE_ON_FAIL_AGE },
    autorun: false,
  });
  let lastError = 0;
  worker.on("error", (err) => {
    // Connection errors repeat while Redis is down; one line per 10 s is enough.
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    deps.log.warn("worker error", { queue, err });
  });
  return worker;
}

/** Creates (not yet running) workers for `config.queues`; call `worker.run()` after attaching listeners. */
export function createWorkers(deps: WorkerDeps): Worker[] {
  return deps.config.queues.map((q) =>
    createQueueWorker(q, deps.processors[q] as Processor<PayloadOf<typeof q>>, deps),
  );
}
