// Sending email over HTTP with the typed client: one transactional message,
// or a campaign, each with an Idempotency-Key (a fresh UUID unless the caller
// passes its own; pass the same key when retrying the same send, so a retry
// after a lost answer replays the first answer instead of sending again).
import { randomUUID } from "node:crypto";

import type { ApiBody, ApiData, OpsdeckClient } from "./index";

const MESSAGES = "/api/v1/platform/email/messages";
const CAMPAIGNS = "/api/v1/platform/email/campaigns";

interface SendOptions {
  /** Identifies this send across retries; a fresh UUID by default. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function init(opts: SendOptions) {
  return {
    headers: { "Idempotency-Key": opts.idempotencyKey ?? randomUUID() },
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
}

/** POST …/email/messages: one message, to the high-priority queue. Resolves to the accepted campaign. */
export function sendEmail(
  client: OpsdeckClient,
  body: ApiBody<"post", typeof MESSAGES>,
  opts: SendOptions = {},
): Promise<ApiData<"post", typeof MESSAGES>> {
  return client.post(MESSAGES, { body, ...init(opts) });
}

/** POST …/email/campaigns: up to 10,000 recipients in batch jobs. Resolves to the accepted campaign. */
export function sendCampaign(
  client: OpsdeckClient,
  body: ApiBody<"post", typeof CAMPAIGNS>,
  opts: SendOptions = {},
): Promise<ApiData<"post", typeof CAMPAIGNS>> {
  return client.post(CAMPAIGNS, { body, ...init(opts) });
}
