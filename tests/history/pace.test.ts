// When the history follower steps aside from a stream and when it follows
// again (apps/worker/src/history/pace.ts), on a clock the test drives.
import { newPace, POLL_MS, resumeNow, stepAsideAfter } from "../../apps/worker/src/history/pace";

const BATCH = 1_000;
const read = (entries: number, entriesAdded: number, gap = false) => ({
  entries,
  batch: BATCH,
  entriesAdded,
  gap,
});

test("a full read steps aside while the stream grows at over half the follower's rate", () => {
  const burst = newPace();
  burst.readAt = 0;
  expect(stepAsideAfter(burst, read(BATCH, 5_000), 100)).toBe(false); // first read: growth not known yet
  // 1,000 read in 100 ms (10,000/s), while 2,000 were added (20,000/s).
  expect(stepAsideAfter(burst, read(BATCH, 7_000), 200)).toBe(true);
  expect(burst.rate).toBe(10_000);

  // Catching up on a backlog the stream no longer adds to: full reads, no growth.
  const backlog = newPace();
  backlog.readAt = 0;
  stepAsideAfter(backlog, read(BATCH, 50_000), 100);
  expect(stepAsideAfter(backlog, read(BATCH, 50_100), 200)).toBe(false);

  // Keeping pace with a burst (its workers slowed by the follower's own CPU): still a burst.
  const paced = newPace();
  paced.readAt = 0;
  stepAsideAfter(paced, read(BATCH, 5_000), 100);
  expect(stepAsideAfter(paced, read(BATCH, 6_000), 200)).toBe(true);

  // A rate measured catching up with the host to itself (100,000/s) is forgotten once caught up: a burst
  // the follower slows to 12,000/s by competing with its workers still counts as one.
  const after = newPace(100_000);
  after.readAt = 0;
  stepAsideAfter(after, read(300, 5_000), 100);
  expect(after.rate).toBeNull();
  expect(stepAsideAfter(after, read(BATCH, 6_200), 200)).toBe(true);

  // Not a full read: caught up, however fast the stream grows.
  const steady = newPace();
  steady.readAt = 0;
  stepAsideAfter(steady, read(400, 5_000), 100);
  expect(stepAsideAfter(steady, read(400, 9_000), 200)).toBe(false);
});

test("a gap in a full first read steps aside (a busy stream until a check says otherwise); later ones by growth", () => {
  expect(stepAsideAfter(newPace(), read(BATCH, 50_000, true), Date.now() + 10)).toBe(true);
  expect(stepAsideAfter(newPace(), read(10, 50_000, true), Date.now() + 10)).toBe(false);
  const quiet = newPace();
  quiet.readAt = 0;
  stepAsideAfter(quiet, read(BATCH, 5_000), 100);
  expect(stepAsideAfter(quiet, read(BATCH, 5_010, true), 200)).toBe(false); // repaired at once
});

test("following again: once growth falls below half the reading rate, or after the longest aside", () => {
  const pace = newPace(10_000); // reads 10,000 entries/s
  pace.aside = { since: 0, at: 0, added: 100_000 };
  expect(resumeNow(pace, 150_000, POLL_MS / 2, BATCH, 10_000)).toBe(false); // too soon to measure
  expect(resumeNow(pace, 150_000, POLL_MS, BATCH, 10_000)).toBe(false); // 200,000 entries/s
  expect(resumeNow(pace, 152_000, 2 * POLL_MS, BATCH, 10_000)).toBe(false); // 8,000/s: not below 5,000/s yet
  expect(resumeNow(pace, 152_500, 3 * POLL_MS, BATCH, 10_000)).toBe(true); // 2,000 entries/s

  const sustained = newPace(10_000);
  sustained.aside = { since: 0, at: 0, added: 0 };
  expect(resumeNow(sustained, 50_000, 1_000, BATCH, 10_000)).toBe(false);
  expect(resumeNow(sustained, 500_000, 10_000, BATCH, 10_000)).toBe(true); // aside long enough: repair anyway

  // Never measured (no full reads yet): compared with two batches a second.
  const fresh = newPace();
  fresh.aside = { since: 0, at: 0, added: 0 };
  expect(resumeNow(fresh, 900, 1_000, BATCH, 10_000)).toBe(true);
});
