// Email settings read by both the API (integration tests, /status) and the
// worker (sending, health, DNSBL). Spread `emailEnvShape` into an app's env
// schema; every duration is in ms unless its name says otherwise.
import { z } from "zod";

import { IntEnv } from "./config";
import { credentialsEnvShape } from "./credentials";
import { AllowedDestinationsEnv } from "./smtpDestination";

const Ratio = z.coerce.number().min(0).max(1);

/** "name=zone" or "zone" entries, comma-separated. */
const DnsblZones = z
  .string()
  .max(4_000)
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const [name, zone] = entry.includes("=") ? (entry.split("=", 2) as [string, string]) : [entry, entry];
        return { name: name.trim(), zone: zone.trim().replace(/\.$/, "") };
      }),
  )
  .refine(
    (zones) => zones.every((z) => /^[A-Za-z0-9.-]+$/.test(z.zone) && z.name.length > 0),
    "must be name=zone entries",
  );

/** host or host:port of a DNS server ([v6]:port for IPv6). */
const Resolver = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, "must be host or host:port");

export const emailEnvShape = {
  ...credentialsEnvShape,
  /** SMTP connect and greeting timeout. */
  EMAIL_SMTP_CONNECT_TIMEOUT_MS: IntEnv(100, 120_000).default(10_000),
  /** SMTP inactivity timeout during a transaction. */
  EMAIL_SMTP_SOCKET_TIMEOUT_MS: IntEnv(100, 600_000).default(60_000),
  /** Pooled connections per integration per worker process. */
  EMAIL_POOL_MAX_CONNECTIONS: IntEnv(1, 100).default(5),
  /** Messages per pooled connection before it is replaced. */
  EMAIL_POOL_MAX_MESSAGES: IntEnv(1, 1_000_000).default(1_000),
  /** Messages in flight per job (they share the pooled connections). */
  EMAIL_SEND_CONCURRENCY: IntEnv(1, 500).default(10),
  /** How long a claim protects a message being sent; a claim older than this belongs to a dead worker. */
  EMAIL_CLAIM_LEASE_MS: IntEnv(1_000, 3_600_000).default(180_000),
  /**
   * Postgres synchronous_commit for the send path's claim, end-of-data and outcome writes.
   * "off": a commit is visible at once and durable unless Postgres itself crashes within
   * ~3×wal_writer_delay (600 ms by default), which could then re-send messages committed in
   * that window; a worker crash never re-sends. "on": also safe against a Postgres crash, at
   * the cost of an fsync inside every SMTP transaction (see BENCHMARKS.md).
   */
  EMAIL_DB_SYNCHRONOUS_COMMIT: z.enum(["on", "off"]).default("off"),
  /** Sliding window of the integration error rate, seconds. */
  EMAIL_HEALTH_WINDOW_SECONDS: IntEnv(60, 86_400).default(300),
  /** Error rate (0–1) within the window that opens the circuit… */
  EMAIL_CIRCUIT_ERROR_RATE: Ratio.default(0.5),
  /** …once the window holds at least this many attempts. */
  EMAIL_CIRCUIT_MIN_ATTEMPTS: IntEnv(1, 1_000_000).default(20),
  /** Consecutive integration-level failures that open the circuit at once. */
  EMAIL_CIRCUIT_CONSECUTIVE_FAILURES: IntEnv(1, 1_000).default(3),
  /** How long an open circuit stays open before one trial is let through. */
  EMAIL_CIRCUIT_COOLDOWN_MS: IntEnv(100, 3_600_000).default(60_000),
  /** Deadline of a live check (connect + EHLO + AUTH). */
  EMAIL_CHECK_TIMEOUT_MS: IntEnv(100, 120_000).default(10_000),
  /**
   * Non-public SMTP destinations Opsdeck may still connect to: comma-separated CIDRs, IP
   * addresses and host names ("10.20.0.0/16,relay.internal"). Unset: public addresses only.
   * A host name here is trusted whatever it resolves to.
   */
  EMAIL_ALLOWED_DESTINATIONS: AllowedDestinationsEnv.prefault(""),
  /** DNSBL zones checked every 15 min: "name=zone,…". */
  DNSBL_ZONES: DnsblZones.prefault("spamhaus=zen.spamhaus.org,spamcop=bl.spamcop.net,barracuda=b.barracudacentral.org"),
  /** DNS server for DNSBL lookups (host[:port]); unset: the system's resolvers. */
  DNS_RESOLVER: Resolver.optional(),
  /** Deadline of one DNSBL lookup. */
  DNSBL_TIMEOUT_MS: IntEnv(100, 60_000).default(3_000),
};

export type EmailSettings = z.infer<z.ZodObject<typeof emailEnvShape>>;
