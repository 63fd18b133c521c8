// A pool client lent out (pool.connect()) when Postgres ends its connection
// (a stop, a restart, an administrator's terminate): pg emits 'error' on it even
// between queries, and pg-pool takes its own listener off while the client is
// lent, so without one of ours the process would die of an unhandled 'error'
// event. With it the next query fails, the pool drops the client on release,
// and the pool goes on serving.
import { createPool } from "../../packages/db/src";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.cleanup();
});

test("a lent client whose backend is terminated between queries fails its next query; the process and the pool go on", async () => {
  const pool = createPool({ url: env.databaseUrl, max: 2, applicationName: "opsdeck-lent-test" });
  const admin = createPool({ url: env.databaseUrl, max: 1 });
  try {
    const client = await pool.connect();
    const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
    // Idle and lent out: no query under way for the error to go to. 'end' comes after the 'error'.
    const ended = new Promise((resolve) => client.once("end", resolve));
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await ended;
    await expect(client.query("SELECT 1")).rejects.toThrow();
    client.release();
    expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
  } finally {
    await pool.end();
    await admin.end();
  }
});
