// Reading BullMQ's per-queue event streams (`<prefix>:<queue>:events`) and
// what the history follower needs beside them. Every BullMQ client's Lua
// scripts XADD there, in any language: `added` (jobId, name), `waiting`
// (jobId, prev), `delayed` (jobId, delay), `active` (jobId, prev), `progress`
// (jobId, data), `completed` (jobId, returnvalue, prev), `failed` (jobId,
// failedReason, prev), `retries-exhausted` (jobId, attemptsMade), `stalled`,
// `removed` (jobId, prev), `duplicated` / `deduplicated` (jobId), and
// queue-wide ones without a jobId (`drained`, `paused`, `cleaned`…). The
// stream carries no payload: job hashes are read beside it, in one pipeline
// per batch. Streams are trimmed from the head (`opts.maxLenEvents` in the
// meta hash, 10,000 by default) and XTRIM leaves no record of what it removed
// (max-deleted-entry-id moves only on XDEL), so a follower counts: it knows how
// many entries the stream had ever been given before its position, and XINFO
// STREAM's entries-added less length is how many are gone; more gone than
// that count means entries past the position were trimmed unread.
import type { Redis } from "../client";
import { queueKeys } from "./keys";
import { noReply } from "./pipeline";

export interface StreamEntry {
  /** Stream entry id, "<ms>-<seq>"; the ms part is Redis time at the XADD. */
  id: string;
  event: string;
  /** Absent on queue-wide events (drained, paused, cleaned…). */
  jobId: string | null;
  /** Every field of the entry, event and jobId included. */
  fields: Record<string, string>;
}

/** "<ms>-<seq>" ids compared as numbers (they outgrow float precision only past 2^53 ms). */
function compareStreamIds(a: string, b: string): number {
  const [am = "0", as = "0"] = a.split("-");
  const [bm = "0", bs = "0"] = b.split("-");
  return Number(am) - Number(bm) || Number(as) - Number(bs);
}

/** Milliseconds part of a stream entry id (Redis time at the XADD). */
export const streamIdTime = (id: string): number => Number(id.split("-")[0]);

function entryOf(id: string, flat: string[]): StreamEntry {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i] as string] = flat[i + 1] as string;
  return { id, event: fields.event ?? "", jobId: fields.jobId ?? null, fields };
}

type XReadReply = [string, [string, string[]][]][] | null;

/**
 * One XREAD over many queues' streams at once, each after its own position (exclusive), at most
 * `count` entries per stream, blocking up to `blockMs` for the first. Meant for a connection of its own
 * (a blocked connection serves nothing else). Queues with no new entries are left out.
 */
export async function readEventStreams(
  blocking: Redis,
  prefix: string,
  after: ReadonlyMap<string, string>,
  count: number,
  blockMs: number,
): Promise<Map<string, StreamEntry[]>> {
  const queues = [...after.keys()];
  const out = new Map<string, StreamEntry[]>();
  if (queues.length === 0) return out;
  const keys = queues.map((q) => queueKeys(prefix, q).events);
  const reply = (await blocking.xread(
    "COUNT",
    count,
    "BLOCK",
    blockMs,
    "STREAMS",
    ...keys,
    ...queues.map((q) => after.get(q) as string),
  )) as XReadReply;
  const byKey = new Map(keys.map((k, i) => [k, queues[i] as string]));
  for (const [key, entries] of reply ?? []) {
    const queue = byKey.get(key);
    if (queue && entries.length)
      out.set(
        queue,
        entries.map(([id, flat]) => entryOf(id, flat)),
      );
  }
  return out;
}

export interface StreamInfo {
  length: number;
  firstId: string | null;
  /** Entries ever added (Redis 7); less `length`, the entries trimmed or deleted. */
  entriesAdded: number;
  /** The id of the newest entry ever added ("0-0": none). */
  lastId: string;
}

function infoOf(reply: unknown): StreamInfo | null {
  if (!Array.isArray(reply)) return null;
  const m = new Map<string, unknown>();
  for (let i = 0; i + 1 < reply.length; i += 2) m.set(String(reply[i]), reply[i + 1]);
  const first = m.get("first-entry");
  return {
    length: Number(m.get("length") ?? 0),
    firstId: Array.isArray(first) ? String(first[0]) : null,
    entriesAdded: Number(m.get("entries-added") ?? 0),
    lastId: String(m.get("last-generated-id") ?? "0-0"),
  };
}

/** Entries gone from the stream (trimmed or deleted): all of them before firstId, as BullMQ trims from the head. */
export const entriesGone = (info: StreamInfo): number => info.entriesAdded - info.length;

/**
 * True when entries after a follower's position were trimmed before it read them. `entriesRead`: how
 * many entries the stream had been given before the first one the follower had yet to read; `readIds`:
 * what it has read since (its XREAD just before `info`), some of which may be gone already.
 */
export function streamGap(info: StreamInfo | null, entriesRead: number, readIds: readonly string[] = []): boolean {
  if (info === null) return false;
  const readAndGone = info.firstId
    ? readIds.filter((id) => compareStreamIds(id, info.firstId as string) < 0).length
    : readIds.length;
  return entriesGone(info) > entriesRead + readAndGone;
}

/** The fields of a job hash the follower reads (raw strings; absent fields are undefined). */
export interface JobHash {
  name?: string;
  data?: string;
  timestamp?: string;
  processedOn?: string;
  finishedOn?: string;
  /** attemptsMade */
  atm?: string;
  /** attemptsStarted */
  ats?: string;
  failedReason?: string;
  /** JSON array of stack traces, one per failed attempt, newest last. */
  stacktrace?: string;
  progress?: string;
  delay?: string;
}

const HASH_FIELDS = [
  "name",
  "data",
  "timestamp",
  "processedOn",
  "finishedOn",
  "atm",
  "ats",
  "failedReason",
  "stacktrace",
  "progress",
  "delay",
] as const;

export interface FollowContext {
  /** XINFO STREAM per queue asked (null: no stream). */
  info: Map<string, StreamInfo | null>;
  /** Job hashes by queue, then id (null: the hash is gone). */
  jobs: Map<string, Map<string, JobHash | null>>;
}

/**
 * What a batch of stream entries needs from Redis, in one pipeline: each queue's XINFO STREAM (gap
 * detection) and the hashes of the jobs its entries name (HMGET of the fields in JobHash).
 */
export async function readFollowContext(
  redis: Redis,
  prefix: string,
  queues: readonly string[],
  jobIds: ReadonlyMap<string, readonly string[]>,
): Promise<FollowContext> {
  const pipe = redis.pipeline();
  for (const q of queues) pipe.xinfo("STREAM", queueKeys(prefix, q).events);
  const asked: [string, string][] = [];
  for (const [q, ids] of jobIds) {
    const keys = queueKeys(prefix, q);
    for (const id of ids) {
      pipe.hmget(keys.job(id), ...HASH_FIELDS);
      asked.push([q, id]);
    }
  }
  const results = await pipe.exec();
  if (!results) throw noReply();
  const info = new Map<string, StreamInfo | null>();
  queues.forEach((q, i) => {
    const [err, value] = results[i] as [Error | null, unknown];
    if (err && !/no such key/i.test(err.message)) throw err;
    info.set(q, err ? null : infoOf(value));
  });
  const jobs = new Map<string, Map<string, JobHash | null>>();
  asked.forEach(([q, id], i) => {
    const [err, value] = results[queues.length + i] as [Error | null, (string | null)[] | null];
    if (err) throw err;
    let byId = jobs.get(q);
    if (!byId) jobs.set(q, (byId = new Map()));
    byId.set(id, hashOf(value));
  });
  return { info, jobs };
}

function hashOf(values: (string | null)[] | null): JobHash | null {
  // A job hash always has `timestamp` (set when it is added); without it the job is gone.
  if (!values || values[2] === null || values[2] === undefined) return null;
  const h: Record<string, string> = {};
  HASH_FIELDS.forEach((f, i) => {
    const v = values[i];
    if (v !== null && v !== undefined) h[f] = v;
  });
  return h as JobHash;
}

export interface BackfillStart {
  /** Position to read after: "0" (the whole stream) or the entry before the newest `max`. */
  position: string;
  /** Entries the stream had ever been given up to `position` (see streamGap). */
  entriesRead: number;
  /** Older entries are gone or left unread: the history before `position` is incomplete. */
  incomplete: boolean;
}

/**
 * Where a follower with no saved position starts: before the stream's first entry ("0") when it holds
 * at most `max` entries, else just before its newest `max` (a first start backfills a bounded count).
 * One MULTI, so the count and the ids are of the same instant.
 */
export async function backfillStart(redis: Redis, prefix: string, queue: string, max: number): Promise<BackfillStart> {
  const key = queueKeys(prefix, queue).events;
  const exists = await redis.exists(key);
  if (!exists) return { position: "0", entriesRead: 0, incomplete: false };
  // The (max+1)-th newest entry: reading after it yields the newest `max`.
  const results = await redis
    .multi()
    .xinfo("STREAM", key)
    .xrevrange(key, "+", "-", "COUNT", max + 1)
    .exec();
  if (!results) throw noReply();
  const [[infoErr, infoReply], [rangeErr, range]] = results as [[Error | null, unknown], [Error | null, unknown]];
  if (infoErr || rangeErr) throw infoErr ?? rangeErr;
  const info = infoOf(infoReply) as StreamInfo;
  const newest = range as [string, string[]][];
  if (info.length <= max) {
    return { position: "0", entriesRead: entriesGone(info), incomplete: entriesGone(info) > 0 };
  }
  return {
    position: newest[newest.length - 1]?.[0] ?? "0",
    entriesRead: info.entriesAdded - max,
    incomplete: true,
  };
}

/** The states gap repair walks, with how their keys hold ids. */
const STATE_KEYS = [
  ["active", "list"],
  ["wait", "list"],
  ["paused", "list"],
  ["prioritized", "zset"],
  ["delayed", "zset"],
  ["waiting-children", "zset"],
  ["failed", "finished"],
  ["completed", "finished"],
] as const;

type JobSetState = (typeof STATE_KEYS)[number][0];

export interface JobIdPage {
  state: JobSetState;
  ids: string[];
  /** Finished states only: each job's finishedOn, ms (the set's score), in the order of `ids`. */
  finishedOn: number[] | null;
}

/**
 * The job ids a queue holds, state by state, `batch` ids at a time, at most `max` in all: every
 * unfinished job (LRANGE / ZRANGE by index, so each call is O(batch) in Redis), then the finished
 * ones whose finishedOn is at or after `finishedSince` (ms), newest first. BullMQ scores its
 * completed and failed sets by finishedOn (every client's moveToFinished script), so those are read
 * by score and a queue's older history is never walked. Jobs that move meanwhile may be seen twice
 * or missed.
 */
export async function* queueJobIds(
  redis: Redis,
  prefix: string,
  queue: string,
  batch: number,
  max: number,
  finishedSince: number,
): AsyncGenerator<JobIdPage> {
  const keys = queueKeys(prefix, queue);
  let seen = 0;
  for (const [state, kind] of STATE_KEYS) {
    if (kind === "finished") {
      // Newest first, so a walk cut short by `max` leaves out the oldest. Paged by score: from the last
      // page's lowest score down, past the members already given at it.
      let top = "+inf";
      let atTop = 0;
      while (seen < max) {
        const want = Math.min(batch, max - seen);
        const flat = await redis.zrevrangebyscore(
          keys.state(state),
          top,
          String(finishedSince),
          "WITHSCORES",
          "LIMIT",
          atTop,
          want,
        );
        const ids: string[] = [];
        const finishedOn: number[] = [];
        for (let i = 0; i + 1 < flat.length; i += 2) {
          ids.push(flat[i] as string);
          finishedOn.push(Number(flat[i + 1]));
        }
        if (ids.length === 0) break;
        seen += ids.length;
        yield { state, ids, finishedOn };
        if (ids.length < want) break;
        const last = String(finishedOn[finishedOn.length - 1]);
        atTop = (last === top ? atTop : 0) + finishedOn.filter((f) => String(f) === last).length;
        top = last;
      }
      continue;
    }
    for (let start = 0; seen < max; start += batch) {
      const stop = start + Math.min(batch, max - seen) - 1;
      const ids =
        kind === "list"
          ? await redis.lrange(keys.state(state), start, stop)
          : await redis.zrange(keys.state(state), String(start), String(stop));
      if (ids.length === 0) break;
      seen += ids.length;
      yield { state, ids, finishedOn: null };
      if (ids.length < stop - start + 1) break;
    }
  }
}

/** attemptsStarted of each of `ids` (0 when unset; null where the hash is gone), one pipeline. */
export async function readAttemptsStarted(
  redis: Redis,
  prefix: string,
  queue: string,
  ids: readonly string[],
): Promise<Map<string, number | null>> {
  const keys = queueKeys(prefix, queue);
  const pipe = redis.pipeline();
  for (const id of ids) pipe.hmget(keys.job(id), "timestamp", "ats");
  const results = await pipe.exec();
  if (!results) throw noReply();
  const out = new Map<string, number | null>();
  ids.forEach((id, i) => {
    const [err, value] = results[i] as [Error | null, (string | null)[]];
    if (err) throw err;
    out.set(id, value[0] === null ? null : Number(value[1] ?? 0));
  });
  return out;
}

/** Job hashes (JobHash fields) of `ids` in one pipeline; null where the hash is gone. */
export async function readJobHashes(
  redis: Redis,
  prefix: string,
  queue: string,
  ids: readonly string[],
): Promise<Map<string, JobHash | null>> {
  const ctx = await readFollowContext(redis, prefix, [], new Map([[queue, ids]]));
  return ctx.jobs.get(queue) ?? new Map();
}
