// Debian's Chromium for browser tests: installed by scripts/install-chromium.sh
// when missing (a failed install fails the suite), launched headless with the
// flags this sandboxed, offline machine needs.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { type Browser, chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/**
 * How long a page action or wait may take, ms: Playwright's 30 s default is reached on a busy
 * machine (CI beside other work), where the page is slow, not broken.
 */
export const BROWSER_WAIT_MS = 90_000;

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  execFileSync(path.resolve(__dirname, "../../scripts/install-chromium.sh"), { stdio: "pipe", timeout: 600_000 });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after scripts/install-chromium.sh`);
}

export function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      // Without these Chromium keeps dialling hosts this closed network refuses.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
