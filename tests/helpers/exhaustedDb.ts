// A Db (pool and Prisma client) whose only connection is held by the test, so
// every query waits for a free connection and fails as a pool that cannot
// hand one out does in production ("timeout exceeded when trying to connect").
import type pg from "pg";

import { createDb, type Db } from "../../packages/db/src";

export async function createExhaustedDb(url: string): Promise<{ db: Db; held: pg.PoolClient; close(): Promise<void> }> {
  const db = createDb({ url, max: 1 });
  const held = await db.pool.connect();
  // Only the wait for a free connection is cut short (ms); the held one was made under the default limit,
  // so a slow connection set-up on a busy machine cannot fail the test.
  db.pool.options.connectionTimeoutMillis = 50;
  return {
    db,
    held,
    async close() {
      held.release();
      await db.close();
    },
  };
}
