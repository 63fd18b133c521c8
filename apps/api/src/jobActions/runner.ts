// Runs job actions (POST /job-actions) in the API process, in the background:
// chunk after chunk of the frozen matched set, each sized by the bulk
// operations' Pacer (queues/bulk.ts) so a chunk's work stays near their Redis-
// time budget, with a turn of the event loop between chunks. Progress goes to
// Postgres after every chunk, which renews the action's lease. A process that
// stops (SIGTERM) releases its actions; one that dies leaves them to lapse;
// either way the next API process to look (at start, then every LEASE_MS)
// takes them over and carries on from the first undecided item.
// Why the API and not the worker: the API already holds what an action needs
// (the queue registry over every discovered queue, the bulk pacing, the audit
// trail) and answers the request that starts it; the lease makes the run
// survive the process all the same.
import { AppError, auditTarget, type JobActionKind, type Logger } from "@opsdeck/core";
import {
  claimLapsedJobActions,
  finishJobAction,
  getJobAction,
  nextJobActionItems,
  type PrismaClient,
  recordAudit,
  recordJobActionOutcomes,
  releaseJobAction,
} from "@opsdeck/db";
import type pg from "pg";

import { Pacer } from "../queues/bulk";
import { readyRedis } from "../queues/connection";
import type { QueueRegistry } from "../queues/registry";
import { runChunk } from "./steps";

/** How long an action stays claimed without progress, ms: past it another API process takes it over. */
const LEASE_MS = 30_000;
/** Most jobs handled side by side in one chunk. */
const MAX_CHUNK = 500;
/** Tries of a chunk that fails (Redis or Postgres unreachable), and the pause before each retry, ms. */
const CHUNK_ATTEMPTS = 4;
const CHUNK_RETRY_MS = [500, 2_000, 5_000];

export interface JobActionRunner {
  /** Runs the action in the background (its row is claimed by this process). */
  start(id: string): void;
  /** Takes over actions whose lease lapsed, now and every LEASE_MS (until stop). */
  watch(): void;
  /** Stops after the chunk in hand and releases the actions for another process. */
  stop(): Promise<void>;
}

interface RunnerDeps {
  pool: pg.Pool;
  prisma: PrismaClient;
  queues: QueueRegistry;
  logger: Logger;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createJobActionRunner(deps: RunnerDeps): JobActionRunner {
  const running = new Map<string, Promise<void>>();
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;

  async function run(id: string): Promise<void> {
    const action = await getJobAction(deps.pool, id);
    if (!action || action.state !== "running") return;
    const kind = action.action as JobActionKind;
    const pacer = new Pacer(MAX_CHUNK);
    let failures = 0;
    for (;;) {
      if (stopping) {
        await releaseJobAction(deps.pool, id);
        return;
      }
      const items = await nextJobActionItems(deps.pool, id, pacer.window());
      if (items.length === 0) return finish(id, "completed", null);
      const started = process.hrtime.bigint();
      const { outcomes, error } = await readyRedis(deps.queues).then(
        (redis) => {
          const queue = (n: string) => deps.queues.get(n);
          return runChunk({ pool: deps.pool, redis, prefix: deps.queues.prefix, queue }, id, kind, items);
        },
        (err: unknown) => ({ outcomes: [], error: err }),
      );
      pacer.observe(Number(process.hrtime.bigint() - started) / 1_000, outcomes.length);
      if (outcomes.length) await recordJobActionOutcomes(deps.pool, id, outcomes, LEASE_MS);
      if (error !== null) {
        failures++;
        deps.logger.warn("job action chunk failed; will retry", { err: error, action_id: id, attempt: failures });
        if (failures >= CHUNK_ATTEMPTS) {
          const message = error instanceof AppError ? error.message : "Redis or Postgres failed; see the API log";
          return finish(id, "failed", message);
        }
        await sleep(CHUNK_RETRY_MS[failures - 1] ?? 5_000);
        continue;
      }
      failures = 0;
      // Let requests in between chunks.
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Ends the action and records the second audit entry: what it did. */
  async function finish(id: string, state: "completed" | "failed", error: string | null): Promise<void> {
    const row = await finishJobAction(deps.pool, id, state, error);
    if (!row) return; // another process finished it
    await recordAudit(deps.prisma, {
      actorKeyId: row.actor_key_id,
      actor: row.actor,
      action: "jobs.action.finish",
      target: auditTarget.jobAction(id),
      parameters: {
        action: row.action,
        matched: row.matched,
        done: row.done,
        skipped: row.skipped,
        skip_reasons: row.skip_reasons,
      },
      outcome: state === "completed" ? "success" : "failure",
      error: state === "completed" ? null : "job_action_failed",
    });
  }

  function start(id: string): void {
    if (stopping || running.has(id)) return;
    const p = run(id)
      .catch((err: unknown) => {
        // Postgres itself failed: the lease lapses and a process takes the action over later.
        deps.logger.error("job action stopped", { err, action_id: id });
      })
      .finally(() => running.delete(id));
    running.set(id, p);
  }

  async function takeOver(): Promise<void> {
    try {
      for (const id of await claimLapsedJobActions(deps.pool, LEASE_MS)) start(id);
    } catch (err) {
      deps.logger.warn("could not look for lapsed job actions", { err });
    }
  }

  return {
    start,
    watch() {
      if (timer || stopping) return;
      void takeOver();
      timer = setInterval(() => void takeOver(), LEASE_MS);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
