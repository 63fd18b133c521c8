// How many log searches may run at once in this process, per key and in all.
// Every search can scan until its statement timeout, on up to two connections
// (the page and the count run side by side) of the search pool, which is sized
// for exactly the total here: a search over either limit is refused at once
// with 429 and Retry-After instead of queueing for a connection, so searches
// never wait on one another and never touch the pool that authentication,
// probes and writes use.
import { AppError } from "@opsdeck/core";

export interface SearchSlots {
  /** Takes a slot for one search by `keyId` (429 when none is free); call the returned function once, when done. */
  take(keyId: string): () => void;
}

export interface SearchSlotsOptions {
  total: number;
  perKey: number;
  /** Retry-After of a refusal, seconds: about how long a running search can take. */
  retryAfterSeconds: number;
}

export function createSearchSlots(opts: SearchSlotsOptions): SearchSlots {
  const byKey = new Map<string, number>();
  let running = 0;
  const busy = (message: string, limit: number) =>
    new AppError(429, "too_many_searches", message, {
      retryAfter: opts.retryAfterSeconds,
      details: { limit },
    });
  return {
    take(keyId) {
      const mine = byKey.get(keyId) ?? 0;
      if (mine >= opts.perKey) {
        throw busy(`This key already has ${mine} log searches running; wait for one to finish.`, opts.perKey);
      }
      if (running >= opts.total) {
        throw busy(`${running} log searches are running on this server; try again shortly.`, opts.total);
      }
      byKey.set(keyId, mine + 1);
      running++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        running--;
        const left = (byKey.get(keyId) ?? 1) - 1;
        if (left > 0) byKey.set(keyId, left);
        else byKey.delete(keyId);
      };
    },
  };
}
