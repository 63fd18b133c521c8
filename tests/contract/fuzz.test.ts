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
];

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
