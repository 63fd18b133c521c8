// Group commit at the application level: calls made while a batch is in
// flight wait and go together in the next batch, so N concurrent SMTP
// transactions cost about one Postgres commit (one fsync) per round trip
// instead of N. A call waits at most one in-flight batch; an idle call runs
// at once (no timer, no added latency).
export function createCoalescer<I, R>(run: (items: I[]) => Promise<R[]>, maxBatch = 500): (item: I) => Promise<R> {
  let queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i] as R));
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    running = false;
  };
  return (item: I) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
