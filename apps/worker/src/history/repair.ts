// Gap repair: entries after a followed stream's saved position were trimmed
// before they were read (the stream is capped at `opts.maxLenEvents`, and a
// follower was down or behind), or a first start skipped older entries. What
// they said is gone; what Redis still holds is each job's hash. So the
// queue's jobs are walked state by state (bounded batches, at most
// HISTORY_REPAIR_MAX_JOBS): each unfinished one, and each finished at or after
// the saved position (less a clock margin) — read by score, newest first, so a
// queue's older finished jobs are never walked and a walk cut short by the cap
// leaves out the oldest. A walked job whose stored record already says
// what Redis says (the same finished state and finishedOn; the same unfinished
// state and attempts started, read alone) lost nothing that its record keeps
// and is left as it is; every other one is written from its hash through the
// fenced upsert, flagged history_incomplete. That keeps a repair's cost to
// what was missed: a busy queue outrunning the stream's cap is repaired
// again and again, and re-reading and re-writing every job each time would
// keep the follower behind. The position stays (reading after it yields the
// oldest entry left) and its count of entries read takes in those gone, in a
// last commit; a follower that loses its lease meanwhile stops at the next
// commit (LostStreamLease), and one told between pages that the stream is in
// a burst again stops there (RepairYielded: what it wrote stays, and the
// repair runs again when the follower reads on).
import type { Logger } from "@opsdeck/core";
import { commitStreamBatch, getJobRecordStates, type JobRecordState, type JobRecordWrite } from "@opsdeck/db";
import {
  type JobIdPage,
  queueJobIds,
  readAttemptsStarted,
  readJobHashes,
  type Redis,
  streamIdTime,
  type StreamInfo,
} from "@opsdeck/redis";
import type pg from "pg";

import type { Followed } from "./follower";
import { repairRecord, repairStatus } from "./translate";

/** The repair stopped between pages because the stream grows fast again (the follower steps aside). */
export class RepairYielded extends Error {
  constructor(readonly queue: string) {
    super(`gap repair of '${queue}' yielded to a burst`);
  }
}

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

/** Asked between pages: true stops the repair (RepairYielded); what it wrote stays, the position does not move. */
export type YieldCheck = () => Promise<boolean>;

/**
 * Hash times (finishedOn) are the worker's clock, stream ids Redis's: a job finished up to this long
 * before the saved position's entry is repaired too, ms.
 */
const CLOCK_MARGIN_MS = 60_000;

/** The ids of a page whose stored record may lag what Redis holds (the rest are up to date). */
async function staleIds(deps: RepairDeps, queue: string, page: JobIdPage): Promise<string[]> {
  const stored = new Map<string, JobRecordState>(
    (await getJobRecordStates(deps.pool, queue, page.ids)).map((r) => [r.job_id, r]),
  );
  const status = repairStatus(page.state);
  if (page.finishedOn) {
    const finishedOn = page.finishedOn;
    return page.ids.filter((id, i) => {
      const r = stored.get(id);
      return r?.status !== status || r.finished_at?.getTime() !== finishedOn[i];
    });
  }
  const sameState = page.ids.filter((id) => stored.get(id)?.status === status);
  const started = await readAttemptsStarted(deps.redis, deps.prefix, queue, sameState);
  return page.ids.filter((id) => {
    const r = stored.get(id);
    return r?.status !== status || started.get(id) !== r.attempt;
  });
}

/**
 * `entriesRead`: the position's count once the gap is repaired (every entry gone counted as read).
 * `info`: the stream as the gap was found; a later repair of the same stream skips jobs finished before
 * this one began (it wrote them), so a stream repaired again and again is not walked from the position
 * every time.
 */
export async function repairGap(
  deps: RepairDeps,
  queue: string,
  s: Followed,
  entriesRead: number,
  info: StreamInfo | null,
  shouldYield: YieldCheck | null = null,
): Promise<void> {
  const { pool, redis, prefix } = deps;
  const since = Math.max(streamIdTime(s.position), s.repairedUpTo) - CLOCK_MARGIN_MS;
  let repaired = 0;
  let walked = 0;
  const commit = async (records: JobRecordWrite[], count: number) => {
    const batch = { queue, epoch: s.epoch, lastId: s.position, entriesRead: count, records, events: [] };
    if (!(await commitStreamBatch(pool, { ...batch, gapRepair: true }))) throw new LostStreamLease(queue);
  };
  for await (const page of queueJobIds(redis, prefix, queue, deps.batch, deps.maxJobs, since)) {
    if (shouldYield && (await shouldYield())) throw new RepairYielded(queue);
    walked += page.ids.length;
    const stale = await staleIds(deps, queue, page);
    const hashes = await readJobHashes(redis, prefix, queue, stale);
    const records: JobRecordWrite[] = [];
    for (const id of stale) {
      const hash = hashes.get(id);
      if (hash) records.push(repairRecord(queue, id, page.state, hash));
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
  if (info) s.repairedUpTo = Math.max(s.repairedUpTo, streamIdTime(info.lastId));
}
