// Email sending (`email-sending-high`, `email-sending`): a batch of a
// campaign goes out through the SMTP integrations (email/sendBatch.ts), each
// message claimed and recorded in Postgres so none is sent twice. The router,
// the send path's pool and its group commits are the runtime's (built once,
// closed by its close()).
//
// With no enabled integration at all the job fails at once as unrecoverable
// ("no SMTP integration is configured"): retrying cannot help until ops adds
// one, and the failed job can then be retried through Opsdeck. Deferred
// messages and unreachable integrations throw a plain error, so BullMQ
// retries with the queue's exponential backoff and the job resumes where it
// stopped. A batch that must wait for another worker's claims moves itself to
// delayed (BullMQ's moveToDelayed with its lock token, then DelayedError),
// which spends no attempt and frees the slot for other batches.
import type { EmailBatchPayload } from "@opsdeck/core";
import { listIntegrations } from "@opsdeck/db";
import { DelayedError, UnrecoverableError } from "bullmq";

import type { EmailSending } from "../email/emailSending";
import { sendBatch } from "../email/sendBatch";
import type { Processor } from "./types";

export function createSendEmail(sending: EmailSending): Processor<EmailBatchPayload> {
  return async (job, payload, ctx) => {
    if (
      (await sending.router.enabled()).length === 0 &&
      (await listIntegrations(ctx.db.pool, { enabledOnly: true })).length === 0
    ) {
      ctx.log.info("email job refused: no SMTP integration is configured", {
        campaign_id: payload.campaign_id,
        recipients: payload.recipients.length,
      });
      throw new UnrecoverableError("no SMTP integration is configured");
    }
    const { token } = ctx;
    const result = await sendBatch(job, payload, {
      sending,
      log: ctx.log.child({ campaign_id: payload.campaign_id }),
      signal: ctx.signal,
      ...(token !== undefined
        ? {
            async yieldUntil(at: number): Promise<never> {
              await job.moveToDelayed(at, token);
              throw new DelayedError();
            },
          }
        : {}),
    });
    ctx.log.info("email batch done", result);
    return result;
  };
}
