// Dropped log entries, shared across processes through one Redis hash
// (`<REDIS_KEY_PREFIX>:metrics:dropped-logs`, field = reporting process,
// value = its running total), so the dropped_logs alert rule in the worker
// sees drops in the API too. A process reports its own counter's total;
// `droppedLogsIncrease` remembers the last sum it saw and returns the growth.
import type { Redis } from "./client";

const hashKey = (prefix: string) => `${prefix}:metrics:dropped-logs`;
const seenKey = (prefix: string) => `${prefix}:metrics:dropped-logs:seen`;
/** A reporter silent this long is forgotten, seconds (its process is gone). */
const REPORT_TTL_S = 7 * 86_400;

/** Records `total` dropped entries so far for `source` (a process id). */
export async function reportDroppedLogs(redis: Redis, prefix: string, source: string, total: number): Promise<void> {
  await redis.multi().hset(hashKey(prefix), source, String(total)).expire(hashKey(prefix), REPORT_TTL_S).exec();
}

/** Sum over reporters, and how much it grew since the previous call (0 on the first). */
export async function droppedLogsIncrease(redis: Redis, prefix: string): Promise<{ total: number; increase: number }> {
  const all = await redis.hgetall(hashKey(prefix));
  const total = Object.values(all).reduce((a, v) => a + (Number(v) || 0), 0);
  const previous = await redis.getset(seenKey(prefix), String(total));
  const increase = previous === null ? 0 : Math.max(0, total - (Number(previous) || 0));
  return { total, increase };
}
