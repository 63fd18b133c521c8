// The worker process's runtime, startable in-process (tests) or from main.ts:
// workers for the served queues with record write-back, the heartbeat, the
// job schedulers and periodic reconciliation. It builds every pool, client
// and queue the processors use once (nothing is process-wide, so tests can
// run several runtimes side by side) and closes them in close(). `close()`
// drains: workers stop taking jobs, active jobs get SHUTDOWN_GRACE_MS to
// finish (then they are handed back to `wait` for another worker and
// cancelled, and the workers force-closed; should the hand-back fail,
// BullMQ's stalled-job recovery still returns them), the record buffer is
// flushed and the heartbeat marked stopped. With HISTORY_FOLLOW, it also
// follows the event streams of the queues it does not serve (history/).
import { CATALOG_QUEUE_NAMES, createKeyring, type Logger, redisTarget } from "@opsdeck/core";
import { createDb } from "@opsdeck/db";
import { bullmqConnection, createRedis, cutBlockingConnection, releaseBullmqConnection } from "@opsdeck/redis";
import { Queue, type Worker } from "bullmq";

import { CommandRefused, startCommandLoop } from "./commands";
import { alertWebhookJobOptions, jobRetention, type WorkerConfig } from "./config";
import { createEmailSending } from "./email/emailSending";
import { newWorkerId, startHeartbeat } from "./heartbeat";
import { type HistoryFollower, startHistoryFollower } from "./history/follower";
import { createProcessors, type ProcessorMap } from "./processors";
import { createReconciler, type Reconciler } from "./reconcile";
import { attachRecordWriter, createRecordBuffer, type RecordBuffer } from "./records";
import { enqueueWebhooks } from "./rollups/webhooks";
import { upsertSchedules } from "./schedule";
import { createActiveJobs, createWorkers, SHUTDOWN_REASON } from "./workers";

export interface WorkerRuntime {
  readonly workers: Worker[];
  readonly records: RecordBuffer;
  readonly reconciler: Reconciler;
  readonly heartbeatId: string;
  /** The event-stream follower of non-catalog queues; null when HISTORY_FOLLOW is off. */
  readonly history: HistoryFollower | null;
  /** True once close() has stopped every worker from taking jobs (active ones may still run). */
  readonly draining: boolean;
  /** Resolves once every worker is connected and running. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

export interface StartOptions {
  /** Replaces catalog processors (tests drive success, retries and slow jobs through real BullMQ). */
  processors?: Partial<ProcessorMap>;
  /**
   * A drain command arrived: stop the process (main.ts: as on SIGTERM, then exit). Without it the
   * runtime closes itself.
   */
  onDrainCommand?: () => void;
}

export function startWorker(config: WorkerConfig, logger: Logger, opts: StartOptions = {}): WorkerRuntime {
  const log = logger;
  const db = createDb({
    url: config.DATABASE_URL,
    max: config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    applicationName: "opsdeck-worker",
    onError: (err) => log.warn("postgres pool error", { err }),
  });
  // Reconciliation lock and raw reads; commands time out rather than hang.
  const target = redisTarget(config);
  const redis = createRedis(target, {
    name: "opsdeck-worker",
    commandTimeoutMs: 5_000,
    onError: (err) => log.warn("redis connection error", { err }),
  });
  // The scheduled tick's rollups and alert rules: each command bounded by a few probe deadlines (ms), and
  // queued while (re)connecting rather than failed at once, so the tick right after start-up measures
  // Redis rather than reporting it down.
  const tickRedis = createRedis(target, {
    name: "opsdeck-worker-rollups",
    commandTimeoutMs: config.PROBE_TIMEOUT_MS * 5,
    offlineQueue: true,
    onError: () => undefined, // reported by the tick itself (warnings, service_status)
  });
  // Every catalog queue (reconciliation covers them all, whichever this process serves).
  const queues = CATALOG_QUEUE_NAMES.map(
    (name) =>
      new Queue(name, {
        connection: bullmqConnection(target, `opsdeck-worker-queue-${name}`),
        prefix: config.QUEUE_PREFIX,
      }),
  );
  for (const q of queues) q.on("error", (err) => log.warn("queue connection error", { queue: q.name, err }));
  const queueByName = new Map(queues.map((q) => [q.name, q]));

  const records = createRecordBuffer(db.pool, log, {
    maxEntries: config.RECORD_BUFFER,
    batchSize: config.RECORD_BATCH,
    intervalMs: config.RECORD_FLUSH_MS,
  });
  const reconciler = createReconciler({
    pool: db.pool,
    queues,
    redis,
    lockKey: `${config.REDIS_KEY_PREFIX}:worker:reconcile-lock`,
    options: {
      chunk: config.RECONCILE_CHUNK,
      maxChunks: config.RECONCILE_MAX_CHUNKS,
      staleAfterMs: config.RECONCILE_STALE_AFTER_MS,
      lookbackMs: config.RECONCILE_LOOKBACK_MS,
    },
    log,
  });
  const tracker = createActiveJobs(log);
  const keyring = createKeyring(config);
  // One id for the process: its heartbeat row, its BullMQ workers' name, its command list, and its email
  // claims (so another worker can tell when it died).
  const workerId = newWorkerId();
  const email = createEmailSending({ pool: db.pool, config, keyring, log, workerId });
  // Alert changes go to the alert-webhooks queue through this runtime's producer, while a webhook is set.
  const alertWebhooks = queueByName.get("alert-webhooks") as Queue;
  const webhookJobOptions = alertWebhookJobOptions(config);
  const processors: ProcessorMap = {
    ...createProcessors({
      reconciler,
      email,
      redis: tickRedis,
      keyring,
      ...(config.ALERT_WEBHOOK_URL
        ? { notify: (events) => enqueueWebhooks(alertWebhooks, webhookJobOptions, events) }
        : {}),
    }),
    ...opts.processors,
  };
  const workers = createWorkers({ config, processors, db, log, tracker, workerName: workerId });
  const workerByQueue = new Map(workers.map((w) => [w.name, w]));
  // Each worker's main loop: it ends once the worker is paused (or closed) and every job it took is done.
  const mainLoops = workers.map((w) => {
    attachRecordWriter(w, queueByName.get(w.name) as Queue, records, log);
    return w.run().catch((err: unknown) => log.error("worker stopped unexpectedly", { queue: w.name, err }));
  });
  const queueStates = () => {
    const running = tracker.runningByQueue();
    return Object.fromEntries(
      workers.map((w) => [
        w.name,
        { paused: w.isPaused(), concurrency: w.concurrency, running: running.get(w.name) ?? 0 },
      ]),
    );
  };
  const heartbeat = startHeartbeat(db.pool, {
    id: workerId,
    queues: config.queues,
    intervalMs: config.HEARTBEAT_INTERVAL_MS,
    queueStates,
    log,
  });
  const commands = startCommandLoop({
    target,
    keyPrefix: config.REDIS_KEY_PREFIX,
    workerId,
    log,
    handlers: {
      async apply(cmd) {
        const w = cmd.queue === null ? undefined : workerByQueue.get(cmd.queue);
        if (!w) throw new CommandRefused(`this worker does not serve queue '${cmd.queue ?? ""}'`);
        if (draining || closing) throw new CommandRefused("the worker is stopping");
        if (cmd.command === "pause") {
          // Stop fetching; jobs running finish. A fetch already blocked on Redis would still take one more
          // job when one arrives, so its connection is cut (BullMQ reconnects it, and a paused worker does
          // not fetch on it).
          await w.pause(true);
          await cutBlockingConnection(w);
        } else if (cmd.command === "resume") {
          await w.resume();
        } else if (cmd.command === "set_concurrency" && cmd.concurrency !== null) {
          // BullMQ's setter: the main loop reads it before each fetch, so it applies to the next jobs.
          w.concurrency = cmd.concurrency;
        } else {
          throw new CommandRefused(`'${cmd.command}' cannot be applied`);
        }
        await heartbeat.beat();
        return { queue: w.name, paused: w.isPaused(), concurrency: w.concurrency };
      },
      drain() {
        if (opts.onDrainCommand) opts.onDrainCommand();
        else void closeOnce();
      },
    },
  });
  const history = config.HISTORY_FOLLOW
    ? startHistoryFollower({
        pool: db.pool,
        target,
        queuePrefix: config.QUEUE_PREFIX,
        keyPrefix: config.REDIS_KEY_PREFIX,
        exclude: config.historyExclude,
        batch: config.HISTORY_BATCH,
        blockMs: config.HISTORY_BLOCK_MS,
        lingerMs: config.HISTORY_LINGER_MS,
        discoveryMs: config.HISTORY_DISCOVERY_MS,
        leaseMs: config.HISTORY_LEASE_MS,
        backfillMax: config.HISTORY_BACKFILL_MAX,
        repairMaxJobs: config.HISTORY_REPAIR_MAX_JOBS,
        stepAsideMaxMs: config.HISTORY_STEP_ASIDE_MAX_MS,
        log,
      })
    : null;

  const retention = jobRetention(config);
  const rollups = queueByName.get("metric-rollups") as Queue;
  let scheduled = false;
  const schedule = () =>
    upsertSchedules(rollups, retention)
      .then(() => (scheduled = true))
      .catch((err: unknown) => log.warn("cannot upsert job schedulers; will retry", { err }));
  const starting = schedule();

  // Periodic reconciliation (also run by the metric-rollups tick); the Redis lock makes concurrent runs no-ops.
  let reconciling: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (!scheduled) void schedule();
    reconciling = reconciler.run().catch((err: unknown) => log.warn("reconciliation failed", { err }));
  }, config.RECONCILE_INTERVAL_MS);
  timer.unref();

  log.info("worker started", {
    heartbeat_id: heartbeat.id,
    queues: config.queues,
    concurrency: Object.fromEntries(config.queues.map((q) => [q, config.concurrency[q]])),
  });

  /** After a hand-back, how long processors get to reach a safe point, ms. */
  const HAND_BACK_SETTLE_MS = 500;
  let closing: Promise<void> | null = null;
  const closeOnce = (): Promise<void> => (closing ??= close());
  let draining = false;
  let forcedClose = false;
  async function close(): Promise<void> {
    clearInterval(timer);
    // 1. Stop taking jobs (doNotWaitActive: we wait below, with our own deadline). A fetch already
    //    blocked on Redis would still take one more job, so its connection is cut as BullMQ's close() does.
    await Promise.all(workers.map((w) => w.pause(true).catch(() => undefined)));
    log.debug("workers paused");
    await Promise.all(workers.map((w) => cutBlockingConnection(w)));
    draining = true;
    log.debug("blocking connections closed; no new jobs are taken");
    // 2. Let active jobs finish, bounded. BullMQ may also hold a job it took just before the pause and has
    //    not handed to its processor yet (our tracker cannot see it); waiting for that is bounded by the
    //    same deadline, as a non-forced close would wait for it without one.
    const deadline = Date.now() + config.SHUTDOWN_GRACE_MS;
    let drained = await tracker.whenIdle(config.SHUTDOWN_GRACE_MS);
    if (drained) {
      drained = await Promise.race([
        Promise.all(mainLoops).then(() => true),
        sleep(Math.max(0, deadline - Date.now())).then(() => false),
      ]);
    }
    if (!drained) {
      log.warn("shutdown grace period over; cancelling active jobs", {
        active: tracker.count,
        grace_ms: config.SHUTDOWN_GRACE_MS,
      });
      tracker.cancelAll(SHUTDOWN_REASON);
      // One Redis call per job; bounded so an unreachable Redis cannot hold the exit (ms).
      await tracker.whenHandedBack(2_000);
      // Told through ctx.signal, processors stop at their next safe point (the email sender finishes the
      // SMTP transactions in flight and releases its other claims, so the next worker needn't wait out
      // their lease); a short, bounded wait (ms) before their connections are closed under them.
      await tracker.whenIdle(HAND_BACK_SETTLE_MS);
    }
    // 3. Close. BullMQ's close is always told not to wait for active jobs: when drained, the waits above
    //    saw every main loop end (nothing is running), and otherwise what still runs is abandoned (its locks
    //    lapse and another worker recovers it). Its own wait would cut the blocking connection once more
    //    and wait unbounded for it to end (see cutBlockingConnection for why that can hang under Cluster).
    forcedClose = !drained;
    await Promise.all(workers.map((w) => w.close(true).catch(() => undefined)));
    log.debug("workers closed", { forced: !drained });
    await Promise.race([Promise.all([starting, reconciling]), sleep(5_000)]);
    // 4. What the processors used, now that the workers are closed: SMTP pools, buffered integration-health counters
    //    (flushed through db.pool, so before it closes) and the send path's own Postgres pool.
    await email.close().catch((err: unknown) => log.warn("closing email sending failed", { err }));
    tickRedis.disconnect();
    await records.close(5_000);
    // Commits the batch under way and gives the leases back, so another worker takes the streams at once.
    await history?.stop().catch((err: unknown) => log.warn("stopping the history follower failed", { err }));
    if (records.size > 0)
      log.warn("job records not written at shutdown; reconciliation will repair", { pending: records.size });
    await heartbeat.stop();
    // After the heartbeat says stopped, so a drain command reads done only once the process is.
    await commands.close({ stopped: true, forced: forcedClose });
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    for (const c of [...queues, ...workers]) releaseBullmqConnection(c.opts.connection);
    redis.disconnect();
    await db.close();
    log.info("worker stopped", { heartbeat_id: heartbeat.id });
  }

  return {
    workers,
    records,
    reconciler,
    heartbeatId: heartbeat.id,
    history,
    get draining() {
      return draining;
    },
    async ready() {
      await Promise.all(workers.map((w) => w.waitUntilReady()));
      await starting;
    },
    close: closeOnce,
  };
}
