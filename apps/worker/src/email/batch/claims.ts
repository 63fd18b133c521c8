// Claiming a round's recipients in chunks, and giving back what was claimed
// but never sent. A claim is a row in 'sending' under this run's token and
// lease, so no other worker sends that message while it holds.
import { type ClaimedMessage, claimMessages, releaseClaims } from "@opsdeck/db";

import { type BatchRun, messageIdOf, type Recipient, stopped, stopReason } from "./run";

/** Most recipients claimed in one statement. */
const CLAIM_CHUNK_MAX = 100;

export interface Claims {
  /**
   * The next message claimed for this run, claiming the next chunk when none is left (one claim statement
   * in flight at a time); undefined once the round's recipients are used up or the run has stopped.
   */
  take(): Promise<ClaimedMessage | undefined>;
  /** Recipients not claimed: another worker holds them, or they are final. */
  readonly skipped: Recipient[];
  /** Gives back, unsent, every message claimed and not yet taken (the run stopped early). */
  releaseUntaken(): Promise<void>;
}

export function createClaims(run: BatchRun, todo: Recipient[]): Claims {
  const claimed: ClaimedMessage[] = [];
  const skipped: Recipient[] = [];
  let next = 0;
  let claiming: Promise<void> | null = null;
  // Claims per statement: a few rounds of the lanes' work, so claiming costs a fraction of a statement per
  // message; bounded, since a crashed worker's unsent claims wait out their lease before another takes them.
  const chunk = Math.min(CLAIM_CHUNK_MAX, Math.max(1, run.settings.EMAIL_SEND_CONCURRENCY * 5));

  const claimNextChunk = async () => {
    const part = todo.slice(next, next + chunk);
    next += part.length;
    const emails = part.map((r) => r.email);
    const ids = emails.map((e) => messageIdOf(run, e));
    const got = await claimMessages(run.pool, run.ref, emails, ids, run.token, run.leaseMs, run.workerId);
    const mine = new Set(got.map((m) => m.recipient));
    for (const m of got) run.statusOf.set(m.recipient, "sending");
    skipped.push(...part.filter((r) => !mine.has(r.email)));
    claimed.push(...got);
  };

  return {
    skipped,
    async take() {
      while (claimed.length === 0 && next < todo.length && !stopped(run)) {
        claiming ??= claimNextChunk().finally(() => (claiming = null));
        await claiming;
      }
      return stopped(run) ? undefined : claimed.shift();
    },
    async releaseUntaken() {
      if (claimed.length === 0) return;
      await releaseClaims(
        run.pool,
        claimed.splice(0).map((m) => m.id),
        run.token,
        stopReason(run),
      );
    },
  };
}
