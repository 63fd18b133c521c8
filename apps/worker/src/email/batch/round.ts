// One round of a batch: the recipients free to send are claimed in chunks
// and sent by EMAIL_SEND_CONCURRENCY lanes; once the lanes stop, every
// outcome write is awaited and whatever was claimed but not sent is given
// back.
import { createClaims } from "./claims";
import { sendLane } from "./lane";
import type { BatchRun, Recipient } from "./run";

/** Sends `todo`; returns the recipients it could not claim (another worker holds them, or they are final). */
export async function sendRound(run: BatchRun, todo: Recipient[]): Promise<Recipient[]> {
  const claims = createClaims(run, todo);
  const lanes = Math.min(run.settings.EMAIL_SEND_CONCURRENCY, todo.length);
  await Promise.all(Array.from({ length: lanes }, () => sendLane(run, claims)));
  await Promise.all(run.recording);
  await claims.releaseUntaken();
  if (run.recordError) throw run.recordError;
  return claims.skipped;
}
