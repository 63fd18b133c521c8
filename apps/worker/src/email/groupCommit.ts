// Group commit at the application level: calls made while batches are in
// flight wait and go together in the next batch, so N concurrent SMTP
// transactions cost far fewer than N Postgres statements and commits. Up to
// `lanes` batches run at once (each on a pool connection of its own): an
// urgent call starts a batch at once when a lane is free, and otherwise waits
// for the first batch to finish, then goes with whatever queued meanwhile. A
// `later` call is not urgent: it rides along with the next urgent one, or
// goes by itself after `laterMs` when none comes.
export interface GroupCommit<I, R> {
  (item: I): Promise<R>;
  later(item: I): Promise<R>;
}

export interface GroupCommitOptions {
  /** Most items in one batch. */
  maxBatch?: number;
  /** Batches in flight at once. */
  lanes?: number;
  /** How long a `later` item may wait for an urgent one to share a batch with, ms. */
  laterMs?: number;
}

interface Pending<I, R> {
  item: I;
  urgent: boolean;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export function createGroupCommit<I, R>(
  run: (items: I[]) => Promise<R[]>,
  { maxBatch = 500, lanes = 1, laterMs = 20 }: GroupCommitOptions = {},
): GroupCommit<I, R> {
  let queue: Pending<I, R>[] = [];
  let urgentQueued = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;

  const start = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    for (const b of batch) if (b.urgent) urgentQueued--;
    inFlight++;
    run(batch.map((b) => b.item)).then(
      (results) => {
        batch.forEach((b, i) => b.resolve(results[i] as R));
        done();
      },
      (err: unknown) => {
        for (const b of batch) b.reject(err);
        done();
      },
    );
  };
  const done = () => {
    inFlight--;
    if (urgentQueued > 0) start();
    else if (queue.length > 0) arm(); // only later items are left: they wait for an urgent one, or their time
  };
  const arm = () => {
    timer ??= setTimeout(() => {
      timer = null;
      if (queue.length > 0 && inFlight < lanes) start();
      else if (queue.length > 0) arm();
    }, laterMs);
  };
  const enqueue = (item: I, urgent: boolean) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, urgent, resolve, reject });
      if (urgent) {
        urgentQueued++;
        if (inFlight < lanes) start();
      } else if (inFlight === 0) arm();
    });
  const now = (item: I) => enqueue(item, true);
  now.later = (item: I) => enqueue(item, false);
  return now;
}
