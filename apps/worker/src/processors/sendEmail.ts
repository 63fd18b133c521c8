// Email sending (`email-sending-high`, `email-sending`; SPEC §9): a batch of a
// campaign goes out through the SMTP integrations (email/sendBatch.ts), each
// message claimed and recorded in Postgres so none is sent twice.
//
// With no enabled integration at all the job fails at once as unrecoverable
// ("no SMTP integration is configured"): retrying cannot help until ops adds
// one, and the failed job can then be retried through Opsdeck. Deferred
// messages and unreachable integrations throw a plain error, so BullMQ
// retries with the queue's exponential backoff and the job resumes where it
// stopped.
import type { EmailBatchPayload } from "@opsdeck/core";
import { listIntegrations } from "@opsdeck/db";
import { UnrecoverableError } from "bullmq";

import { emailSendingFor } from "../email/emailRuntime";
import { sendBatch } from "../email/sendBatch";
import type { Processor } from "./types";

export const sendEmail: Processor<EmailBatchPayload> = async (job, payload, ctx) => {
  const { router, writes } = emailSendingFor(ctx.db.pool, ctx.config, ctx.log);
  if (
    (await router.enabled()).length === 0 &&
    (await listIntegrations(ctx.db.pool, { enabledOnly: true })).length === 0
  ) {
    ctx.log.info("email job refused: no SMTP integration is configured", {
      campaign_id: payload.campaign_id,
      recipients: payload.recipients.length,
    });
    throw new UnrecoverableError("no SMTP integration is configured");
  }
  const result = await sendBatch(job, payload, {
    pool: writes,
    router,
    settings: ctx.config,
    log: ctx.log.child({ campaign_id: payload.campaign_id }),
    signal: ctx.signal,
  });
  ctx.log.info("email batch done", result);
  return result;
};
