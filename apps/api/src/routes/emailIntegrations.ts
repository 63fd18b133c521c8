// SMTP integrations (SPEC §9): list (infra.read), create, update, disable and
// a live test (email.write). Credentials are sealed with AES-256-GCM before
// they reach the database and never come back out; storing them while no
// encryption key is configured is refused (503 encryption_key_missing).
// Every change is audited, without the credentials.
import {
  checkSmtp,
  ConflictError,
  CreateIntegrationBody,
  credentialsAad,
  IntegrationIdParams,
  IntegrationTestResult,
  IntegrationView,
  NotFoundError,
  openSecret,
  sealSecret,
  UpdateIntegrationBody,
} from "@opsdeck/core";
import {
  getIntegration,
  insertIntegration,
  listIntegrations,
  newIntegrationId,
  saveCheckResult,
  type SmtpIntegrationRow,
  updateIntegration,
} from "@opsdeck/db";
import { z } from "zod";

import type { AppDeps } from "../deps";
import { integrationViews, keyringOf } from "../email/integrationViews";
import { audited } from "../http/audit";
import { defineRoute } from "../http/route";

const BASE = "/api/v1/platform/system/email/integrations";
const TAGS = ["email"];
const WRITE = { permission: "email.write" } as const;

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
    sendingIps: b.sending_ips,
    weight: b.weight,
    enabled: b.enabled,
  } as {
    [K in "name" | "type" | "host" | "port" | "weight" | "enabled"]: B[K];
  } & { tlsMode: B["tls_mode"]; sendingIps: B["sending_ips"] };
}

const duplicate = (name: string) =>
  new ConflictError("integration_name_taken", `An integration named '${name}' exists.`);
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === "23505";

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
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    body: CreateIntegrationBody,
    errors: [409, 503],
    response: { status: 201, schema: IntegrationView, description: "The new integration" },
    async handler(ctx) {
      const b = ctx.body;
      return audited(ctx, "email.integration.create", `integration:${b.name}`, auditable(b), async () => {
        const id = newIntegrationId();
        const sealed = b.credentials
          ? sealSecret(keyringOf(ctx.deps.config), JSON.stringify(b.credentials), credentialsAad(id))
          : null;
        const fields = integrationFields(b);
        const row = await insertIntegration(ctx.deps.db.pool, id, fields, sealed);
        if (!row) throw duplicate(b.name);
        return one(ctx.deps, row);
      });
    },
  }),
  defineRoute({
    method: "patch",
    path: `${BASE}/{integration_id}`,
    operationId: "updateEmailIntegration",
    summary: "Change an SMTP integration (credentials: replace, or null to remove)",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: IntegrationIdParams,
    body: UpdateIntegrationBody,
    errors: [404, 409, 503],
    response: { schema: IntegrationView, description: "The updated integration" },
    async handler(ctx) {
      const { integration_id: id } = ctx.params;
      const b = ctx.body;
      return audited(ctx, "email.integration.update", `integration:${id}`, auditable(b), async () => {
        await mustGet(ctx.deps, id);
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
      });
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
    response: { schema: IntegrationView, description: "The disabled integration" },
    async handler(ctx) {
      const { integration_id: id } = ctx.params;
      return audited(ctx, "email.integration.disable", `integration:${id}`, {}, async () => {
        await mustGet(ctx.deps, id);
        const row = await updateIntegration(ctx.deps.db.pool, id, { enabled: false });
        return one(ctx.deps, row ?? (await mustGet(ctx.deps, id)));
      });
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{integration_id}/test`,
    operationId: "testEmailIntegration",
    summary: "Live check: connect, EHLO, STARTTLS and AUTH as configured, bounded by EMAIL_CHECK_TIMEOUT_MS",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: IntegrationIdParams,
    errors: [404],
    response: { schema: IntegrationTestResult, description: "The check's outcome (also stored as the latest check)" },
    async handler(ctx) {
      const { integration_id: id } = ctx.params;
      return audited(ctx, "email.integration.test", `integration:${id}`, {}, async () => {
        const row = await mustGet(ctx.deps, id);
        const { config } = ctx.deps;
        let auth: { username: string; password: string } | null = null;
        if (row.credentials) {
          try {
            auth = JSON.parse(openSecret(keyringOf(config), row.credentials, credentialsAad(id))) as typeof auth;
          } catch (err) {
            return {
              integration_id: id,
              ok: false,
              latency_ms: 0,
              smtp_code: null,
              error: `credentials cannot be opened: ${(err as Error).message}`,
            };
          }
        }
        const r = await checkSmtp(row, auth, config.EMAIL_CHECK_TIMEOUT_MS);
        await saveCheckResult(ctx.deps.db.pool, id, r, config.EMAIL_CIRCUIT_COOLDOWN_MS);
        return { integration_id: id, ok: r.ok, latency_ms: r.latencyMs, error: r.error, smtp_code: r.smtpCode };
      });
    },
  }),
];
