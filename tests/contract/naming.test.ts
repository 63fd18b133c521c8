// One naming style: every parameter and every property of a request or
// response body in the committed openapi.json is snake_case, except the
// fields listed here: those that published API shapes fix in camelCase (the
// integration surface, the platform metrics, the error's retryAfter) and the
// queue counts keyed by BullMQ's state names. A new exception fails until it
// is either renamed or argued for here.
import fs from "node:fs";
import path from "node:path";

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** operationId (or component schema) → its names that are not snake_case. */
const NOT_SNAKE_CASE: Record<string, string[]> = {
  Error: ["retryAfter"],
  // The count of each state under the name ?status= takes for it (BullMQ's).
  getQueue: ["waiting-children"],
  integrationInfo: ["accountType", "createdAt", "expiresAt", "externalId", "keyId"],
  integrationLogs: [
    "endDate",
    "ipAddress",
    "logId",
    "requestSize",
    "responseSize",
    "responseTime",
    "startDate",
    "statusCode",
    "totalPages",
    "userAgent",
  ],
  integrationLimits: ["perDay", "perHour", "perMinute", "resetAt"],
  integrationTest: ["expiresAt", "keyId"],
  getPlatformMetrics: [
    "apiUptimeSeconds",
    "averageResponseTime",
    "averageWorkerUptime",
    "errorRate",
    "exportsBytes",
    "failedToday",
    "percentUsed",
    "platformUptime",
    "postgresBytes",
    "redisBytes",
    "successRate",
    "thisMonth",
    "thisWeek",
  ],
  getMetricsHistory: ["timeRange"],
  getMetricsPerformance: ["errorRate", "responseTime"],
};

type Schema = { [k: string]: unknown };
interface Operation {
  operationId: string;
  parameters?: { name: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/** Every property name anywhere in a JSON Schema. */
function propertyNames(schema: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => propertyNames(s, out));
  else if (schema && typeof schema === "object") {
    const props = (schema as Schema).properties;
    if (props && typeof props === "object") Object.keys(props).forEach((k) => out.add(k));
    Object.values(schema).forEach((v) => propertyNames(v, out));
  }
  return out;
}

it("names every parameter and body field in snake_case, the listed exceptions aside", () => {
  const doc = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../openapi.json"), "utf8")) as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const found: Record<string, string[]> = {};
  const collect = (owner: string, names: Iterable<string>) => {
    const camel = [...names].filter((n) => !SNAKE.test(n));
    if (camel.length) found[owner] = [...new Set([...(found[owner] ?? []), ...camel])].sort();
  };
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops)) {
      collect(
        op.operationId,
        (op.parameters ?? []).map((p) => p.name),
      );
      const bodies = [op.requestBody?.content ?? {}, ...Object.values(op.responses).map((r) => r.content ?? {})];
      for (const content of bodies)
        for (const media of Object.values(content)) collect(op.operationId, propertyNames(media.schema, new Set()));
    }
  }
  for (const [name, schema] of Object.entries(doc.components.schemas)) collect(name, propertyNames(schema, new Set()));
  expect(found).toEqual(NOT_SNAKE_CASE);
});
