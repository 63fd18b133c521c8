// GET /docs renders in a real headless Chromium (Debian's chromium, installed
// by scripts/install-chromium.sh when missing) with every documented route
// listed, from assets served by the app itself (no CDN).
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { type Browser, chromium } from "playwright-core";

import { createTestApp, type TestApp } from "../helpers/testApp";

const CHROMIUM = "/usr/bin/chromium";
let t: TestApp;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    execFileSync(path.resolve(__dirname, "../../scripts/install-chromium.sh"), { stdio: "pipe", timeout: 600_000 });
  }
  t = await createTestApp();
  server = t.app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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
