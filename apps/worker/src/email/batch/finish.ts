// The end of a batch: the job's counts from Postgres become its final
// progress. It completes when every message is final; otherwise it throws
// (BullMQ retries with backoff) while messages are deferred, pending or no
// integration could take them, and on the last attempt deferred messages
// become 'failed' first.
import { failDeferred, jobMessageCounts } from "@opsdeck/db";

import { type BatchRun, reportCounts } from "./run";

class RetryableBatchError extends Error {}

export async function finishBatch(run: BatchRun): Promise<Record<string, number>> {
  const { job, ref, recipients } = run;
  const counts = await jobMessageCounts(run.pool, ref);
  await reportCounts(run, counts);
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const pending = (counts.deferred ?? 0) + (counts.failed ?? 0) + (counts.sending ?? 0) + (counts.committing ?? 0);
  if (run.unavailable !== null || pending > 0) {
    if (lastAttempt) await failDeferred(run.pool, ref);
    throw new RetryableBatchError(
      run.unavailable !== null
        ? `no SMTP integration could take the messages (${run.unavailable}); ${pending} pending`
        : `${pending} of ${recipients.length} messages deferred or pending; retrying`,
    );
  }
  return { total: recipients.length, ...counts };
}
