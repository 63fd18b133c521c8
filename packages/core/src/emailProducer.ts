// A producer of email for Node services that share Opsdeck's Redis: jobs go
// straight onto the catalog's email queues, validated with the catalog's
// payload schema and added with its job options (attempts, backoff,
// retention) and deterministic job ids, so a repeated call adds nothing.
// Core does not depend on bullmq: pass a factory returning BullMQ `Queue`s
// (or anything with the same add/addBulk):
//
//   const queues = new Map<string, Queue>();
//   const email = createEmailProducer((name) => queues.get(name) ?? new Queue(name, { connection, prefix }));
//   await email.sendCampaign({ campaign_id: "spring-2027", from, subject, text, recipients });
//
// Unlike the API, this path keeps no campaign row or Idempotency-Key: the
// messages are searchable (GET …/email/messages?campaign_id=…) but the
// campaign view is the API's own campaigns'.
import { campaignBatches, distinctRecipients, type EmailContent } from "./emailBatches";
import { defaultJobOptions } from "./jobOptions";
import { EMAIL_MAX_RECIPIENTS, type EmailBatchPayload } from "./queues";

type EmailQueueName = "email-sending-high" | "email-sending";

/** What the producer needs of a queue: BullMQ's `Queue` fits. */
export interface EmailQueueLike {
  addBulk(jobs: { name: string; data: EmailBatchPayload; opts: Record<string, unknown> }[]): Promise<unknown>;
}

export interface EmailProducer {
  /** Rejects (ZodError) when a payload does not fit the catalog's schema. One transactional message on email-sending-high; `message_id` is its campaign id and job id. */
  sendMessage(
    m: EmailContent & { message_id: string; to: string; variables?: Record<string, string> },
  ): Promise<{ jobIds: string[] }>;
  /** A campaign in batches of `batch_size` (default 500) on email-sending (or -high with priority high). */
  sendCampaign(
    c: EmailContent & {
      campaign_id: string;
      recipients: EmailBatchPayload["recipients"];
      batch_size?: number;
      priority?: "normal" | "high";
    },
  ): Promise<{ jobIds: string[] }>;
}

/** Recipients per batch job when the caller names no size. */
const DEFAULT_BATCH_SIZE = 500;

export function createEmailProducer(queueFactory: (name: EmailQueueName) => EmailQueueLike): EmailProducer {
  const add = async (queue: EmailQueueName, name: string, jobs: ReturnType<typeof campaignBatches>) => {
    const opts = defaultJobOptions(queue);
    await queueFactory(queue).addBulk(jobs.map((j) => ({ name, data: j.payload, opts: { ...opts, jobId: j.jobId } })));
    return { jobIds: jobs.map((j) => j.jobId) };
  };
  return {
    async sendMessage({ message_id, to, variables, ...content }) {
      const recipient = variables ? { email: to, variables } : { email: to };
      return add("email-sending-high", "message", campaignBatches(message_id, content, [recipient], 1));
    },
    async sendCampaign({ campaign_id, recipients, batch_size, priority, ...content }) {
      const list = distinctRecipients(recipients);
      const size = Math.min(batch_size ?? DEFAULT_BATCH_SIZE, EMAIL_MAX_RECIPIENTS);
      const queue = priority === "high" ? "email-sending-high" : "email-sending";
      return add(queue, "batch", campaignBatches(campaign_id, content, list, size));
    },
  };
}
