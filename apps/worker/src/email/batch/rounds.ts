// The rounds of a batch. Round 0 sends everything not final (deferred and
// failed ones again, on a retry). Recipients under another worker's live
// claim (seen before sending, or lost to it at claim time) are rechecked
// until they are final or their claim lapses and they are taken over; a claim
// lives at most two leases (sending, then committing), which bounds the wait.
import { FINAL_STATUSES, type MessageState, messageStates, resolveLapsedCommits } from "@opsdeck/db";

import { sendRound } from "./round";
import type { BatchRun, Recipient } from "./run";

/** Rounds until every recipient is final or taken care of, or the run stops (run.unavailable says why). */
export async function sendRounds(run: BatchRun): Promise<void> {
  let candidates = run.recipients;
  // Two leases plus a margin, ms: past it, claims still held elsewhere make the job retry later.
  const deadline = Date.now() + 2 * run.leaseMs + 1_000;
  for (let round = 0; ; round++) {
    const states = new Map((await messageStates(run.pool, run.ref)).map((s) => [s.recipient, s]));
    run.statusOf.clear();
    for (const st of states.values()) run.statusOf.set(st.recipient, st.status);
    const now = Date.now();
    const todo = candidates.filter((r) => {
      const st = states.get(r.email);
      return !st || !FINAL_STATUSES.includes(st.status);
    });
    const held = todo.filter((r) => underLiveClaim(states.get(r.email), now));
    const free = todo.filter((r) => !underLiveClaim(states.get(r.email), now));
    const skipped = free.length ? await sendRound(run, free) : [];
    // Handed back at shutdown: the claims are released, so the next worker sends the rest at once.
    if (run.signal?.aborted) throw new Error(`stopped: ${String(run.signal.reason)}`);
    if (run.unavailable !== null) return;
    candidates = [...held, ...skipped];
    if (candidates.length === 0) return;
    if (Date.now() > deadline) {
      run.unavailable = `${candidates.length} recipients still claimed by another worker`;
      return;
    }
    await waitForClaims(run, held, states, { round, startedAt: now });
  }
}

/** Under a live claim: another worker is sending or committing it, and its lease has not lapsed. */
function underLiveClaim(st: MessageState | undefined, now: number): boolean {
  return (st?.status === "sending" || st?.status === "committing") && (st.lease_until?.getTime() ?? 0) > now;
}

/**
 * Waits until the first held lease lapses (plus 50 ms) or 1 s after the round started, whichever is
 * sooner, but no longer than the round's backoff (100 ms doubling, up to 1.6 s); then turns commits
 * whose lease lapsed into 'unconfirmed'.
 */
async function waitForClaims(
  run: BatchRun,
  held: Recipient[],
  states: ReadonlyMap<string, MessageState>,
  { round, startedAt }: { round: number; startedAt: number },
): Promise<void> {
  const leases = held.map((r) => states.get(r.email)?.lease_until?.getTime() ?? startedAt);
  const until = Math.min(...leases, startedAt + 1_000);
  const waitMs = Math.min(Math.max(until - Date.now(), 0) + 50, 100 * 2 ** Math.min(round, 4));
  await new Promise((res) => setTimeout(res, waitMs));
  await resolveLapsedCommits(run.pool, run.ref);
}
