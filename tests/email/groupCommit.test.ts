// The send path's group commit (apps/worker/src/email/groupCommit.ts): urgent calls
// start at once while a lane is free and otherwise share the next batch; `later`
// calls ride along with an urgent one or go on their own after laterMs; a failed
// batch rejects only its own calls.
import { createGroupCommit } from "../../apps/worker/src/email/groupCommit";

/** A run() whose batches the test finishes by hand. */
function controlled() {
  const batches: { items: number[]; finish: (err?: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push({ items, finish: (err) => (err ? reject(err) : resolve(items.map((i) => i * 10))) });
    });
  return { batches, run };
}
const tick = () => new Promise((r) => setImmediate(r));

it("starts an urgent call at once, and batches what arrives while it is in flight", async () => {
  const { batches, run } = controlled();
  const write = createGroupCommit(run);
  const first = write(1);
  expect(batches.map((b) => b.items)).toEqual([[1]]);
  const rest = [write(2), write(3)];
  expect(batches).toHaveLength(1); // the only lane is busy
  batches[0]?.finish();
  expect(await first).toBe(10);
  await tick();
  expect(batches.map((b) => b.items)).toEqual([[1], [2, 3]]);
  batches[1]?.finish();
  expect(await Promise.all(rest)).toEqual([20, 30]);
});

it("runs up to `lanes` batches at once", async () => {
  const { batches, run } = controlled();
  const write = createGroupCommit(run, { lanes: 2 });
  const calls = [write(1), write(2), write(3), write(4)];
  expect(batches.map((b) => b.items)).toEqual([[1], [2]]);
  batches[1]?.finish();
  await tick();
  expect(batches.map((b) => b.items)).toEqual([[1], [2], [3, 4]]);
  batches[0]?.finish();
  batches[2]?.finish();
  expect(await Promise.all(calls)).toEqual([10, 20, 30, 40]);
});

it("lets later calls ride with the next urgent one, or go alone after laterMs", async () => {
  const { batches, run } = controlled();
  const write = createGroupCommit(run, { laterMs: 30 });
  const a = write.later(1);
  const b = write.later(2);
  await tick();
  expect(batches).toHaveLength(0);
  const c = write(3);
  expect(batches.map((x) => x.items)).toEqual([[1, 2, 3]]);
  batches[0]?.finish();
  expect(await Promise.all([a, b, c])).toEqual([10, 20, 30]);

  const d = write.later(4);
  await tick();
  expect(batches).toHaveLength(1); // it waits for company first...
  await new Promise((r) => setTimeout(r, 60));
  expect(batches.map((x) => x.items)).toEqual([[1, 2, 3], [4]]); // ...then goes alone after laterMs
  batches[1]?.finish();
  expect(await d).toBe(40);
});

it("does not run later calls by themselves while a batch is in flight, and rejects only a failed batch", async () => {
  const { batches, run } = controlled();
  const write = createGroupCommit(run, { laterMs: 10_000 });
  const first = write(1);
  const later = write.later(2);
  batches[0]?.finish(new Error("postgres down"));
  await expect(first).rejects.toThrow("postgres down");
  await tick();
  expect(batches).toHaveLength(1); // the later call waits for an urgent one (or its 10 s)
  const urgent = write(3);
  expect(batches.map((x) => x.items)).toEqual([[1], [2, 3]]);
  batches[1]?.finish();
  expect(await Promise.all([later, urgent])).toEqual([20, 30]);
});
