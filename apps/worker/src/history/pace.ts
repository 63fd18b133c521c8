// When the history follower steps aside. While a stream grows faster than
// its follower can read it (a backlog drained at tens of thousands of jobs a
// second), following costs the owner's Redis (every entry, every job's hash)
// and, on a shared host, the CPU the owner's workers need, at the queue's
// busiest moments — and a follower that keeps pace does so only by slowing
// those workers down to its own speed. Repairing a gap while the burst goes
// on only meets the next gap. So a full read (the follower is behind) of a
// stream that grew at over half the rate the follower reads it at, during
// this burst, makes the follower stop reading that stream (its position
// stays); a gap repair checks the same between its pages and yields. One
// XINFO per POLL_MS then watches the growth, and once it is below half that
// rate — or after HISTORY_STEP_ASIDE_MAX_MS in any case — the follower reads
// on: what the stream still holds is read as usual, what its cap
// (`maxLenEvents`) trimmed meanwhile is repaired from the jobs' hashes and
// flagged history_incomplete. A burst's records land after it.

/** How often a stream the follower stepped aside from is checked, ms. */
export const POLL_MS = 250;

/** A followed stream's pace: how fast the follower reads it, and whether it stepped aside. */
export interface Pace {
  /** Entries a second the follower read this stream at while behind, this time (smoothed); null: not measured. */
  rate: number | null;
  /** When the stream was last read, ms (Date.now()). */
  readAt: number;
  /** The stream's entries-added at that read; null: none yet. */
  added: number | null;
  /** The last read was a full batch: the time since it is the time to store one and read the next. */
  behind: boolean;
  /** Set while stepped aside: since when, and the stream's entries-added at the last check (at `at`). */
  aside: { since: number; at: number; added: number } | null;
}

export const newPace = (rate: number | null = null): Pace => ({
  rate,
  readAt: Date.now(),
  added: null,
  behind: false,
  aside: null,
});

/** The reading rate a stream's growth is compared with, entries/s: measured, else two batches a second. */
const readRate = (pace: Pace, batch: number): number => pace.rate ?? 2 * batch;

export interface Read {
  /** Entries the read brought. */
  entries: number;
  /** The XREAD COUNT: a read that brought this many was capped, so the follower is behind. */
  batch: number;
  /** The stream's entries-added (XINFO STREAM) just after the read. */
  entriesAdded: number;
  /** Entries after the saved position were trimmed unread. */
  gap: boolean;
}

/**
 * Records a read of a stream; true when the follower should step aside from it now: the read was a full
 * batch (the follower is behind) and the stream grew since the previous read at more than half the rate
 * the follower reads it at — or, on the first read (growth not known yet), the read found a gap.
 * Measured against the stream's growth, not the follower's backlog: on a shared host a follower keeps
 * pace with a burst by taking the CPU the burst's workers need, so its backlog does not grow.
 */
export function stepAsideAfter(pace: Pace, read: Read, now: number): boolean {
  const seconds = (now - pace.readAt) / 1000;
  const full = read.entries >= read.batch;
  if (full && pace.behind && seconds > 0) {
    const sample = read.entries / seconds;
    pace.rate = pace.rate === null ? sample : 0.7 * pace.rate + 0.3 * sample;
  }
  const growth = pace.added === null || seconds <= 0 ? null : (read.entriesAdded - pace.added) / seconds;
  Object.assign(pace, { readAt: now, added: read.entriesAdded, behind: full });
  // Caught up: the next burst's rate is measured afresh. A rate measured catching up on an idle stream is
  // the follower's rate with the host to itself, and a burst it slows to half of that would never count.
  if (!full) pace.rate = null;
  if (!full) return false;
  if (growth === null) return read.gap;
  return fastGrowth(pace, growth, read.batch);
}

/** Growth (entries/s) the follower steps aside from: over half its reading rate. */
export const fastGrowth = (pace: Pace, growth: number, batch: number): boolean => growth > 0.5 * readRate(pace, batch);

/**
 * A check of a stream stepped aside from, `added` its entries-added now: true when the follower should
 * follow it again (growth below half its reading rate since the last check, or aside for `maxMs`).
 */
export function resumeNow(pace: Pace, added: number, now: number, batch: number, maxMs: number): boolean {
  const aside = pace.aside;
  if (!aside || now - aside.since >= maxMs) return true;
  const seconds = (now - aside.at) / 1000;
  if (seconds * 1000 < POLL_MS) return false;
  const growth = (added - aside.added) / seconds;
  aside.at = now;
  aside.added = added;
  return !fastGrowth(pace, growth, batch);
}
