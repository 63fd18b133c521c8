// Regression (found by the fault harness, tests/faults 02 and 03): with Redis
// down or silently stalled, queue endpoints answered 500, or only after the
// stall ended. They must answer 503 redis_unavailable with Retry-After, and
// promptly (the jest timeout catches a hung request; no time is asserted).
import net from "node:net";

import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import { createLogger } from "../../packages/core/src";
import { isRedisUnavailableError } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A TCP proxy to the real Redis that can stop forwarding (bytes wait, sockets stay open), like a network stall. */
function stallableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const state = {
    stalled: false,
    stall(on: boolean) {
      state.stalled = on;
      for (const s of sockets) {
        if (on) s.pause();
        else s.resume();
      }
    },
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    for (const s of [client, upstream]) s.on("error", () => undefined).on("close", () => sockets.delete(s));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  return {
    state,
    listen: () =>
      new Promise<number>((r) => server.listen(0, "127.0.0.1", () => r((server.address() as net.AddressInfo).port))),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(r));
    },
  };
}

it("recognises ioredis's connection errors, not command errors", () => {
  expect(isRedisUnavailableError(new Error("Command timed out"))).toBe(true);
  expect(isRedisUnavailableError(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(
    true,
  );
  expect(isRedisUnavailableError(new Error("connect ECONNREFUSED 127.0.0.1:1"))).toBe(true);
  expect(isRedisUnavailableError(new Error("WRONGTYPE Operation against a key holding the wrong kind of value"))).toBe(
    false,
  );
  expect(isRedisUnavailableError("Command timed out")).toBe(false);
});

it("answers 503 redis_unavailable when Redis is down", async () => {
  const deps = createDeps(
    { ...t.deps.config, REDIS_URL: "redis://127.0.0.1:1" },
    createLogger({ service: "api", silent: true }),
  );
  try {
    const app = t.checked(createApp(deps));
    for (const [method, path] of [
      ["post", "/api/v1/platform/system/queues/email-sending/pause"],
      ["get", "/api/v1/platform/system/queues"],
      ["get", "/api/v1/platform/system/queues/email-sending/jobs?status=failed"],
    ] as const) {
      const r = await request(app)[method](path).set("X-API-Key", t.keys.ops);
      expect(r.status).toBe(503);
      expect(r.body.error).toMatchObject({ type: "unavailable_error", code: "redis_unavailable" });
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
  } finally {
    await closeDeps(deps);
  }
});

it("answers 503 while Redis is silently stalled, and recovers when it answers again", async () => {
  const proxy = stallableProxy(new URL(t.env.redisUrl));
  const port = await proxy.listen();
  const deps = createDeps(
    { ...t.deps.config, REDIS_URL: `redis://127.0.0.1:${port}` },
    createLogger({ service: "api", silent: true }),
  );
  try {
    const app = t.checked(createApp(deps));
    const pause = () =>
      request(app).post("/api/v1/platform/system/queues/email-sending/pause").set("X-API-Key", t.keys.ops);
    expect((await pause()).status).toBe(200);
    proxy.state.stall(true);
    const stalled = await pause();
    expect(stalled.status).toBe(503);
    expect(stalled.body.error.code).toBe("redis_unavailable");
    proxy.state.stall(false);
    const resume = await request(app)
      .post("/api/v1/platform/system/queues/email-sending/resume")
      .set("X-API-Key", t.keys.ops);
    expect(resume.status).toBe(200);
  } finally {
    await closeDeps(deps);
    await proxy.close();
  }
});
