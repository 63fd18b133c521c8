// Suppressed recipients of a batch: looked up in one statement for the whole
// batch (never per message) and recorded as final 'suppressed' rows, so the
// rounds skip them and no SMTP traffic goes to them. Run on every attempt, so
// an address suppressed while the campaign is under way is honoured by the
// batches and retries that start after it.
import { recordSuppressed, suppressedAmong, suppressionKey } from "@opsdeck/db";

import { type BatchRun, messageIdOf } from "./run";

/** Returns how many recipients were newly recorded as suppressed. */
export async function skipSuppressed(run: BatchRun): Promise<number> {
  const keys = run.recipients.map((r) => suppressionKey(r.email));
  const suppressed = await suppressedAmong(run.pool, keys);
  if (suppressed.size === 0) return 0;
  const emails = run.recipients.filter((_, i) => suppressed.has(keys[i]!)).map((r) => r.email);
  return recordSuppressed(
    run.pool,
    run.ref,
    emails,
    emails.map((e) => messageIdOf(run, e)),
  );
}
