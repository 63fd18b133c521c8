// The commands an ops engineer finds and fixes things with from a terminal,
// run against a real listening app over queues filled by plain BullMQ:
// queues get|clean|promote, jobs list|search (and the ambiguous-id message),
// logs exports|export-status, alerts list|ack, health, integrations
// status|ips and audit list; and the API's validation errors named by flag.
import { recordFiring } from "../../packages/db/src";
import { createFixtures, type Fixtures } from "../api/queuesFixtures";
import { SINK_DESTINATIONS } from "../email/emailHelpers";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { listen } from "./inProcess";

let t: TestApp;
let f: Fixtures;
let api: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  // The integrations these tests create point at 127.0.0.1, which only an allow-list admits.
  t = await createTestApp(SINK_DESTINATIONS);
  f = createFixtures(t);
  await f.failJobs("cli-ops", 3, (i) => ({ invoice: `inv-${i}` }));
  await f.queue("cli-ops").addBulk([
    { name: "later", data: { n: 1 }, opts: { delay: 3_600_000 } },
    { name: "later", data: { n: 2 }, opts: { delay: 3_600_000 } },
    { name: "now", data: { n: 3 } },
  ]);
  // The same id in two queues.
  await f.queue("cli-a").add("x", {}, { jobId: "dup-7" });
  await f.queue("cli-b").add("x", {}, { jobId: "dup-7" });
  api = await listen(t);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await f.close();
  await t.close();
});

const cli = (argv: string[]) => api.cli(argv);

describe("queues", () => {
  it("get shows one queue's counts per state and its status", async () => {
    const r = await cli(["queues", "get", "cli-ops"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^queue +cli-ops$/m);
    expect(r.stdout).toMatch(/^counts +active 0, waiting 1, prioritized 0, delayed 2, .*failed 3/m);
    expect(JSON.parse((await cli(["queues", "get", "cli-ops", "--json"])).stdout)).toMatchObject({
      name: "cli-ops",
      counts: { delayed: 2, failed: 3, waiting: 1 },
    });
  });

  it("promote moves delayed jobs to waiting, after a dry run that changes nothing", async () => {
    const dry = await cli(["queues", "promote", "cli-ops", "--dry-run"]);
    expect(dry).toMatchObject({ code: 0, stdout: "cli-ops: 2 delayed job(s) would be promoted (dry run)\n" });
    expect(await f.queue("cli-ops").getDelayedCount()).toBe(2);
    const r = await cli(["queues", "promote", "cli-ops", "--limit", "1", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ matched: 1, promoted: 1, dry_run: false });
    expect(await f.queue("cli-ops").getDelayedCount()).toBe(1);
  });

  it("clean deletes jobs in a state past a grace period, after a dry run that changes nothing", async () => {
    const dry = await cli(["queues", "clean", "cli-ops", "--state", "failed", "--grace", "0s", "--dry-run"]);
    expect(dry).toMatchObject({ code: 0, stdout: "cli-ops: 3 failed job(s) would be deleted (dry run)\n" });
    // A grace of a day keeps jobs that failed a moment ago.
    const kept = await cli(["queues", "clean", "cli-ops", "--state", "failed", "--grace", "1d", "--json"]);
    expect(JSON.parse(kept.stdout)).toMatchObject({ matched: 0, deleted: 0 });
    const r = await cli(["queues", "clean", "cli-ops", "--state", "failed", "--limit", "2"]);
    expect(r.stdout).toMatch(/^deleted +2$/m);
    expect(await f.queue("cli-ops").getFailedCount()).toBe(1);
  });

  it("names the flag when the API refuses a value", async () => {
    const r = await cli(["queues", "clean", "cli-ops", "--state", "bogus"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(/^error: validation_failed: /);
    expect(r.stderr).toMatch(/\n {2}--state: .*completed/);
  });
});

describe("jobs", () => {
  it("list shows a queue's jobs in one state, with their failure", async () => {
    const [failed] = await f.failJobs("cli-list", 1);
    const r = await cli(["jobs", "list", "--queue", "cli-list", "--status", "failed"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID +NAME +STATUS +ATTEMPTS +CREATED +FINISHED +ERROR \/ DATA$/);
    expect(lines[2]).toMatch(new RegExp(`^${failed!.id} +send +failed +1/1 .* SMTP connection timeout #0$`));
    expect(lines.at(-1)).toBe("1 of 1");
    const waiting = await cli(["jobs", "list", "--queue", "cli-ops", "--json"]);
    expect(
      JSON.parse(waiting.stdout)
        .jobs.map((j: { name: string }) => j.name)
        .sort(),
    ).toEqual(["later", "now"]);
  });

  it("search finds job records by text, and pages", async () => {
    await t.deps.db.pool.query(
      `INSERT INTO job_records (queue, job_id, name, status, payload, failed_reason, created_at)
       SELECT 'cli-search', 'j' || i, 'invoice-reminder', 'failed', jsonb_build_object('customer', 'acme-' || i),
              'mailbox full', now()
         FROM generate_series(1, 3) AS i`,
    );
    const r = await cli(["jobs", "search", "-q", "invoice-reminder", "--status", "failed", "--limit", "2"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID +QUEUE +NAME +STATUS +ATTEMPTS +UPDATED +REASON \/ DATA$/);
    expect(lines.slice(2, 4).every((l) => /^j\d +cli-search +invoice-reminder +failed .* mailbox full$/.test(l))).toBe(
      true,
    );
    expect(lines.at(-1)).toBe("2 of 3 — next page: --offset 2");
    const next = JSON.parse((await cli(["jobs", "search", "-q", "acme-2", "--json"])).stdout);
    expect(next.jobs.map((j: { id: string }) => j.id)).toEqual(["j2"]);
  });

  it("says which queues hold an ambiguous id and which flag picks one", async () => {
    for (const action of ["get", "retry", "delete"]) {
      const r = await cli(["jobs", action, "dup-7"]);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toBe(
        "error: ambiguous_job_id: job dup-7 exists in queues cli-a, cli-b; add --queue cli-a (or cli-b)",
      );
      expect(r.stderr).toContain(`\nusage: opsdeck jobs ${action} <job_id> [--queue QUEUE] [--json]\n`);
    }
    expect((await cli(["jobs", "get", "dup-7", "--queue", "cli-b"])).stdout).toMatch(/^queue +cli-b$/m);
  });
});

it("logs exports lists exports and export-status shows one", async () => {
  const started = await cli(["logs", "export", "--level", "error", "--since", "1h", "--json"]);
  const { export_id: id } = JSON.parse(started.stdout) as { export_id: string };
  const list = await cli(["logs", "exports"]);
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(new RegExp(`^${id} +(queued|processing) +csv `, "m"));
  const one = await cli(["logs", "export-status", id]);
  expect(one.stdout).toMatch(new RegExp(`^export +${id}$`, "m"));
  expect(one.stdout).toMatch(/^filters +\{.*"level":"error"/m);
});

it("alerts list shows alerts and ack acknowledges one", async () => {
  const [alert] = await recordFiring(t.deps.db.pool, [
    {
      rule: "queue_backlog",
      subject: "cli-ops",
      severity: "warning",
      service: "queues",
      message: "cli-ops has 1200 waiting jobs",
      details: {},
    },
  ]);
  const id = `alert_${alert!.id}`;
  const list = await cli(["alerts", "list", "--severity", "warning"]);
  expect(list.stdout).toMatch(
    new RegExp(`^${id} +\\S+ +warning +queues +cli-ops +open +cli-ops has 1200 waiting jobs$`, "m"),
  );
  const ack = await cli(["alerts", "ack", id]);
  expect(ack.code).toBe(0);
  expect(ack.stdout).toMatch(new RegExp(`^${id}: acknowledged by test-ops`));
  expect((await cli(["alerts", "list", "--json"])).stdout).toContain('"acknowledged": true');
});

it("health shows every service, and its metrics", async () => {
  const r = await cli(["health"]);
  expect(r.code).toBe(0);
  for (const name of ["API Server", "Workers", "SMTP Service", "OLTP Database", "Redis"]) {
    expect(r.stdout).toMatch(new RegExp(`^${name} +(healthy|degraded|down) `, "m"));
  }
  expect(r.stdout).toMatch(/^Redis +\S+ +ping \d+ ms/m);
  const m = await cli(["health", "metrics"]);
  expect(m.stdout).toMatch(/^jobs finished +\d+ today/m);
});

it("integrations status and ips show the integrations' health and the sending IPs", async () => {
  const created = await cli([
    "integrations",
    "create",
    "--name",
    "cli-relay",
    "--host",
    "127.0.0.1",
    "--port",
    "2525",
    "--sending-ip",
    "203.0.113.77",
  ]);
  expect(created.code).toBe(0);
  const s = await cli(["integrations", "status"]);
  expect(s.stdout).toMatch(/^(ok|degraded|unhealthy): \d+ of 1 healthy\n/);
  expect(s.stdout).toMatch(/^smtp +(ok|degraded|unhealthy) +\d +1$/m);
  const ips = await cli(["integrations", "ips"]);
  expect(ips.stdout).toMatch(/^203\.0\.113\.77 +\S+ +(good|warning|critical) +\d+/m);
});

it("audit list shows who changed what", async () => {
  await cli(["queues", "pause", "cli-ops"]);
  const r = await cli(["audit", "list", "--action", "queue.pause", "--since", "1h"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^\S+ +test-ops \(ops\) +queue\.pause +queue:cli-ops +success +\{\}$/m);
  expect(r.stdout.trim().split("\n").at(-1)).toBe("1 of 1");
});
