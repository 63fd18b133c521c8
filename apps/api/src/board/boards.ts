// The two Bull Boards over the API's own queues (catalog and discovered, from
// deps.queues): a full one for ops and a read-only one (every adapter with
// readOnlyMode) for viewers. Both list the same queues; the list is refreshed
// from deps.queues.names() when the board is used, at most every
// REFRESH_EVERY_MS, reusing adapters so BullMQ handles are not re-created.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Logger } from "@opsdeck/core";
import type { Express } from "express";

import type { QueueRegistry } from "../queues/registry";
import { BOARD_BASE } from "./session";
import type { BoardMode } from "./users";

/** How often the queue list may be re-read, ms. */
const REFRESH_EVERY_MS = 3_000;

interface Board {
  app: Express;
  adapters: Map<string, BullMQAdapter>;
  replace(adapters: BullMQAdapter[]): void;
}

export interface Boards {
  /** The Express app serving one board (its entry page and /api routes), mounted at BOARD_BASE. */
  app(mode: BoardMode): Express;
  /** Brings both boards' queue lists up to date (throttled; a Redis failure keeps the last list). */
  refresh(): Promise<void>;
}

function createBoard(readOnlyMode: boolean): Board {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BOARD_BASE);
  const { replaceQueues } = createBullBoard({
    queues: [],
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: readOnlyMode ? "Opsdeck (read-only)" : "Opsdeck queues",
        hideDocsLink: true,
        // The queue page's chart of BullMQ's per-minute completed/failed counts, which Opsdeck's
        // workers record (WORKER_METRICS_MAX_DATA_POINTS); off by default in Bull Board.
        showMetrics: true,
        miscLinks: [{ text: "Sign out", url: `${BOARD_BASE}/logout` }],
      },
    },
  });
  // Bull Board answers what its handlers throw with their message (a Redis error's text, say) and a 500.
  // Rethrown instead, the error leaves Bull Board's app and reaches Opsdeck's error handler: 503 while
  // Redis is unreachable, a generic 500 without internals otherwise, in the one error shape.
  serverAdapter.setErrorHandler((err) => {
    throw err;
  });
  const app = serverAdapter.getRouter() as Express;
  app.disable("x-powered-by");
  return { app, adapters: new Map(), replace: replaceQueues };
}

export function createBoards(queues: QueueRegistry, log: Logger): Boards {
  const boards: Record<BoardMode, Board> = { full: createBoard(false), "read-only": createBoard(true) };
  let refreshedAt = 0;
  let inFlight: Promise<void> | null = null;

  function sync(board: Board, names: string[], readOnlyMode: boolean): void {
    for (const name of board.adapters.keys()) if (!names.includes(name)) board.adapters.delete(name);
    for (const name of names) {
      if (!board.adapters.has(name)) board.adapters.set(name, new BullMQAdapter(queues.get(name), { readOnlyMode }));
    }
    board.replace([...board.adapters.values()]);
  }

  async function load(): Promise<void> {
    try {
      const names = await queues.names();
      sync(boards.full, names, false);
      sync(boards["read-only"], names, true);
      refreshedAt = Date.now();
    } catch (err) {
      log.warn("board queue list refresh failed; keeping the last list", { err });
    }
  }

  return {
    app: (mode) => boards[mode].app,
    refresh() {
      if (Date.now() - refreshedAt < REFRESH_EVERY_MS) return Promise.resolve();
      inFlight ??= load().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
