// Bull Board in a real headless Chromium (Debian's chromium driven by
// playwright-core) against the real app on a real port, real Redis and
// Postgres. If chromium is missing, scripts/install-chromium.sh installs it;
// if that is impossible the suite fails (it never skips).
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { createKey, revokeKey } from "@opsdeck/db";
import { type Job, Queue, Worker } from "bullmq";
import { sign } from "cookie-signature";
import type { Browser, BrowserContext, Page } from "playwright-core";

import { SESSION_COOKIE } from "../../apps/api/src/board/session";
import { BROWSER_WAIT_MS, launchChromium } from "../helpers/chromium";
import { createTestApp, type TestApp } from "../helpers/testApp";

const SECRET = "browser-test-session-secret-0123456789";
const QUEUE = "board-browser-failing";
/** The job page's own actions (retry, duplicate, edit, delete); the retry one has the refresh icon. */
const RETRY_CONTROL = '[class*="headerActions"] button:has(svg.lucide-refresh-cw)';

let t: TestApp;
let server: Server;
let base: string;
let browser: Browser;
let producer: Queue;
let failed: Job[];
const contexts: BrowserContext[] = [];

/** Polls until `check` returns a value (Redis and Postgres state settle just after the UI's request returns). */
async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>): Promise<T> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

beforeAll(async () => {
  t = await createTestApp({ SESSION_SECRET: SECRET });
  server = t.app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A queue that Opsdeck does not own, filled by a plain BullMQ producer and failed by a plain Worker.
  const connection = { url: t.env.redisUrl };
  producer = new Queue(QUEUE, { connection, prefix: t.env.queuePrefix });
  failed = await Promise.all(
    ["send-report-a", "send-report-b"].map((name) => producer.add(name, { campaign_id: "cmp_1" }, { attempts: 1 })),
  );
  const worker = new Worker(
    QUEUE,
    async () => {
      throw new Error("SMTP 550 mailbox unavailable");
    },
    { connection, prefix: t.env.queuePrefix },
  );
  await eventually("both jobs to fail", async () => (await producer.getFailedCount()) === 2);
  await worker.close();

  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await producer?.close();
  if (server) await new Promise((r) => server.close(r));
  await t?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${base}/admin/queues`);
  expect(page.url()).toBe(`${base}/admin/queues/login`);
  await page.fill("#api_key", key);
  await Promise.all([page.waitForURL(`${base}/admin/queues/`), page.click("button[type=submit]")]);
}

async function openJob(page: Page, job: Job): Promise<void> {
  await page.goto(`${base}/admin/queues/queue/${QUEUE}/${job.id}`);
  await page.getByText(job.name, { exact: true }).first().waitFor();
  await page.getByText("SMTP 550 mailbox unavailable").first().waitFor();
}

it("signs an ops key in, lists the queues, and retries a failed job (audited)", async () => {
  const { context, page, errors } = await newPage();
  await signIn(page, t.keys.ops);

  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/", secure: false });
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000);

  // The queue list: the catalog queues and the discovered one with its failed jobs.
  await page.getByText(QUEUE, { exact: true }).first().waitFor();
  for (const name of await t.deps.queues.names()) {
    await expect(page.getByText(name, { exact: true }).first().isVisible()).resolves.toBe(true);
  }

  const [job] = failed as [Job, Job];
  await openJob(page, job);
  await page.screenshot({ path: "/tmp/board.png" });
  const retry = page.locator(RETRY_CONTROL);
  await expect(retry.count()).resolves.toBe(1);
  await retry.hover();
  await page.getByText("Retry", { exact: true }).first().waitFor();
  await retry.click();
  // Depending on the board's settings a confirmation comes first.
  const confirm = page.getByRole("button", { name: /^(Retry|Confirm|Yes|OK)$/i }).last();
  const state = await eventually("the job to be retried", async () => {
    const s = await producer.getJobState(job.id!);
    if (s === "failed" && (await confirm.isVisible())) await confirm.click();
    return s === "waiting" ? s : null;
  });
  expect(state).toBe("waiting");

  const ops = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "test-ops" } });
  const row = await eventually("the audit row", () =>
    t.deps.db.prisma.auditEvent.findFirst({ where: { action: "board.job.retry", target: `job:${QUEUE}/${job.id}` } }),
  );
  expect(row).toMatchObject({ actorKeyId: ops.id, outcome: "success", ipAddress: expect.any(String) });
  expect(row.requestId).toBeTruthy();
  expect(errors).toEqual([]);
});

it("gives a viewer key a read-only board: no retry control, and a direct call is refused", async () => {
  const { page, errors } = await newPage();
  await signIn(page, t.keys.viewer);
  const [, job] = failed as [Job, Job];
  await openJob(page, job);
  await page.screenshot({ path: "/tmp/board-viewer.png" });
  await expect(page.locator(RETRY_CONTROL).count()).resolves.toBe(0);

  // The viewer's own browser calling the retry API directly, with its cookie and this origin.
  const calls = await page.evaluate(
    async ({ queue, id }) =>
      Promise.all(
        ["PUT", "POST"].map(async (method) => {
          const r = await fetch(`api/queues/${queue}/${id}/retry`, { method });
          return { status: r.status, body: (await r.json()) as { error?: { type?: string; code?: string } } };
        }),
      ),
    { queue: QUEUE, id: job.id! },
  );
  for (const c of calls) {
    expect(c.status).toBe(403);
    expect(c.body.error).toMatchObject({ type: "permission_error", code: "board_read_only" });
  }
  expect(await producer.getJobState(job.id!)).toBe("failed");
  expect(errors).toEqual([]);
});

it("sends a tampered, an unknown or a revoked-key session back to sign-in", async () => {
  const { context, page } = await newPage();
  const k = await createKey(t.deps.db.prisma, { name: "browser-soon-revoked", role: "ops" });
  await signIn(page, k.raw);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;

  const tampered = decodeURIComponent(cookie.value).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
  // Correctly signed, but naming a session the server never started.
  const unknown = sign(`v2.${randomBytes(32).toString("base64url")}`, SECRET);
  for (const value of [tampered, unknown]) {
    await context.addCookies([{ ...cookie, value: encodeURIComponent(value) }]);
    await page.goto(`${base}/admin/queues/queue/${QUEUE}`);
    expect(page.url()).toBe(`${base}/admin/queues/login?next=${encodeURIComponent(`/admin/queues/queue/${QUEUE}`)}`);
  }

  // The genuine cookie works again until the key is revoked.
  await context.addCookies([cookie]);
  await page.goto(`${base}/admin/queues/`);
  expect(page.url()).toBe(`${base}/admin/queues/`);
  await revokeKey(t.deps.db.prisma, k.key.id);
  await page.reload();
  expect(page.url()).toBe(`${base}/admin/queues/login`);
});

it("signs out from the board's menu", async () => {
  const { context, page } = await newPage();
  await signIn(page, t.keys.ops);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  // The board's header menu carries a "Sign out" link (uiConfig.miscLinks) to the confirmation page.
  await page.locator('header button[aria-haspopup="menu"]').last().click();
  await Promise.all([
    page.waitForURL(`${base}/admin/queues/logout`),
    page.getByText("Sign out", { exact: true }).click(),
  ]);
  await Promise.all([
    page.waitForURL(`${base}/admin/queues/login`),
    page.getByRole("button", { name: "Sign out" }).click(),
  ]);
  expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  await page.goto(`${base}/admin/queues/`);
  expect(page.url()).toBe(`${base}/admin/queues/login`);
  // The session ended on the server: a copy of the cookie kept from before sign-out is refused too.
  await context.addCookies([cookie]);
  await page.goto(`${base}/admin/queues/`);
  expect(page.url()).toBe(`${base}/admin/queues/login`);
});
