// The demo's local SMTP sink (smtp-server on 127.0.0.1): accepts everything,
// except that recipients whose local part starts with "bounce" get 550 and
// those starting with "greylist" get 451 on their first try (so the demo shows
// bounced and deferred-then-sent messages). Counts only; no message is kept.
import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

export interface DemoSink {
  port: number;
  accepted: number;
  rejected: number;
  close(): Promise<void>;
}

export async function startDemoSink(port = 0): Promise<DemoSink> {
  const greylisted = new Set<string>();
  const stats = { accepted: 0, rejected: 0 };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: "demo" }),
    onRcptTo(address, _session, cb) {
      const local = address.address.split("@")[0] ?? "";
      if (local.startsWith("bounce")) {
        stats.rejected++;
        return cb(Object.assign(new Error("5.1.1 mailbox does not exist"), { responseCode: 550 }));
      }
      if (local.startsWith("greylist") && !greylisted.has(address.address)) {
        greylisted.add(address.address);
        return cb(Object.assign(new Error("4.7.1 greylisted, try again later"), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on("end", () => {
        stats.accepted++;
        cb(null);
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    get accepted() {
      return stats.accepted;
    },
    get rejected() {
      return stats.rejected;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
