// Builds the OpenAPI 3.1 document from the route table: the same
// zod schemas that validate requests become its parameters, bodies and
// responses (JSON Schema 2020-12, which 3.1 uses as is). Every keyed route
// documents its permission (x-required-permission), its rate-limit policy
// (x-rate-limit-policy) and the error responses it can give. The result must
// lint clean under Redocly's recommended rules (tests/contract/lint.test.ts).
import { ErrorBody, VERSION } from "@opsdeck/core";
import { z } from "zod";

import type { ApiConfig } from "../config";
import type { AnyRoute } from "./route";

type Json = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid parameters or body; `details` lists every bad field",
  401: "Missing, malformed, unknown, revoked or expired API key",
  403: "The key lacks the permission this route needs",
  404: "Not found",
  409: "Conflict with the resource's current state",
  413: "Request body too large",
  429: "Rate limit exceeded; honour Retry-After",
  500: "Internal error",
  503: "A dependency is unavailable; retry later",
};

/**
 * What each tag groups, shown as a section heading by renderers. Every tag a
 * route uses needs one: buildOpenApi throws otherwise, so a new tag cannot
 * ship undescribed.
 */
const TAG_DESCRIPTIONS: Record<string, string> = {
  probes: "Liveness, readiness and the Prometheus scrape, for orchestrators and monitoring",
  docs: "This document and its renderings: the browsable reference, Markdown and llms.txt",
  integration: "The partner surface: API health, this key's details, its own request logs and its quotas",
  keys: "API keys: create, list, revoke and rotate",
  queues:
    "BullMQ queues: counts and status, a page of jobs, a job's timeline, pause, resume, bulk retry, clean and promote, job schedulers",
  workers: "Every worker connected to the queues, and commands to Opsdeck's own: pause, resume, concurrency, drain",
  jobs: "Single jobs: search, detail, retry and removal",
  audit: "The audit trail: every change made through the API or the board, with its outcome",
  logs: "Application logs: search, ingestion, and asynchronous exports downloaded through signed links",
  email: "SMTP integrations, and the bounces and complaints their providers report",
  infrastructure: "Health of the services, reputation of the sending IPs, and alerts",
  status: "Overall health of the email integrations, by integration type",
  metrics: "Platform metrics: current figures, history from the rollups, and performance",
};

function tagObjects(routes: AnyRoute[]): Json[] {
  return [...new Set(routes.flatMap((r) => r.tags))].map((name) => {
    const description = TAG_DESCRIPTIONS[name];
    if (!description) throw new Error(`OpenAPI tag '${name}' has no description in TAG_DESCRIPTIONS`);
    return { name, description };
  });
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const s = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as Json;
  delete s.$schema;
  return s;
}

function header(description: string, type = "string"): Json {
  return { description, schema: { type } };
}

const RATE_HEADERS = {
  "X-RateLimit-Limit": header("Requests allowed in the binding window", "integer"),
  "X-RateLimit-Remaining": header("Requests left in the binding window", "integer"),
  "X-RateLimit-Reset": header("When the binding window resets (epoch seconds)", "integer"),
  "RateLimit-Policy": header('IETF draft: every policy that applies, e.g. "read";q=300;w=60'),
  RateLimit: header('IETF draft: the binding policy\'s remaining quota and reset, e.g. "read";r=299;t=60'),
};

function parameters(route: AnyRoute): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name,
        in: where,
        required: where === "path" || (js.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

function errorStatuses(route: AnyRoute): number[] {
  const s = new Set<number>([400, 500, ...(route.errors ?? [])]);
  // Keyed routes read the key (Postgres) and most touch Redis: an outage answers 503 (errorHandler.ts).
  if (route.access !== "public") [401, 403, 503].forEach((c) => s.add(c));
  if (route.rateLimit !== "none") s.add(429);
  if (route.body) s.add(413);
  return [...s].sort();
}

function operation(
  route: AnyRoute,
  config: Pick<ApiConfig, "RATE_LIMIT_READ" | "RATE_LIMIT_WRITE" | "RATE_LIMIT_WINDOW_SECONDS">,
): Json {
  // Every response carries its request id (requestId.ts runs first), so the contract can promise it.
  const headers: Json = { "X-Request-Id": { ...header("This request's id"), required: true } };
  if (route.rateLimit !== "none") Object.assign(headers, RATE_HEADERS);
  let success: Json;
  if (route.kind === "raw") {
    const types: readonly string[] =
      typeof route.response.contentType === "string" ? [route.response.contentType] : route.response.contentType;
    success = {
      description: route.response.description,
      headers,
      content: Object.fromEntries(types.map((t) => [t, {}])),
    };
  } else {
    const r = route.response;
    const body = r.envelope === false ? r.schema : z.object({ success: z.literal(true), data: r.schema });
    const extra = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, d]) => [k, header(d)]));
    success = {
      description: r.description,
      headers: { ...headers, ...extra },
      content: {
        "application/json": {
          schema: jsonSchema(body as z.ZodType, "output"),
          // Routes give the example of what their handler returns; the document shows the body as sent.
          ...(r.example === undefined
            ? {}
            : { example: r.envelope === false ? r.example : { success: true, data: r.example } }),
        },
      },
    };
  }
  const responses: Json = { [String(route.response.status ?? 200)]: success };
  if (route.kind !== "raw") {
    for (const [status, description] of Object.entries(route.response.sameBodyStatuses ?? {})) {
      responses[status] = { ...success, description };
    }
  }
  for (const status of errorStatuses(route)) {
    const same = responses[String(status)] as
      { description?: string; content?: { "application/json"?: Json } } | undefined;
    if (same) {
      // The route's own body at this status (e.g. health "down") or, when the request itself fails, the error.
      const media = same.content?.["application/json"];
      if (media && status !== (route.response.status ?? 200)) {
        const { example: _example, schema, ...rest } = media;
        same.content = {
          "application/json": { ...rest, schema: { oneOf: [schema, { $ref: "#/components/schemas/Error" }] } },
        };
        same.description = `${same.description ?? ""}; otherwise an error: ${ERROR_DESCRIPTIONS[status] ?? "Error"}`;
      }
      continue;
    }
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error",
      headers: status === 429 ? { ...headers, "Retry-After": header("Seconds to wait", "integer") } : headers,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  const policy =
    route.rateLimit === "none"
      ? undefined
      : route.rateLimit === "read"
        ? `${config.RATE_LIMIT_READ} / ${config.RATE_LIMIT_WINDOW_SECONDS}s`
        : `${config.RATE_LIMIT_WRITE} / ${config.RATE_LIMIT_WINDOW_SECONDS}s`;
  const op: Json = {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    parameters: parameters(route),
    responses,
    security: route.access === "public" ? [] : [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    ...(route.access === "public" ? {} : { "x-required-permission": route.access.permission }),
    ...(policy ? { "x-rate-limit-policy": { name: route.rateLimit, limit: policy } } : {}),
  };
  if (route.body) {
    op.requestBody = {
      // An optional body (e.g. a retry's options) may be left out altogether.
      required: !(route.body as z.ZodType).safeParse(undefined).success,
      content: { "application/json": { schema: jsonSchema(route.body as z.ZodType, "input") } },
    };
  }
  return op;
}

export function buildOpenApi(
  routes: AnyRoute[],
  config: Pick<ApiConfig, "publicUrl" | "RATE_LIMIT_READ" | "RATE_LIMIT_WRITE" | "RATE_LIMIT_WINDOW_SECONDS">,
): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation(route, config);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Opsdeck API",
      version: VERSION,
      description:
        "The ops backend for BullMQ queues: queues and jobs, logs and exports, email integrations, " +
        "infrastructure health, alerts and metrics. Only the routes in this document exist; anything else is a JSON 404.",
      // The repository's licence (package.json), as an SPDX identifier.
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: config.publicUrl }],
    tags: tagObjects(routes),
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, "output") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer odk_live_…" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
      },
    },
  };
}
