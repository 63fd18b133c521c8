// Group commit at the application level: calls made while a batch is in
// flight wait and go together in the next batch, so N concurrent SMTP
// transactions cost about one Postgres commit (one fsync) per round trip
// instead of N. An urgent call waits at most one in-flight batch and, when
// nothing is in flight, runs at once (no added latency). A `later` call is
// not urgent: it rides along with the next urgent one, or goes by itself
// after `laterMs` when none comes.
export interface Coalescer<I, R> {
  (item: I): Promise<R>;
  later(item: I): Promise<R>;
}

export function createCoalescer<I, R>(
  run: (items: I[]) => Promise<R[]>,
  maxBatch = 500,
  /** How long a `later` item may wait for an urgent one to share a batch with, ms. */
  laterMs = 20,
): Coalescer<I, R> {
  let queue: { item: I; urgent: boolean; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    timer ??= setTimeout(() => {
      timer = null;
      if (!running) void drain(true);
    }, laterMs);
  };
  /** Runs batches while an urgent item waits (or once, when `due`: the later items' time is up). */
  const drain = async (due = false) => {
    running = true;
    if (timer) clearTimeout(timer);
    timer = null;
    while (queue.length > 0 && (due || queue.some((q) => q.urgent))) {
      due = false;
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
    if (queue.length > 0) arm(); // only later items are left: they wait for an urgent one, or their time
  };
  const enqueue = (item: I, urgent: boolean) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, urgent, resolve, reject });
      if (running) return;
      if (urgent) void drain();
      else arm();
    });
  const now = (item: I) => enqueue(item, true);
  now.later = (item: I) => enqueue(item, false);
  return now;
}
