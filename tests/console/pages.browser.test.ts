// The console's Logs, Alerts, Email, Audit and Keys pages in a real headless
// Chromium against the real app (ephemeral port, real Redis and Postgres),
// with a real log-export worker in this process. An ops key searches logs by
// regex, follows new entries, exports CSV and downloads the file; acknowledges
// an alert; adds an SMTP integration whose password never comes back; reads
// the audit trail; creates and revokes a key. A viewer key sees every page it
// may read without a write control (no Keys or Audit). Each page passes
// axe-core (no serious or critical violation) and is photographed at 1280×800.
import { once } from "node:events";
import { readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { type Job, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Browser, BrowserContext, Page } from "playwright-core";

import type { WorkerConfig } from "../../apps/worker/src/config";
import { exportLogs } from "../../apps/worker/src/processors/exportLogs";
import { createLogger } from "../../packages/core/src";
import { insertAppLogs, insertIntegration, newIntegrationId, recordFiring } from "../../packages/db/src";
import { launchChromium } from "../helpers/chromium";
import { eventually, expectAccessible, newConsolePage, signIn } from "../helpers/consoleBrowser";
import { createTestApp, type TestApp } from "../helpers/testApp";

/** A word in the matching messages only, so the regex finds exactly them. */
const WORD = "quokkagateway";
const QUEUE = "console-pages-q";
/** An SMTP password typed into the form: it must never come back into any page. */
const PASSWORD = "hunter2-never-shown-9f3a";

let t: TestApp;
let server: Server;
let base: string;
let browser: Browser;
let exportWorker: Worker;
let connection: Redis;
const contexts: BrowserContext[] = [];

jest.setTimeout(180_000);

const api = (path: string, key: string) =>
  fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${key}` } }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { data: Record<string, unknown> },
  }));

beforeAll(async () => {
  t = await createTestApp({
    SESSION_SECRET: "console-pages-session-secret-0123456789abc",
    CREDENTIALS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    CREDENTIALS_KEY_ID: "k1",
    // A documentation address (never routed), allowed so the form can save a remote-looking relay.
    EMAIL_ALLOWED_DESTINATIONS: "192.0.2.10",
  });
  server = t.app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const now = Date.now();
  await insertAppLogs(
    t.deps.db.pool,
    [
      ["error", "api", `${WORD} timeout after 30s for order 17`],
      ["warning", "worker", `${WORD} refused the connection`],
      ["info", "api", "order 18 paid"],
      ["error", "billing", `${WORD} timeout on refund 4`],
      ["debug", "worker", "batch 9 of campaign cmp_1 done"],
    ].map(([level, service, message], i) => ({
      timestamp: new Date(now - (10 - i) * 60_000),
      level: level as "error",
      service: service!,
      message: message!,
      requestId: `req_${i}`,
      userId: null,
      metadata: { attempt: i, region: "eu-west" },
    })),
  );
  await recordFiring(t.deps.db.pool, [
    {
      rule: "queue_backlog",
      subject: QUEUE,
      severity: "error",
      service: "Queues",
      message: `Queue size exceeded 10K threshold: 12000 jobs waiting in ${QUEUE}`,
      details: { waiting: 12_000, threshold: 10_000 },
    },
  ]);

  // An integration without credentials, so every test finds one whatever ran before it.
  await insertIntegration(
    t.deps.db.pool,
    newIntegrationId(),
    {
      name: "relay-us",
      type: "smtp",
      host: "192.0.2.20",
      port: 465,
      tlsMode: "tls",
      sendingIps: [],
      weight: 3,
      enabled: true,
    },
    null,
  );
  connection = new Redis(t.env.redisUrl, { maxRetriesPerRequest: null });
  const log = createLogger({ service: "worker", silent: true });
  exportWorker = new Worker(
    "log-exports",
    (job: Job) =>
      exportLogs(job, job.data as { export_id: string }, {
        config: { EXPORT_DIR: t.deps.config.EXPORT_DIR } as WorkerConfig,
        signal: new AbortController().signal,
        log,
        db: t.deps.db,
      }),
    { connection, prefix: t.env.queuePrefix },
  );
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await exportWorker?.close();
  connection?.disconnect();
  if (server) await new Promise((r) => server.close(r));
  if (t) rmSync(t.deps.config.EXPORT_DIR, { recursive: true, force: true });
  await t?.close();
});

async function open(key: string, at: string, opts: { acceptDownloads?: boolean } = {}) {
  const c = await newConsolePage(browser, opts);
  contexts.push(c.context);
  await signIn(c.page, base, key, at);
  return c;
}

const resultRows = (page: Page) => page.locator('section[aria-labelledby="results-h"] tbody tr[data-log]');

describe("an ops key", () => {
  it("searches logs by regex, expands a row, follows new entries, exports CSV and downloads it", async () => {
    const { page, errors } = await open(t.keys.ops, "/console/logs", { acceptDownloads: true });
    await page.getByRole("heading", { name: "Logs" }).waitFor();
    await page.getByLabel("Regex").check();
    await page.getByLabel("Regular expression (POSIX)").fill(`${WORD} (timeout|refused)`);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    // The filters are in the URL, so the view can be pasted into an incident channel.
    await page.waitForURL(
      (u) => u.searchParams.get("regex") === "1" && u.searchParams.get("q") === `${WORD} (timeout|refused)`,
    );
    await eventually("the three matches", async () => (await resultRows(page).count()) === 3);
    await expect(resultRows(page).locator("td.message").allTextContents()).resolves.toEqual([
      `${WORD} timeout on refund 4`,
      `${WORD} refused the connection`,
      `${WORD} timeout after 30s for order 17`,
    ]);
    await page.getByText("3 matches").waitFor();

    // A pasted link opens the same view.
    const link = page.url();
    const { page: pasted } = await open(t.keys.ops, new URL(link).pathname + new URL(link).search);
    await eventually("the same three rows", async () => (await resultRows(pasted).count()) === 3);

    // Expanding a row shows its metadata.
    await resultRows(page).first().getByRole("button").click();
    await page.getByLabel("Metadata").getByText('"region": "eu-west"').waitFor();

    // Follow: a matching entry written now shows up without reloading.
    await page.getByLabel("Follow new entries").check();
    await page.getByRole("heading", { name: /Following/ }).waitFor();
    await insertAppLogs(t.deps.db.pool, [
      {
        timestamp: new Date(Date.now() + 1_000),
        level: "error",
        service: "api",
        message: `${WORD} timeout while following`,
        requestId: null,
        userId: null,
        metadata: {},
      },
    ]);
    await page.locator('section[aria-labelledby="follow-h"]').getByText(`${WORD} timeout while following`).waitFor();
    await page.getByLabel("Follow new entries").uncheck();

    // Export the same search as CSV, watch it finish, download the file and read it.
    await page.getByLabel("Format").selectOption("csv");
    await page.getByRole("button", { name: "Export these results" }).click();
    const started = await page
      .getByRole("status")
      .filter({ hasText: /Export .* started/ })
      .textContent();
    const exportId = /Export (\S+) started/.exec(started ?? "")![1]!;
    const row = page.locator(`tr[data-export="${exportId}"]`);
    await row.getByText("completed").waitFor();
    await expect(row.locator("progress").getAttribute("value")).resolves.toBe("100");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: /Download/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    // The window was frozen when the search ran, so the entry written while following is not in it.
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4); // header + 3
    expect(lines[0]).toMatch(/timestamp/);
    expect(csv).toContain(`${WORD} timeout on refund 4`);
    expect(csv).toContain(`${WORD} refused the connection`);
    expect(csv).toContain(`${WORD} timeout after 30s for order 17`);
    expect(csv).not.toContain("order 18 paid");

    await expectAccessible(page, "logs");
    expect(errors).toEqual([]);
  });

  it("acknowledges an alert with one click; the alert links to its queue", async () => {
    const { page, errors } = await open(t.keys.ops, "/console/alerts");
    const row = page.locator("tr[data-alert]").filter({ hasText: QUEUE });
    await row.waitFor();
    await expect(row.getByRole("link", { name: `Queue ${QUEUE}` }).getAttribute("href")).resolves.toBe(
      `/console/queues/${QUEUE}`,
    );
    await expectAccessible(page, "alerts");
    await row.getByRole("button", { name: /Acknowledge/ }).click();
    // Gone from the open alerts, listed under acknowledged with who did it.
    await row.waitFor({ state: "detached" });
    await page.getByLabel("State").selectOption("acknowledged");
    await page.waitForURL((u) => u.searchParams.get("state") === "acknowledged");
    await page.locator("tr[data-alert]").filter({ hasText: QUEUE }).getByText("by test-ops (ops)").waitFor();
    const db = await t.deps.db.pool.query("SELECT acknowledged_by FROM alerts WHERE subject = $1", [QUEUE]);
    expect(db.rows).toEqual([{ acknowledged_by: "test-ops (ops)" }]);
    expect(errors).toEqual([]);
  });

  it("adds an SMTP integration whose password is write-only, and sees IP reputation", async () => {
    const { page, errors } = await open(t.keys.ops, "/console/email");
    await page.getByRole("heading", { name: "Sending IP reputation" }).waitFor();
    await page.getByRole("button", { name: "Add integration" }).click();
    await page.getByLabel("Name", { exact: true }).fill("relay-eu");
    await page.getByLabel("Host").fill("192.0.2.10");
    await page.getByLabel("Port").fill("587");
    await page.getByLabel("User name").fill("mailer");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Sending IPs (comma-separated)").fill("192.0.2.10");
    await page.getByRole("button", { name: "Create integration" }).click();
    const row = page.locator("tr[data-integration]").filter({ hasText: "relay-eu" });
    await row.getByText("set (write-only)").waitFor();
    await row.getByText("closed").waitFor();
    // Editing offers to replace the password, never shows it.
    await row.getByRole("button", { name: /Edit/ }).click();
    await expect(page.getByLabel("Replace password").inputValue()).resolves.toBe("");
    expect(await page.content()).not.toContain(PASSWORD);
    await expectAccessible(page, "email");
    await page.getByRole("button", { name: "Cancel" }).click();
    const listed = await api("/api/v1/platform/system/email/integrations", t.keys.ops);
    expect(JSON.stringify(listed.body)).not.toContain(PASSWORD);
    expect(listed.body.data.integrations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "relay-eu", has_credentials: true, host: "192.0.2.10" }),
      ]),
    );
    expect(errors).toEqual([]);
  });

  it("creates a key shown once that works, then revokes it", async () => {
    const { page, errors } = await open(t.keys.ops, "/console/keys");
    await page.getByLabel("Name").fill("pager-bot");
    await page.getByLabel("Role").selectOption("viewer");
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.locator("code[data-secret]").textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole("button", { name: "Copy key" }).waitFor();
    await expectAccessible(page, "keys");
    // The new key works as a Bearer key, with its role.
    const who = await api("/api/v1/platform/session", secret);
    expect(who.status).toBe(200);
    expect(who.body.data).toMatchObject({ key_name: "pager-bot", role: "viewer" });
    // Shown once: after closing it, the page holds it nowhere.
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.locator("code[data-secret]").waitFor({ state: "detached" });
    expect(await page.content()).not.toContain(secret);

    const row = page.locator('tr[data-key-name="pager-bot"]');
    await row.getByRole("button", { name: /Revoke/ }).click();
    await row.getByRole("button", { name: "Confirm revoke" }).click();
    await row.waitFor({ state: "detached" });
    expect((await api("/api/v1/platform/session", secret)).status).toBe(401);
    await page.getByLabel("Show revoked keys").check();
    await page.locator('tr[data-key-name="pager-bot"]').getByText("revoked").waitFor();
    expect(errors).toEqual([]);
  });

  it("reads the audit trail, filtered by action", async () => {
    const { page, errors } = await open(t.keys.ops, "/console/audit");
    await page.locator("tr[data-audit]").first().waitFor();
    await page.getByLabel("Action").fill("key.create");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((u) => u.searchParams.get("action") === "key.create");
    await eventually("only key.create events", async () => {
      const actions = await page.locator("tr[data-audit] td:nth-child(3)").allTextContents();
      return actions.length === 1 && actions[0] === "key.create";
    });
    await page.locator("tr[data-audit]").getByText("test-ops (ops)").waitFor();
    await expectAccessible(page, "audit");
    expect(errors).toEqual([]);
  });
});

describe("a viewer key", () => {
  it("sees Logs, Alerts and Email read-only, and neither Keys nor Audit", async () => {
    const { page, errors } = await open(t.keys.viewer, "/console/logs");
    const nav = page.getByRole("navigation", { name: "Console" });
    for (const name of ["Logs", "Alerts", "Email"]) await nav.getByRole("link", { name }).waitFor();
    await expect(nav.getByRole("link", { name: "Keys" }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: "Audit" }).count()).resolves.toBe(0);

    // Logs: the search and histogram, no export (logs.export is not a viewer's).
    await eventually("log rows", async () => (await resultRows(page).count()) > 0);
    await page.getByText(/\d+ matches/).waitFor();
    await expect(page.getByRole("heading", { name: "Exports" }).count()).resolves.toBe(0);
    await expectAccessible(page, "logs-viewer");

    await nav.getByRole("link", { name: "Alerts" }).click();
    await page.getByLabel("State").selectOption("all");
    await page.locator("tr[data-alert]").first().waitFor();
    await expect(page.getByRole("button", { name: /Acknowledge/ }).count()).resolves.toBe(0);
    await expectAccessible(page, "alerts-viewer");

    await nav.getByRole("link", { name: "Email" }).click();
    await page.locator("tr[data-integration]").first().waitFor();
    for (const name of [/Add integration/, /Edit/, /Test/, /Disable/]) {
      await expect(page.getByRole("button", { name }).count()).resolves.toBe(0);
    }
    await expectAccessible(page, "email-viewer");

    // At phone width every page fits: nothing but a table's own scroll box is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const where of ["logs", "alerts", "email"]) {
      await nav.getByRole("link", { name: where[0]!.toUpperCase() + where.slice(1) }).click();
      // Its data in (no "Loading …" left), then measured.
      await page.locator("tbody tr, .state-empty").first().waitFor();
      await eventually(`${where} to load`, async () => (await page.getByText(/^Loading /).count()) === 0);
      await eventually(`${where} to fit 390 px`, () =>
        page.evaluate(() => {
          const el = (
            globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
          ).document.documentElement;
          return el.scrollWidth <= el.clientWidth;
        }),
      );
    }
    await page.screenshot({ path: `${__dirname}/../screenshots/email-phone.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Typed in by hand, Keys is refused by the API, and the page says so with the request id.
    await page.goto(`${base}/console/keys`);
    await page.getByRole("alert").getByText("Error 403").waitFor();
    await page
      .getByRole("alert")
      .getByText(/Request id/)
      .waitFor();
    await expect(page.getByRole("button", { name: "Create key" }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
