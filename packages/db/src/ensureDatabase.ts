// Creates the application database when it is missing (start-up
// creates the database), by connecting to the server's `postgres` database.
import pg from "pg";

import { pgErrorKind } from "./errors";

/** Splits a database URL into the server URL (database `postgres`) and the database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no database");
  u.pathname = "/postgres";
  return { serverUrl: u.toString(), database };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Returns true when it created the database. */
export async function ensureDatabase(url: string, template?: string): Promise<boolean> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    try {
      await client.query(
        `CREATE DATABASE ${quoteIdent(database)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`,
      );
    } catch (err) {
      // Two processes starting at once: the other one won.
      if (pgErrorKind(err) === "already_exists") return false;
      throw err;
    }
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
