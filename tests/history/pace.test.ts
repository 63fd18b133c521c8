// When the history follower steps aside from a stream and when it follows
// again (apps/worker/src/history/pace.ts), on a clock the test drives.
import { burstRate, isBurst, newPace, POLL_MS, resumeNow } from "../../apps/worker/src/history/pace";

const RATE = burstRate(5_000, 250); // the defaults: a batch of 5,000 entries per 250 ms linger

test("the burst rate is a batch per linger, the linger at least the poll period", () => {
  expect(RATE).toBe(20_000);
  expect(burstRate(5_000, 1_000)).toBe(5_000);
  expect(burstRate(5_000, 0)).toBe(20_000);
});

test("growth is judged over windows of at least POLL_MS: above the burst rate is a burst", () => {
  const pace = newPace();
  expect(isBurst(pace, 0, 0, RATE)).toBe(false); // the first read opens the window
  expect(isBurst(pace, 9_000, POLL_MS / 2, RATE)).toBe(false); // too short a window to judge
  expect(isBurst(pace, 9_000, POLL_MS, RATE)).toBe(true); // 36,000 entries/s
  // 2,000 jobs/s (8,000 entries/s), read every linger: never a burst.
  const steady = newPace();
  for (let t = 0; t <= 10_000; t += POLL_MS) expect(isBurst(steady, t * 8, t, RATE)).toBe(false);
  // A backlog caught up on with no new entries: no growth, however much is read.
  const backlog = newPace();
  isBurst(backlog, 500_000, 0, RATE);
  expect(isBurst(backlog, 500_010, 1_000, RATE)).toBe(false);
});

test("following again: once growth is below half the burst rate, or after the longest aside", () => {
  const pace = newPace();
  isBurst(pace, 100_000, 0, RATE);
  pace.asideSince = 0;
  expect(resumeNow(pace, 110_000, POLL_MS / 2, RATE, 10_000)).toBe(false); // too soon to measure
  expect(resumeNow(pace, 110_000, POLL_MS, RATE, 10_000)).toBe(false); // 40,000 entries/s
  expect(resumeNow(pace, 113_000, 2 * POLL_MS, RATE, 10_000)).toBe(false); // 12,000/s: not below 10,000/s
  expect(resumeNow(pace, 115_000, 3 * POLL_MS, RATE, 10_000)).toBe(true); // 8,000 entries/s

  const sustained = newPace();
  isBurst(sustained, 0, 0, RATE);
  sustained.asideSince = 0;
  expect(resumeNow(sustained, 50_000, 1_000, RATE, 10_000)).toBe(false);
  expect(resumeNow(sustained, 500_000, 10_000, RATE, 10_000)).toBe(true); // aside long enough: repair anyway
});
