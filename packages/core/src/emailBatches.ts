// How a campaign becomes batch jobs, for every producer (the API and
// createEmailProducer): recipients de-duplicated case-insensitively, split in
// order into batches of `batchSize`, each a catalog payload with the job id
// `<campaign id>-<batch index>`, so adding the same campaign again adds
// nothing (BullMQ keeps one job per id).
import { z } from "zod";

import { EmailBatchPayload, emailContentShape, type EmailRecipient } from "./queues";

type Recipient = z.infer<typeof EmailRecipient>;
const Content = z.object(emailContentShape);
export type EmailContent = z.infer<typeof Content>;

export interface EmailBatchJob {
  /** Deterministic: `<campaign id>-<index>` (or `<campaign id>-<tag>-<index>` with a tag). */
  jobId: string;
  payload: EmailBatchPayload;
}

/** Recipients de-duplicated by address, case-insensitively, keeping the first. */
export function distinctRecipients(list: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const k = r.email.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The batch jobs of a campaign. `tag` names a later wave of the same campaign (retry-failed), so its
 * job ids differ from the first wave's. Each payload is checked against the catalog schema.
 */
export function campaignBatches(
  campaignId: string,
  content: EmailContent,
  recipients: readonly Recipient[],
  batchSize: number,
  tag?: string,
): EmailBatchJob[] {
  const c = Content.parse(content);
  const jobs: EmailBatchJob[] = [];
  for (let i = 0, n = 0; i < recipients.length; i += batchSize, n++) {
    const payload = EmailBatchPayload.parse({
      campaign_id: campaignId,
      ...c,
      recipients: recipients.slice(i, i + batchSize),
    });
    jobs.push({ jobId: tag ? `${campaignId}-${tag}-${n}` : `${campaignId}-${n}`, payload });
  }
  return jobs;
}
