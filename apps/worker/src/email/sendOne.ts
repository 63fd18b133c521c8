// One recipient's message through the integrations, with failover. The
// message is already claimed (status 'sending'); once the server has taken
// the envelope, the gate moves it to 'committing', and the end of DATA waits
// for that. Failover happens only while the end of data has not been
// released: after it, a reply decides (4xx deferred, 5xx bounced) and a lost
// connection leaves the outcome unknown ('unconfirmed', never re-sent).
import type { MessageOutcome } from "@opsdeck/db";

import { classifySendError, replyCode } from "./classify";
import type { IntegrationRouter } from "./integrations";
import type { Gate, GatedMail } from "./transport";

export type SendResult =
  | { kind: "done"; outcome: MessageOutcome }
  /** No integration could take it; the claim is still ours (the message never reached the end of data). */
  | { kind: "unavailable"; response: string }
  /** Another worker holds the claim now; nothing was sent by us. */
  | { kind: "lost" };

export async function sendOne(
  router: IntegrationRouter,
  mail: GatedMail,
  commit: () => Promise<boolean>,
): Promise<SendResult> {
  const tried = new Set<string>();
  let lastError = "no enabled SMTP integration with a closed circuit";
  for (;;) {
    const target = await router.pick(tried);
    if (!target) return { kind: "unavailable", response: lastError };
    tried.add(target.row.id);
    // committed: the end of data went out (the server may have the message); lost: the mark found the
    // claim taken over. A mark can return before the end goes out (it runs while the message is
    // produced): if the transaction fails in between, nothing was released and the row, 'committing'
    // under this run's token, may still fail over or be recorded deferred.
    let committed = false;
    let lost = false;
    let gateError: unknown = null;
    const gate: Gate = {
      mark: async () => {
        const held = await commit().catch((err: unknown) => {
          gateError = err;
          throw err;
        });
        lost = !held;
        return held;
      },
      released: () => {
        committed = true;
      },
    };
    const base = { integrationId: target.row.id, sendingIp: target.sendingIp };
    try {
      const info = (await target.transport.sendMail({ ...mail, opsdeckGate: gate } as GatedMail)) as {
        response?: string;
      };
      await router.success(target.row);
      return {
        kind: "done",
        outcome: { ...base, status: "sent", smtpCode: replyCode(info.response), smtpResponse: info.response ?? null },
      };
    } catch (err) {
      if (lost) return { kind: "lost" };
      // Postgres failed at the gate: nothing was released; the job retries.
      if (gateError) throw gateError;
      const f = classifySendError(err);
      if (committed) {
        // The end of data went out. A reply is the server's verdict; no reply leaves it unknown.
        if (f.code === null) {
          await router.failure(target.row.id, f.reason);
          return {
            kind: "done",
            outcome: { ...base, status: "unconfirmed", smtpCode: null, smtpResponse: f.response },
          };
        }
        if (f.kind === "integration") await router.failure(target.row.id, f.reason);
        else await router.success(target.row);
        const status = f.code >= 500 && f.code !== 421 ? "bounced" : "deferred";
        return { kind: "done", outcome: { ...base, status, smtpCode: f.code, smtpResponse: f.response } };
      }
      if (f.kind === "integration") {
        await router.failure(target.row.id, f.reason);
        lastError = f.response;
        continue;
      }
      await router.success(target.row);
      const status = f.kind === "bounce" ? "bounced" : "deferred";
      return { kind: "done", outcome: { ...base, status, smtpCode: f.code, smtpResponse: f.response } };
    }
  }
}
