// The rounds of a batch. Round 0 sends everything not final (deferred and
// failed ones again, on a retry). Recipients under another worker's live
// claim (seen before sending, or lost to it at claim time) are not waited for
// in the job's slot: the claims of a process known dead (its heartbeat silent
// for three intervals) are released, and commits whose lease lapsed resolved,
// at the start of every round; while claims of a live-looking process remain,
// the job moves itself to delayed until the earliest moment one may be free
// (its lease end, or its holder's heartbeat deadline), freeing the slot for
// other batches. Run without a lock
// token (outside a worker), it waits in place instead, for at most two leases.
import {
  FINAL_STATUSES,
  heldClaimsFreeAt,
  type MessageState,
  messageStates,
  releaseDeadClaims,
  resolveLapsedCommits,
} from "@opsdeck/db";

import { sendRound } from "./round";
import type { BatchRun, Recipient } from "./run";

/** Margin past the moment held claims may be free before the delayed job runs again, ms. */
const WAKE_MARGIN_MS = 100;

/** Rounds until every recipient is final or taken care of, or the run stops (run.unavailable says why). */
export async function sendRounds(run: BatchRun): Promise<void> {
  let candidates = run.recipients;
  // Two leases plus a margin, ms: past it, claims still held elsewhere make the job retry later.
  const deadline = Date.now() + 2 * run.leaseMs + 1_000;
  for (let round = 0; ; round++) {
    // Claims of dead processes (lease still running) and commits whose lease lapsed are different rows,
    // so both statements go at once. A lapsed commit is neither claimable nor held: unless resolved here,
    // before the states are read, it stays unfinished while nothing waits for it, and the rounds would go
    // on without end.
    const [dead, unconfirmed] = await Promise.all([
      releaseDeadClaims(run.pool, run.ref, run.deadAfterMs),
      resolveLapsedCommits(run.pool, run.ref),
    ]);
    if (dead.released + dead.unconfirmed > 0) run.log.warn("claims of a stopped worker released", dead);
    if (unconfirmed > 0)
      run.log.warn("messages left committing by a stopped worker marked unconfirmed", { unconfirmed });
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
    if (run.yieldUntil) {
      const freeAt = await heldClaimsFreeAt(run.pool, run.ref, run.deadAfterMs);
      // Nothing held any more (finished or lapsed meanwhile): the next round claims or resolves the rest.
      if (freeAt === null) continue;
      run.log.info("batch waits for another worker's claims; its slot is given back", {
        held: candidates.length,
        until: freeAt.toISOString(),
      });
      await run.yieldUntil(Math.max(freeAt.getTime(), Date.now()) + WAKE_MARGIN_MS);
    }
    if (Date.now() > deadline) {
      run.unavailable = `${candidates.length} recipients still claimed by another worker`;
      return;
    }
    await waitForClaims(held, states, { round, startedAt: now });
  }
}

/** Under a live claim: another worker is sending or committing it, and its lease has not lapsed. */
function underLiveClaim(st: MessageState | undefined, now: number): boolean {
  return (st?.status === "sending" || st?.status === "committing") && (st.lease_until?.getTime() ?? 0) > now;
}

/**
 * Waits until the first held lease lapses (plus 50 ms) or 1 s after the round started, whichever is
 * sooner, but no longer than the round's backoff (100 ms doubling, up to 1.6 s). The next round turns
 * commits whose lease lapsed into 'unconfirmed'.
 */
async function waitForClaims(
  held: Recipient[],
  states: ReadonlyMap<string, MessageState>,
  { round, startedAt }: { round: number; startedAt: number },
): Promise<void> {
  const leases = held.map((r) => states.get(r.email)?.lease_until?.getTime() ?? startedAt);
  const until = Math.min(...leases, startedAt + 1_000);
  const waitMs = Math.min(Math.max(until - Date.now(), 0) + 50, 100 * 2 ** Math.min(round, 4));
  await new Promise((res) => setTimeout(res, waitMs));
}
