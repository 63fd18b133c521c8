// When the history follower steps aside. While a stream grows faster than
// its follower can follow (a backlog drained at tens of thousands of jobs a
// second), following costs the owner's Redis (every entry, every job's hash)
// and, on a shared host, the CPU the owner's workers need, at the queue's
// busiest moments — and a follower that keeps pace does so only by slowing
// those workers down to its own speed. Repairing a gap while the burst goes
// on only meets the next gap. So a stream whose growth, measured over at
// least POLL_MS, is above a batch per linger (HISTORY_BATCH entries per
// HISTORY_LINGER_MS, at least POLL_MS: 20,000 entries/s, ~5,000 jobs/s, by
// default) is a burst: the follower stops reading it (its position stays),
// and a gap repair under way yields between its pages. One XINFO per POLL_MS
// then watches the growth; below half that rate — or after
// HISTORY_STEP_ASIDE_MAX_MS in any case — the follower reads on: what the
// stream still holds is read as usual, what its cap (`maxLenEvents`) trimmed
// meanwhile is repaired from the jobs' hashes and flagged history_incomplete.
// A burst's records land after it. A fixed rate, not one measured against
// the follower's own speed: on a shared host the follower's speed is what the
// owner's workers leave it, and a follower that slows them finds itself
// keeping up.

/** How often a stream the follower stepped aside from is checked, and the shortest growth window, ms. */
export const POLL_MS = 250;

/** A followed stream's pace: its growth window, and whether the follower stepped aside. */
export interface Pace {
  /** Start of the growth window: when (ms, Date.now()) and the stream's entries-added then. Null: not read yet. */
  window: { at: number; added: number } | null;
  /** Set while stepped aside: since when (ms). */
  asideSince: number | null;
}

export const newPace = (): Pace => ({ window: null, asideSince: null });

/** Growth (entries/s) above which a stream is a burst: a batch per linger, the linger at least POLL_MS. */
export const burstRate = (batch: number, lingerMs: number): number => (batch * 1000) / Math.max(lingerMs, POLL_MS);

/** The stream's growth since the window began, entries/s, once the window is POLL_MS long (and a new one begun). */
function windowGrowth(pace: Pace, added: number, now: number): number | null {
  if (!pace.window) {
    pace.window = { at: now, added };
    return null;
  }
  const ms = now - pace.window.at;
  if (ms < POLL_MS) return null;
  const growth = ((added - pace.window.added) * 1000) / ms;
  pace.window = { at: now, added };
  return growth;
}

/** After a read (or between a repair's pages): true when the stream grows as a burst does. */
export function isBurst(pace: Pace, added: number, now: number, rate: number): boolean {
  const growth = windowGrowth(pace, added, now);
  return growth !== null && growth > rate;
}

/**
 * A check of a stream stepped aside from, `added` its entries-added now: true when the follower should
 * follow it again (growth below half the burst rate, or aside for `maxMs`).
 */
export function resumeNow(pace: Pace, added: number, now: number, rate: number, maxMs: number): boolean {
  if (pace.asideSince === null || now - pace.asideSince >= maxMs) return true;
  const growth = windowGrowth(pace, added, now);
  return growth !== null && growth < rate / 2;
}
