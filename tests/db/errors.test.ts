// pgErrorKind names what a failed Postgres call means. Each kind is checked
// with the error the real server (or node-postgres, or the Prisma client over
// it) raises for a statement or connection that produces it; only states a
// test cannot cause without disturbing the shared server are built by hand.
import { randomBytes } from "node:crypto";
import net from "node:net";

import pg from "pg";

import { createDb, isDataError, pgErrorKind, splitDatabaseUrl } from "../../packages/db/src";
import { createExhaustedDb } from "../helpers/exhaustedDb";
import { type TestEnv, useTestDatabase } from "../helpers/testEnv";

let pool: pg.Pool;
let env: TestEnv;
useTestDatabase((p, e) => {
  pool = p;
  env = e;
});

/** What `work` rejects with (fails the test when it resolves). */
async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error("expected a failure");
}

const queryError = (sql: string) => failure(() => pool.query(sql));

/** A TCP port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const urlAtPort = (port: number) => {
  const u = new URL(env.databaseUrl);
  u.host = `127.0.0.1:${port}`;
  return u.toString();
};

describe("timeout", () => {
  it("a statement stopped by statement_timeout (57014)", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL statement_timeout = 1");
      const err = await failure(() => client.query("SELECT pg_sleep(30)"));
      expect(err).toMatchObject({ code: "57014" });
      expect(pgErrorKind(err)).toBe("timeout");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("a timeout that lands inside the regex engine (2201B 'operation cancelled')", () => {
    // Postgres reports its regex engine's REG_CANCEL this way; which statement hits it depends on timing.
    const err = Object.assign(new Error("invalid regular expression: operation cancelled"), { code: "2201B" });
    expect(pgErrorKind(err)).toBe("timeout");
  });
});

it("invalid_regex: a pattern Postgres cannot compile (2201B)", async () => {
  const err = await queryError("SELECT 'a' ~ '(' AS m");
  expect(err).toMatchObject({ code: "2201B" });
  expect(pgErrorKind(err)).toBe("invalid_regex");
});

describe("unique_violation", () => {
  it("a duplicate key through pg (23505)", async () => {
    await pool.query("CREATE TABLE unique_probe (id int PRIMARY KEY)");
    await pool.query("INSERT INTO unique_probe VALUES (1)");
    const err = await queryError("INSERT INTO unique_probe VALUES (1)");
    expect(err).toMatchObject({ code: "23505" });
    expect(pgErrorKind(err)).toBe("unique_violation");
  });

  it("a duplicate key through the Prisma client, which wraps the Postgres error", async () => {
    const db = createDb({ url: env.databaseUrl, max: 1 });
    try {
      const data = {
        id: "5c0f3b8e-0000-4000-8000-000000000001",
        name: "dup",
        role: "viewer",
        hash: "h".repeat(64),
        prefix: "od_x",
        last4: "abcd",
      };
      await db.prisma.apiKey.create({ data });
      const err = await failure(() => db.prisma.apiKey.create({ data }));
      expect((err as Error).name).toBe("PrismaClientKnownRequestError");
      expect(pgErrorKind(err)).toBe("unique_violation");
    } finally {
      await db.close();
    }
  });
});

describe("missing_partition and data", () => {
  it("a log row of a day that has no partition (23514 'no partition of relation')", async () => {
    const err = await queryError(
      "INSERT INTO app_logs (timestamp, level, service, message) VALUES ('1990-01-01T00:00:00Z', 'info', 's', 'm')",
    );
    expect(err).toMatchObject({ code: "23514" });
    expect(pgErrorKind(err)).toBe("missing_partition");
  });

  it("a CHECK constraint's violation, the same 23514, is data", async () => {
    await pool.query("CREATE TABLE check_probe (n int CHECK (n > 0))");
    const err = await queryError("INSERT INTO check_probe VALUES (-1)");
    expect(err).toMatchObject({ code: "23514" });
    expect(pgErrorKind(err)).toBe("data");
  });

  it("data exceptions (class 22) and other integrity violations (class 23)", async () => {
    const cases: [sql: string, code: string][] = [
      ["SELECT 1 / 0", "22012"],
      ["SELECT 'x'::int", "22P02"],
      [`SELECT '"\\u0000"'::jsonb`, "22P05"], // NUL, which jsonb cannot hold
      ["INSERT INTO job_events (queue, job_id, attempt, event, at) VALUES (NULL, 'j', 1, 'e', now())", "23502"],
    ];
    for (const [sql, code] of cases) {
      const err = (await queryError(sql)) as { code?: string };
      expect({ sql, code: err.code, kind: pgErrorKind(err) }).toEqual({ sql, code, kind: "data" });
    }
  });

  it("isDataError: everything Postgres refused for what the statement carried, nothing transient", async () => {
    expect(isDataError(await queryError("SELECT 1 / 0"))).toBe(true);
    expect(isDataError(await queryError("SELECT 'a' ~ '('"))).toBe(true);
    await pool.query("CREATE TABLE unique_probe2 (id int PRIMARY KEY)");
    await pool.query("INSERT INTO unique_probe2 VALUES (1)");
    expect(isDataError(await queryError("INSERT INTO unique_probe2 VALUES (1)"))).toBe(true);
    expect(isDataError(await queryError("SELECT * FROM no_such_table"))).toBe(false);
    expect(
      isDataError(Object.assign(new Error("invalid regular expression: operation cancelled"), { code: "2201B" })),
    ).toBe(false);
    expect(isDataError(new Error("timeout exceeded when trying to connect"))).toBe(false);
  });
});

it("already_exists: CREATE DATABASE of a database that exists (42P04), CREATE TABLE of a table (42P07)", async () => {
  const { database } = splitDatabaseUrl(env.databaseUrl);
  const db = await queryError(`CREATE DATABASE "${database}"`);
  expect(db).toMatchObject({ code: "42P04" });
  expect(pgErrorKind(db)).toBe("already_exists");
  const table = await queryError("CREATE TABLE job_records (x int)");
  expect(table).toMatchObject({ code: "42P07" });
  expect(pgErrorKind(table)).toBe("already_exists");
});

describe("unavailable", () => {
  it("Postgres not listening (ECONNREFUSED), through pg and through the Prisma client", async () => {
    const db = createDb({ url: urlAtPort(await closedPort()), max: 1 });
    try {
      const viaPg = await failure(() => db.pool.query("SELECT 1"));
      expect(viaPg).toMatchObject({ code: "ECONNREFUSED" });
      expect(pgErrorKind(viaPg)).toBe("unavailable");
      const viaPrisma = await failure(() => db.prisma.auditEvent.count());
      expect((viaPrisma as Error).name).toBe("PrismaClientKnownRequestError");
      expect(pgErrorKind(viaPrisma)).toBe("unavailable");
    } finally {
      await db.close();
    }
  });

  it("a server that drops the connection while it is set up ('Connection terminated unexpectedly')", async () => {
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const client = new pg.Client({ connectionString: urlAtPort((server.address() as net.AddressInfo).port) });
    try {
      const err = await failure(() => client.connect());
      expect((err as Error).message).toBe("Connection terminated unexpectedly");
      expect(pgErrorKind(err)).toBe("unavailable");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("a pool with no connection free in time ('timeout exceeded when trying to connect'), through pg and Prisma", async () => {
    const exhausted = await createExhaustedDb(env.databaseUrl);
    try {
      const viaPg = await failure(() => exhausted.db.pool.query("SELECT 1"));
      expect((viaPg as Error).message).toBe("timeout exceeded when trying to connect");
      expect(pgErrorKind(viaPg)).toBe("unavailable");
      const viaPrisma = await failure(() => exhausted.db.prisma.auditEvent.count());
      expect(pgErrorKind(viaPrisma)).toBe("unavailable");
    } finally {
      await exhausted.close();
    }
  });

  it("a backend terminated under a running query (57P01), and the broken client afterwards", async () => {
    const victim = new pg.Client({ connectionString: env.databaseUrl });
    victim.on("error", () => undefined); // the terminated connection also reports itself as an event
    await victim.connect();
    try {
      const pid = (await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const running = victim.query("SELECT pg_sleep(30)");
      const outcome = failure(() => running);
      // Wait until the sleep is running, so the termination interrupts a query rather than an idle session.
      for (;;) {
        const r = await pool.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", [pid]);
        if (r.rowCount) break;
      }
      await pool.query("SELECT pg_terminate_backend($1)", [pid]);
      const err = await outcome;
      expect(err).toMatchObject({ code: "57P01" });
      expect(pgErrorKind(err)).toBe("unavailable");
      const after = await failure(() => victim.query("SELECT 1"));
      expect(pgErrorKind(after)).toBe("unavailable");
    } finally {
      await victim.end().catch(() => undefined);
    }
  });

  it("too many connections (53300), here for a role whose connection limit is reached", async () => {
    // Roles are server-wide: a name of its own, dropped afterwards.
    const role = `opsdeck_test_limited_${randomBytes(5).toString("hex")}`;
    await pool.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 0`);
    try {
      const u = new URL(env.databaseUrl);
      u.username = role;
      const client = new pg.Client({ connectionString: u.toString() });
      const err = await failure(() => client.connect());
      expect(err).toMatchObject({ code: "53300" });
      expect(pgErrorKind(err)).toBe("unavailable");
    } finally {
      await pool.query(`DROP ROLE ${role}`);
    }
  });

  it("the server crashing, starting up, or a broken connection (57P02, 57P03, class 08), as Postgres reports them", () => {
    // States a test cannot cause on the shared server: the error pg hands over carries the SQLSTATE.
    for (const code of ["57P02", "57P03", "08000", "08006", "08P01"]) {
      const err = Object.assign(new Error("server unavailable"), { code, severity: "FATAL" });
      expect({ code, kind: pgErrorKind(err) }).toEqual({ code, kind: "unavailable" });
    }
  });
});

it("other: anything else, including what is not an error at all", async () => {
  expect(pgErrorKind(await queryError("SELECT * FROM no_such_table"))).toBe("other");
  expect(pgErrorKind(await queryError("SELEC 1"))).toBe("other");
  expect(pgErrorKind(new Error("something else"))).toBe("other");
  expect(pgErrorKind(undefined)).toBe("other");
  expect(pgErrorKind("timeout exceeded when trying to connect")).toBe("other");
});
