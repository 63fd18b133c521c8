// Draining on SIGTERM (apps/api/src/shutdown.ts). Regression test for a bug the
// fault harness found (scenario 5): under load, requests sent before the signal
// failed with a connection reset, because server.close() closed the listening
// socket while their connections still sat in the kernel's accept backlog.
// Here a separate client process connects and sends while this process's event
// loop is blocked (so the connections can only be in the backlog), then the
// drain starts before the loop runs again.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { acceptWindowMs, drainHttpServer } from "../../apps/api/src/shutdown";

const silent = { warn: () => undefined, debug: () => undefined };

// Sends one raw GET on each of `n` connections, touches `marker` once every request is written,
// then prints the status line each connection got back (or its error) as JSON.
const CLIENT = `
const net = require("node:net");
const fs = require("node:fs");
const [port, n, marker] = [Number(process.argv[1]), Number(process.argv[2]), process.argv[3]];
const results = [];
let written = 0;
for (let i = 0; i < n; i++) {
  const s = net.connect(port, "127.0.0.1", () => {
    s.write("GET /x HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n", () => { if (++written === n) fs.writeFileSync(marker, "sent"); });
  });
  let buf = "";
  s.on("data", (d) => (buf += d));
  s.on("error", (e) => results.push(e.code));
  s.on("close", () => {
    if (buf) results.push(buf.split("\\r\\n")[0]);
    if (results.length === n) process.stdout.write(JSON.stringify(results));
  });
}
`;

/** Blocks this process's event loop until `file` exists (or `maxMs` passes). */
function blockUntil(file: string, maxMs: number): void {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  const end = Date.now() + maxMs;
  while (!fs.existsSync(file) && Date.now() < end) Atomics.wait(wait, 0, 0, 5);
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, port: (server.address() as AddressInfo).port };
}

test("requests waiting in the accept backlog when the drain starts are answered, not reset", async () => {
  const { server, port } = await listen((_req, res) => {
    res.setHeader("Connection", "close");
    res.end("ok");
  });
  const marker = path.join(os.tmpdir(), `opsdeck-drain-${process.pid}-${Date.now()}`);
  const n = 8;
  const child = spawn(process.execPath, ["-e", CLIENT, String(port), String(n), marker], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise((r) => child.on("exit", r));

  blockUntil(marker, 20_000);
  expect(fs.existsSync(marker)).toBe(true);
  // Still blocked: every connection is in the backlog with its request written. Start the drain now.
  const drained = drainHttpServer(server, { acceptMs: 300, graceMs: 5_000, log: silent });
  await exited;
  await drained;
  fs.rmSync(marker, { force: true });

  const results = JSON.parse(out) as string[];
  expect(results).toHaveLength(n);
  expect(results.every((r) => r === "HTTP/1.1 200 OK")).toBe(true);
  expect(server.listening).toBe(false);
});

test("after the accept window the listener is closed and new connections are refused", async () => {
  const { server, port } = await listen((_req, res) => res.end("ok"));
  await drainHttpServer(server, { acceptMs: 50, graceMs: 5_000, log: silent });
  const err = await new Promise<NodeJS.ErrnoException>((resolve) =>
    http.get({ host: "127.0.0.1", port, path: "/" }).on("error", resolve),
  );
  expect(err.code).toBe("ECONNREFUSED");
});

test("a request in flight finishes within the grace period; one still running when it ends is cut", async () => {
  let arrived = 0;
  const { server, port } = await listen((req, res) => {
    arrived++;
    const ms = req.url === "/slow" ? 60_000 : 200;
    const t = setTimeout(() => res.end("done"), ms);
    res.on("close", () => clearTimeout(t));
  });
  const get = (p: string) =>
    new Promise<string>((resolve) => {
      http
        .get({ host: "127.0.0.1", port, path: p, agent: false }, (res) => {
          let body = "";
          res.on("data", (d: Buffer) => (body += d.toString()));
          res.on("end", () => resolve(body));
          res.on("error", () => resolve("reset"));
        })
        .on("error", () => resolve("reset"));
    });
  const quick = get("/quick");
  const slow = get("/slow");
  // Both requests are with the server before it drains (not a guess at how long that takes).
  while (arrived < 2) await new Promise((r) => setTimeout(r, 5));
  const warnings: string[] = [];
  await drainHttpServer(server, {
    acceptMs: 10,
    graceMs: 1_000,
    log: { warn: (m: string) => void warnings.push(m), debug: () => undefined },
  });
  expect(await quick).toBe("done");
  expect(await slow).toBe("reset");
  expect(warnings).toEqual(["grace period over; closing remaining connections"]);
});

test("the accept window is at most 1 s and a quarter of the grace period", () => {
  expect(acceptWindowMs(10_000)).toBe(1_000);
  expect(acceptWindowMs(2_000)).toBe(500);
  expect(acceptWindowMs(0)).toBe(0);
});
