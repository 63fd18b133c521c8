// The ops console in a real headless Chromium (Debian's chromium driven by
// playwright-core, as the board's browser test) against the real app on an
// ephemeral port, real Redis and Postgres, with a real worker (BullMQ Worker
// plus Opsdeck's record write-back) for the test's queue. Each page is checked
// with axe-core (no serious or critical violation) and photographed at
// 1280×800 into tests/screenshots/ (git-ignored).
import { once } from "node:events";
import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { type Job, Queue, Worker } from "bullmq";
import type { Browser, BrowserContext, Page } from "playwright-core";

import { SESSION_COOKIE } from "../../apps/api/src/board/session";
import { attachRecordWriter, createRecordBuffer, type RecordBuffer } from "../../apps/worker/src/records";
import { createLogger } from "../../packages/core/src";
import { BROWSER_WAIT_MS, launchChromium } from "../helpers/chromium";
import { createTestApp, type TestApp } from "../helpers/testApp";

const QUEUE = "console-browser-q";
/** A word only the failing job's payload holds: the search finds the job by it. */
const WORD = "zanzibarmailbox";
const SCREENSHOTS = path.resolve(__dirname, "../screenshots");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let t: TestApp;
let server: Server;
let base: string;
let browser: Browser;
let producer: Queue;
let worker: Worker;
let records: RecordBuffer;
let failing: Job;
/** The worker fails jobs while this is true, then completes them (the "fixed cause" a retry relies on). */
let broken = true;
const contexts: BrowserContext[] = [];

async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>): Promise<T> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  t = await createTestApp({ SESSION_SECRET: "console-browser-session-secret-0123456789" });
  server = t.app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const connection = { url: t.env.redisUrl };
  producer = new Queue(QUEUE, { connection, prefix: t.env.queuePrefix });
  const log = createLogger({ service: "console-test", level: "error", silent: true });
  records = createRecordBuffer(t.deps.db.pool, log, { maxEntries: 10_000, batchSize: 100, intervalMs: 20 });
  worker = new Worker(
    QUEUE,
    async (job) => {
      if (broken && job.data.to === `${WORD}@example.test`) throw new Error("SMTP 550 mailbox unavailable");
      return { delivered: true };
    },
    { connection, prefix: t.env.queuePrefix },
  );
  attachRecordWriter(worker, producer, records, log);
  await producer.add("send-welcome", { to: "someone@example.test" }, { attempts: 1 });
  failing = await producer.add("send-report", { to: `${WORD}@example.test`, campaign: "cmp_7" }, { attempts: 1 });
  await eventually("the job to fail", async () => (await producer.getJobState(failing.id!)) === "failed");
  await eventually("its failed record", async () => {
    const r = await t.deps.db.pool.query(
      "SELECT 1 FROM job_records WHERE queue = $1 AND job_id = $2 AND status = 'failed'",
      [QUEUE, failing.id],
    );
    return r.rowCount === 1;
  });
  broken = false;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await worker?.close();
  await records?.close(5_000);
  await producer?.close();
  if (server) await new Promise((r) => server.close(r));
  await t?.close();
});

async function newPage(
  colorScheme: "light" | "dark" = "light",
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  // Under the test's own timeout, so a missing element fails with what was awaited.
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // A CSP violation (an inline script or style the build slipped in) is an error in the console.
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

async function signIn(page: Page, key: string, at = "/console/"): Promise<void> {
  await page.goto(`${base}${at}`);
  await page.getByLabel("API key").fill(key);
  await Promise.all([page.waitForURL(`${base}${at}`), page.getByRole("button", { name: "Sign in" }).click()]);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** axe-core in the page (evaluated, not injected as a script tag, so the page's CSP stays as served). */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = globalThis as unknown as {
      axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
    };
    const r = await w.axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  expect({
    page: name,
    violations: violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
  }).toEqual({
    page: name,
    violations: [],
  });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

it("signs an ops key in through the shared sign-in and shows every queue on the overview", async () => {
  const { context, page, errors } = await newPage();
  await signIn(page, t.keys.ops);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });

  await page.getByRole("heading", { name: "Overview" }).waitFor();
  const row = page.locator(`tr[data-queue="${QUEUE}"]`);
  await row.waitFor();
  await expect(row.locator("td").nth(3).textContent()).resolves.toBe("1"); // failed
  await row.getByText("warning").or(row.getByText("healthy")).or(row.getByText("critical")).first().waitFor();
  for (const name of await t.deps.queues.names()) {
    await page.locator(`tr[data-queue="${name}"]`).waitFor();
  }
  // Both last-hour sparklines of every queue are drawn (uPlot canvases).
  await row.locator(".sparks canvas").nth(1).waitFor();
  await page.getByRole("heading", { name: "Infrastructure" }).waitFor();
  await page.getByText("Redis", { exact: true }).waitFor();
  // The same session opens Bull Board without another sign-in.
  const board = await context.request.get(`${base}/admin/queues/api/queues`);
  expect(board.status()).toBe(200);

  await expectAccessible(page, "overview");

  // At phone width nothing pushes the page sideways (the queue table scrolls inside its own box).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(
    page.evaluate(() => {
      const root = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
      ).document.documentElement;
      return root.scrollWidth <= root.clientWidth;
    }),
  ).resolves.toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, "overview-phone.png"), fullPage: true });
  expect(errors).toEqual([]);
});

it("finds a failed job by a word of its payload, retries it and sees it complete", async () => {
  const { page, errors } = await newPage();
  await signIn(page, t.keys.ops, "/console/jobs");
  await page.getByLabel("Id, name or payload text").fill(WORD);
  await page.getByLabel("State").selectOption("failed");
  await page.getByRole("button", { name: "Search" }).click();
  // The filters are in the URL, so the search can be pasted as a link.
  await page.waitForURL((u) => u.searchParams.get("q") === WORD && u.searchParams.get("state") === "failed");
  const row = page.locator(`tr[data-job="${QUEUE}/${failing.id}"]`);
  await row.waitFor();
  // The previous (unfiltered) list stays on screen until the search's answer replaces it.
  await page.locator("tbody tr").nth(1).waitFor({ state: "detached" });
  await expect(page.locator("tbody tr").count()).resolves.toBe(1);
  await expectAccessible(page, "jobs");

  await row.getByRole("link", { name: failing.id! }).click();
  await page.waitForURL(`${base}/console/queues/${QUEUE}/jobs/${failing.id}`);
  await page.getByText("SMTP 550 mailbox unavailable").first().waitFor();
  await page.getByText("Failed attempt 1").waitFor();
  await expectAccessible(page, "job");
  await page.getByRole("button", { name: "Retry job" }).click();
  await page.getByText("Retried: the job is queued again.").waitFor();
  // The worker (its cause fixed) runs it again; the page polls the job and shows it done.
  await page.locator("dd .badge-completed").waitFor({ timeout: 60_000 });
  expect(await producer.getJobState(failing.id!)).toBe("completed");

  // Retrying it again is the API's 409, shown as the API says it.
  await page.getByRole("button", { name: "Retry job" }).click();
  await page.getByText("Error 409").waitFor();
  await page
    .getByText(/Request id:/)
    .first()
    .waitFor();
  expect(errors).toEqual([]);
});

it("pages through job records with Next page and back with Previous page", async () => {
  // 60 finished records of a queue of their own, one a minute: a first page of 50, a second of 10.
  const paged = "console-paging-q";
  await t.deps.db.pool.query(
    `INSERT INTO job_records (queue, job_id, name, status, payload, created_at, processed_at, finished_at, updated_at)
     SELECT $1, i::text, 'page-me', 'completed', '{}'::jsonb, t, t, t, t
       FROM generate_series(1, 60) AS i, LATERAL (SELECT now() - i * interval '1 minute' AS t) w`,
    [paged],
  );
  const { page, errors } = await newPage();
  await signIn(page, t.keys.viewer, `/console/jobs?queue=${paged}`);
  // A signed-in load gets its session with the page: the app asks the API only for the page's data.
  const sessionCalls: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/v1/platform/session") sessionCalls.push(r.url());
  });
  await page.reload();
  const rows = page.locator("tbody tr[data-job]");
  // Newest activity first: job 1 (a minute ago) heads the first page, job 51 the second.
  await page.locator(`tr[data-job="${paged}/1"]`).waitFor();
  await expect(rows.count()).resolves.toBe(50);
  await expect(page.getByRole("link", { name: "Previous page" }).count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  expect(sessionCalls).toEqual([]);

  await page.getByRole("link", { name: "Next page" }).click();
  await page.locator(`tr[data-job="${paged}/51"]`).waitFor();
  await page.locator(`tr[data-job="${paged}/1"]`).waitFor({ state: "detached" });
  await expect(rows.count()).resolves.toBe(10);
  await expect(page.getByRole("link", { name: "Next page" }).count()).resolves.toBe(0);

  await page.getByRole("link", { name: "Previous page" }).click();
  await page.locator(`tr[data-job="${paged}/1"]`).waitFor();
  await page.locator(`tr[data-job="${paged}/51"]`).waitFor({ state: "detached" });
  await expect(rows.count()).resolves.toBe(50);
  expect(new URL(page.url()).searchParams.get("cursor")).toBeNull();
  // The browser's own back and forward agree with the links.
  await page.goBack();
  await page.locator(`tr[data-job="${paged}/51"]`).waitFor();
  await page.getByRole("link", { name: "Previous page" }).waitFor();
  expect(errors).toEqual([]);
});

it("shows a queue's counts and history, and previews a bulk action with dry_run before running it", async () => {
  const delayed = await producer.add("later", { to: "later@example.test" }, { delay: 3_600_000 });
  const { page, errors } = await newPage();
  await signIn(page, t.keys.ops, `/console/queues/${QUEUE}?range=7d`);
  await page.getByRole("heading", { name: `Queue ${QUEUE}` }).waitFor();
  await page.locator(".chart canvas").first().waitFor();
  await expect(page.getByRole("link", { name: "Open in Bull Board" }).getAttribute("href")).resolves.toBe(
    `/admin/queues/queue/${QUEUE}`,
  );
  await expectAccessible(page, "queue");

  await page.getByLabel("Action", { exact: true }).selectOption("promote");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByText(/Promote would touch 1 job/).waitFor();
  // Nothing has happened yet: the preview was a dry run.
  expect(await producer.getJobState(delayed.id!)).toBe("delayed");
  await page.getByRole("button", { name: "Confirm: promote 1 jobs" }).click();
  await page.getByText("Done: 1 jobs promoted.").waitFor();
  await eventually("the promoted job to run", async () => (await producer.getJobState(delayed.id!)) === "completed");

  await page.getByRole("button", { name: "Pause queue" }).click();
  await page.getByRole("button", { name: "Resume queue" }).waitFor();
  expect(await producer.isPaused()).toBe(true);
  await page.getByRole("button", { name: "Resume queue" }).click();
  await page.getByRole("button", { name: "Pause queue" }).waitFor();
  expect(await producer.isPaused()).toBe(false);
  expect(errors).toEqual([]);
});

it("gives a viewer the pages read-only, and refuses a write forced from its session", async () => {
  const { page, errors } = await newPage();
  await signIn(page, t.keys.viewer);
  await page.locator(`tr[data-queue="${QUEUE}"]`).waitFor();
  await page.goto(`${base}/console/queues/${QUEUE}`);
  await page.getByRole("heading", { name: `Queue ${QUEUE}` }).waitFor();
  await page.locator(".counts").waitFor();
  await page.goto(`${base}/console/queues/${QUEUE}/jobs/${failing.id}`);
  await page.getByRole("heading", { name: /Job / }).waitFor();
  await page.locator("dl.facts").waitFor();
  await expectAccessible(page, "job-viewer");
  // No control that would write, on any page.
  for (const at of ["/console/", `/console/queues/${QUEUE}`, `/console/queues/${QUEUE}/jobs/${failing.id}`]) {
    await page.goto(`${base}${at}`);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.locator("main h1").waitFor();
    await page.waitForLoadState("networkidle");
    const buttons = await page.locator("main button").allTextContents();
    expect({ at, buttons: buttons.filter((b) => b !== "Try again") }).toEqual({ at, buttons: [] });
  }

  // The viewer's own page, with its cookie and its CSRF token: the key lacks the permission.
  const forced = await page.evaluate(async (queue) => {
    const s = (await (await fetch("/api/v1/platform/session")).json()) as { data: { csrf_token: string } };
    const r = await fetch(`/api/v1/platform/system/queues/${queue}/pause`, {
      method: "POST",
      headers: { "X-CSRF-Token": s.data.csrf_token },
    });
    return { status: r.status, body: (await r.json()) as { error: { code: string } } };
  }, QUEUE);
  expect(forced.status).toBe(403);
  expect(forced.body.error.code).toBe("missing_permission");
  expect(await producer.isPaused()).toBe(false);
  expect(errors).toEqual([]);
});

it("follows the system's dark theme, and stays readable in it", async () => {
  const { page, errors } = await newPage("dark");
  await page.goto(`${base}/console/`);
  await page.getByLabel("API key").waitFor();
  await expectAccessible(page, "sign-in-dark");
  await signIn(page, t.keys.ops);
  await page.locator(`tr[data-queue="${QUEUE}"] .sparks canvas`).nth(1).waitFor();
  const background = await page.evaluate(
    () =>
      (
        globalThis as unknown as {
          getComputedStyle: (e: unknown) => { backgroundColor: string };
          document: { body: unknown };
        }
      ).getComputedStyle((globalThis as unknown as { document: { body: unknown } }).document.body).backgroundColor,
  );
  expect(background).toBe("rgb(15, 20, 25)");
  await expectAccessible(page, "overview-dark");
  expect(errors).toEqual([]);
});

it("refuses a cross-site write that rides on the session cookie", async () => {
  const { page } = await newPage();
  await signIn(page, t.keys.ops);
  // What a form on another site can send: the cookie (as if SameSite did not hold) but no CSRF header.
  const r = await page.request.post(`${base}/api/v1/platform/system/queues/${QUEUE}/pause`, {
    headers: { Origin: "https://attacker.example", "Content-Type": "application/x-www-form-urlencoded" },
    data: "x=1",
  });
  expect(r.status()).toBe(403);
  expect(await producer.isPaused()).toBe(false);
});

it("signs out for the board too", async () => {
  const { context, page } = await newPage();
  await signIn(page, t.keys.ops);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  await Promise.all([page.waitForURL(`${base}/console/`), page.getByRole("button", { name: "Sign out" }).click()]);
  await page.getByLabel("API key").waitFor();
  await expectAccessible(page, "sign-in");
  // The server ended the session: even a copy of the old cookie opens neither the board nor the API.
  await context.addCookies([cookie]);
  await page.goto(`${base}/admin/queues/`);
  expect(page.url()).toBe(`${base}/admin/queues/login`);
  const api = await context.request.get(`${base}/api/v1/platform/session`);
  expect(api.status()).toBe(401);
});
