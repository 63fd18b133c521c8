// Bull Board's metrics view in a real headless Chromium: a queue served by a
// worker with Opsdeck's worker options shows its throughput panel with
// BullMQ's counts, not the "no metrics collected" notice a worker without
// metrics leaves. (Chromium is installed by scripts/install-chromium.sh when
// missing; the test never skips.)
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { Queue, Worker } from "bullmq";
import type { Browser } from "playwright-core";

import { loadConfig } from "../../apps/worker/src/config";
import { workerOptions } from "../../apps/worker/src/workers";
import { BROWSER_WAIT_MS, launchChromium } from "../helpers/chromium";
import { createTestApp, type TestApp } from "../helpers/testApp";

const QUEUE = "log-exports";
let t: TestApp;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp({ SESSION_SECRET: "board-metrics-browser-secret-0123456789" });
  server = t.app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server.close(r));
  await t?.close();
});

it("shows the throughput panel of a queue whose worker records BullMQ's metrics", async () => {
  const queue = new Queue(QUEUE, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  const worker = new Worker(QUEUE, async () => "ok", workerOptions(loadConfig(t.env.env), QUEUE));
  try {
    const done = new Promise<void>((resolve) => {
      let n = 0;
      worker.on("completed", () => ++n === 3 && resolve());
    });
    void worker.run();
    await queue.addBulk([1, 2, 3].map((i) => ({ name: "export", data: { i } })));
    await done;

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(BROWSER_WAIT_MS);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/admin/queues`);
      await page.fill("#api_key", t.keys.viewer);
      await Promise.all([page.waitForURL(`${base}/admin/queues/`), page.click("button[type=submit]")]);
      await page.goto(`${base}/admin/queues/queue/${QUEUE}`);
      await page.getByText("Throughput (jobs / min)").first().waitFor();
      // The panel may start folded; unfold it to read its figures.
      const show = page.getByTitle("Show metrics");
      if (await show.count()) await show.first().click();
      await page.getByText("Completed / min").first().waitFor();
      await expect(page.getByText("No metrics collected yet", { exact: false }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
});
