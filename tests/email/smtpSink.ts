// A real SMTP server on 127.0.0.1 (smtp-server) for the email tests: it
// keeps every accepted message (recipient, Message-ID, subject, body) and can
// be scripted to refuse recipients with 550, answer 421 to the first
// connections, or hold RCPT TO until released (to stop a worker mid-batch).
import type { AddressInfo } from "node:net";

import { SMTPServer, type SMTPServerOptions } from "smtp-server";

interface Received {
  to: string[];
  /** When the message was accepted, ms since the epoch. */
  at: number;
  messageId: string | null;
  subject: string | null;
  raw: string;
}

export interface SinkOptions {
  /** Recipients refused with "550 5.1.1 no such user". */
  reject550?: string[];
  /** Recipients refused with "451 4.7.1 greylisted" the first time they are seen, accepted after. */
  greylist?: string[];
  /** Recipients refused with "451 4.3.0 try later" every time, while they are in the sink's `tempfail`. */
  tempfail?: string[];
  /** The first N connections get "421 4.3.2 try again later" as their greeting. */
  refuseFirstConnections?: number;
  /** Once this many messages are accepted, RCPT TO is held until `release()`. */
  holdAfter?: number;
  /** When set, AUTH is required and only this user/password is accepted. */
  user?: { username: string; password: string };
}

export interface SmtpSink {
  port: number;
  messages: Received[];
  /** Addresses answered 451 at every RCPT TO; change it to let them through. */
  tempfail: Set<string>;
  connections: number;
  /** Usernames that authenticated successfully. */
  logins: string[];
  /** Every AUTH attempt, successful or not, with the password it carried. */
  authAttempts: { username: string; password: string }[];
  /** Accepted messages per recipient. */
  countByRecipient(): Map<string, number>;
  /** From now on RCPT TO is held (not answered) until `release()`. */
  holdRcpt(): void;
  release(): void;
  /** RCPT TO commands currently held. */
  readonly held: number;
  /** Sessions between an accepted RCPT TO and the end of their message. */
  readonly inTransaction: number;
  close(): Promise<void>;
}

export async function startSink(opts: SinkOptions = {}): Promise<SmtpSink> {
  const messages: Received[] = [];
  const reject = new Set((opts.reject550 ?? []).map((e) => e.toLowerCase()));
  const greylist = new Set((opts.greylist ?? []).map((e) => e.toLowerCase()));
  const tempfail = new Set((opts.tempfail ?? []).map((e) => e.toLowerCase()));
  let connections = 0;
  const logins: string[] = [];
  const authAttempts: { username: string; password: string }[] = [];
  let holding = false;
  let waiters: (() => void)[] = [];
  const open = new Set<string>();
  const options: SMTPServerOptions = {
    authOptional: opts.user === undefined,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, cb) {
      authAttempts.push({ username: auth.username ?? "", password: auth.password ?? "" });
      const u = opts.user;
      if (u && auth.username === u.username && auth.password === u.password) {
        logins.push(auth.username ?? "");
        return cb(null, { user: auth.username });
      }
      cb(Object.assign(new Error("5.7.8 authentication failed"), { responseCode: 535 }));
    },
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, cb) {
      connections++;
      if (connections <= (opts.refuseFirstConnections ?? 0)) {
        return cb(Object.assign(new Error("4.3.2 try again later"), { responseCode: 421 }));
      }
      cb();
    },
    onRcptTo(address, session, cb) {
      const go = () => {
        const a = address.address.toLowerCase();
        if (reject.has(a)) {
          return cb(Object.assign(new Error("5.1.1 no such user"), { responseCode: 550 }));
        }
        if (greylist.delete(a) || tempfail.has(a)) {
          return cb(Object.assign(new Error("4.7.1 greylisted, try again later"), { responseCode: 451 }));
        }
        open.add(session.id);
        cb();
      };
      if (holding || (opts.holdAfter !== undefined && messages.length >= opts.holdAfter)) waiters.push(go);
      else go();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        open.delete(session.id);
        const raw = Buffer.concat(chunks).toString("utf8");
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return cb(new Error("too big"));
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          at: Date.now(),
          messageId: /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? null,
          subject: /^Subject:\s*(.*)$/im.exec(raw)?.[1] ?? null,
          raw,
        });
        cb(null);
      });
    },
    onClose(session) {
      open.delete(session.id);
    },
  };
  const server = new SMTPServer(options);
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    tempfail,
    logins,
    authAttempts,
    get connections() {
      return connections;
    },
    countByRecipient() {
      const m = new Map<string, number>();
      for (const msg of messages) for (const to of msg.to) m.set(to, (m.get(to) ?? 0) + 1);
      return m;
    },
    holdRcpt() {
      holding = true;
    },
    release() {
      holding = false;
      opts.holdAfter = undefined;
      for (const w of waiters.splice(0)) w();
    },
    get held() {
      return waiters.length;
    },
    get inTransaction() {
      return open.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        holding = false;
        waiters = [];
        server.close(() => resolve());
      }),
  };
}

/** A TCP port with nothing listening (bound once, then closed). */
export async function deadPort(): Promise<number> {
  const net = await import("node:net");
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
