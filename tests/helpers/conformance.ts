// Conformance of real responses to the committed OpenAPI document.
// The check is independent of our own code: the document is read from
// openapi.json and compiled by Ajv (JSON Schema 2020-12, which OpenAPI 3.1
// uses as is), never from the zod schemas the routes validate with. For a
// recorded exchange it finds the operation (method + path template) and the
// response object (exact status, else `4XX`, else `default`), then checks the
// Content-Type against the documented media types, a JSON body against its
// schema, and the documented headers (present when `required`, and every one
// present is checked against its schema). Non-JSON media (CSV/NDJSON, Markdown,
// HTML, scripts) are checked for their content type only.
//
// `recordExchanges` wraps an Express app so every response it sends is
// captured; `createTestApp` uses it, so every test that drives the real app
// is checked, and every call is appended to the run's coverage log, which
// tests/setup/globalTeardown.ts reads to fail a whole-suite run that never
// called some documented operation.
import fs from "node:fs";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import path from "node:path";

import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

const COMMITTED_DOCUMENT = path.resolve(__dirname, "../../openapi.json");

/** The environment variable naming the run's coverage directory (set by globalSetup). */
export const COVERAGE_DIR_ENV = "OPSDECK_CONFORMANCE_DIR";

/** Paths outside the contract (Bull Board's browser surface, the console's files, the reference's static files). */
const UNDOCUMENTED_SURFACES = [/^\/admin\/queues(?:\/|$)/, /^\/docs\/assets\//, /^\/console(?:\/|$)/];

/** Unknown routes answer the one error shape: 404, or 429 once the IP has scanned past the read limit (app.ts). */
const UNROUTED_STATUSES = new Set([404, 429]);

type Json = Record<string, unknown>;

interface HeaderObject {
  required?: boolean;
  schema?: Json;
}
interface ResponseObject {
  headers?: Record<string, HeaderObject>;
  content?: Record<string, { schema?: Json }>;
}
interface OperationObject {
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: Json;
}

/** One request and the response the app gave it, as seen on the wire. */
export interface Exchange {
  method: string;
  /** The request target as received (path and query). */
  url: string;
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string | string[] | number | undefined>;
  /** The body as sent; null when it was not kept (non-JSON media). */
  body: Buffer | null;
  /** The test that was running when the request arrived, for the report. */
  test?: string;
}

export interface Verdict {
  /** The documented operation, e.g. "get /api/v1/platform/keys"; null when the route is not in the document. */
  operation: string | null;
  /** True for the surfaces outside the contract, which are not checked. */
  skipped: boolean;
  problems: string[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface Template {
  path: string;
  regex: RegExp;
  params: number;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

function mediaType(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = Array.isArray(value) ? String(value[0]) : String(value);
  return s.split(";")[0]!.trim().toLowerCase() || null;
}

function isJsonMedia(type: string): boolean {
  return type === "application/json" || type.endsWith("+json");
}

function mediaMatches(documented: string, actual: string): boolean {
  const d = mediaType(documented)!;
  if (d === "*/*" || d === actual) return true;
  return d.endsWith("/*") && actual.startsWith(d.slice(0, -1));
}

function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join("; ");
}

/** A header value as its schema sees it: headers are strings on the wire, so integers are parsed. */
function coerceHeader(value: string, schema: Json | undefined): unknown {
  const type = schema?.type;
  if ((type === "integer" || type === "number") && /^-?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

export class ConformanceValidator {
  readonly doc: OpenApiDocument;
  private readonly ajv: Ajv2020;
  private readonly templates: Template[];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly byContent = new Map<string, ValidateFunction>();
  private static readonly DOC_ID = "opsdeck-openapi.json";

  constructor(doc: OpenApiDocument = loadDocument()) {
    this.doc = doc;
    // strict off: the document carries OpenAPI keywords (example, x-…) that are not JSON Schema;
    // Ajv still logs a format it does not know instead of silently passing it.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    // The whole document is one resource, so "#/components/schemas/Error" resolves against its root.
    this.ajv.addSchema(doc as unknown as Json, ConformanceValidator.DOC_ID);
    this.templates = Object.keys(doc.paths)
      .map((p) => ({
        path: p,
        // A parameter is one non-empty segment; Express's router is not strict, so a trailing slash matches too.
        regex: new RegExp(
          `^${p
            .split(/(\{[^}]+\})/)
            .map((part, i) => (i % 2 ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
            .join("")}/?$`,
        ),
        params: (p.match(/\{/g) ?? []).length,
      }))
      // A literal path wins over a template that also matches it (OpenAPI 3.1 §4.8.8.2).
      .sort((a, b) => a.params - b.params);
  }

  /** Every documented operation as "METHOD /template". */
  operations(): string[] {
    return Object.entries(this.doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
  }

  /** The documented path template for a request path, and the operation for its method. */
  find(method: string, pathname: string): { template: string | null; method: string | null } {
    const m = method.toLowerCase();
    // Express answers HEAD with the GET route.
    const candidates = m === "head" ? ["head", "get"] : [m];
    let template: string | null = null;
    for (const t of this.templates) {
      if (!t.regex.test(pathname)) continue;
      template ??= t.path;
      const ops = this.doc.paths[t.path]!;
      const found = candidates.find((c) => ops[c]);
      if (found) return { template: t.path, method: found };
    }
    return { template, method: null };
  }

  check(ex: Exchange): Verdict {
    const pathname = ex.url.split("?")[0]!;
    const { template, method } = this.find(ex.method, pathname);
    if (!template || !method) {
      if (UNDOCUMENTED_SURFACES.some((r) => r.test(pathname))) return { operation: null, skipped: true, problems: [] };
      return { operation: null, skipped: false, problems: this.checkUnrouted(ex, template) };
    }
    const operation = `${method} ${template}`;
    const responses = this.doc.paths[template]![method]!.responses ?? {};
    const key = [String(ex.status), `${Math.floor(ex.status / 100)}XX`, "default"].find((k) => responses[k]);
    if (!key) {
      return {
        operation,
        skipped: false,
        problems: [`status ${ex.status} is not documented (documented: ${Object.keys(responses).join(", ")})`],
      };
    }
    const pointer = `#/paths/${escapePointer(template)}/${method}/responses/${escapePointer(key)}`;
    return { operation, skipped: false, problems: this.checkResponse(ex, responses[key]!, pointer) };
  }

  private checkUnrouted(ex: Exchange, template: string | null): string[] {
    const what = template
      ? `${ex.method} is not documented for ${template}`
      : `no documented path matches ${ex.url.split("?")[0]}`;
    if (!UNROUTED_STATUSES.has(ex.status)) {
      return [`${what}, yet the app answered ${ex.status} instead of the error-shape 404`];
    }
    const errorSchema = this.validator("#/components/schemas/Error");
    return this.checkJson(ex, errorSchema).map((p) => `${what}: ${p}`);
  }

  private checkResponse(ex: Exchange, response: ResponseObject, pointer: string): string[] {
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const raw = ex.headers[name.toLowerCase()];
      if (raw === undefined) {
        if (header.required) problems.push(`required header ${name} is missing`);
        continue;
      }
      const value = Array.isArray(raw) ? raw.join(", ") : String(raw);
      if (!header.schema) continue;
      const validate = this.validator(`${pointer}/headers/${escapePointer(name)}/schema`);
      if (!validate(coerceHeader(value, header.schema))) {
        problems.push(`header ${name}: ${JSON.stringify(value)} ${formatAjvErrors(validate.errors)}`);
      }
    }

    const content = response.content ?? {};
    const documented = Object.keys(content);
    const actual = mediaType(ex.headers["content-type"]);
    const bodyless = ex.method.toUpperCase() === "HEAD" || ex.status === 204 || ex.status === 304;
    if (documented.length === 0) {
      if (!bodyless && ex.body && ex.body.length > 0) problems.push("a body was sent but the response documents none");
      return problems;
    }
    if (!actual) {
      problems.push(`no Content-Type; documented: ${documented.join(", ")}`);
      return problems;
    }
    const media = documented.find((d) => mediaMatches(d, actual));
    if (!media) {
      problems.push(`Content-Type ${actual} is not documented (documented: ${documented.join(", ")})`);
      return problems;
    }
    const schema = content[media]!.schema;
    if (bodyless || !isJsonMedia(actual) || !schema || Object.keys(schema).length === 0) {
      // Even an untyped JSON body must parse.
      if (!bodyless && isJsonMedia(actual)) problems.push(...this.checkJson(ex, null));
      return problems;
    }
    problems.push(...this.checkJson(ex, this.validator(`${pointer}/content/${escapePointer(media)}/schema`)));
    return problems;
  }

  private checkJson(ex: Exchange, validate: ValidateFunction | null): string[] {
    if (!isJsonMedia(mediaType(ex.headers["content-type"]) ?? "")) {
      return [`Content-Type ${String(ex.headers["content-type"] ?? "(none)")} is not JSON`];
    }
    if (ex.body === null) return ["the JSON body was not captured"];
    let parsed: unknown;
    try {
      parsed = JSON.parse(ex.body.toString("utf8"));
    } catch {
      return [`body is not valid JSON: ${JSON.stringify(ex.body.toString("utf8").slice(0, 120))}`];
    }
    if (validate && !validate(parsed)) return [`body: ${formatAjvErrors(validate.errors)}`];
    return [];
  }

  private validator(pointer: string): ValidateFunction {
    let v = this.compiled.get(pointer);
    if (v) return v;
    const schema = pointer
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (node, part) => (node as Json | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")],
        this.doc,
      );
    if (schema === undefined) throw new Error(`the OpenAPI document has no schema at ${pointer}`);
    // Most responses share one schema ({"$ref": "#/components/schemas/Error"}); refs resolve against
    // the same root wherever they sit, so equal schemas share one compiled validator (~20 ms each).
    const key = JSON.stringify(schema);
    v = this.byContent.get(key) ?? this.ajv.getSchema(`${ConformanceValidator.DOC_ID}${pointer}`);
    if (!v) throw new Error(`the OpenAPI document has no schema at ${pointer}`);
    this.byContent.set(key, v);
    this.compiled.set(pointer, v);
    return v;
  }
}

function loadDocument(file = COMMITTED_DOCUMENT): OpenApiDocument {
  return JSON.parse(fs.readFileSync(file, "utf8")) as OpenApiDocument;
}

let shared: ConformanceValidator | undefined;
/** One validator per test file: the document is read and compiled once. */
export function sharedValidator(): ConformanceValidator {
  return (shared ??= new ConformanceValidator());
}

export interface Violation {
  exchange: Exchange;
  operation: string | null;
  problems: string[];
}

export function formatViolations(violations: Violation[]): string {
  const lines = violations.slice(0, 50).map((v) => {
    const id = v.exchange.headers["x-request-id"];
    return (
      `- ${v.exchange.method} ${v.exchange.url.slice(0, 200)} → ${v.exchange.status}` +
      `${v.operation ? ` [${v.operation}]` : ""}${id ? ` (request ${String(id)})` : ""}` +
      `${v.exchange.test ? `\n    in test: ${v.exchange.test}` : ""}` +
      v.problems.map((p) => `\n    ${p}`).join("")
    );
  });
  const more = violations.length > 50 ? `\n… and ${violations.length - 50} more` : "";
  return (
    `${violations.length} response(s) do not conform to openapi.json:\n${lines.join("\n")}${more}\n` +
    "If the document is wrong, fix the route's schema in apps/api and run `npm run openapi`."
  );
}

/** Appends "METHOD /template status" to this run's coverage log; a no-op outside a jest run. */
export function recordCall(operation: string, status: number): void {
  const dir = process.env[COVERAGE_DIR_ENV];
  if (!dir) return;
  const [method, template] = [operation.slice(0, operation.indexOf(" ")), operation.slice(operation.indexOf(" ") + 1)];
  // One file per process (jest workers each append their own); lines are far below PIPE_BUF, so appends never interleave.
  fs.appendFileSync(path.join(dir, `calls-${process.pid}.log`), `${method.toUpperCase()} ${template} ${status}\n`);
}

/** Reads every coverage log of the run: operation → the statuses it answered with. */
export function readCalls(dir: string): Map<string, Set<number>> {
  const calls = new Map<string, Set<number>>();
  for (const f of fs.readdirSync(dir)) {
    if (!f.startsWith("calls-")) continue;
    for (const line of fs.readFileSync(path.join(dir, f), "utf8").split("\n")) {
      const m = /^(\S+) (\S+) (\d{3})$/.exec(line);
      if (!m) continue;
      const op = `${m[1]} ${m[2]}`;
      if (!calls.has(op)) calls.set(op, new Set());
      calls.get(op)!.add(Number(m[3]));
    }
  }
  return calls;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Captures status, headers and body of every response `handler` sends, then calls `onExchange` once it is sent. */
function captureExchange(req: IncomingMessage, res: ServerResponse, onExchange: (ex: Exchange) => void): void {
  const method = req.method ?? "GET";
  const url = req.url ?? "/";
  const test = currentTestName();
  const explicit: Record<string, string | string[] | number> = {};
  const chunks: Buffer[] = [];
  let keep = true;

  const contentType = () => res.getHeader("content-type") ?? explicit["content-type"];
  const grab = (chunk: unknown, encoding: unknown) => {
    if (!keep || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const type = mediaType(contentType());
    // Only JSON bodies are validated; downloads and pages (possibly megabytes) are not kept.
    if (type !== null && !isJsonMedia(type)) {
      keep = false;
      chunks.length = 0;
      return;
    }
    if (typeof chunk === "string")
      chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };

  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // writeHead(status, [reason], [headers]): headers given here may bypass setHeader.
    const h = typeof args[1] === "string" ? args[2] : args[1];
    if (Array.isArray(h)) {
      for (let i = 0; i + 1 < h.length; i += 2) explicit[String(h[i]).toLowerCase()] = h[i + 1] as string;
    } else if (h && typeof h === "object") {
      for (const [k, v] of Object.entries(h as OutgoingHttpHeaders)) if (v !== undefined) explicit[k.toLowerCase()] = v;
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  const write = res.write;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    grab(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as ServerResponse["write"];
  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    grab(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).apply(this, [chunk, ...rest]);
  } as ServerResponse["end"];

  // 'finish': the whole response was handed to the socket. A response cut short (client gone) never finishes and is not judged.
  res.once("finish", () => {
    const headers: Exchange["headers"] = {};
    for (const [k, v] of Object.entries(res.getHeaders())) headers[k.toLowerCase()] = v;
    Object.assign(headers, explicit);
    onExchange({ method, url, status: res.statusCode, headers, body: keep ? Buffer.concat(chunks) : null, test });
  });
}

function currentTestName(): string | undefined {
  const g = globalThis as { expect?: { getState?: () => { currentTestName?: string } } };
  return g.expect?.getState?.().currentTestName;
}

/**
 * The same app, still an Express app (supertest, `listen`, its router stack
 * all work), but every request first installs the capture. A Proxy keeps
 * every property of the app; only calling it is intercepted.
 */
export function recordExchanges<App extends Listener>(app: App, onExchange: (ex: Exchange) => void): App {
  return new Proxy(app, {
    apply(target, thisArg, args: unknown[]) {
      captureExchange(args[0] as IncomingMessage, args[1] as ServerResponse, onExchange);
      return Reflect.apply(target, thisArg, args);
    },
  });
}
