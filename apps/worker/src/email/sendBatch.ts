// One email batch job: every recipient's message is claimed in Postgres,
// sent through the router and recorded; progress goes to the job. A retry or
// a second run of the same job skips what is final (sent, bounced,
// unconfirmed) and resumes with the rest. Recipients claimed by a live worker
// are waited for (their lease) and then taken over or found finished.
//
// The steps live in batch/: the run's state (run.ts), claims in chunks and
// their release (claims.ts), the send lanes and outcome recording (lane.ts),
// one round (round.ts), the rounds and the wait for other workers' claims
// (rounds.ts), and the final accounting (finish.ts).
import type { EmailBatchPayload } from "@opsdeck/core";
import { resolveLapsedCommits } from "@opsdeck/db";
import type { Job } from "bullmq";

import { finishBatch } from "./batch/finish";
import { sendRounds } from "./batch/rounds";
import { type BatchDeps, createBatchRun } from "./batch/run";

export async function sendBatch(
  job: Job,
  payload: EmailBatchPayload,
  deps: BatchDeps,
): Promise<Record<string, number>> {
  const run = createBatchRun(job, payload, deps);
  const unconfirmed = await resolveLapsedCommits(run.pool, run.ref);
  if (unconfirmed > 0)
    run.log.warn("messages left committing by a stopped worker marked unconfirmed", { count: unconfirmed });
  await sendRounds(run);
  return finishBatch(run);
}
