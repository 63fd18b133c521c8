// GET /docs renders in a real headless Chromium (Debian's chromium, installed
// by scripts/install-chromium.sh when missing) with every documented route
// listed, from assets served by the app itself (no CDN).
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { Browser } from "playwright-core";

import { BROWSER_WAIT_MS, launchChromium } from "../helpers/chromium";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
  await t.close();
});

it("renders every documented route, loading nothing from outside the app", async () => {
  const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const expected = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
  );
  const page = await browser.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) outside.push(r.url());
  });
  await page.goto(`${base}/docs`);
  await page.waitForSelector(".opblock-summary", { timeout: 30_000 });
  const shown = await page.$$eval(".opblock-summary", (els) =>
    els.map((e) => {
      const method = e.querySelector(".opblock-summary-method")?.textContent?.trim() ?? "";
      const p = (e.querySelector(".opblock-summary-path")?.getAttribute("data-path") ?? "").trim();
      return `${method} ${p}`;
    }),
  );
  expect(shown.sort()).toEqual(expected.sort());
  expect(outside).toEqual([]);
  await page.screenshot({ path: "/tmp/opsdeck-docs.png" });
  await page.close();
}, 60_000);
