// One send lane: takes claimed messages one at a time and sends each through
// the router (sendOne), its end of data gated on the group-committed mark.
// EMAIL_SEND_CONCURRENCY lanes run side by side in a round.
import { type ClaimedMessage, type MessageOutcome, releaseClaims } from "@opsdeck/db";

import { sendOne } from "../sendOne";
import { parsedAddress, renderFor } from "../template";
import type { Claims } from "./claims";
import { type BatchRun, reportProgress } from "./run";

export async function sendLane(run: BatchRun, claims: Claims): Promise<void> {
  const { payload, router, writers, token, leaseMs } = run;
  for (let m = await claims.take(); m; m = await claims.take()) {
    const r = run.byEmail.get(m.recipient);
    if (!r) continue;
    const mail = { from: run.sender, to: parsedAddress(r.email), messageId: m.message_id, ...renderFor(payload, r) };
    const result = await sendOne(router, mail, () => writers.commit({ id: m.id, token, leaseMs }));
    if (result.kind === "unavailable") {
      // No integration could take it: the round stops, and this claim goes back unsent at once.
      run.unavailable = result.response;
      run.statusOf.set(m.recipient, "deferred");
      await releaseClaims(run.pool, [m.id], token, `not sent: ${result.response}`);
    } else if (result.kind === "done") {
      run.statusOf.set(m.recipient, result.outcome.status);
      recordOutcome(run, m, result.outcome);
    }
    await reportProgress(run);
  }
}

/**
 * Queues the outcome's write with the next group commit, not awaited here (the lane moves on); the round
 * awaits every one before it ends. Until it lands the row stays 'committing', which a crash turns into
 * 'unconfirmed': never sent twice either way.
 */
function recordOutcome(run: BatchRun, m: ClaimedMessage, outcome: MessageOutcome): void {
  const write: Promise<void> = run.writers.outcome
    .later({ id: m.id, token: run.token, outcome })
    .then(
      (ok) => {
        if (!ok) run.log.warn("message outcome not recorded: claim lost", { row: m.id });
      },
      (err: unknown) => {
        run.recordError ??= err;
      },
    )
    .finally(() => run.recording.delete(write));
  run.recording.add(write);
}
