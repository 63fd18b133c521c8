// The board's own two pages: sign-in (takes an API key) and sign-out (a
// button that POSTs with the session's CSRF token, so neither a link, an image
// nor a form of another site can sign anyone out). Plain
// HTML with first-party inline CSS only: no CDN, no scripts.
import type { Response } from "express";

import { BOARD_BASE } from "./session";

/** No scripts at all, styles only from this document, forms only to ourselves, never framed. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#151a21;
font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#e6e9ee}
main{background:#1f2630;padding:2rem 2.25rem;border-radius:8px;width:22rem;box-shadow:0 8px 24px rgba(0,0,0,.35)}
h1{font-size:1.15rem;margin:0 0 1.25rem}
label{display:block;font-size:.85rem;margin-bottom:.4rem;color:#aab3c0}
input{box-sizing:border-box;width:100%;padding:.55rem .6rem;border-radius:4px;border:1px solid #3a4452;
background:#151a21;color:#e6e9ee;font-family:ui-monospace,monospace}
button{margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:4px;background:#3d7eff;color:#fff;font-weight:600;cursor:pointer}
p.error{background:#4a1f24;color:#ffb4b4;padding:.5rem .6rem;border-radius:4px;font-size:.85rem}
p.note{font-size:.8rem;color:#8b96a5}`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" type="image/png" href="${BOARD_BASE}/static/favicon-32x32.png"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function loginPage(opts: { error?: string; next?: string }): string {
  const error = opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : "";
  const next = opts.next ? `<input type="hidden" name="next" value="${escapeHtml(opts.next)}">` : "";
  return page(
    "Sign in · Opsdeck queues",
    `<h1>Opsdeck queues</h1>${error}
<form method="post" action="${BOARD_BASE}/login">
<label for="api_key">API key</label>
<input id="api_key" name="api_key" type="password" autocomplete="off" spellcheck="false" required maxlength="256" placeholder="odk_live_…" autofocus>
${next}<button type="submit">Sign in</button></form>
<p class="note">Ops keys get the full board; viewer keys a read-only one.</p>`,
  );
}

/** `csrf`: the session's token (sessions/), which a page of another site cannot read and so cannot post. */
export function logoutPage(opts: { csrf: string; error?: string }): string {
  const error = opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : "";
  return page(
    "Sign out · Opsdeck queues",
    `<h1>Sign out of Opsdeck queues?</h1>${error}
<form method="post" action="${BOARD_BASE}/logout"><input type="hidden" name="csrf" value="${escapeHtml(opts.csrf)}">
<button type="submit">Sign out</button></form>`,
  );
}

export function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": PAGE_CSP,
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "same-origin",
    })
    .send(html);
}
