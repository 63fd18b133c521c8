// Lua scripts for the bulk queue operations (the API's queues/bulk.ts). They do
// what BullMQ's own scripts do — moveJobsToWait-8.lua for retry/promote (with
// reprocessJob-9.lua's reset of attempts for a retry),
// cleanJobsInSet-3.lua (cleanSet / cleanList) and drain-5.lua for clean —
// touching the same keys through copies of the same helpers, with three
// differences that make a 100,000-job operation cheap to run in chunks:
//  - each call returns the ids it moved or deleted (BullMQ's move script does
//    not; reading them first costs a round trip per chunk), and the Redis time
//    it took (TIME), so the caller can size the next chunk to a time budget;
//  - a list is cleaned from its tail (oldest end) by position: the deleted
//    entries are trimmed (LTRIM) or marked and removed with a LREM bounded to
//    the examined window, where BullMQ's cleanList LREMs the whole list on
//    every call (O(list length) per chunk);
//  - a clean walks past the jobs it keeps (inside the grace period, locked, or
//    a job scheduler's next run) with an offset instead of stopping there, and
//    the same script counts (dry run) with the same test, so `matched` and
//    `deleted` agree.
// Each job's fields are read with one HMGET (BullMQ reads them in up to four
// calls). The Lua is embedded here so the TypeScript build ships it. The
// upstream scripts they adapt are pinned in lua/upstream.ts: a BullMQ upgrade
// that changes one fails tests/redis/bullmqLua.test.ts until these are
// reviewed against it.
import type { Redis } from "../client";
import { includeLua } from "./lua/includes";

/** What both scripts start with: BullMQ's includes they use (lua/includes.ts) and a clock. */
const PRELUDE = `
local rcall = redis.call
${includeLua(
  "destructureJobKey",
  "batches",
  "addBaseMarkerIfNeeded",
  "isQueuePausedOrMaxed",
  "addJobInTargetList",
  "removeJobKeys",
  "removeDeduplicationKeyIfNeededOnRemoval",
  "removeParentDependencyKey",
)}
local function micros()
  local t = rcall("TIME")
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end
`;

/*
  Retry (failed/completed → wait) or promote (delayed → wait): BullMQ's
  moveJobsToWait-8.lua, returning the ids it moved and its Redis time; a retry
  with ARGV[4] '1' also gives each job a fresh set of attempts, deleting
  attemptsMade (atm) and attemptsStarted (ats) as reprocessJob-9.lua does for
  Job#retry with resetAttemptsMade / resetAttemptsStarted.
  KEYS[1] job key prefix '<prefix>:<queue>:', [2] events, [3] state set, [4] wait,
      [5] meta, [6] active, [7] marker
  ARGV[1] most jobs to move, [2] highest score moved (ms or '+inf'), [3] state name,
      [4] '1' to reset the attempts of retried jobs, '0' to keep them
  Returns {ids, microseconds}
*/
const MOVE_TO_WAIT_LUA = `${PRELUDE}
local started = micros()

${includeLua("getOrSetMaxEvents", "moveChildBackToParentDependencies")}

local metaKey = KEYS[5]
local isPausedOrMaxed = isQueuePausedOrMaxed(metaKey, KEYS[6])
local attemptFields = {}
if ARGV[4] == "1" then attemptFields = {"atm", "ats"} end
local jobs = rcall('ZRANGEBYSCORE', KEYS[3], 0, ARGV[2], 'LIMIT', 0, tonumber(ARGV[1]))
if (#jobs > 0) then
  if ARGV[3] == "failed" then
    for i, key in ipairs(jobs) do
      local jobKey = KEYS[1] .. key
      rcall("HDEL", jobKey, "finishedOn", "processedOn", "failedReason", unpack(attemptFields))
      moveChildBackToParentDependencies(jobKey, ARGV[3])
    end
  elseif ARGV[3] == "completed" then
    for i, key in ipairs(jobs) do
      local jobKey = KEYS[1] .. key
      rcall("HDEL", jobKey, "finishedOn", "processedOn", "returnvalue", unpack(attemptFields))
      moveChildBackToParentDependencies(jobKey, ARGV[3])
    end
  end
  local maxEvents = getOrSetMaxEvents(metaKey)
  for i, key in ipairs(jobs) do
    rcall("XADD", KEYS[2], "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", key, "prev", ARGV[3])
  end
  for from, to in batches(#jobs, 7000) do
    rcall("ZREM", KEYS[3], unpack(jobs, from, to))
    rcall("LPUSH", KEYS[4], unpack(jobs, from, to))
  end
  addBaseMarkerIfNeeded(KEYS[7], isPausedOrMaxed)
end
return {jobs, micros() - started}
`;

/*
  Clean (or count, with take = 0) one window of a state, oldest first.
  KEYS[1] state key, [2] events stream, [3] job schedulers ('repeat')
  ARGV[1] job key prefix '<prefix>:<queue>:'
  ARGV[2] cutoff, ms: a job is old enough when the first of its timestamp fields
          that is set is <= cutoff (or none is set) — cleanList / cleanSet's test
  ARGV[3] offset: entries at the old end already examined and kept
  ARGV[4] window: entries to examine
  ARGV[5] take: most jobs to delete; 0 counts instead (nothing changes)
  ARGV[6] kind: 'list' (wait/paused: from the tail), 'finished' (completed/failed:
          scores are finishedOn, so ZRANGEBYSCORE 0..cutoff is the whole test) or
          'set' (delayed/prioritized: by score, each job tested)
  ARGV[7] '1': keep jobs whose lock is held (ARGV[8..] must include processedOn)
  ARGV[8..] timestamp fields, in order of preference
  Returns {deleted ids (empty when counting), matched, examined, entries in the window, microseconds}.
  A job scheduler's next job (its id is 'repeat:<rjk>:<millis>' with millis its
  ZSCORE in the schedulers set) is always kept, as in cleanList / cleanSet.
*/
const CLEAN_LUA = `${PRELUDE}
local started = micros()
-- Marks deleted list entries until the LREM below: job ids never contain a NUL byte in practice.
local MARKER = "\\0opsdeck-cleaned"

local stateKey, eventsKey, schedulersKey = KEYS[1], KEYS[2], KEYS[3]
local baseKey = ARGV[1]
local cutoff = tonumber(ARGV[2])
local offset = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local take = tonumber(ARGV[5])
local kind = ARGV[6]
local checkLock = ARGV[7] == "1"
local counting = take == 0
local fields = {}
for i = 8, #ARGV do fields[#fields + 1] = ARGV[i] end
local nTs = #fields
-- Only a job that has been active can hold a lock: BullMQ takes it in the same
-- script that sets processedOn (prepareJobForProcessing), so the lock is
-- looked up only for jobs with a processedOn.
local lockGate = 0
if checkLock then
  for f = 1, nTs do
    if fields[f] == "processedOn" then lockGate = f end
  end
end
fields[nTs + 1] = "rjk"
fields[nTs + 2] = "parentKey"
fields[nTs + 3] = "deid"

local jobs
if kind == "list" then
  jobs = rcall("LRANGE", stateKey, -(offset + window), -(offset + 1))
elseif kind == "finished" then
  jobs = rcall("ZRANGEBYSCORE", stateKey, 0, ARGV[2], "LIMIT", offset, window)
else
  jobs = rcall("ZRANGEBYSCORE", stateKey, 0, "+inf", "LIMIT", offset, window)
end

local n = #jobs
local examined, matched = 0, 0
local deleted, positions = {}, {}
for step = 1, n do
  if not counting and matched >= take then break end
  examined = step
  -- LRANGE returns head→tail; the tail is the oldest end.
  local jobId = kind == "list" and jobs[n - step + 1] or jobs[step]
  local jobKey = baseKey .. jobId
  local ok = true
  local vals
  if kind == "finished" then
    if not counting then vals = rcall("HMGET", jobKey, fields[nTs + 2], fields[nTs + 3]) end
  else
    vals = rcall("HMGET", jobKey, unpack(fields))
    for f = 1, nTs do
      if vals[f] then
        local ts = tonumber(vals[f])
        if ts and ts > cutoff then ok = false end
        break
      end
    end
    local rjk = vals[nTs + 1]
    if ok and rjk then
      local prevMillis = rcall("ZSCORE", schedulersKey, rjk)
      if prevMillis and jobId == "repeat:" .. rjk .. ":" .. prevMillis then ok = false end
    end
    if ok and lockGate > 0 and vals[lockGate] and rcall("EXISTS", jobKey .. ":lock") == 1 then ok = false end
  end
  if ok then
    matched = matched + 1
    if not counting then
      -- removeJob(jobId, true, baseKey, true) of includes/removeJob.lua, with parentKey
      -- and deid already read (removeParentDependencyKey reads them again only for a child).
      local parentKey, deid
      if kind == "finished" then parentKey, deid = vals[1], vals[2] else parentKey, deid = vals[nTs + 2], vals[nTs + 3] end
      if parentKey then removeParentDependencyKey(jobKey, true, nil, baseKey) end
      removeDeduplicationKeyIfNeededOnRemoval(baseKey, jobId, deid)
      removeJobKeys(jobKey)
      deleted[matched] = jobId
      positions[matched] = -(offset + step)
    end
  end
end

if not counting and matched > 0 then
  if kind == "list" then
    if offset == 0 and matched == examined then
      rcall("LTRIM", stateKey, 0, -(matched + 1))
    else
      for k = 1, matched do rcall("LSET", stateKey, positions[k], MARKER) end
      -- From the tail, so the scan stops within the examined window.
      rcall("LREM", stateKey, -matched, MARKER)
    end
  else
    for from, to in batches(matched, 7000) do
      rcall("ZREM", stateKey, unpack(deleted, from, to))
    end
  end
  rcall("XADD", eventsKey, "*", "event", "cleaned", "count", matched)
end
return {deleted, matched, examined, n, micros() - started}
`;

const MOVE_COMMAND = "opsdeckBulkMoveToWait";
const CLEAN_COMMAND = "opsdeckBulkClean";
const defined = new WeakSet<Redis>();

type ScriptFn = (...args: (string | number)[]) => Promise<unknown>;

function command(redis: Redis, name: string): ScriptFn {
  if (!defined.has(redis)) {
    // EVALSHA, loading the script on a connection's first use (ioredis Script).
    redis.defineCommand(MOVE_COMMAND, { numberOfKeys: 7, lua: MOVE_TO_WAIT_LUA });
    redis.defineCommand(CLEAN_COMMAND, { numberOfKeys: 3, lua: CLEAN_LUA });
    defined.add(redis);
  }
  const fn = (redis as unknown as Record<string, ScriptFn>)[name];
  if (typeof fn !== "function") throw new Error(`Redis command ${name} is not defined`);
  return fn.bind(redis);
}

export interface MoveReply {
  ids: string[];
  /** Redis time the call took, µs. */
  micros: number;
}

/**
 * One chunk of retry/promote: moves at most `count` jobs of `state` scored <= `maxScore` to wait;
 * with `resetAttempts`, a retried job's attemptsMade and attemptsStarted start again from 0.
 */
export async function moveToWait(
  redis: Redis,
  base: string,
  state: "failed" | "completed" | "delayed",
  maxScore: number | "+inf",
  count: number,
  resetAttempts: boolean,
): Promise<MoveReply> {
  const k = (s: string) => `${base}${s}`;
  const [ids, micros] = (await command(redis, MOVE_COMMAND)(
    base,
    k("events"),
    k(state),
    k("wait"),
    k("meta"),
    k("active"),
    k("marker"),
    count,
    maxScore,
    state,
    resetAttempts ? "1" : "0",
  )) as [string[], number];
  return { ids, micros: Number(micros) };
}

type CleanKind = "list" | "finished" | "set";

export interface CleanWindow {
  /** Entries at the old end already examined and kept. */
  offset: number;
  /** Entries to examine. */
  window: number;
  /** Most jobs to delete; 0 counts instead. */
  take: number;
}

export interface CleanReply {
  /** Deleted ids (empty when counting). */
  ids: string[];
  /** Jobs that passed the test: deleted, or counted. */
  matched: number;
  examined: number;
  /** Entries the window held: fewer than asked means the state ends there. */
  entries: number;
  micros: number;
}

export interface CleanSpec {
  kind: CleanKind;
  /** Timestamp fields tested, in order of preference (cleanJobsInSet-3.lua's per state). */
  fields: string[];
  checkLock: boolean;
}

/** One window of a clean (or, with take 0, of its count). */
export async function cleanWindow(
  redis: Redis,
  base: string,
  state: string,
  spec: CleanSpec,
  cutoff: number,
  w: CleanWindow,
): Promise<CleanReply> {
  const [ids, matched, examined, entries, micros] = (await command(redis, CLEAN_COMMAND)(
    `${base}${state}`,
    `${base}events`,
    `${base}repeat`,
    base,
    cutoff,
    w.offset,
    w.window,
    w.take,
    spec.kind,
    spec.checkLock ? "1" : "0",
    ...spec.fields,
  )) as [string[], number, number, number, number];
  return {
    ids,
    matched: Number(matched),
    examined: Number(examined),
    entries: Number(entries),
    micros: Number(micros),
  };
}
