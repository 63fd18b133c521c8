// shareConcurrentReads() (apps/api/src/queues/sharedReads.ts) shares GET /queues reads between
// concurrent callers without ever handing a caller a read that started before
// it called: counts must be at least as fresh as the request.
import { shareConcurrentReads } from "../../apps/api/src/queues/sharedReads";

/** A read whose calls are numbered and settled by hand. */
function controlledRead() {
  const calls: { n: number; resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      calls.push({ n: calls.length + 1, resolve, reject });
    });
  return { read, calls };
}

const tick = () => new Promise((r) => setImmediate(r));

test("callers during a read share the next read, which starts after the first settles", async () => {
  const { read, calls } = controlledRead();
  const get = shareConcurrentReads(read);
  const first = get();
  const [a, b, c] = [get(), get(), get()];
  expect(calls).toHaveLength(1); // one read in flight; the three wait for a later one
  calls[0]!.resolve(1);
  expect(await first).toBe(1);
  await tick();
  expect(calls).toHaveLength(2);
  calls[1]!.resolve(2);
  expect(await Promise.all([a, b, c])).toEqual([2, 2, 2]); // never the read that started before them
  const later = get();
  await tick();
  expect(calls).toHaveLength(3);
  calls[2]!.resolve(3);
  expect(await later).toBe(3);
});

test("when the read in flight fails, the waiting callers get its error, and the next caller reads again", async () => {
  const { read, calls } = controlledRead();
  const get = shareConcurrentReads(read);
  const first = get();
  const waiting = get();
  calls[0]!.reject(new Error("redis timed out"));
  await expect(first).rejects.toThrow("redis timed out");
  await expect(waiting).rejects.toThrow("redis timed out");
  expect(calls).toHaveLength(1);
  const again = get();
  expect(calls).toHaveLength(2);
  calls[1]!.resolve(7);
  expect(await again).toBe(7);
});
