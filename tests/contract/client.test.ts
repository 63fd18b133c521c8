// @opsdeck/client's types are the contract's: packages/client/src/schema.ts
// must be exactly what scripts/write-client-types.js generates from the
// committed openapi.json (which document.test.ts holds to the route table), so
// the CLI, typed through the client, can't drift from the API. And the client
// against a real listening app: the envelope unwrapped, the one error shape as
// OpsdeckApiError, no answer as OpsdeckConnectionError.
import fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { createOpsdeckClient, OpsdeckApiError, type OpsdeckClient, OpsdeckConnectionError } from "@opsdeck/client";

import { createTestApp, type TestApp } from "../helpers/testApp";

const { generateClientTypes, target } = require("../../scripts/write-client-types.js") as {
  generateClientTypes: (doc?: unknown) => Promise<string>;
  target: string;
};

// Generating means formatting ~460 KB of types with prettier: seconds, more on a busy machine.
const SLOW_MS = 90_000;

it(
  "packages/client/src/schema.ts matches openapi.json (run `npm run openapi` after changing a route)",
  async () => {
    expect(fs.readFileSync(target, "utf8")).toBe(await generateClientTypes());
  },
  SLOW_MS,
);

it(
  "the types follow the document it is given, so drift shows as a difference",
  async () => {
    const doc = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../openapi.json"), "utf8")) as {
      paths: Record<string, unknown>;
    };
    const pause = "/api/v1/platform/system/queues/{queue_name}/pause";
    const halt = pause.replace("pause", "halt");
    expect(fs.readFileSync(target, "utf8")).toContain(`"${pause}": {`);
    doc.paths[halt] = doc.paths[pause];
    delete doc.paths[pause];
    const changed = await generateClientTypes(doc);
    expect(changed).not.toContain(`"${pause}": {`);
    expect(changed).toContain(`"${halt}": {`);
  },
  SLOW_MS,
);

describe("the client against the API", () => {
  let t: TestApp;
  let server: Server;
  let api: OpsdeckClient;
  const PAUSE = "/api/v1/platform/system/queues/{queue_name}/pause";
  const listen = async (s: Server) => {
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };
  const rejection = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error("expected the call to fail");
      },
      (err: unknown) => err,
    );

  beforeAll(async () => {
    // Two writes per window, so the third shows a 429.
    t = await createTestApp({ RATE_LIMIT_WRITE: "2" });
    server = t.app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    api = createOpsdeckClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      key: t.keys.ops,
    });
  }, 60_000);
  afterAll(async () => {
    // fetch keeps its connections alive; don't wait for them to idle out.
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await t.close();
  }, 60_000);

  it("resolves to the envelope's data; a body without the envelope as it is", async () => {
    const queues = await api.get("/api/v1/platform/system/queues");
    expect(queues).not.toHaveProperty("success");
    expect(queues.queues.map((q) => q.name)).toContain("email-sending");
    const status = await api.get("/status");
    expect(status).toMatchObject({ status: "unhealthy", data: { total_integrations_count: 0 } });
    expect(await api.get("/livez")).toEqual({ status: "ok" });
  });

  it("throws the error shape as OpsdeckApiError: code, message, status, type, request id, details", async () => {
    const err = await rejection(
      api.post(PAUSE, {
        params: { path: { queue_name: "no-such-queue" } },
        headers: { "X-Request-Id": "req-client-1" },
      }),
    );
    expect(err).toBeInstanceOf(OpsdeckApiError);
    expect(err).toMatchObject({
      code: "queue_not_found",
      message: "No queue named 'no-such-queue'.",
      status: 404,
      type: "not_found_error",
      requestId: "req-client-1",
      retryAfter: undefined,
    });
    const invalid = await rejection(api.get("/api/v1/platform/system/logs", { params: { query: { limit: 1_000 } } }));
    expect(invalid).toMatchObject({ status: 400, type: "invalid_request_error" });
    expect((invalid as OpsdeckApiError).details).toEqual([
      expect.objectContaining({ field: "query.limit", code: "too_big" }),
    ]);
    const unauthenticated = await rejection(
      createOpsdeckClient({ baseUrl: api.baseUrl }).get("/api/v1/platform/system/queues"),
    );
    expect(unauthenticated).toMatchObject({ status: 401, type: "authentication_error" });
  });

  it("carries retryAfter on a 429", async () => {
    let err: unknown;
    for (let i = 0; i < 5 && !(err instanceof OpsdeckApiError && err.status === 429); i++)
      err = await rejection(api.post(PAUSE, { params: { path: { queue_name: "no-such-queue" } } }));
    expect(err).toMatchObject({ status: 429, type: "rate_limit_error", code: expect.any(String) });
    expect((err as OpsdeckApiError).retryAfter).toBeGreaterThan(0);
  });

  it("getRaw hands back the response unread, and throws errors like the JSON calls", async () => {
    const metrics = await api.getRaw("/metrics");
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await metrics.text()).toContain("# TYPE");
    const err = await rejection(
      api.getRaw("/api/v1/platform/system/logs/exports/{export_id}/download", {
        params: { path: { export_id: "export_logs_nope" }, query: { expires: "soon", signature: "bad" } },
      }),
    );
    expect(err).toMatchObject({ status: 400, type: "invalid_request_error" });
  });

  it("reports no answer as OpsdeckConnectionError: refused, and past the deadline", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((r) => closed.close(r));
    const refused = await rejection(createOpsdeckClient({ baseUrl: url }).get("/livez"));
    expect(refused).toBeInstanceOf(OpsdeckConnectionError);
    expect(refused).toMatchObject({ code: "connection_failed", timedOut: false, baseUrl: url });
    expect((refused as Error).message).toBe(`Cannot reach ${url}: connect ECONNREFUSED ${url.slice("http://".length)}`);

    // Accepts the request and never answers.
    const silent = createServer(() => undefined);
    const silentUrl = await listen(silent);
    try {
      const late = await rejection(createOpsdeckClient({ baseUrl: silentUrl, timeoutMs: 100 }).get("/livez"));
      expect(late).toMatchObject({ code: "connection_failed", timedOut: true });
      expect((late as Error).message).toBe(`Cannot reach ${silentUrl}: no response within 100 ms`);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  it("reports an answer that is not JSON (a proxy's page) as bad_response", async () => {
    const proxy = createServer((req, res) => {
      res.writeHead(req.url === "/livez" ? 200 : 502, { "Content-Type": "text/html" });
      res.end("<html>Bad gateway</html>");
    });
    const url = await listen(proxy);
    try {
      const client = createOpsdeckClient({ baseUrl: url });
      expect(await rejection(client.get("/livez"))).toMatchObject({
        code: "bad_response",
        status: 200,
        type: undefined,
        message: "GET /livez answered 200 with a non-JSON body.",
      });
      expect(await rejection(client.get("/readyz"))).toMatchObject({ code: "bad_response", status: 502 });
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });
});
