// Property-based requests generated from /openapi.json (fast-check, seeded and
// reproducible: FUZZ_SEED, FUZZ_RUNS). For every route: wrong types, huge
// values, unicode, injection strings and missing or extra fields in path,
// query and body. Properties: never a 5xx; every 4xx in the one error shape;
// and a rejected request changes nothing in Postgres or Redis.
import fc from "fast-check";
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 50);

let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation>> };
interface Operation {
  parameters?: { name: string; in: "path" | "query"; schema?: { type?: string; enum?: unknown[] } }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
}

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_READ: "1000000", RATE_LIMIT_WRITE: "1000000" });
  doc = (await request(t.app).get("/openapi.json")).body;
});
afterAll(() => t.close());

const NASTY = [
  "' OR 1=1 --",
  "'; DROP TABLE api_keys; --",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "%00",
  "\u0000",
  "\uFEFF\u202E",
  "💥🔥",
  "NaN",
  "-1",
  "1e309",
  "99999999999999999999999",
  "true",
  "null",
  "[]",
  "{}",
  "=cmd|' /C calc'!A0",
  ".*(a+)+$",
  // Inputs that once reached Postgres and failed there: times it cannot hold, an id past bigint in a cursor,
  // a regex that unrolls to ~20,000 states.
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:00:00-05:00",
  Buffer.from("2025-01-01T00:00:00.000Z|9999999999999999999").toString("base64url"),
  "(a{1,100}){1,100}(a{1,100}){1,100}y",
];

/** `depth` objects nested in one another. */
function nested(depth: number): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 1; i < depth; i++) v = { a: v };
  return v;
}

const scalar = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constant("x".repeat(5000)),
);
const jsonValue = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant("y".repeat(20_000)),
  fc.constant(nested(2_000)),
);

function bodyFor(op: Operation) {
  const props = Object.keys(op.requestBody?.content["application/json"]?.schema.properties ?? {});
  // Known fields with wrong or hostile values, some missing, plus unknown ones.
  const known = props.length
    ? fc.dictionary(fc.constantFrom(...props), jsonValue, { maxKeys: props.length })
    : fc.constant({} as Record<string, unknown>);
  return fc.oneof(
    known,
    fc
      .tuple(known, fc.dictionary(fc.string({ maxLength: 10 }), jsonValue, { maxKeys: 3 }))
      .map(([a, b]) => ({ ...b, ...a })),
    jsonValue,
  );
}

/** A cheap fingerprint of state: row counts of the domain tables and the queue keys in Redis. */
async function fingerprint(): Promise<string> {
  const { rows } = await t.deps.db.pool.query<{ relname: string; n: string }>(
    `SELECT c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text AS n
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname NOT IN ('audit_events', 'request_logs', 'app_logs', '_prisma_migrations')
      ORDER BY 1`,
  );
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await t.deps.redis.scan(cursor, "MATCH", `${t.env.queuePrefix}:*`, "COUNT", 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  return JSON.stringify([rows, keys.sort()]);
}

it("never answers 5xx, always answers 4xx in the one error shape, and a rejected request changes nothing", async () => {
  const ops: [string, string, Operation][] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (path === "/metrics" || path.startsWith("/docs") || path === "/openapi.json" || path === "/llms.txt") continue;
      ops.push([method, path, op]);
    }
  }
  let requests = 0;
  let fivexx = 0;
  for (const [method, path, op] of ops) {
    const pathParams = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
    const queryParams = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
    const arb = fc.record({
      path: fc.tuple(...pathParams.map(() => scalar)),
      query: fc.dictionary(
        fc.oneof(fc.constantFrom(...(queryParams.length ? queryParams : ["q"])), fc.string({ maxLength: 8 })),
        scalar,
        {
          maxKeys: 4,
        },
      ),
      body: bodyFor(op),
    });
    await fc.assert(
      fc.asyncProperty(arb, async (input) => {
        let i = 0;
        const url = path.replace(/\{[^}]+\}/g, () => encodeURIComponent(input.path[i++] ?? "x") || "x");
        const before = method === "get" ? "" : await fingerprint();
        let req = request(t.app)[method as "get"](url).query(input.query).set("X-API-Key", t.keys.ops);
        // Serialised by hand: superagent cannot send a bare number or null as a body.
        if (method !== "get" && method !== "delete") {
          req = req.set("Content-Type", "application/json").send(JSON.stringify(input.body) ?? "null");
        }
        const r = await req;
        requests++;
        if (r.status >= 500 && r.status !== 503) fivexx++;
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400) {
          expect(r.body).toEqual({
            success: false,
            error: expect.objectContaining({
              type: expect.any(String),
              code: expect.any(String),
              message: expect.any(String),
              request_id: expect.any(String),
            }),
          });
          if (method !== "get") expect(await fingerprint()).toBe(before);
        }
      }),
      { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
    );
  }
  process.stdout.write(`fuzz: ${requests} requests over ${ops.length} routes (seed ${SEED}), ${fivexx} 5xx\n`);
  expect(fivexx).toBe(0);
  expect(requests).toBeGreaterThanOrEqual(1000);
}, 600_000);

it("answers 400 naming the field to each input that once made Postgres or the JSON writer fail (5xx)", async () => {
  const year0 = "0000-01-01T00:00:00Z";
  const past9999 = "9999-12-31T23:00:00-05:00";
  const cursor = Buffer.from("2025-01-01T00:00:00.000Z|9999999999999999999").toString("base64url");
  const get = (path: string, query: Record<string, string>, key = t.keys.ops) =>
    request(t.app).get(path).query(query).set("X-API-Key", key);
  const post = (path: string, body: unknown) =>
    request(t.app)
      .post(path)
      .set("X-API-Key", t.keys.ops)
      .send(body as object);
  const logs = "/api/v1/platform/system/logs";
  const cases: [string, Promise<request.Response>, string][] = [
    ["log search start_time", get(logs, { start_time: year0 }), "query.start_time"],
    ["log search end_time", get(logs, { end_time: past9999 }), "query.end_time"],
    ["log search cursor", get(logs, { cursor }), "query.cursor"],
    ["audit start_time", get("/api/v1/platform/system/audit", { start_time: year0 }), "query.start_time"],
    ["job search end_time", get("/api/v1/platform/system/jobs", { q: "x", end_time: past9999 }), "query.end_time"],
    [
      "integration logs startDate",
      get("/api/integration/logs", { startDate: year0 }, t.keys.integration),
      "query.startDate",
    ],
    [
      "log ingest metadata",
      post(logs, { logs: [{ level: "info", service: "s", message: "m", metadata: nested(2_000) }] }),
      "body.logs[0].metadata",
    ],
    [
      "feedback occurred_at",
      post("/api/v1/platform/system/email/feedback", { type: "bounce", sending_ip: "192.0.2.1", occurred_at: year0 }),
      "body.occurred_at",
    ],
    [
      "key expires_at",
      post("/api/v1/platform/keys", { name: "k", role: "viewer", expires_at: past9999 }),
      "body.expires_at",
    ],
  ];
  // U+0000, which Postgres' text cannot hold (and which ended the connection when inlined into SQL).
  const nul = "a\u0000b";
  cases.push(
    ["log search service with NUL", get(logs, { service: nul }), "query.service"],
    ["job search q with NUL", get("/api/v1/platform/system/jobs", { q: nul }), "query.q"],
    ["audit action with NUL", get("/api/v1/platform/system/audit", { action: nul }), "query.action"],
    ["metrics worker with NUL", get("/api/v1/platform/metrics/performance", { worker: nul }), "query.worker"],
    [
      "integration id with NUL",
      post(`/api/v1/platform/system/email/integrations/${encodeURIComponent(nul)}/disable`, {}),
      "params.integration_id",
    ],
    ["export filter with NUL", post(`${logs}/exports`, { service: nul }), "body.service"],
    [
      "ingest request_id with NUL",
      post(logs, { logs: [{ level: "info", service: "s", message: "m", request_id: nul }] }),
      "body.logs[0].request_id",
    ],
    ["key name with NUL", post("/api/v1/platform/keys", { name: nul, role: "viewer" }), "body.name"],
  );
  for (const [what, pending, field] of cases) {
    const r = await pending;
    expect({ what, status: r.status }).toEqual({ what, status: 400 });
    expect(r.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }
});
