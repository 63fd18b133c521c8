// Driving the console in Debian's Chromium (playwright-core) against a real
// app on an ephemeral port: a context per user at 1280×800 that records page
// errors and CSP violations, the shared sign-in, and an axe-core check that
// also writes the page's screenshot into tests/screenshots/ (git-ignored).
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { Browser, BrowserContext, Page } from "playwright-core";

const SCREENSHOTS = path.resolve(__dirname, "../screenshots");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>): Promise<T> {
  // A generous deadline (400 × 50 ms), never a timing assertion.
  for (let i = 0; i < 400; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and CSP violations: a test ends expecting none. */
  errors: string[];
}

export async function newConsolePage(browser: Browser, opts: { acceptDownloads?: boolean } = {}): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...opts });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

/** Signs in through the console's sign-in page (the board's form) and lands back on `at`. */
export async function signIn(page: Page, base: string, key: string, at = "/console/"): Promise<void> {
  await page.goto(`${base}${at}`);
  await page.getByLabel("API key").fill(key);
  await Promise.all([page.waitForURL(`${base}${at}`), page.getByRole("button", { name: "Sign in" }).click()]);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** axe-core evaluated in the page (not a script tag, so the served CSP stays as it is); then a screenshot. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
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
  }).toEqual({ page: name, violations: [] });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
