// Leases on followed event streams, one per queue, under Opsdeck's own prefix
// (`<REDIS_KEY_PREFIX>:history:lease:<queue>`): several worker processes may
// run, and each stream must be followed by exactly one of them. A lease is
// taken with SET NX PX and kept by renewing it well inside its lifetime; a
// dead process's leases lapse and another process takes its streams over.
// Renewal and release are check-and-act Lua (only the holder's token extends
// or deletes), so a process that lost a lease cannot extend someone else's.
// The lease alone does not fence writes (a paused process may still believe
// it holds one): the Postgres position carries an epoch for that
// (packages/db/src/streamPositions.ts).
import type { Redis } from "./client";

const leaseKey = (keyPrefix: string, queue: string) => `${keyPrefix}:history:lease:${queue}`;

// KEYS: the leases; ARGV[1]: token, ARGV[2]: lifetime ms. Returns, per lease, 1 extended or 0 not ours.
const RENEW = `local out = {}
for i, key in ipairs(KEYS) do
  if redis.call("GET", key) == ARGV[1] then
    redis.call("PEXPIRE", key, ARGV[2])
    out[i] = 1
  else
    out[i] = 0
  end
end
return out`;

// KEYS: the leases; ARGV[1]: token. Deletes those still held with it.
const RELEASE = `for _, key in ipairs(KEYS) do
  if redis.call("GET", key) == ARGV[1] then redis.call("DEL", key) end
end
return 0`;

/** Takes the lease of each queue nobody holds; returns those taken. */
export async function acquireStreamLeases(
  redis: Redis,
  keyPrefix: string,
  queues: readonly string[],
  token: string,
  ttlMs: number,
): Promise<string[]> {
  if (queues.length === 0) return [];
  const pipe = redis.pipeline();
  for (const q of queues) pipe.set(leaseKey(keyPrefix, q), token, "PX", ttlMs, "NX");
  const results = (await pipe.exec()) ?? [];
  return queues.filter((_, i) => results[i]?.[1] === "OK");
}

/** Extends the leases still held with `token`; returns the queues whose lease was lost. */
export async function renewStreamLeases(
  redis: Redis,
  keyPrefix: string,
  queues: readonly string[],
  token: string,
  ttlMs: number,
): Promise<string[]> {
  if (queues.length === 0) return [];
  const kept = (await redis.eval(
    RENEW,
    queues.length,
    ...queues.map((q) => leaseKey(keyPrefix, q)),
    token,
    ttlMs,
  )) as number[];
  return queues.filter((_, i) => kept[i] !== 1);
}

/** Gives the leases back (a clean stop), so another process takes the streams over at once. */
export async function releaseStreamLeases(
  redis: Redis,
  keyPrefix: string,
  queues: readonly string[],
  token: string,
): Promise<void> {
  if (queues.length === 0) return;
  await redis.eval(RELEASE, queues.length, ...queues.map((q) => leaseKey(keyPrefix, q)), token);
}
