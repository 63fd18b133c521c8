// Data cannot drive the operator's terminal: control characters (ESC[2J
// clears the screen, C1 CSI, bidi overrides) in a job's name, payload and
// failure, in a queue name the API echoes in an error, and in an integration's
// name are printed as visible escapes (`\x1b`, `\u202e`) in every table, detail
// view and error; --json stays exact JSON.
import { printable } from "../../packages/cli/src/output";
import { createFixtures, type Fixtures } from "../api/queuesFixtures";
import { SINK_DESTINATIONS } from "../email/emailHelpers";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { listen, RAW_CONTROL } from "./inProcess";

const CLEAR = "\x1b[2J\x1b[H";
const NAME = `send${CLEAR}now`;
const PAYLOAD = { note: `\u202eevil\u202c \x9b31m \x07 tab\there` };
const FAILURE = `refused${CLEAR}by server`;
const EVIL_QUEUE = `evil${CLEAR}q`;

let t: TestApp;
let f: Fixtures;
let api: Awaited<ReturnType<typeof listen>>;
const jobId = "esc-1";

beforeAll(async () => {
  // The integrations these tests create point at 127.0.0.1, which only an allow-list admits.
  t = await createTestApp(SINK_DESTINATIONS);
  f = createFixtures(t);
  await f.queue("cli-esc").add(NAME, PAYLOAD, { attempts: 1, jobId });
  const { job, token } = await f.takeJob("cli-esc");
  await job.moveToFailed(new Error(FAILURE), token, false);
  // The same id in a second queue, whose name (a queue discovered in Redis can be named anything) is hostile too.
  await f.queue(EVIL_QUEUE).add("x", {}, { jobId });
  api = await listen(t);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await f.close();
  await t.close();
});

it("renders control characters visibly, and leaves ordinary text alone", () => {
  expect(printable("a\x1b[2Jb\u202ec\x9bd\x7fe\tf\ng")).toBe("a\\x1b[2Jb\\u202ec\\x9bd\\x7fe\\tf\\ng");
  expect(printable("line 1\nline 2\r", true)).toBe("line 1\nline 2\\r");
  expect(printable("plain ünïcödé — 中文 C:\\path")).toBe("plain ünïcödé — 中文 C:\\path");
});

it("escapes a job's name, payload and failure in jobs list", async () => {
  const r = await api.cli(["jobs", "list", "--queue", "cli-esc", "--status", "failed"]);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(RAW_CONTROL);
  expect(r.stdout).toContain("send\\x1b[2J\\x1b[Hnow");
  expect(r.stdout).toContain("refused\\x1b[2J\\x1b[Hby server");
});

it("escapes them in the job's detail view, stack trace included", async () => {
  const r = await api.cli(["jobs", "get", jobId, "--queue", "cli-esc"]);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(RAW_CONTROL);
  expect(r.stdout).toMatch(/^name +send\\x1b\[2J\\x1b\[Hnow$/m);
  // The payload is shown as JSON (which escapes C0 itself), with the rest made visible.
  expect(r.stdout).toContain('data          {"note":"\\u202eevil\\u202c \\x9b31m \\u0007 tab\\there"}');
  expect(r.stdout).toMatch(/^stack:\n {2}Error: refused\\x1b\[2J\\x1b\[Hby server\n {2}\s*at /m);
});

it("keeps --json exact: the same values, with no raw control character", async () => {
  const r = await api.cli(["jobs", "get", jobId, "--queue", "cli-esc", "--json"]);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(RAW_CONTROL);
  const job = JSON.parse(r.stdout) as { name: string; data: unknown; error: { message: string } };
  expect(job).toMatchObject({ name: NAME, data: PAYLOAD, error: { message: FAILURE } });
});

it("escapes a queue name in an error, and in queues list", async () => {
  const r = await api.cli(["jobs", "get", jobId]);
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(RAW_CONTROL);
  const queues = ["cli-esc", "evil\\x1b[2J\\x1b[Hq"].sort();
  expect(r.stderr.split("\n")[0]).toBe(
    `error: ambiguous_job_id: job ${jobId} exists in queues ${queues.join(", ")}; add --queue ${queues[0]} (or ${queues[1]})`,
  );
  const list = await api.cli(["queues", "list"]);
  expect(list.stdout).not.toMatch(RAW_CONTROL);
  expect(list.stdout).toMatch(/^evil\\x1b\[2J\\x1b\[Hq +healthy/m);
});

it("escapes an integration's name in what create prints and in integrations list", async () => {
  const name = `relay${CLEAR}\u202e1`;
  const created = await api.cli(["integrations", "create", "--name", name, "--host", "127.0.0.1", "--port", "2525"]);
  expect(created.code).toBe(0);
  expect(created.stdout).not.toMatch(RAW_CONTROL);
  expect(created.stdout).toMatch(/^name +relay\\x1b\[2J\\x1b\[H\\u202e1$/m);
  const list = await api.cli(["integrations", "list"]);
  expect(list.stdout).not.toMatch(RAW_CONTROL);
  expect(list.stdout).toContain("relay\\x1b[2J\\x1b[H\\u202e1");
  const j = await api.cli(["integrations", "list", "--json"]);
  expect(j.stdout).not.toMatch(RAW_CONTROL);
  expect((JSON.parse(j.stdout) as { name: string }[]).map((i) => i.name)).toContain(name);
});
