// One email batch job: every recipient's message is claimed in Postgres,
// sent through the router and recorded; progress goes to the job. A retry or
// a second run of the same job skips what is final (sent, bounced,
// unconfirmed, suppressed) and resumes with the rest. Suppressed recipients
// are recorded as such and never sent to. Recipients claimed by another
// worker are taken over once it is known dead or its lease lapses; until then
// the job gives its slot back (delayed until then) rather than wait in it.
//
// The steps live in batch/: the run's state (run.ts), claims in chunks and
// their release (claims.ts), the send lanes and outcome recording (lane.ts),
// one round (round.ts), the rounds and the wait for other workers' claims
// (rounds.ts), suppression (suppressed.ts) and the final accounting (finish.ts).
import type { EmailBatchPayload } from "@opsdeck/core";
import type { Job } from "bullmq";

import { finishBatch } from "./batch/finish";
import { sendRounds } from "./batch/rounds";
import { type BatchDeps, createBatchRun } from "./batch/run";
import { skipSuppressed } from "./batch/suppressed";

export async function sendBatch(
  job: Job,
  payload: EmailBatchPayload,
  deps: BatchDeps,
): Promise<Record<string, number>> {
  const run = createBatchRun(job, payload, deps);
  const suppressed = await skipSuppressed(run);
  if (suppressed > 0) run.log.info("suppressed recipients skipped", { count: suppressed });
  await sendRounds(run);
  return finishBatch(run);
}
