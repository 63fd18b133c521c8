// A transaction that fails after its end-of-data mark but before its end:
// the mark starts once the server has answered DATA with 354, so a server
// that answers 354 and then drops the connection leaves the message
// 'committing' under the run's token, with nothing released. The message
// must fail over to the other integration, be marked again there and arrive
// exactly once, recorded 'sent' (not 'unconfirmed', which would never be
// re-sent).
import net from "node:net";

import type { Queue } from "bullmq";
import type pg from "pg";

import { addIntegration, campaign, finished, RETRY_FAST, statuses } from "./emailHelpers";
import { type EmailWorker, startEmailWorker } from "./emailWorker";
import type { SmtpSink } from "./smtpSink";

/** An SMTP server that takes any envelope, answers DATA with 354 and then closes the connection. */
async function startDropper(): Promise<{ port: number; dataCommands: () => number; close: () => Promise<void> }> {
  let dataCommands = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on("close", () => sockets.delete(sock));
    sock.on("error", () => undefined);
    sock.write("220 dropper ESMTP\r\n");
    let buf = "";
    sock.on("data", (d: Buffer) => {
      buf += d.toString("latin1");
      for (let i = buf.indexOf("\r\n"); i >= 0; i = buf.indexOf("\r\n")) {
        const verb = buf.slice(0, i).slice(0, 4).toUpperCase();
        buf = buf.slice(i + 2);
        if (verb === "EHLO") sock.write("250-dropper\r\n250 PIPELINING\r\n");
        else if (verb === "DATA") {
          dataCommands++;
          sock.end("354 go ahead\r\n");
          return;
        } else if (verb === "QUIT") sock.end("221 bye\r\n");
        else sock.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    dataCommands: () => dataCommands,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let w: EmailWorker;
let pool: pg.Pool;
let sink: SmtpSink;
let dropper: Awaited<ReturnType<typeof startDropper>>;
let q: Queue;

beforeAll(async () => {
  dropper = await startDropper();
  w = await startEmailWorker({
    poolMax: 2,
    setup: async (p, s) => {
      // The dropper is picked first almost every time (weight 1,000 to 1) until its circuit opens.
      await addIntegration(p, { name: "dropper", port: dropper.port, weight: 1000 });
      await addIntegration(p, { name: "sink", port: s.port, weight: 1 });
    },
  });
  ({ pool, sink, q } = w);
});
afterAll(async () => {
  await w.close();
  await dropper.close();
});

it("fails over a message whose connection dropped after its mark, and delivers it once", async () => {
  await q.add("batch", campaign("dropped", 20), { jobId: "dropped-1", ...RETRY_FAST });
  const job = await finished(q, "dropped-1");
  expect(await job.getState()).toBe("completed");
  // Messages did reach the dropper's DATA (so their mark had started) before failing over.
  expect(dropper.dataCommands()).toBeGreaterThan(0);
  const got = [...sink.countByRecipient()].filter(([to]) => to.endsWith("@dropped.example.com"));
  expect(got).toHaveLength(20);
  expect(got.filter(([, n]) => n !== 1)).toEqual([]);
  expect(await statuses(pool, "dropped")).toEqual({ sent: 20 });
});
