// Gap repair: entries after a followed stream's saved position were trimmed
// before they were read (the stream is capped at `opts.maxLenEvents`, and a
// follower was down or behind), or a first start skipped older entries. What
// they said is gone; what Redis still holds is each job's hash. So the
// queue's jobs are walked state by state (bounded batches, at most
// HISTORY_REPAIR_MAX_JOBS) and every job that may have changed since the saved
// position — each unfinished one, and each finished at or after it (less a
// clock margin) — is written from its hash through the fenced upsert, flagged
// history_incomplete. The position stays (reading after it yields the oldest
// entry left) and its count of entries read takes in those gone, in a last
// commit; a follower that loses its lease meanwhile stops at the next commit
// (LostStreamLease).
import type { Logger } from "@opsdeck/core";
import { commitStreamBatch, type JobRecordWrite } from "@opsdeck/db";
import { queueJobIds, readJobHashes, type Redis, streamIdTime } from "@opsdeck/redis";
import type pg from "pg";

import type { Followed } from "./follower";
import { repairRecord } from "./translate";

/** The epoch of our claim no longer holds the queue: another follower took it over. */
export class LostStreamLease extends Error {
  constructor(readonly queue: string) {
    super(`event stream lease of '${queue}' lost`);
  }
}

export interface RepairDeps {
  pool: pg.Pool;
  redis: Redis;
  prefix: string;
  /** Jobs per Redis read and per commit. */
  batch: number;
  maxJobs: number;
  log: Logger;
}

/**
 * Hash times (finishedOn) are the worker's clock, stream ids Redis's: a job finished up to this long
 * before the saved position's entry is repaired too, ms.
 */
const CLOCK_MARGIN_MS = 60_000;

/** `entriesRead`: the position's count once the gap is repaired (every entry gone counted as read). */
export async function repairGap(deps: RepairDeps, queue: string, s: Followed, entriesRead: number): Promise<void> {
  const { pool, redis, prefix } = deps;
  const since = streamIdTime(s.position) - CLOCK_MARGIN_MS;
  let repaired = 0;
  let walked = 0;
  const commit = async (records: JobRecordWrite[], count: number) => {
    const batch = { queue, epoch: s.epoch, lastId: s.position, entriesRead: count, records, events: [] };
    if (!(await commitStreamBatch(pool, { ...batch, gapRepair: true }))) throw new LostStreamLease(queue);
  };
  for await (const { state, ids } of queueJobIds(redis, prefix, queue, deps.batch, deps.maxJobs)) {
    walked += ids.length;
    const hashes = await readJobHashes(redis, prefix, queue, ids);
    const records: JobRecordWrite[] = [];
    for (const id of ids) {
      const hash = hashes.get(id);
      if (!hash) continue;
      const finished = state === "completed" || state === "failed";
      if (finished && Number(hash.finishedOn ?? 0) < since) continue; // its whole history was read
      records.push(repairRecord(queue, id, state, hash));
    }
    if (records.length) await commit(records, s.entriesRead);
    repaired += records.length;
  }
  await commit([], entriesRead);
  deps.log.warn("event stream gap repaired from Redis; records flagged history_incomplete", {
    queue,
    position: s.position,
    entries_lost: entriesRead - s.entriesRead,
    jobs_walked: walked,
    records_repaired: repaired,
  });
  s.entriesRead = entriesRead;
}
