// The worker's tracker of processor calls (apps/worker/src/workers.ts): the
// signal is built only when read, cancelAll hands running jobs back and aborts
// their signals, and a call that starts after cancelAll is handed back without
// running its processor. The BullMQ side (moveToWait on a real queue) is
// covered by tests/worker/runtime.test.ts; here a stand-in job records the call.
import { type Job, WaitingError } from "bullmq";

import { createActiveJobs } from "../../apps/worker/src/workers";
import { silentLogger } from "./workerHelpers";

function fakeJob(id: string) {
  const moves: string[] = [];
  const job = {
    id,
    queueName: "log-exports",
    moveToWait: async (token: string) => {
      moves.push(token);
      return 0;
    },
  } as unknown as Job;
  return { job, moves };
}

it("builds a job's signal only when read, and aborts it and hands the job back on cancelAll", async () => {
  const tracker = createActiveJobs(silentLogger());
  const { job, moves } = fakeJob("a");
  let signal: AbortSignal | undefined;
  let finish: () => void = () => undefined;
  const call = tracker.run(job, "tok-a", async (signalOf) => {
    signal = signalOf();
    await new Promise<void>((r) => (finish = r));
    return "done";
  });
  expect(tracker.count).toBe(1);
  expect(signal?.aborted).toBe(false);
  tracker.cancelAll("worker shutting down");
  await tracker.whenHandedBack(1_000);
  expect(moves).toEqual(["tok-a"]);
  expect(signal?.aborted).toBe(true);
  expect(signal?.reason).toBe("worker shutting down");
  await expect(call).rejects.toBeInstanceOf(WaitingError);
  expect(await tracker.whenIdle(10)).toBe(false); // the processor itself is still running
  finish();
  expect(await tracker.whenIdle(1_000)).toBe(true);
});

it("hands back a call that starts after cancelAll without running its processor", async () => {
  const tracker = createActiveJobs(silentLogger());
  tracker.cancelAll("worker shutting down");
  const { job, moves } = fakeJob("late");
  let ran = false;
  const call = tracker.run(job, "tok-late", async () => {
    ran = true;
    return "done";
  });
  await expect(call).rejects.toBeInstanceOf(WaitingError);
  expect(moves).toEqual(["tok-late"]);
  expect(ran).toBe(false);
  expect(await tracker.whenIdle(1_000)).toBe(true);
});

it("settles with the processor's own result while nothing is cancelled", async () => {
  const tracker = createActiveJobs(silentLogger());
  const { job, moves } = fakeJob("b");
  await expect(tracker.run(job, "tok-b", async () => 42)).resolves.toBe(42);
  await expect(
    tracker.run(job, "tok-b", async () => {
      throw new Error("boom");
    }),
  ).rejects.toThrow("boom");
  expect(moves).toEqual([]);
  expect(tracker.count).toBe(0);
});
