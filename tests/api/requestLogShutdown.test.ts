// Request logs are buffered in memory and written by a timer
// (REQUEST_LOG_FLUSH_MS). On SIGTERM the API writes what is buffered before it
// exits; a killed process (SIGKILL) loses at most what arrived since the last
// write. The built API runs as a process of its own, so the signals are real.
import pg from "pg";

import { type ApiProcess, startApiProcess } from "../helpers/apiProcess";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { waitFor } from "../worker/workerHelpers";

let env: TestEnv;
let pool: pg.Pool;
const started: ApiProcess[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
});

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop("SIGKILL")));
  await pool.end();
  await env.cleanup();
});

async function start(flushMs: number): Promise<ApiProcess> {
  const api = await startApiProcess({ ...env.env, REQUEST_LOG_FLUSH_MS: String(flushMs) });
  started.push(api);
  return api;
}

/** Sends `n` requests one after another; returns their request ids. */
async function send(api: ApiProcess, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${api.url}/livez`);
    expect(res.status).toBe(200);
    ids.push(res.headers.get("x-request-id") as string);
  }
  return ids;
}

async function rowsOf(ids: string[]): Promise<number> {
  const r = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM request_logs WHERE request_id = ANY($1)`, [
    ids,
  ]);
  return r.rows[0]?.n ?? 0;
}

// Fewer requests than one batch (500) and a timer of 10 minutes: nothing writes them during the test but an exit path.
const NEVER_MS = 600_000;

test("SIGTERM right after the requests: every request's row is in Postgres when the process has exited", async () => {
  const api = await start(NEVER_MS);
  const ids = await send(api, 50);
  expect(await rowsOf(ids)).toBe(0);
  await api.stop("SIGTERM");
  expect(api.child.exitCode).toBe(0);
  expect(await rowsOf(ids)).toBe(ids.length);
});

test("SIGKILL loses only what the timer had not written yet: requests older than a flush are there", async () => {
  const api = await start(200);
  const older = await send(api, 50);
  // The timer's write is waited for, not timed: on a busy machine a flush can come late.
  await waitFor("the timer to write the older requests", async () => (await rowsOf(older)) === older.length);
  await send(api, 20);
  await api.stop("SIGKILL");
  expect(api.child.signalCode).toBe("SIGKILL");
  expect(await rowsOf(older)).toBe(older.length);
});

test("SIGKILL before any write loses the buffer: the flush interval is what bounds a crash's loss", async () => {
  const api = await start(NEVER_MS);
  const ids = await send(api, 50);
  await api.stop("SIGKILL");
  expect(await rowsOf(ids)).toBe(0);
});
