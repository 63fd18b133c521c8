// Rate limits, Redis-backed through rate-limiter-flexible so every
// API process shares the same counters:
//  - a read policy (300 / 60 s) and a write policy (60 / 60 s) per key, per IP
//    without one;
//  - failed sign-ins per IP (10 / 60 s), counted apart from everything else so
//    a flood of wrong keys never uses up the budget of a correct one;
//  - per-key quotas per calendar minute / hour / day (integration keys
//    default to 100 / 1,000 / 10,000; a key may override).
// Every limited response carries X-RateLimit-* (the binding limit) and the
// IETF draft RateLimit-Policy / RateLimit fields. Redis trouble (an error or
// no answer within RATE_LIMIT_TIMEOUT_MS) fails open: the request goes
// through, the failure is logged (throttled) and counted.
import { AppError, type Logger, withDeadline } from "@opsdeck/core";
import type { Redis } from "@opsdeck/redis";
import { RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";

import type { RatePolicy } from "./route";

/** A window's state after counting (or peeking at) one request. */
export interface WindowState {
  name: string;
  /** Null: tracked but unlimited. */
  limit: number | null;
  used: number;
  /** Seconds until the window resets. */
  resetInSeconds: number;
  /** Epoch seconds of the reset. */
  resetAt: number;
  windowSeconds: number;
}

export interface Quotas {
  minute: number | null;
  hour: number | null;
  day: number | null;
}

export interface RateLimitOptions {
  redis: Redis;
  prefix: string;
  read: number;
  write: number;
  /** Failed sign-ins per subject (an IP) per window. */
  signInFailures: number;
  windowSeconds: number;
  timeoutMs: number;
  log: Logger;
  onFailOpen?: () => void;
  onReject?: (policy: string) => void;
}

const QUOTA_WINDOWS = [
  { name: "minute", seconds: 60 },
  { name: "hour", seconds: 3_600 },
  { name: "day", seconds: 86_400 },
] as const;

/** The windows counted per subject over RATE_LIMIT_WINDOW_SECONDS: the routes' policies, and failed sign-ins. */
export type WindowPolicy = Exclude<RatePolicy, "none"> | "sign-in-failures";

/** Counters never reject by themselves; we compare against each key's own limit. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** rate-limiter-flexible rejects with a RateLimiterRes (not an Error) when over its own points; we never hit that. */
function res(r: RateLimiterRes | null): { used: number; msBeforeNext: number } {
  return { used: r?.consumedPoints ?? 0, msBeforeNext: r?.msBeforeNext ?? 0 };
}

export function createRateLimits(opts: RateLimitOptions) {
  const policyLimiter = (name: WindowPolicy) =>
    new RateLimiterRedis({
      storeClient: opts.redis,
      keyPrefix: `${opts.prefix}:rl:${name}`,
      points: UNBOUNDED,
      duration: opts.windowSeconds,
    });
  const policies: Record<WindowPolicy, RateLimiterRedis> = {
    read: policyLimiter("read"),
    write: policyLimiter("write"),
    "sign-in-failures": policyLimiter("sign-in-failures"),
  };
  const policyLimits: Record<WindowPolicy, number> = {
    read: opts.read,
    write: opts.write,
    "sign-in-failures": opts.signInFailures,
  };
  // Quota windows are aligned to the calendar (resetAt: next minute, hour, midnight UTC),
  // so the window start is part of the counter key.
  const quotaLimiters = QUOTA_WINDOWS.map(
    (w) =>
      new RateLimiterRedis({
        storeClient: opts.redis,
        keyPrefix: `${opts.prefix}:rl:quota:${w.name}`,
        points: UNBOUNDED,
        duration: w.seconds,
      }),
  );
  let lastWarn = 0;

  function failOpen(err: unknown): null {
    opts.onFailOpen?.();
    if (Date.now() - lastWarn > 10_000) {
      lastWarn = Date.now();
      opts.log.warn("rate limiter unavailable; failing open", { err });
    }
    return null;
  }

  function quotaKey(subject: string, seconds: number, nowMs: number): { key: string; resetAt: number } {
    const start = Math.floor(nowMs / 1000 / seconds) * seconds;
    return { key: `${subject}:${start}`, resetAt: start + seconds };
  }

  return {
    /** Counts one request against the policy; null when Redis failed (fail open). */
    async consumePolicy(policy: WindowPolicy, subject: string): Promise<WindowState | null> {
      try {
        const r = res(await withDeadline(policies[policy].consume(subject), opts.timeoutMs, "rate limiter"));
        const resetIn = Math.max(1, Math.ceil(r.msBeforeNext / 1000));
        return {
          name: policy,
          limit: policyLimits[policy],
          used: r.used,
          resetInSeconds: resetIn,
          resetAt: Math.ceil(Date.now() / 1000) + resetIn,
          windowSeconds: opts.windowSeconds,
        };
      } catch (err) {
        return failOpen(err);
      }
    },

    /** Counts (or, with peek, reads) one request against each quota window. */
    async quotas(subject: string, limits: Quotas, peek = false): Promise<WindowState[] | null> {
      const now = Date.now();
      try {
        return await withDeadline(
          Promise.all(
            QUOTA_WINDOWS.map(async (w, i) => {
              const { key, resetAt } = quotaKey(subject, w.seconds, now);
              const limiter = quotaLimiters[i]!;
              const r = res(peek ? await limiter.get(key) : await limiter.consume(key));
              return {
                name: w.name,
                limit: limits[w.name],
                used: r.used,
                resetInSeconds: Math.max(1, resetAt - Math.floor(now / 1000)),
                resetAt,
                windowSeconds: w.seconds,
              } satisfies WindowState;
            }),
          ),
          opts.timeoutMs,
          "rate limiter",
        );
      } catch (err) {
        return failOpen(err);
      }
    },

    rejected(policy: string) {
      opts.onReject?.(policy);
    },
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;

function remaining(w: WindowState): number {
  return w.limit === null ? Number.POSITIVE_INFINITY : Math.max(0, w.limit - w.used);
}

/** The window that binds: exceeded first, else the one with the least left. */
function bindingWindow(windows: WindowState[]): WindowState | undefined {
  const limited = windows.filter((w) => w.limit !== null);
  return limited.find((w) => w.used > w.limit!) ?? limited.sort((a, b) => remaining(a) - remaining(b))[0];
}

/** Sets X-RateLimit-* (binding window) and RateLimit-Policy / RateLimit (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(windows: WindowState[]): Record<string, string> {
  const b = bindingWindow(windows);
  if (!b || b.limit === null) return {};
  const limited = windows.filter((w) => w.limit !== null);
  return {
    "X-RateLimit-Limit": String(b.limit),
    "X-RateLimit-Remaining": String(remaining(b)),
    "X-RateLimit-Reset": String(b.resetAt),
    "RateLimit-Policy": limited.map((w) => `"${w.name}";q=${w.limit};w=${w.windowSeconds}`).join(", "),
    RateLimit: `"${b.name}";r=${remaining(b)};t=${b.resetInSeconds}`,
  };
}

export function rateLimitError(w: WindowState): AppError {
  const retryAfter = w.resetInSeconds;
  return new AppError(429, "rate_limit_exceeded", `Rate limit exceeded. Please retry after ${retryAfter} seconds.`, {
    retryAfter,
    headers: { "Retry-After": String(retryAfter) },
    details: { policy: w.name, limit: w.limit, window_seconds: w.windowSeconds },
  });
}
