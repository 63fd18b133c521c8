// A small Lua probe, run once per queue inside the GET /queues pipeline, for
// the two numbers plain commands cannot give in one round trip: the age of
// the next waiting job (its id is the wait list's tail, its timestamp in its
// hash) and how many active jobs have lost their lock (stalled).
import type { Redis } from "@opsdeck/core";
import type { ChainableCommander } from "ioredis";

/*
  KEYS[1] wait list, KEYS[2] legacy paused list, KEYS[3] active list
  ARGV[1] job key prefix `<prefix>:<queue>:`, ARGV[2] most active jobs to check
  Returns {timestamp (ms) of the oldest waiting job or false, stalled count}
*/
const PROBE_LUA = `
local oldest = false
local id = redis.call('LINDEX', KEYS[1], -1)
if not id then id = redis.call('LINDEX', KEYS[2], -1) end
if id then oldest = redis.call('HGET', ARGV[1] .. id, 'timestamp') end
local stalled = 0
local active = redis.call('LRANGE', KEYS[3], 0, tonumber(ARGV[2]) - 1)
for _, jid in ipairs(active) do
  if redis.call('EXISTS', ARGV[1] .. jid .. ':lock') == 0 then stalled = stalled + 1 end
end
return {oldest, stalled}
`;

/** Active jobs checked per queue for a lapsed lock; active lists are bounded by worker concurrency. */
export const STALLED_CHECK_LIMIT = 1_000;

const COMMAND = "opsdeckQueueProbe";
const defined = new WeakSet<Redis>();

type ProbeCommander = ChainableCommander & {
  opsdeckQueueProbe(wait: string, paused: string, active: string, jobPrefix: string, limit: number): ChainableCommander;
};

/** Registers the probe on a client; call before creating the pipeline (pipelines copy commands when made). */
export function defineProbe(redis: Redis): void {
  if (defined.has(redis)) return;
  redis.defineCommand(COMMAND, { numberOfKeys: 3, lua: PROBE_LUA });
  defined.add(redis);
}

/** Adds the probe for one queue to a pipeline (EVALSHA, loading the script on first use). */
export function addProbe(pipeline: ChainableCommander, prefix: string, queue: string): void {
  const base = `${prefix}:${queue}:`;
  (pipeline as ProbeCommander).opsdeckQueueProbe(
    `${base}wait`,
    `${base}paused`,
    `${base}active`,
    base,
    STALLED_CHECK_LIMIT,
  );
}

/** Parses the probe's reply; null when the command failed. */
export function parseProbe(value: unknown): { oldestTimestamp: number | null; stalled: number } | null {
  if (!Array.isArray(value)) return null;
  const [oldest, stalled] = value as [unknown, unknown];
  const ts = oldest === null || oldest === undefined ? NaN : Number(oldest);
  return { oldestTimestamp: Number.isFinite(ts) ? ts : null, stalled: Number(stalled) || 0 };
}
