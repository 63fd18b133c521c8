#!/usr/bin/env node
// Benchmark: email sending through Opsdeck — one POST /api/v1/platform/email/campaigns
// (campaign row, Idempotency-Key, batch jobs) to the API, the worker's claim in Postgres,
// suppression lookup per batch against a list of 100,000 addresses (SUPPRESSIONS), end-of-
// data gate, outcome record, progress, BullMQ — against nodemailer's pooled SMTP transport
// sending the same messages directly, in the same run, to the same local SMTP sink. The
// Opsdeck side's time runs from the POST to the last batch job finished.
//   npm run build && node bench/email.js [messages=10000] [batch=1000] [rounds=3]
// WORKER_NODE_ARGS adds node flags to the worker process only (e.g. --cpu-prof --cpu-prof-dir=DIR),
// DIRECT_NODE_ARGS to the direct sender's process only (profile both to compare them).
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Output, per round: messages/s of each and the ratio opsdeck / direct (aim: ≥ 0.7), and the CPU
// seconds each side cost: the sending process (the worker; the API's is printed apart), the sink,
// Postgres backends and Redis; then the median ratio. Rounds alternate which side goes first.
// Both sides use the same pool: 5 connections (EMAIL_POOL_MAX_CONNECTIONS default), 1,000
// messages per connection (EMAIL_POOL_MAX_MESSAGES default), PIPELINING as the sink offers it,
// 100 messages in flight; each side sends from a process of its own, the sink runs in this one.
// It creates and drops its own database (opsdeck_bench_email) and Redis prefix.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const nodemailer = require("nodemailer");
const { SMTPServer } = require("smtp-server");
const { Job, Queue, QueueEvents } = require("bullmq");
const { Redis } = require("ioredis");

const root = path.resolve(__dirname, "..");
const db = require(path.join(root, "packages/db/dist/index.js"));

const total = Number(process.argv[2] ?? 10_000);
const batchSize = Number(process.argv[3] ?? 1_000);
const rounds = Number(process.argv[4] ?? 3);
const connections = 5;
/** Addresses on the suppression list while the campaign runs (none of them its recipients). */
const SUPPRESSIONS = Number(process.env.EMAIL_BENCH_SUPPRESSIONS ?? 100_000);
const server = process.env.DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const databaseUrl = `${server}/opsdeck_bench_email`;
const prefix = `bench-email-${process.pid}`;

// CPU seconds by where they were spent, per side: the sending process, the sink (this process),
// Postgres backends of the bench database and Redis (INFO: the whole server). Linux /proc; 0 elsewhere.
const { postgresCpuSeconds, procCpuSeconds } = require("./procCpu");

const procCpuS = (pid) => procCpuSeconds(pid) ?? 0;
const pgCpuS = () => postgresCpuSeconds("opsdeck_bench_email");
async function redisCpuS() {
  const redis = new Redis(redisUrl);
  try {
    const info = await redis.info("cpu");
    const v = (k) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return v("used_cpu_user") + v("used_cpu_sys");
  } finally {
    redis.disconnect();
  }
}
const selfCpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
async function cpuSnap(senderPid) {
  return { sender: senderPid ? procCpuS(senderPid) : 0, sink: selfCpuS(), pg: pgCpuS(), redis: await redisCpuS() };
}
const cpuDelta = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));
const cpuLine = (c) =>
  `cpu s: sender ${c.sender.toFixed(2)}, sink ${c.sink.toFixed(2)}, postgres ${c.pg.toFixed(2)}, redis ${c.redis.toFixed(2)}`;

async function startSink() {
  let count = 0;
  let waiter = null;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on("end", () => {
        count++;
        if (waiter && count >= waiter.n) waiter.resolve();
        cb(null);
      });
    },
  });
  await new Promise((r) => sink.listen(0, "127.0.0.1", r));
  return {
    port: sink.server.address().port,
    get count() {
      return count;
    },
    reached: (n) => (count >= n ? Promise.resolve() : new Promise((resolve) => (waiter = { n, resolve }))),
    close: () => new Promise((r) => sink.close(r)),
  };
}

function message(i, run) {
  return {
    from: "Bench <bench@example.com>",
    to: `user${i}@${run}.example.com`,
    subject: `Hello User ${i}`,
    text: `Hi User ${i}, your code is ${1000 + i}.`,
    html: `<p>Hi User ${i}</p>`,
    messageId: `<${run}-${i}@example.com>`,
  };
}

// The direct sender runs in a child process of its own, like the worker: with the sink in
// this process, both sides then cross a process boundary for every SMTP reply. In this
// process it would share one event loop with the sink and skip the scheduling of a second
// process on every reply, which on a loaded 2-core machine is most of a message's latency.
function directChild(port) {
  return new Promise((resolve, reject) => {
    const nodeArgs = (process.env.DIRECT_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, __filename, String(total), String(batchSize)], {
      env: { ...process.env, EMAIL_BENCH_DIRECT_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`direct sender exited ${code}`)),
    );
  });
}

async function direct(port) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: 1000,
  });
  // Warm-up, as the worker gets: one message, so the process is up and a connection open before timing.
  await transport.sendMail(message(0, "warm"));
  const started = process.hrtime.bigint();
  // Same in-flight bound as the worker (10 jobs × 10 messages); the pool queues the rest.
  let next = 0;
  const lane = async () => {
    while (next < total) await transport.sendMail(message(next++, "direct"));
  };
  const cpu0 = selfCpuS();
  await Promise.all(Array.from({ length: 100 }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = selfCpuS() - cpu0;
  transport.close();
  return { seconds, cpu };
}

// A free port for the API, asked of the OS (fixed ports collide on a shared machine).
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = require("node:net").createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForUrl(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function viaWorker(port) {
  await db.dropDatabase(databaseUrl);
  await db.ensureDatabase(databaseUrl);
  await db.migrate(databaseUrl);
  const { prisma, pool, close: closeDb } = db.createDb({ url: databaseUrl, max: 2 });
  const { raw: key } = await db.createKey(prisma, { name: "bench", role: "ops" });
  await pool.query(
    `INSERT INTO email_suppressions (address_key, address, reason, source)
     SELECT a, a, 'hard_bounce', 'send' FROM (SELECT 'gone' || g || '@suppressed' || (g % 1000) || '.example.com' AS a
     FROM generate_series(1, $1) g) s`,
    [SUPPRESSIONS],
  );
  await pool.query(`ANALYZE email_suppressions`);
  await db.insertIntegration(
    pool,
    db.newIntegrationId(),
    {
      name: "sink",
      type: "smtp",
      host: "127.0.0.1",
      port,
      tlsMode: "none",
      sendingIps: [],
      weight: 1,
      enabled: true,
    },
    null,
  );
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    REDIS_KEY_PREFIX: `${prefix}-od`,
    WORKER_QUEUES: "email-sending",
    // The sink listens on loopback, which the worker connects to only when allowed.
    EMAIL_ALLOWED_DESTINATIONS: "127.0.0.1",
    LOG_LEVEL: "error",
    NODE_ENV: "production",
  };
  // WORKER_NODE_ARGS adds node flags to the worker process only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.WORKER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const worker = spawn(process.execPath, [...nodeArgs, path.join(root, "apps/worker/dist/main.js")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const api = spawn(process.execPath, [path.join(root, "apps/api/dist/main.js")], {
    env: {
      ...process.env,
      ...env,
      PORT: String(apiPort),
      RATE_LIMIT_READ: "1000000",
      RATE_LIMIT_WRITE: "1000000",
      EMAIL_CAMPAIGN_BATCH_SIZE: String(batchSize),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const connection = { url: redisUrl };
  const q = new Queue("email-sending", { connection, prefix });
  const events = new QueueEvents("email-sending", { connection, prefix });
  try {
    await waitForUrl(`${apiUrl}/livez`);
    await events.waitUntilReady();
    const post = (payload, idem) =>
      fetch(`${apiUrl}/api/v1/platform/email/campaigns`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": key, "idempotency-key": idem },
        body: typeof payload === "string" ? payload : JSON.stringify(payload),
      });
    const waitBatches = (d) =>
      Promise.all(
        Array.from({ length: d.batches }, async (_, n) => {
          const job = await Job.fromId(q, `${d.campaign_id}-${n}`);
          await job.waitUntilFinished(events, 600_000);
        }),
      );
    // Warm-up through the same path: one message, so both processes and their pools are up before timing.
    const warm = await post(
      { from: "b@example.com", subject: "w", text: "w", recipients: [{ email: "w@warm.example.com" }] },
      "warm",
    );
    await waitBatches((await warm.json()).data);
    const recipients = [];
    for (let i = 0; i < total; i++) {
      recipients.push({
        email: `user${i}@worker.example.com`,
        variables: { name: `User ${i}`, code: String(1000 + i) },
      });
    }
    const body = JSON.stringify({
      from: "Bench <bench@example.com>",
      subject: "Hello {{name}}",
      text: "Hi {{name}}, your code is {{code}}.",
      html: "<p>Hi {{name}}</p>",
      recipients,
    });
    const cpu0 = await cpuSnap(worker.pid);
    const api0 = procCpuS(api.pid);
    const started = process.hrtime.bigint();
    const res = await post(body, "bench");
    if (res.status !== 202) throw new Error(`campaign refused: ${res.status} ${await res.text()}`);
    const { data } = await res.json();
    // The batch jobs' ids are <campaign>-<n>: wait for each to finish.
    await waitBatches(data);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = cpuDelta(cpu0, await cpuSnap(worker.pid));
    const apiCpu = procCpuS(api.pid) - api0;
    const r = await pool.query(
      `SELECT status, count(*)::int AS n FROM email_messages WHERE campaign_id = $1 GROUP BY 1`,
      [data.campaign_id],
    );
    return { seconds, cpu, apiCpu, statuses: Object.fromEntries(r.rows.map((x) => [x.status, x.n])) };
  } finally {
    worker.kill("SIGTERM");
    api.kill("SIGTERM");
    await new Promise((r) => worker.once("exit", r));
    await new Promise((r) => (api.exitCode !== null ? r() : api.once("exit", r)));
    await q.obliterate({ force: true }).catch(() => undefined);
    await Promise.all([q.close(), events.close()]);
    await closeDb();
    await db.dropDatabase(databaseUrl);
    const redis = new Redis(redisUrl);
    let cursor = "0";
    do {
      const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = nextCursor;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== "0");
    redis.disconnect();
  }
}

async function main() {
  const sink = await startSink();
  const out = (s) => process.stdout.write(`${s}\n`);
  out(
    `messages: ${total} (opsdeck: one API request, ${total / batchSize} batch jobs of ${batchSize}, ${SUPPRESSIONS} suppressed addresses); ${connections} pooled SMTP connections each; ${rounds} rounds, ${new Date().toISOString()}`,
  );
  const ratios = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const sides = {};
      // The order alternates (direct first in odd rounds), as a loaded machine tends to favour one slot.
      for (const side of round % 2 === 1 ? ["direct", "worker"] : ["worker", "direct"]) {
        const before = sink.count;
        if (side === "direct") {
          const cpu0 = await cpuSnap(null);
          const r = await directChild(sink.port);
          // The child's own figure for its timed window; the sink's (and others') over the whole child run.
          sides.direct = {
            seconds: r.seconds,
            cpu: { ...cpuDelta(cpu0, await cpuSnap(null)), sender: r.cpu },
            delivered: sink.count - before - 1, // minus the warm-up message
          };
        } else {
          const w = await viaWorker(sink.port);
          sides.worker = { ...w, delivered: sink.count - before - 1 };
        }
      }
      const d = total / sides.direct.seconds;
      const v = total / sides.worker.seconds;
      ratios.push(v / d);
      out(`round ${round}${round % 2 === 1 ? " (direct first)" : " (worker first)"}`);
      out(
        `  nodemailer pooled, direct: ${d.toFixed(0)} msg/s (${sides.direct.seconds.toFixed(2)} s), delivered ${sides.direct.delivered}; ${cpuLine(sides.direct.cpu)}`,
      );
      out(
        `  opsdeck API + worker:      ${v.toFixed(0)} msg/s (${sides.worker.seconds.toFixed(2)} s), delivered ${sides.worker.delivered}, records ${JSON.stringify(sides.worker.statuses)}; ${cpuLine(sides.worker.cpu)}, api ${sides.worker.apiCpu.toFixed(2)}`,
      );
      out(`  ratio opsdeck / direct:    ${(v / d).toFixed(2)}`);
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    const median =
      sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    out(`ratio opsdeck / direct: median ${median.toFixed(2)} of ${ratios.map((r) => r.toFixed(2)).join(", ")}`);
  } finally {
    await sink.close();
  }
}

const fail = (err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
};
if (process.env.EMAIL_BENCH_DIRECT_PORT) {
  direct(Number(process.env.EMAIL_BENCH_DIRECT_PORT))
    .then((r) => process.stdout.write(JSON.stringify(r)))
    .catch(fail);
} else {
  main().catch(fail);
}
