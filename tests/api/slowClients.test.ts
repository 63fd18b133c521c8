// Slow clients cannot hold the API's sockets (apps/api/src/server.ts): a body
// or headers trickled byte by byte are cut at their deadline with 408, and a
// socket that sends nothing is closed at the idle deadline. Each case keeps
// the other deadlines far away, so only the one under test can end it, and
// the test waits for the socket to close: no timing is asserted.
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import net from "node:net";
import path from "node:path";

import { createHttpServer } from "../../apps/api/src/server";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { waitFor } from "../worker/workerHelpers";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

const FAR = 600_000;

/** Starts a server with the given deadlines (ms), sends `head`, then one byte of `drip` every 100 ms until the socket closes. */
async function trickle(
  deadlines: { headers: number; request: number; idle: number },
  head: string,
  drip: string | null,
): Promise<{ response: string; dripped: number }> {
  const server = createHttpServer(t.app, {
    HTTP_HEADERS_TIMEOUT_MS: deadlines.headers,
    HTTP_REQUEST_TIMEOUT_MS: deadlines.request,
    HTTP_IDLE_TIMEOUT_MS: deadlines.idle,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const socket = net.connect(port, "127.0.0.1");
    let response = "";
    let dripped = 0;
    socket.on("data", (d: Buffer) => (response += d.toString("latin1")));
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => undefined);
    socket.write(head);
    const timer = drip
      ? setInterval(() => {
          if (!socket.destroyed && socket.writable) {
            socket.write(drip);
            dripped++;
          }
        }, 100)
      : null;
    await closed;
    if (timer) clearInterval(timer);
    return { response, dripped };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

it("cuts a request whose body trickles past HTTP_REQUEST_TIMEOUT_MS with 408", async () => {
  const r = await trickle(
    { headers: 1_000, request: 1_500, idle: FAR },
    "POST /api/v1/platform/system/logs HTTP/1.1\r\nHost: localhost\r\n" +
      `X-API-Key: ${t.keys.ops}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"logs":[`,
    " ",
  );
  expect(r.response).toMatch(/^HTTP\/1\.1 408 /);
  expect(r.dripped).toBeGreaterThan(0);
});

it("cuts a request whose headers trickle past HTTP_HEADERS_TIMEOUT_MS with 408", async () => {
  const r = await trickle(
    { headers: 1_000, request: FAR, idle: FAR },
    "GET /livez HTTP/1.1\r\nHost: localhost\r\nX-Slow: ",
    "a",
  );
  expect(r.response).toMatch(/^HTTP\/1\.1 408 /);
});

it("closes a socket that sends nothing after HTTP_IDLE_TIMEOUT_MS", async () => {
  const r = await trickle({ headers: FAR, request: FAR, idle: 1_000 }, "", null);
  expect(r.response).toBe("");
});

it("the API process applies the deadlines from its configuration", async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const child = spawn(process.execPath, [path.resolve(__dirname, "../../apps/api/dist/main.js")], {
    env: {
      ...process.env,
      ...t.env.env,
      PORT: String(port),
      HTTP_HEADERS_TIMEOUT_MS: "1000",
      HTTP_REQUEST_TIMEOUT_MS: "1500",
      LOG_LEVEL: "error",
    },
    stdio: "ignore",
  });
  try {
    await waitFor(
      "the API to answer /livez",
      async () => (await fetch(`http://127.0.0.1:${port}/livez`).catch(() => null))?.ok === true,
    );
    const socket = net.connect(port, "127.0.0.1");
    let response = "";
    socket.on("data", (d: Buffer) => (response += d.toString("latin1")));
    socket.on("error", () => undefined);
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.write(
      "POST /api/v1/platform/system/logs HTTP/1.1\r\nHost: localhost\r\n" +
        `X-API-Key: ${t.keys.ops}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
    );
    const timer = setInterval(() => socket.writable && socket.write(" "), 100);
    await closed;
    clearInterval(timer);
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
  } finally {
    child.kill("SIGKILL");
  }
});
