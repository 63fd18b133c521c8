// `opsdeck demo`: fills Opsdeck with realistic email work so a newcomer sees
// live queues, messages and statuses within minutes. Through the HTTP API
// (OPSDECK_URL, OPSDECK_KEY) it registers two SMTP integrations — a local
// sink (started here unless DEMO_SMTP_HOST/DEMO_SMTP_PORT name one) and one on
// a dead port, so failover and a `degraded` /status show — then enqueues a mix
// of campaigns on the email queues (Redis: REDIS_URL, QUEUE_PREFIX; there is
// no HTTP endpoint for producing jobs), including recipients that bounce
// (550) or are greylisted (451, retried). It waits for the batches, prints a
// summary, and keeps the sink up until Ctrl-C (or exits with --exit).
import { createServer } from "node:net";

import { defaultJobOptions, type EmailBatchPayload } from "@opsdeck/core";
import { Queue } from "bullmq";

import { type ApiBody, createApiClient } from "../api";
import { command, type CommandGroup, type Io } from "../command";
import { startDemoSink } from "../demoSink";
import { keyValues, line } from "../output";

const BASE = "/api/v1/platform/system/email/integrations";

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const FIRST = ["Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances"];

function batch(
  campaign: string,
  subject: string,
  n: number,
  extra: (i: number) => string | null = () => null,
): EmailBatchPayload {
  return {
    campaign_id: campaign,
    from: "Opsdeck Demo <demo@opsdeck.example>",
    subject,
    text: "Hello {{first_name}},\n\nThis is the {{campaign}} message from the Opsdeck demo.\n",
    html: "<p>Hello {{first_name}},</p><p>This is the <b>{{campaign}}</b> message from the Opsdeck demo.</p>",
    headers: { "X-Campaign": campaign },
    recipients: Array.from({ length: n }, (_, i) => ({
      email: extra(i) ?? `${(FIRST[i % FIRST.length] ?? "user").toLowerCase()}.${i}@${campaign}.demo.example`,
      variables: { first_name: FIRST[i % FIRST.length] ?? "there", campaign },
    })),
  };
}

async function ensureIntegration(io: Io, body: ApiBody<"post", typeof BASE>) {
  const api = createApiClient(io.env);
  const { integrations } = await api.get(BASE);
  const existing = integrations.find((i) => i.name === body.name);
  if (!existing) return api.post(BASE, { body });
  const { name: _name, ...changes } = body;
  return api.patch(`${BASE}/{integration_id}`, {
    params: { path: { integration_id: existing.id } },
    body: { ...changes, enabled: true },
  });
}

export const demo: CommandGroup = {
  description: "Fill Opsdeck with a realistic email workload",
  default: "run",
  commands: {
    run: command({
      description: "Register demo SMTP integrations and enqueue campaigns (sink stays up until Ctrl-C)",
      flags: {
        exit: {
          type: "boolean",
          default: false,
          help: "exit when the batches are done instead of keeping the sink up",
        },
      },
      examples: ["opsdeck demo", "opsdeck demo --exit"],
      async run({ values }, io) {
        const external = io.env.DEMO_SMTP_HOST && io.env.DEMO_SMTP_PORT;
        const sink = external ? null : await startDemoSink();
        const host = external ? (io.env.DEMO_SMTP_HOST as string) : "127.0.0.1";
        const port = external ? Number(io.env.DEMO_SMTP_PORT) : (sink?.port as number);
        io.out(sink ? `local SMTP sink on 127.0.0.1:${port}\n` : line`using SMTP at ${host}:${port}\n`);

        const live = await ensureIntegration(io, {
          name: "demo-sink",
          type: "ses",
          host,
          port,
          tls_mode: "none",
          sending_ips: ["203.0.113.12"],
          weight: 3,
        });
        const dead = await ensureIntegration(io, {
          name: "demo-unreachable",
          type: "smtp",
          host: "127.0.0.1",
          port: await deadPort(),
          tls_mode: "none",
          sending_ips: ["203.0.113.13"],
          weight: 1,
        });
        io.out(line`integrations: ${live.name} (${live.id}), ${dead.name} (${dead.id}, dead port: shows failover)\n`);

        const connection = { url: io.env.REDIS_URL ?? "redis://127.0.0.1:6379" };
        const prefix = io.env.QUEUE_PREFIX ?? "bull";
        const high = new Queue("email-sending-high", { connection, prefix });
        const normal = new Queue("email-sending", { connection, prefix });
        const stamp = Date.now().toString(36);
        const jobs = [
          ...[0, 1, 2].map((i) => ({
            q: high,
            name: "welcome",
            data: batch(`welcome-${stamp}`, "Welcome aboard, {{first_name}}", 25 + i * 5),
          })),
          ...[0, 1, 2, 3].map((i) => ({
            q: normal,
            name: "newsletter",
            data: batch(`newsletter-${stamp}`, "Our November newsletter", 200, (n) =>
              n === 7 + i ? `bounce.${i}@newsletter.demo.example` : null,
            ),
          })),
          {
            q: normal,
            name: "reengagement",
            data: batch(`reengage-${stamp}`, "We miss you, {{first_name}}", 60, (n) =>
              n % 20 === 3 ? `greylist.${n}@reengage.demo.example` : null,
            ),
          },
        ];
        try {
          const added = await Promise.all(
            jobs.map((j) => j.q.add(j.name, j.data, defaultJobOptions(j.q.name as "email-sending"))),
          );
          io.out(
            `enqueued ${added.length} batches (${jobs.reduce((n, j) => n + j.data.recipients.length, 0)} messages)\n`,
          );
          // Wait for the batches (greylisted ones retry after the queue's backoff), at most 3 min.
          const deadline = Date.now() + 180_000;
          for (;;) {
            const states = await Promise.all(added.map((j) => j.getState()));
            if (states.every((s) => s === "completed" || s === "failed") || Date.now() > deadline) break;
            await new Promise((r) => setTimeout(r, 1_000));
          }
          // /status is not enveloped: {status, data}.
          const status = await createApiClient(io.env)
            .get("/status")
            .then((s) => s.data)
            .catch(() => null);
          const states = await Promise.all(added.map((j) => j.getState()));
          io.out(
            keyValues([
              ["batches", states.reduce<Record<string, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {})],
              ["sink accepted / refused", sink ? `${sink.accepted} / ${sink.rejected}` : "(external sink)"],
              [
                "/status",
                status
                  ? `${status.healthy_integrations_count}/${status.total_integrations_count} integrations healthy`
                  : "(unavailable)",
              ],
              ["look at", "GET /status, opsdeck integrations list, opsdeck queues list, /admin/queues"],
            ]),
          );
        } finally {
          await Promise.all([high.close(), normal.close()]);
        }
        if (!sink) return;
        if (values.exit) return sink.close();
        io.out("sink running; Ctrl-C to stop\n");
        await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
        await sink.close();
      },
    }),
  },
};
