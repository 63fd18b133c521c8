// The app shell: a skip link, the header with navigation (real links, so
// they open in new tabs and work with the keyboard), who is signed in, and
// sign-out — the board's own sign-out form (POST with the session's CSRF
// token), so ending the session here ends it for Bull Board too.
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";

import { can, type SessionInfo } from "../api";

/** `permission`: shown only to keys that hold it (the API refuses the others anyway). */
const NAV: { href: string; label: string; permission?: string }[] = [
  { href: "/", label: "Overview" },
  { href: "/jobs", label: "Jobs" },
  { href: "/logs", label: "Logs", permission: "logs.read" },
  { href: "/alerts", label: "Alerts", permission: "infra.read" },
  { href: "/email", label: "Email", permission: "infra.read" },
  { href: "/audit", label: "Audit", permission: "keys.admin" },
  { href: "/keys", label: "Keys", permission: "keys.admin" },
];

export function Layout({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const [location] = useLocation();
  const current = (href: string) => (href === "/" ? location === "/" : location.startsWith(href));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Opsdeck</span>
        <nav aria-label="Console">
          <ul>
            {NAV.filter((n) => !n.permission || can(session, n.permission)).map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={current(n.href) ? "page" : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
            <li>
              <a href="/admin/queues/">Bull Board</a>
            </li>
          </ul>
        </nav>
        <div className="who">
          <span title={`Role: ${session.role}`}>
            {session.key_name} <span className="muted">({session.role})</span>
          </span>
          <form method="post" action="/admin/queues/logout">
            <input type="hidden" name="csrf" value={session.csrf_token ?? ""} />
            <input type="hidden" name="next" value="/console/" />
            <button type="submit">Sign out</button>
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
