// Stalled jobs: active jobs whose lock has lapsed. A worker holds
// `<prefix>:<queue>:<id>:lock` (renewed every lockDuration / 2) for every job
// it runs; an active job without one belongs to a worker that died or froze,
// and BullMQ's stalled check will move it back to wait (or fail it).
// Counted in the queue counts script (countsScript.ts) and listed here with
// the same bound, so `stalled_jobs` in a listing and the total of
// `?status=stalled` always agree.
//
// The listing reads the active list and the locks in ONE script call: read in
// two round trips, a job that finished in between (its id read as active, its
// lock then gone with it) was listed as stalled although it never stalled.
import type { Redis } from "../client";
import { queueKeys } from "./keys";

/**
 * Active jobs checked per queue (the head of the active list, where BullMQ
 * pushes the jobs it starts). Active lists are bounded by the workers'
 * concurrency, so this is every active job of any reasonable deployment; a
 * queue past it has only its first STALLED_SCAN_LIMIT checked. One EXISTS
 * each: 1,000 keep the counts script near a millisecond per queue.
 */
export const STALLED_SCAN_LIMIT = 1_000;

/*
  KEYS[1] the queue's active list. The lock keys are built in the script from
  the ids it reads (they cannot be declared before they are known); they are
  `<prefix>:<queue>:<id>:lock`, in the active list's slot when the prefix is
  hash-tagged (`{opsdeck}`), so the call works on Redis Cluster.
  ARGV[1] `<prefix>:<queue>:` (queueKeys().base), ARGV[2] the lock suffix
  (queueKeys().lockSuffix), ARGV[3] most active jobs checked.
  Returns the ids of the checked active jobs without a lock, in list order.
  no-writes: runs on replicas and under noeviction when Redis is out of memory.
*/
const STALLED_LUA = `#!lua flags=no-writes
local ids = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[3]) - 1)
local out = {}
for _, id in ipairs(ids) do
  if redis.call('EXISTS', ARGV[1] .. id .. ARGV[2]) == 0 then out[#out + 1] = id end
end
return out
`;

const COMMAND = "opsdeckStalledJobIds";
const defined = new WeakSet<Redis>();

type StalledCommander = Redis & {
  opsdeckStalledJobIds(activeKey: string, base: string, lockSuffix: string, limit: number): Promise<string[]>;
};

function defineStalledScript(redis: Redis): StalledCommander {
  if (!defined.has(redis)) {
    redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: STALLED_LUA });
    defined.add(redis);
  }
  return redis as StalledCommander;
}

/** Ids of the queue's stalled jobs (of the first STALLED_SCAN_LIMIT active ones), in active-list order. */
export async function stalledJobIds(redis: Redis, prefix: string, queue: string): Promise<string[]> {
  const k = queueKeys(prefix, queue);
  return defineStalledScript(redis).opsdeckStalledJobIds(k.state("active"), k.base, k.lockSuffix, STALLED_SCAN_LIMIT);
}

/** Whether a worker holds the job's lock now. */
export async function isJobLocked(redis: Redis, prefix: string, queue: string, jobId: string): Promise<boolean> {
  return (await redis.exists(queueKeys(prefix, queue).lock(jobId))) === 1;
}
