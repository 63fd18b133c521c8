// SMTP integrations: list (infra.read), create, update, disable and a live
// test (email.write). Credentials are sealed with AES-256-GCM before they
// reach the database and never come back out; storing them while no
// encryption key is configured is refused (503 encryption_key_missing).
// Every change is audited, without the credentials.
//
// A host that resolves to a forbidden address (loopback, private, link-local…
// not on EMAIL_ALLOWED_DESTINATIONS) is refused here, as is sending stored
// credentials unencrypted to a non-loopback host without allow_plaintext_auth:
// a 400 at once is kinder than a failing integration. Every connection checks
// again after its own DNS lookup (packages/core/src/smtp.ts), which is what
// stops a name that changes its answer later.
import { setTimeout as delay } from "node:timers/promises";

import {
  auditTarget,
  checkStoredIntegration,
  ConflictError,
  CreateIntegrationBody,
  credentialsAad,
  IntegrationIdParams,
  IntegrationTestResult,
  IntegrationView,
  NotFoundError,
  plaintextAuthRefused,
  resolveDestination,
  sealSecret,
  SmtpDestinationError,
  type SmtpEndpoint,
  UpdateIntegrationBody,
  ValidationError,
} from "@opsdeck/core";
import {
  getIntegration,
  insertIntegration,
  listIntegrations,
  newIntegrationId,
  pgErrorKind,
  saveCheckResult,
  type SmtpIntegrationRow,
  updateIntegration,
} from "@opsdeck/db";
import { z } from "zod";

import type { AppDeps } from "../deps";
import { integrationViews, keyringOf } from "../email/integrationViews";
import { defineRoute, type RouteAudit } from "../http/route";

const BASE = "/api/v1/platform/system/email/integrations";
const TAGS = ["email"];
const WRITE = { permission: "email.write" } as const;

const namedIntegration: RouteAudit["target"] = ({ params }) => auditTarget.integration(params.integration_id ?? null);

/** What an audit entry may say about a body: everything but the credentials. */
function auditable(body: Record<string, unknown>): Record<string, unknown> {
  const { credentials, ...rest } = body;
  return credentials === undefined ? rest : { ...rest, credentials: credentials === null ? "removed" : "set" };
}

async function mustGet(deps: AppDeps, id: string): Promise<SmtpIntegrationRow> {
  const row = await getIntegration(deps.db.pool, id);
  if (!row) throw new NotFoundError("integration_not_found", `No SMTP integration ${id}.`);
  return row;
}

/** The body's integration fields, as the db helpers name them (create: all set; update: some undefined). */
function integrationFields<B extends z.infer<typeof UpdateIntegrationBody>>(b: B) {
  return {
    name: b.name,
    type: b.type,
    host: b.host,
    port: b.port,
    tlsMode: b.tls_mode,
    allowPlaintextAuth: b.allow_plaintext_auth,
    sendingIps: b.sending_ips,
    weight: b.weight,
    enabled: b.enabled,
  } as {
    [K in "name" | "type" | "host" | "port" | "weight" | "enabled"]: B[K];
  } & { tlsMode: B["tls_mode"]; allowPlaintextAuth: B["allow_plaintext_auth"]; sendingIps: B["sending_ips"] };
}

/**
 * 400 when the endpoint resolves to a forbidden address, or would carry credentials unencrypted
 * to a non-loopback one without allow_plaintext_auth. A host that does not resolve now is let
 * through: each connection resolves and checks it again.
 */
async function refuseForbiddenEndpoint(deps: AppDeps, e: SmtpEndpoint, withCredentials: boolean): Promise<void> {
  const { config } = deps;
  let addresses;
  try {
    addresses = await resolveDestination(e.host, config.EMAIL_ALLOWED_DESTINATIONS, config.EMAIL_CHECK_TIMEOUT_MS);
  } catch (err) {
    if (!(err instanceof SmtpDestinationError) || err.reason !== "destination_forbidden") return;
    throw new ValidationError([
      {
        field: "body.host",
        code: "destination_forbidden",
        message:
          "resolves to an address Opsdeck does not connect to (loopback, private, link-local, reserved…); an operator can allow it with EMAIL_ALLOWED_DESTINATIONS",
      },
    ]);
  }
  if (plaintextAuthRefused(e, withCredentials, addresses)) {
    throw new ValidationError([
      {
        field: "body.allow_plaintext_auth",
        code: "plaintext_auth_not_allowed",
        message:
          "the credentials would go unencrypted (tls_mode none) to a non-loopback host: use starttls or tls, or set allow_plaintext_auth",
      },
    ]);
  }
}

/** Whether this update leaves the integration with credentials (updateIntegration drops them when the endpoint moves). */
function keepsCredentials(row: SmtpIntegrationRow, b: UpdateIntegrationBody): boolean {
  if (b.credentials !== undefined) return b.credentials !== null;
  const moved =
    (b.host !== undefined && b.host !== row.host) ||
    (b.port !== undefined && b.port !== row.port) ||
    (b.tls_mode !== undefined && b.tls_mode !== row.tls_mode) ||
    (b.allow_plaintext_auth === true && !row.allow_plaintext_auth);
  return row.credentials !== null && !moved;
}

const duplicate = (name: string) =>
  new ConflictError("integration_name_taken", `An integration named '${name}' exists.`);
const isUniqueViolation = (err: unknown) => pgErrorKind(err) === "unique_violation";

async function one(deps: AppDeps, row: SmtpIntegrationRow): Promise<IntegrationView> {
  const [view] = await integrationViews(deps, [row]);
  return view as IntegrationView;
}

export const emailIntegrationRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listEmailIntegrations",
    summary: "List SMTP integrations with their health (never their credentials)",
    tags: TAGS,
    access: { permission: "infra.read" },
    rateLimit: "read",
    query: z.strictObject({}),
    response: {
      schema: z.object({ integrations: z.array(IntegrationView) }),
      description: "Integrations, oldest first",
    },
    async handler({ deps }) {
      return { integrations: await integrationViews(deps, await listIntegrations(deps.db.pool)) };
    },
  }),
  defineRoute({
    method: "post",
    path: BASE,
    operationId: "createEmailIntegration",
    summary: "Add an SMTP integration; credentials are encrypted at rest",
    description:
      "400 destination_forbidden when the host resolves to a loopback, private, link-local or otherwise non-public address that EMAIL_ALLOWED_DESTINATIONS does not allow; 400 plaintext_auth_not_allowed when credentials would go unencrypted (tls_mode none) to a non-loopback host without allow_plaintext_auth.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    body: CreateIntegrationBody,
    errors: [409, 503],
    audit: { action: "email.integration.create", target: () => auditTarget.integration(null) },
    response: { status: 201, schema: IntegrationView, description: "The new integration" },
    async handler(ctx) {
      const b = ctx.body;
      ctx.audit.parameters = auditable(b);
      await refuseForbiddenEndpoint(ctx.deps, b, b.credentials !== undefined);
      const id = newIntegrationId();
      const sealed = b.credentials
        ? sealSecret(keyringOf(ctx.deps.config), JSON.stringify(b.credentials), credentialsAad(id))
        : null;
      const fields = integrationFields(b);
      const row = await insertIntegration(ctx.deps.db.pool, id, fields, sealed);
      if (!row) throw duplicate(b.name);
      ctx.audit.target = auditTarget.integration(id);
      return one(ctx.deps, row);
    },
  }),
  defineRoute({
    method: "patch",
    path: `${BASE}/{integration_id}`,
    operationId: "updateEmailIntegration",
    summary: "Change an SMTP integration (credentials: replace, or null to remove)",
    description:
      "Stored credentials belong to the endpoint they were given for: changing host, port or tls_mode, or turning allow_plaintext_auth on, removes them (has_credentials becomes false) unless new ones come in the same request. The new endpoint is checked as on create (400 destination_forbidden, plaintext_auth_not_allowed).",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: IntegrationIdParams,
    body: UpdateIntegrationBody,
    errors: [404, 409, 503],
    audit: { action: "email.integration.update", target: namedIntegration },
    response: { schema: IntegrationView, description: "The updated integration" },
    async handler(ctx) {
      const { integration_id: id } = ctx.params;
      const b = ctx.body;
      ctx.audit.parameters = auditable(b);
      const current = await mustGet(ctx.deps, id);
      const withCredentials = keepsCredentials(current, b);
      // A new host is checked; so is a change in how credentials would travel (removing them never is).
      const recheck =
        b.host !== undefined ||
        (withCredentials && (!!b.credentials || b.tls_mode !== undefined || b.allow_plaintext_auth !== undefined));
      if (recheck) {
        const next = {
          host: b.host ?? current.host,
          port: b.port ?? current.port,
          tls_mode: b.tls_mode ?? current.tls_mode,
          allow_plaintext_auth: b.allow_plaintext_auth ?? current.allow_plaintext_auth,
        };
        await refuseForbiddenEndpoint(ctx.deps, next, withCredentials);
      }
      const sealed =
        b.credentials === undefined
          ? undefined
          : b.credentials === null
            ? null
            : sealSecret(keyringOf(ctx.deps.config), JSON.stringify(b.credentials), credentialsAad(id));
      const fields = integrationFields(b);
      try {
        const row = await updateIntegration(ctx.deps.db.pool, id, fields, sealed);
        return one(ctx.deps, row ?? (await mustGet(ctx.deps, id)));
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicate(b.name ?? "");
        throw err;
      }
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{integration_id}/disable`,
    operationId: "disableEmailIntegration",
    summary: "Stop sending through an integration (idempotent; PATCH enabled=true turns it back on)",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: IntegrationIdParams,
    errors: [404],
    audit: { action: "email.integration.disable", target: namedIntegration },
    response: { schema: IntegrationView, description: "The disabled integration" },
    async handler(ctx) {
      const { integration_id: id } = ctx.params;
      await mustGet(ctx.deps, id);
      const row = await updateIntegration(ctx.deps.db.pool, id, { enabled: false });
      return one(ctx.deps, row ?? (await mustGet(ctx.deps, id)));
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{integration_id}/test`,
    operationId: "testEmailIntegration",
    summary: "Live check: connect, EHLO, STARTTLS and AUTH as configured, bounded by EMAIL_CHECK_TIMEOUT_MS",
    description:
      "The host is resolved and checked as on create, and the check connects only to the checked address. A failure is named from a fixed list (destination_forbidden, dns_failed, connection_refused, timeout, tls_failed, auth_failed, greeting_rejected, …), never with what the server sent, and is answered at the check's deadline whatever failed, so the answer's timing does not tell a closed port from a silent one.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: IntegrationIdParams,
    errors: [404],
    audit: { action: "email.integration.test", target: namedIntegration },
    response: { schema: IntegrationTestResult, description: "The check's outcome (also stored as the latest check)" },
    async handler(ctx) {
      const { integration_id: id } = ctx.params;
      const row = await mustGet(ctx.deps, id);
      const { config } = ctx.deps;
      const started = Date.now();
      let r = await checkStoredIntegration(row, keyringOf(config), config);
      if (!r.ok) {
        // Failures wait out the deadline: refused, filtered and silent ports all answer alike. A timer may
        // fire a millisecond before Date.now() reaches its end (it runs on another clock), hence the loop.
        const deadline = started + config.EMAIL_CHECK_TIMEOUT_MS;
        while (Date.now() < deadline) await delay(deadline - Date.now());
        r = { ...r, latencyMs: Date.now() - started };
      }
      await saveCheckResult(ctx.deps.db.pool, id, r, config.EMAIL_CIRCUIT_COOLDOWN_MS);
      return { integration_id: id, ok: r.ok, latency_ms: r.latencyMs, error: r.error, smtp_code: r.smtpCode };
    },
  }),
];
