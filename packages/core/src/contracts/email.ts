// SMTP integrations, provider feedback and sending-IP reputation.
// Credentials go in, never out: a view says only whether some are set and
// under which key id they are sealed.
import { z } from "zod";

import { SMTP_FAILURES } from "../smtp";
import { IsoTime, Text } from "./common";

export const INTEGRATION_TYPES = ["smtp", "ses", "sendgrid", "mailgun", "postmark", "sparkpost", "other"] as const;
const IntegrationType = z.enum(INTEGRATION_TYPES).describe("Provider; all are spoken to over SMTP");
export const TlsMode = z
  .enum(["none", "starttls", "tls"])
  .describe("none: plain SMTP; starttls: upgrade required; tls: implicit TLS (port 465)");

const Host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, "a host name or IP address");
const Ip = z.union([z.ipv4(), z.ipv6()]);

const AllowPlaintextAuth = z
  .boolean()
  .describe(
    "Send the credentials (AUTH) over an unencrypted connection (tls_mode none) to a non-loopback host; refused otherwise",
  );

const SmtpFailure = z
  .enum(SMTP_FAILURES)
  .describe(
    "What failed: the destination is not allowed (EMAIL_ALLOWED_DESTINATIONS), DNS, TCP, TLS, AUTH, the server's greeting or a reply; never the server's own words",
  );

const SmtpCredentials = z.strictObject({
  username: z.string().min(1).max(512),
  password: z.string().min(1).max(4_096),
});

export const CreateIntegrationBody = z.strictObject({
  name: Text.min(1).max(100),
  type: IntegrationType.default("smtp"),
  host: Host,
  port: z.number().int().min(1).max(65_535),
  tls_mode: TlsMode.default("starttls"),
  allow_plaintext_auth: AllowPlaintextAuth.default(false),
  credentials: SmtpCredentials.optional().describe(
    "Sealed with AES-256-GCM; refused while no encryption key is configured",
  ),
  sending_ips: z.array(Ip).max(256).default([]).describe("IPs the provider sends from (tracked for reputation)"),
  weight: z.number().int().min(0).max(1_000).default(1).describe("Share of traffic among healthy integrations"),
  enabled: z.boolean().default(true),
});
export type CreateIntegrationBody = z.infer<typeof CreateIntegrationBody>;

export const UpdateIntegrationBody = z
  .strictObject({
    name: Text.min(1).max(100),
    type: IntegrationType,
    host: Host,
    port: z.number().int().min(1).max(65_535),
    tls_mode: TlsMode,
    allow_plaintext_auth: AllowPlaintextAuth,
    credentials: SmtpCredentials.nullable().describe(
      "null removes them; without new ones, changing host, port or tls_mode, or turning allow_plaintext_auth on, removes the stored ones",
    ),
    sending_ips: z.array(Ip).max(256),
    weight: z.number().int().min(0).max(1_000),
    enabled: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "at least one field is required" });
export type UpdateIntegrationBody = z.infer<typeof UpdateIntegrationBody>;

export const IntegrationIdParams = z.strictObject({ integration_id: z.string().min(1).max(64) });

export const IntegrationView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  host: z.string(),
  port: z.number().int(),
  tls_mode: TlsMode,
  allow_plaintext_auth: z.boolean(),
  has_credentials: z.boolean(),
  credentials_key_id: z.string().nullable().describe("Id of the key the credentials are sealed under"),
  sending_ips: z.array(z.string()),
  weight: z.number().int(),
  enabled: z.boolean(),
  health: z.object({
    status: z.enum(["healthy", "unhealthy", "disabled"]),
    circuit_state: z.enum(["closed", "open", "half_open"]),
    circuit_open_until: z.string().nullable(),
    error_rate: z.number().nullable().describe("Integration-level failures / attempts over the health window"),
    attempts: z.number().int().describe("Send attempts in the health window"),
    last_error: z
      .string()
      .nullable()
      .describe(
        "The latest failure: a check's ('live check: <failure>'), a send's (a failure name), or the error rate",
      ),
    last_check_at: z.string().nullable(),
    last_check_ok: z.boolean().nullable(),
  }),
  created_at: z.string(),
  updated_at: z.string(),
});
export type IntegrationView = z.infer<typeof IntegrationView>;

export const IntegrationTestResult = z.object({
  integration_id: z.string(),
  ok: z.boolean(),
  latency_ms: z
    .number()
    .int()
    .describe("Connect + EHLO (+ STARTTLS, AUTH) round trip, ms; a failure answers at the check's deadline"),
  error: SmtpFailure.nullable(),
  smtp_code: z.number().int().nullable(),
});
export type IntegrationTestResult = z.infer<typeof IntegrationTestResult>;

export const FeedbackBody = z
  .strictObject({
    type: z.enum(["bounce", "complaint"]),
    message_id: Text.min(3).max(998).optional().describe("Message-ID of the message, <…@…>"),
    sending_ip: Ip.optional().describe("Needed when the message id is unknown to Opsdeck"),
    occurred_at: IsoTime.optional(),
    detail: Text.max(2_000).optional().describe("Provider diagnostic, e.g. '550 5.1.1 user unknown'"),
  })
  .refine((b) => b.message_id !== undefined || b.sending_ip !== undefined, {
    message: "message_id or sending_ip is required",
  });
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const FeedbackResult = z.object({
  recorded: z.boolean().describe("false when this feedback was already recorded"),
  message_found: z.boolean(),
  sending_ip: z.string().nullable(),
});

/** One sending IP's reputation entry, plus the counts behind the score. */
const IpReputationEntry = z.object({
  ip_address: z.string(),
  provider: z.string(),
  reputation_score: z.number().int().min(0).max(100),
  blacklists: z.array(z.string()),
  daily_volume: z.number().int().describe("Messages sent through this IP since 00:00 UTC"),
  status: z.enum(["good", "warning", "critical"]),
  last_7_days: z.object({
    messages: z.number().int(),
    bounced: z.number().int(),
    complaints: z.number().int(),
    deferred: z.number().int(),
  }),
  dnsbl_checked_at: z.string().nullable(),
});
export const IpReputationData = z.object({ ips: z.array(IpReputationEntry) });
export type IpReputationData = z.infer<typeof IpReputationData>;
