// What an action does to each job of its matched set, one chunk at a time:
// retry (only a job failed in Redis), delete (from Redis; the record is marked
// removed) or replay (from the record, as a new linked job). A job an action
// cannot act on is skipped with a reason. Every step is safe to repeat — an
// action taken over from a process that died may see a job again: a retried
// job is no longer failed, a deleted one is gone, and a replay's new job id is
// derived from the action and the item, so a second add is a no-op.
import type { JobActionKind } from "@opsdeck/core";
import { type JobActionItem, markJobRecords } from "@opsdeck/db";
import { isJobLocked, type Redis } from "@opsdeck/redis";
import type { Queue } from "bullmq";
import type pg from "pg";

import { isRefusal, replayJob } from "../queues/replay";

export interface StepDeps {
  pool: pg.Pool;
  redis: Redis;
  prefix: string;
  queue(name: string): Queue;
}

/** 'done', or why the job was skipped. */
type Outcome = string;

/** Records to mark after a chunk, by queue: one UPDATE per queue and chunk rather than one per job. */
type Marks = Map<string, string[]>;

const mark = (marks: Marks, queue: string, id: string) => {
  const ids = marks.get(queue);
  if (ids) ids.push(id);
  else marks.set(queue, [id]);
};

async function retryStep(d: StepDeps, item: JobActionItem, marks: Marks): Promise<Outcome> {
  const job = await d.queue(item.queue).getJob(item.job_id);
  if (!job) return "not_in_redis";
  if ((await job.getState()) !== "failed") return "not_failed";
  try {
    // As every manual retry: a fresh set of attempts (queues/retry.ts).
    await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
  } catch (err) {
    if ((await job.getState()) !== "failed") return "not_failed"; // moved meanwhile (another retry, a clean)
    throw err;
  }
  mark(marks, item.queue, item.job_id);
  return "done";
}

async function deleteStep(d: StepDeps, item: JobActionItem, marks: Marks): Promise<Outcome> {
  const q = d.queue(item.queue);
  if ((await q.getJobState(item.job_id)) === "unknown") return "not_in_redis";
  if (await isJobLocked(d.redis, d.prefix, item.queue, item.job_id)) return "locked";
  // Queue#remove: 1 removed, 0 locked (the job or a child), -8 a job scheduler's next run.
  const code = await q.remove(item.job_id);
  if (code === -8) return "scheduled";
  if (code !== 1) return (await q.getJobState(item.job_id)) === "unknown" ? "not_in_redis" : "locked";
  mark(marks, item.queue, item.job_id);
  return "done";
}

async function replayStep(d: StepDeps, actionId: string, item: JobActionItem): Promise<Outcome> {
  const r = await replayJob(d.pool, d.queue(item.queue), item.job_id, {
    copy: false,
    newJobId: `rp-${actionId.slice(4)}-${item.seq}`,
  });
  return isRefusal(r) ? r.reason : "done";
}

/**
 * Acts on one chunk of items, side by side: the outcomes of the items it could decide, and the first
 * error of those it could not (they stay undecided, for the next try).
 */
export async function runChunk(
  d: StepDeps,
  actionId: string,
  kind: JobActionKind,
  items: JobActionItem[],
): Promise<{ outcomes: { seq: number; outcome: Outcome }[]; error: unknown }> {
  const marks: Marks = new Map();
  const settled = await Promise.allSettled(
    items.map(async (item) => {
      const outcome =
        kind === "retry"
          ? await retryStep(d, item, marks)
          : kind === "delete"
            ? await deleteStep(d, item, marks)
            : await replayStep(d, actionId, item);
      return { seq: item.seq, outcome };
    }),
  );
  // Before the outcomes are recorded, so a failure here leaves the items undecided for the next try.
  for (const [queue, ids] of marks) {
    if (kind === "retry") await markJobRecords(d.pool, queue, ids, "waiting", { resetAttempts: true });
    else await markJobRecords(d.pool, queue, ids, "removed");
  }
  const outcomes = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  return { outcomes, error: failed ? failed.reason : null };
}
