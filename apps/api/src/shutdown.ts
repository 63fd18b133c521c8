// Draining the HTTP server on SIGTERM without resetting requests that were
// already sent. Closing the listening socket at once (server.close()) makes
// the kernel reset every connection still waiting in the accept backlog —
// under load those are requests clients sent before the signal, which the
// fault harness saw fail as "fetch failed". So the listener stays open for a
// short accept window while the app answers with `Connection: close` (app.ts,
// while lifecycle.draining), then closes; in-flight requests get the rest of
// the grace period, after which remaining connections are cut.
import type { Server } from "node:http";

/** The two logger methods the drain uses (a winston Logger fits). */
interface DrainLog {
  warn(message: string, meta?: Record<string, unknown>): unknown;
  debug(message: string, meta?: Record<string, unknown>): unknown;
}

export interface DrainOptions {
  /** How long the listener keeps accepting after the signal, ms. */
  acceptMs: number;
  /** Whole budget from the signal to cutting the last connections, ms. */
  graceMs: number;
  log: DrainLog;
}

/** The accept window for a grace period: long enough to empty the backlog, short against the grace (ms). */
export function acceptWindowMs(graceMs: number): number {
  return Math.min(1_000, Math.floor(graceMs / 4));
}

/** Resolves once every connection is closed: in-flight requests answered, or cut when `graceMs` ran out. */
export function drainHttpServer(server: Server, opts: DrainOptions): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      opts.log.warn("grace period over; closing remaining connections", { grace_ms: opts.graceMs });
      server.closeAllConnections();
    }, opts.graceMs);
    force.unref();
    const accept = setTimeout(() => {
      opts.log.debug("accept window over; closing the listener", { accept_ms: opts.acceptMs });
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      // Keep-alive connections with no request in progress would otherwise hold close() until their timeout.
      server.closeIdleConnections();
    }, opts.acceptMs);
    accept.unref();
  });
}
