// One BullMQ Worker per served catalog queue. Every job's payload is parsed
// with the catalog schema before its processor runs (jobs outlive deploys and
// any producer can add them); a bad payload fails the job at once as
// unrecoverable, naming each bad field. Retries and backoff are job options
// set by producers (core `defaultJobOptions`); the worker's removeOnComplete /
// removeOnFail bound jobs added without them.
import { type CatalogQueueName, type Logger, type PayloadOf, QUEUES, redisTarget } from "@opsdeck/core";
import type { Db } from "@opsdeck/db";
import { bullmqConnection } from "@opsdeck/redis";
import { type Job, UnrecoverableError, WaitingError, Worker, type WorkerOptions } from "bullmq";

import { jobRetention, type WorkerConfig } from "./config";
import type { ProcessorMap } from "./processors";
import type { Processor, ProcessorContext } from "./processors/types";

export interface WorkerDeps {
  config: WorkerConfig;
  processors: ProcessorMap;
  db: Db;
  log: Logger;
  tracker: ActiveJobs;
  /** The process's worker id: every BullMQ worker is named after it (CLIENT LIST shows `…:w:<id>`). */
  workerName?: string | undefined;
}

/** The abort reason runtime.ts gives jobs still running when the shutdown grace period is over. */
export const SHUTDOWN_REASON = "worker shutting down";

/**
 * The processor calls in flight, so shutdown can wait for them with its own deadline and then cancel
 * the ones still running. Per job it costs one small object and a Set entry: the job's AbortSignal is
 * built only when its processor reads ctx.signal (BullMQ's own per-job AbortController, made for every
 * processor that takes a signal argument, was a measurable share of a short job's cost).
 */
export interface ActiveJobs {
  readonly count: number;
  /** Jobs running now, per queue (walks the calls in flight: read it per heartbeat, not per job). */
  runningByQueue(): Map<string, number>;
  /**
   * Runs `work` as `job`'s processor call (token: its BullMQ lock token) and settles with it, or earlier
   * with WaitingError once cancelAll() has handed the job back. `work` gets the job's signal as a getter.
   */
  run<T>(job: Job, token: string | undefined, work: (signal: () => AbortSignal) => Promise<T>): Promise<T>;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passes first. */
  whenIdle(timeoutMs: number): Promise<boolean>;
  /**
   * Cancels every call in flight: each job is handed back to `wait` (one Redis call, see handBack) and
   * its processor told through its signal (aborted with `reason`). A call that starts after this (BullMQ
   * may hand over a job it had already taken when shutdown began) is handed back without running.
   */
  cancelAll(reason: string): void;
  /** Waits for every hand-back started so far, at most `timeoutMs`. */
  whenHandedBack(timeoutMs: number): Promise<void>;
}

interface Running {
  job: Job;
  token: string | undefined;
  /** Built on first read of the processor's signal. */
  controller: AbortController | null;
  /** Set by cancelAll: a signal read later starts aborted. */
  reason: string | null;
  /** Settles BullMQ's processor call early (hand-back). */
  reject: (err: unknown) => void;
}

export function createActiveJobs(log: Logger): ActiveJobs {
  const running = new Set<Running>();
  let cancelledWith: string | null = null;
  let waiters: (() => void)[] = [];
  const handBacks: Promise<unknown>[] = [];
  const signalOf = (r: Running) => (): AbortSignal => {
    if (!r.controller) {
      r.controller = new AbortController();
      if (r.reason !== null) r.controller.abort(r.reason);
    }
    return r.controller.signal;
  };
  const cancel = (r: Running, reason: string): Promise<unknown> | null => {
    if (r.reason !== null) return null;
    r.reason = reason;
    r.controller?.abort(reason);
    if (r.token === undefined) return null;
    const moving = handBack(r, log).catch(() => undefined);
    handBacks.push(moving);
    return moving;
  };
  const done = (r: Running) => {
    running.delete(r);
    if (running.size === 0) for (const w of waiters.splice(0)) w();
  };
  return {
    get count() {
      return running.size;
    },
    runningByQueue() {
      const out = new Map<string, number>();
      for (const r of running) out.set(r.job.queueName, (out.get(r.job.queueName) ?? 0) + 1);
      return out;
    },
    run(job, token, work) {
      return new Promise((resolve, reject) => {
        const r: Running = { job, token, controller: null, reason: null, reject };
        running.add(r);
        if (cancelledWith !== null) {
          // Shutdown cancelled everything before BullMQ handed this job over: hand it back unstarted.
          const moving = cancel(r, cancelledWith);
          if (moving) {
            void moving.finally(() => done(r));
            return;
          }
        }
        work(signalOf(r)).then(
          (v) => {
            done(r);
            resolve(v);
          },
          (err: unknown) => {
            done(r);
            reject(err);
          },
        );
      });
    },
    cancelAll(reason) {
      cancelledWith = reason;
      for (const r of running) cancel(r, reason);
    },
    async whenHandedBack(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(handBacks),
        new Promise((r) => {
          timer = setTimeout(r, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    },
    whenIdle(timeoutMs) {
      if (running.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== idle);
          resolve(false);
        }, timeoutMs);
        waiters.push(idle);
      });
    },
  };
}

/**
 * Moves a job that outlived the shutdown grace period back to `wait` (releasing its lock) and settles
 * BullMQ's processor call with WaitingError, so the job is neither failed (no attempt spent) nor left
 * active for the stalled checker to find a lock duration later: the next worker takes it at once. The
 * processor itself is told through ctx.signal and may still be running. If the move fails (Redis
 * gone), the job stays active and is recovered as stalled, as before.
 */
async function handBack(r: Running, log: Logger): Promise<void> {
  const { job } = r;
  try {
    await job.moveToWait(r.token);
  } catch (err) {
    log.warn("could not hand the job back; it will be recovered as stalled", {
      queue: job.queueName,
      job_id: job.id,
      err,
    });
    return;
  }
  log.info("job handed back to wait at shutdown", { queue: job.queueName, job_id: job.id });
  r.reject(new WaitingError());
}

/** Parses a job's data with its queue's schema; throws UnrecoverableError listing every problem. */
function parsePayload<Q extends CatalogQueueName>(queue: Q, data: unknown): PayloadOf<Q> {
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
    private readonly signalOf: () => AbortSignal,
    readonly token: string | undefined,
  ) {}
  get log(): Logger {
    return (this.#log ??= this.parentLog.child({ queue: this.queue, job_id: this.jobId }));
  }
  get signal(): AbortSignal {
    return this.signalOf();
  }
}

function createQueueWorker<Q extends CatalogQueueName>(queue: Q, processor: Processor<PayloadOf<Q>>, deps: WorkerDeps) {
  const { config } = deps;
  // Async, so a payload that fails to parse rejects inside the tracked promise rather than throwing.
  const run = async (job: Job, signal: () => AbortSignal, token: string | undefined) =>
    processor(
      job as Job<PayloadOf<Q>>,
      parsePayload(queue, job.data),
      new JobContext(config, deps.db, deps.log, queue, job.id, signal, token),
    );
  // Two parameters, not three: BullMQ builds a per-job AbortController for processors that take its
  // signal; ours (ActiveJobs) is built only when a processor asks for it.
  const processJob = (job: Job, token?: string) => deps.tracker.run(job, token, (signal) => run(job, signal, token));
  const worker = new Worker(queue, processJob, workerOptions(config, queue, deps.workerName));
  let lastError = 0;
  worker.on("error", (err) => {
    // Connection errors repeat while Redis is down; one line per 10 s is enough.
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    deps.log.warn("worker error", { queue, err });
  });
  return worker;
}

/**
 * BullMQ options of a catalog queue's worker (also used by bench/queues/worker.js, so its raw
 * baseline runs with exactly these). Not started: call `run()` after attaching listeners.
 * @public used by bench/queues/worker.js through the build
 */
export function workerOptions(config: WorkerConfig, queue: CatalogQueueName, name?: string): WorkerOptions {
  return {
    ...(name === undefined ? {} : { name }),
    // BullMQ's blocking connections must retry forever rather than fail a command.
    connection: bullmqConnection(redisTarget(config), `opsdeck-worker-${queue}`),
    prefix: config.QUEUE_PREFIX,
    concurrency: config.concurrency[queue],
    lockDuration: config.WORKER_LOCK_DURATION_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: config.WORKER_MAX_STALLED_COUNT,
    ...jobRetention(config),
    // BullMQ's own per-minute completed/failed counts (Bull Board's metrics view reads them).
    ...(config.WORKER_METRICS_MAX_DATA_POINTS > 0
      ? { metrics: { maxDataPoints: config.WORKER_METRICS_MAX_DATA_POINTS } }
      : {}),
    autorun: false,
  };
}

/** Creates (not yet running) workers for `config.queues`; call `worker.run()` after attaching listeners. */
export function createWorkers(deps: WorkerDeps): Worker[] {
  return deps.config.queues.map((q) =>
    createQueueWorker(q, deps.processors[q] as Processor<PayloadOf<typeof q>>, deps),
  );
}
