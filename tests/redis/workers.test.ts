// Workers of every official BullMQ client are recognised by the names their
// connections carry (packages/redis/src/bullmq/workers.ts). A Python or Elixir
// worker names its connections `<prefix>:<queue>` (or `…:w:<name>`), the queue
// name as it is; a Node worker `<prefix>:<base64(queue)>`. No Python runtime
// with bullmq can be installed here (PyPI is unreachable), so the connections
// are opened with exactly the names those clients set (bullmq python
// backends/redis_backend.py clientName, worker.py; elixir worker.ex
// worker_client_name), and the queue gets a real job from a BullMQ producer.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import request from "supertest";

import { countWorkers } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("countWorkers", () => {
  const list = (names: string[]) =>
    names.map((n, i) => `id=${i} addr=127.0.0.1:${5000 + i} name=${n} cmd=ping`).join("\n");

  it("counts Node, Python and Elixir worker connections, named or not, and nothing else", () => {
    const counts = countWorkers(
      list([
        `bull:${b64("node-q")}`, // a Node worker
        `bull:${b64("node-q")}:w:billing-1`, // a named Node worker
        `bull:${b64("node-q")}:qe`, // a Node QueueEvents listener: not a worker
        "bull:py-reports", // a Python worker's two connections
        "bull:py-reports",
        "bull:py-reports:w:reports-host-2", // a named Python / Elixir worker
        "bull:py-reportsX", // another queue's name that merely starts the same
        "other:py-reports", // another prefix
        "",
      ]),
      "bull",
      ["node-q", "py-reports"],
    );
    expect(Object.fromEntries(counts)).toEqual({ "node-q": 2, "py-reports": 3 });
  });

  it("reads a Node name only as exact base64, which wins over a queue named like it", () => {
    // b64("reports") is "cmVwb3J0cw==", padded.
    const counts = countWorkers(
      list([
        `bull:${b64("reports")}`, // reports' Node worker, though a queue is named like its base64
        `bull:${b64("reports")}!`, // Buffer would decode this to "reports" too, skipping the "!"
        `bull:${b64("reports").replace(/=+$/, "")}`, // without its padding: not what a Node worker sets
      ]),
      "bull",
      ["reports", b64("reports")],
    );
    expect(Object.fromEntries(counts)).toEqual({ reports: 1, [b64("reports")]: 0 });
  });
});

describe("GET /queues with a worker that is not Node's", () => {
  let t: TestApp;
  const conns: Redis[] = [];
  let queue: Queue;

  beforeAll(async () => {
    t = await createTestApp();
    queue = new Queue("py-reports", { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
    await queue.add("report", { n: 1 });
    // The Python worker's blocking and command connections, as bullmq (python) names them.
    for (const name of [`${t.env.queuePrefix}:py-reports`, `${t.env.queuePrefix}:py-reports`]) {
      const c = new Redis(t.env.redisUrl, { connectionName: name });
      await c.ping();
      conns.push(c);
    }
  });

  afterAll(async () => {
    for (const c of conns) c.disconnect();
    await queue.close();
    await t.close();
  });

  it("shows its connections as workers", async () => {
    const r = await request(t.app).get("/api/v1/platform/system/queues").set("X-API-Key", t.keys.viewer).expect(200);
    const q = (r.body.data.queues as { name: string; workers: number | null }[]).find((x) => x.name === "py-reports");
    expect(q?.workers).toBe(2);
  });
});
