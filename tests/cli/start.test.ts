// `npm start` under a supervisor: SIGTERM to the npm process (what systemd,
// a container runtime or `kill <pid>` sends) stops scripts/start.js and both
// of its children (API and worker), which drain and exit; no process is left
// behind. npm runs the root package.json's start script as written, through
// `sh -c`, in a scratch package whose node_modules/.bin/turbo is a no-op (the
// build is done before the suite runs) and whose scripts/ is the repository's.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { waitFor } from "../worker/workerHelpers";

const ROOT = path.resolve(__dirname, "../..");
let env: TestEnv;
let pool: pg.Pool;
let dir: string;
let npm: ChildProcess | undefined;
let seen: number[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 1 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-start-"));
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "opsdeck-start-test", private: true, scripts: { start: scripts.start } }),
  );
  fs.mkdirSync(path.join(dir, "node_modules/.bin"), { recursive: true });
  fs.writeFileSync(path.join(dir, "node_modules/.bin/turbo"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  fs.symlinkSync(path.join(ROOT, "scripts"), path.join(dir, "scripts"));
});

afterAll(async () => {
  // Only if the test failed: nothing of this run may outlive the file.
  for (const pid of seen) if (alive(pid)) process.kill(pid, "SIGKILL");
  await pool.end();
  await env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A port free right now (bound, then released). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** pid → parent pid and state, from /proc (the tree is gone from `ps` once orphans are re-parented). */
function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const [state, ppid] = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(ppid), state: state ?? "" };
  } catch {
    return undefined;
  }
}

/** Running: present and not a zombie (an exited process its parent has not reaped yet). */
const alive = (pid: number) => (stat(pid)?.state ?? "Z") !== "Z";

function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) parent.set(Number(name), s.ppid);
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, ppid] of parent) {
      if (ppid === pid && !found.includes(child)) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(root);
  return found;
}

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
};

it("stops the supervisor, the API and the worker when npm gets SIGTERM", async () => {
  const port = await freePort();
  let output = "";
  npm = spawn("npm", ["start"], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? dir,
      npm_config_update_notifier: "false",
      ...env.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      EXPORT_DIR: path.join(dir, "exports"),
      OPSDECK_BOOTSTRAP_KEY_FILE: path.join(dir, "bootstrap-key"),
      HEARTBEAT_INTERVAL_MS: "500",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const npmPid = npm.pid as number;
  npm.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  npm.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => npm?.once("exit", (code) => resolve(code)));

  // Ready: start.js printed the URLs (the API answers /livez), and the worker's heartbeat is in.
  await waitFor(
    "the API to answer",
    () => output.includes(`opsdeck: API          http://127.0.0.1:${port}`),
    60_000,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; npm start printed:\n${output}`);
  });
  // The console's URL is printed beside Bull Board's.
  await waitFor("the console's URL", () => output.includes(`opsdeck: Console      http://127.0.0.1:${port}/console/`));
  seen = descendants(npmPid);
  const worker = seen.find((pid) => cmdline(pid).includes("apps/worker/dist/main.js"));
  expect(worker).toBeDefined();
  expect(seen.some((pid) => cmdline(pid).includes("apps/api/dist/main.js"))).toBe(true);
  expect(seen.some((pid) => cmdline(pid).includes("scripts/start.js"))).toBe(true);
  const heartbeat = async () =>
    (await pool.query<{ stopped_at: Date | null }>("SELECT stopped_at FROM worker_heartbeats WHERE pid = $1", [worker]))
      .rows[0];
  await waitFor("the worker's heartbeat", async () => (await heartbeat()) !== undefined, 60_000);

  process.kill(npmPid, "SIGTERM");
  const code = await exited;
  await waitFor("every process npm started to exit", async () => seen.every((pid) => !alive(pid)), 60_000).catch(
    () => undefined,
  );
  expect(seen.filter(alive).map((pid) => `${pid} ${cmdline(pid)}`)).toEqual([]);
  expect(code).toBe(0);
  // The worker drained and stopped cleanly (it marks its heartbeat), rather than being killed.
  expect((await heartbeat())?.stopped_at).toBeInstanceOf(Date);
});
