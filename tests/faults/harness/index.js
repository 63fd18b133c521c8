// Fault harness: a private Redis and Postgres on spare ports, a TCP proxy of
// our own in front of each (pass / cut / stall / delay), the API and worker
// as real child processes pointed at the proxies, and an SMTP sink. All on
// 127.0.0.1. `cleanup()` stops every process and removes every temp dir; it
// is also run on exit and on SIGINT/SIGTERM, so a failing scenario leaves
// nothing behind.
"use strict";
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "../../..");
const PG_BIN = "/usr/lib/postgresql/15/bin";
const API_MAIN = path.join(ROOT, "apps/api/dist/main.js");
const WORKER_MAIN = path.join(ROOT, "apps/worker/dist/main.js");
/** A fixed 32-byte credentials key (base64), as in tests/email. */
const CRED_KEY = Buffer.alloc(32, 7).toString("base64");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitFor(what, check, timeoutMs = 30_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false && v !== null) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    await sleep(everyMs);
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

const exited = (c) =>
  c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once("exit", () => r()));

// ---------------------------------------------------------------- registry
const children = new Set();
const tempDirs = new Set();
const closers = [];
let pgCluster = null;

function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function tmpDir(prefix) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(d);
  return d;
}

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of closers.splice(0).reverse()) {
    try {
      await c();
    } catch {
      /* best effort */
    }
  }
  for (const c of [...children]) {
    if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  }
  await Promise.race([Promise.all([...children].map(exited)), sleep(5_000)]);
  if (pgCluster) pgCluster.stopSync();
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}
function cleanupSync() {
  for (const c of [...children]) {
    try {
      c.kill("SIGKILL");
    } catch {
      /* gone */
    }
  }
  if (pgCluster) pgCluster.stopSync();
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
}
process.once("exit", cleanupSync);
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.once(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- Redis
async function startRedis({ port, args = [], dir } = {}) {
  port = port ?? (await freePort());
  dir = dir ?? tmpDir("faults-redis-");
  const spawnIt = () => {
    const child = track(
      spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--save",
          "",
          "--appendonly",
          "no",
          "--daemonize",
          "no",
          "--dir",
          dir,
          ...args,
        ],
        { stdio: ["ignore", "ignore", "inherit"] },
      ),
    );
    return child;
  };
  const r = {
    port,
    dir,
    child: spawnIt(),
    async ready() {
      await waitFor(`redis on ${port}`, () => portOpen(port), 10_000, 50);
    },
    /** kill -9 the server. */
    async kill() {
      r.child.kill("SIGKILL");
      await exited(r.child);
    },
    async restart() {
      r.child = spawnIt();
      await r.ready();
    },
    async stop() {
      if (r.child.exitCode === null && r.child.signalCode === null) {
        r.child.kill("SIGTERM");
        await exited(r.child);
      }
    },
  };
  await r.ready();
  closers.push(() => r.stop());
  return r;
}

// ---------------------------------------------------------------- Postgres
function asPostgres(cmd, args) {
  return execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
}

async function startPostgres({ port } = {}) {
  port = port ?? (await freePort());
  const base = tmpDir("faults-pg-");
  fs.chmodSync(base, 0o755);
  const data = path.join(base, "data");
  const sock = path.join(base, "sock");
  fs.mkdirSync(data, { mode: 0o700 });
  fs.mkdirSync(sock);
  execFileSync("chown", ["-R", "postgres:postgres", base]);
  asPostgres(`${PG_BIN}/initdb`, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const opts = `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
  const pg = {
    port,
    data,
    running: false,
    start() {
      asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-o", opts, "-l", path.join(base, "pg.log"), "-w", "start"]);
      pg.running = true;
    },
    stop(mode = "fast") {
      asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-m", mode, "-w", "stop"]);
      pg.running = false;
    },
    stopSync() {
      if (!pg.running) return;
      try {
        pg.stop("immediate");
      } catch {
        /* already down */
      }
    },
    url(db = "opsdeck", p = port) {
      return `postgresql://postgres@127.0.0.1:${p}/${db}`;
    },
  };
  pgCluster = pg;
  pg.start();
  return pg;
}

// ---------------------------------------------------------------- TCP proxy
/**
 * A TCP proxy with modes:
 *  pass  – forward both ways;
 *  cut   – destroy every open socket and refuse new ones (connections reset);
 *  stall – accept and keep sockets open but forward nothing (a silent network partition);
 *  delay – forward every chunk after `delayMs` (each direction, so a round trip gains 2 × delayMs).
 */
async function startProxy(targetPort, { port } = {}) {
  port = port ?? (await freePort());
  const pairs = new Set();
  const destroyPair = (pair) => {
    pair.client.destroy();
    pair.upstream.destroy();
  };
  const p = { port, targetPort, mode: "pass", delayMs: 0, connections: 0 };
  function pipe(from, to, pair) {
    from.on("data", (chunk) => {
      if (p.mode === "stall") {
        pair.held.push([to, chunk]);
        return;
      }
      if (p.mode === "delay" && p.delayMs > 0) setTimeout(() => to.destroyed || to.write(chunk), p.delayMs);
      else if (!to.destroyed) to.write(chunk);
    });
  }
  const server = net.createServer((client) => {
    p.connections++;
    if (p.mode === "cut") {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1");
    // During a stall, chunks are held (not forwarded) and delivered in order when the stall ends.
    const pair = { client, upstream, held: [] };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end);
    upstream.on("error", end);
    client.on("close", end);
    upstream.on("close", end);
    pipe(client, upstream, pair);
    pipe(upstream, client, pair);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  p.setMode = (mode, delayMs = 0) => {
    const was = p.mode;
    p.mode = mode;
    p.delayMs = delayMs;
    if (mode === "cut") for (const pair of [...pairs]) destroyPair(pair);
    if (was === "stall" && mode !== "stall") {
      // Deliver what was held, in order (TCP retransmission after the partition heals).
      for (const pair of pairs) {
        for (const [to, chunk] of pair.held.splice(0)) if (!to.destroyed) to.write(chunk);
      }
    }
  };
  p.close = () =>
    new Promise((r) => {
      for (const pair of [...pairs]) destroyPair(pair);
      server.close(() => r());
    });
  closers.push(p.close);
  return p;
}

// ---------------------------------------------------------------- SMTP sink
async function startSink() {
  const { SMTPServer } = require(path.join(ROOT, "node_modules/smtp-server"));
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, cb) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? null,
        });
        // `sink.delayMs` makes every message slow to accept (long-running jobs for scenario 5).
        if (sink.delayMs > 0) setTimeout(() => cb(null), sink.delayMs);
        else cb(null);
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const sink = {
    delayMs: 0,
    port: server.server.address().port,
    messages,
    countByRecipient() {
      const m = new Map();
      for (const msg of messages) for (const to of msg.to) m.set(to, (m.get(to) ?? 0) + 1);
      return m;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  closers.push(sink.close);
  return sink;
}

// ---------------------------------------------------------------- app processes
function nodeProcess(main, env, name) {
  const logFile = path.join(logDir(), `${name}-${Date.now()}.log`);
  const out = fs.openSync(logFile, "a");
  const child = track(spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ["ignore", out, out] }));
  fs.closeSync(out);
  child.logFile = logFile;
  child.name = name;
  return child;
}
let _logDir;
function logDir() {
  if (!_logDir) {
    _logDir = process.env.FAULTS_LOG_DIR || tmpDir("faults-logs-");
    fs.mkdirSync(_logDir, { recursive: true });
  }
  return _logDir;
}

/**
 * The whole stack: Redis + Postgres, proxies in front, database prepared,
 * bootstrap key written. Returns helpers to start API and worker processes.
 */
async function startStack({ redisArgs = [] } = {}) {
  const redis = await startRedis({ args: redisArgs });
  const pg = await startPostgres();
  const redisProxy = await startProxy(redis.port);
  const pgProxy = await startProxy(pg.port);
  const keyFile = path.join(tmpDir("faults-key-"), "bootstrap-key");
  const prefix = "faults";
  const base = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? "/root",
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    DATABASE_URL: pg.url("opsdeck", pgProxy.port),
    REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
    QUEUE_PREFIX: prefix,
    REDIS_KEY_PREFIX: `${prefix}-od`,
    CREDENTIALS_ENCRYPTION_KEY: CRED_KEY,
    CREDENTIALS_KEY_ID: "faults1",
    // The SMTP sink listens on loopback, which Opsdeck connects to only when allowed.
    EMAIL_ALLOWED_DESTINATIONS: "127.0.0.1",
    EXPORT_DIR: tmpDir("faults-exports-"),
  };
  // Prepare through the direct ports (not the proxies).
  execFileSync(process.execPath, [path.join(ROOT, "scripts/prepare.js")], {
    cwd: ROOT,
    env: {
      ...base,
      DATABASE_URL: pg.url(),
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      OPSDECK_BOOTSTRAP_KEY_FILE: keyFile,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const apiKey = fs.readFileSync(keyFile, "utf8").trim();

  const stack = {
    redis,
    pg,
    redisProxy,
    pgProxy,
    apiKey,
    env: base,
    directRedisUrl: `redis://127.0.0.1:${redis.port}`,
    directDbUrl: pg.url(),
    async startApi(extra = {}) {
      const port = await freePort();
      const child = nodeProcess(
        API_MAIN,
        {
          ...base,
          PORT: String(port),
          HOST: "127.0.0.1",
          RATE_LIMIT_READ: "1000000",
          RATE_LIMIT_WRITE: "1000000",
          INTEGRATION_QUOTA_MINUTE: "10000000",
          INTEGRATION_QUOTA_HOUR: "100000000",
          INTEGRATION_QUOTA_DAY: "1000000000",
          ...extra,
        },
        "api",
      );
      const url = `http://127.0.0.1:${port}`;
      await waitFor(
        "api /livez",
        async () => {
          if (child.exitCode !== null) throw new Error(`api exited ${child.exitCode}; see ${child.logFile}`);
          const r = await fetch(`${url}/livez`).catch(() => null);
          return r?.ok;
        },
        30_000,
      );
      return { child, port, url };
    },
    startWorker(extra = {}) {
      return nodeProcess(WORKER_MAIN, { ...base, HEARTBEAT_INTERVAL_MS: "1000", ...extra }, "worker");
    },
    /** fetch against an API with the bootstrap key and a client deadline. */
    async call(api, method, p, body, timeoutMs = 5_000) {
      const t0 = performance.now();
      try {
        const r = await fetch(`${api.url}${p}`, {
          method,
          headers: { authorization: `Bearer ${apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await r.text();
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          /* not json */
        }
        return { status: r.status, ms: performance.now() - t0, json };
      } catch (err) {
        return { status: 0, ms: performance.now() - t0, error: err.name === "TimeoutError" ? "hung" : err.message };
      }
    },
  };
  return stack;
}

// ---------------------------------------------------------------- figures
function pct(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

class Bars {
  constructor(name) {
    this.name = name;
    this.results = [];
  }
  check(what, ok, detail = "") {
    this.results.push({ what, ok: Boolean(ok), detail });
    console.log(`  ${ok ? "PASS" : "FAIL"}  ${what}${detail ? `  (${detail})` : ""}`);
  }
  get failed() {
    return this.results.filter((r) => !r.ok);
  }
}

/** Runs one scenario with a fresh harness and reports to the parent runner through the exit code. */
function runScenario(name, fn) {
  (async () => {
    const bars = new Bars(name);
    console.log(`\n=== ${name}`);
    const t0 = Date.now();
    try {
      await fn(bars);
    } catch (err) {
      bars.check("scenario ran to the end", false, err.stack || String(err));
    } finally {
      await cleanup();
    }
    console.log(
      `=== ${name}: ${bars.failed.length ? "FAILED" : "passed"} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    process.exit(bars.failed.length ? 1 : 0);
  })();
}

module.exports = {
  ROOT,
  CRED_KEY,
  sleep,
  freePort,
  waitFor,
  exited,
  startRedis,
  startPostgres,
  startProxy,
  startSink,
  startStack,
  cleanup,
  pct,
  Bars,
  runScenario,
  tmpDir,
};
