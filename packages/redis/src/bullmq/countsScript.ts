// The Lua script behind queue counts (GET /queues, the detail, the Prometheus
// gauges): every count and extra of a batch of queues in ONE command. A plain
// pipeline needs eleven commands a queue, and on the API side each command
// costs an ioredis Command, a promise and a parsed reply: for the bench's 50
// queues (bench/queues/list.js) that measured 3.6–3.9 ms of API CPU per
// listing, against 0.3–0.8 ms for one script call (and 1.0–1.9 ms for BullMQ's
// getJobCounts on each queue). Redis does the same reads either way.
// The script also gives the two numbers plain commands cannot give in one
// round trip: the age of the next waiting job (its id is the wait list's tail,
// its timestamp in its hash) and how many active jobs have lost their lock
// (stalled).
import type { ChainableCommander } from "ioredis";

import type { Redis } from "../client";
import { queueKeys } from "./keys";
import { STALLED_SCAN_LIMIT } from "./stalled";

/*
  KEYS[1] the first queue's meta key, only so that a cluster client routes the
  call: every key read is `<prefix>:<queue>:<suffix>` (job keys included), which
  share one slot when the prefix is hash-tagged. Declaring all nine keys
  of every queue instead would add ~15 KB to each call for 50 queues.
  ARGV[1] `<prefix>:`, ARGV[2] completed since (ms), ARGV[3] most active jobs
  checked for a lock, ARGV[4..] the queue names
  Returns, per queue (VALUES_PER_QUEUE): wait, paused list, prioritized, active,
  delayed, failed, completed, waiting-children, completed since ARGV[2], paused
  flag (0/1), timestamp (ms) of the oldest waiting job or -1, stalled.
  redis.pcall: a key of the wrong type counts as 0 instead of failing every queue.
  no-writes (Redis 7): the script still runs when Redis is out of memory under
  noeviction, and on replicas — when the queue counts matter most.
*/
const COUNTS_LUA = `#!lua flags=no-writes
local function num(r)
  if type(r) == 'number' then return r end
  return 0
end
local since = ARGV[2]
local limit = tonumber(ARGV[3])
local out = {}
local o = 0
for q = 4, #ARGV do
  local b = ARGV[1] .. ARGV[q] .. ':'
  local wait, pausedl, active, completed = b .. 'wait', b .. 'paused', b .. 'active', b .. 'completed'
  out[o + 1] = num(redis.pcall('LLEN', wait))
  out[o + 2] = num(redis.pcall('LLEN', pausedl))
  out[o + 3] = num(redis.pcall('ZCARD', b .. 'prioritized'))
  out[o + 4] = num(redis.pcall('LLEN', active))
  out[o + 5] = num(redis.pcall('ZCARD', b .. 'delayed'))
  out[o + 6] = num(redis.pcall('ZCARD', b .. 'failed'))
  out[o + 7] = num(redis.pcall('ZCARD', completed))
  out[o + 8] = num(redis.pcall('ZCARD', b .. 'waiting-children'))
  -- The completed zset is scored by finishedOn (ms).
  out[o + 9] = num(redis.pcall('ZCOUNT', completed, since, '+inf'))
  out[o + 10] = (redis.pcall('HGET', b .. 'meta', 'paused') == '1') and 1 or 0
  local oldest = -1
  local id = redis.pcall('LINDEX', wait, -1)
  if type(id) ~= 'string' then id = redis.pcall('LINDEX', pausedl, -1) end
  if type(id) == 'string' then
    local ts = redis.pcall('HGET', b .. id, 'timestamp')
    if type(ts) == 'string' then oldest = tonumber(ts) or -1 end
  end
  out[o + 11] = oldest
  local stalled = 0
  local ids = redis.pcall('LRANGE', active, 0, limit - 1)
  if type(ids) == 'table' and ids.err == nil then
    for _, jid in ipairs(ids) do
      if redis.call('EXISTS', b .. jid .. ':lock') == 0 then stalled = stalled + 1 end
    end
  end
  out[o + 12] = stalled
  o = o + 12
end
return out
`;

/** Numbers the script returns per queue. */
export const VALUES_PER_QUEUE = 12;

/**
 * Queues per script call. One call runs without interruption on Redis: ~12 reads
 * a queue (plus one EXISTS per active job), so 100 queues keep it around a
 * millisecond; more queues take more calls in the same pipeline.
 */
export const QUEUES_PER_CALL = 100;

const COMMAND = "opsdeckQueueCounts";
const defined = new WeakSet<Redis>();

type CountsCommander = ChainableCommander & {
  opsdeckQueueCounts(routingKey: string, ...args: (string | number)[]): ChainableCommander;
};

/** Registers the script on a client; call before creating the pipeline (pipelines copy commands when made). */
export function defineCountsScript(redis: Redis): void {
  if (defined.has(redis)) return;
  redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: COUNTS_LUA });
  defined.add(redis);
}

/** Adds one script call for `queues` (1 to QUEUES_PER_CALL) to a pipeline (EVALSHA, loading it on first use). */
export function addCounts(pipeline: ChainableCommander, prefix: string, queues: string[], since: number): void {
  (pipeline as CountsCommander).opsdeckQueueCounts(
    queueKeys(prefix, queues[0] as string).meta,
    `${prefix}:`,
    since,
    STALLED_SCAN_LIMIT,
    ...queues,
  );
}
