// A bounded, batching buffer for writes that must never block the caller
// (request logs, application logs, job records). `push` is O(1) and never
// waits: when the buffer is full the entry is dropped and counted. A flush
// runs every `intervalMs` or as soon as `batchSize` entries are waiting; only
// one flush runs at a time. A failed flush keeps its batch (up to the buffer
// bound) and retries on the next tick, so a short database outage loses
// nothing that fits in the buffer.

export interface BatchBufferOptions<T> {
  /** Writes one batch; throwing keeps the batch for the next attempt. */
  write: (batch: T[]) => Promise<void>;
  /** Most entries held in memory; beyond this, pushes are dropped. @defaultValue 10000 */
  maxEntries?: number;
  /** Entries per write. @defaultValue 500 */
  batchSize?: number;
  /** Milliseconds between flushes. @defaultValue 1000 */
  intervalMs?: number;
  onError?: (err: unknown, batchLength: number) => void;
  /**
   * Called for every dropped entry with the running total; `reason` says whether the buffer was full or
   * already closed (entries logged during shutdown), so callers can warn about the former only.
   */
  onDrop?: (dropped: number, reason: "full" | "closed") => void;
}

export interface BatchBuffer<T> {
  push(entry: T): boolean;
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left (bounded by `timeoutMs`). */
  close(timeoutMs?: number): Promise<void>;
  readonly size: number;
  readonly dropped: number;
  readonly written: number;
}

export function createBatchBuffer<T>(opts: BatchBufferOptions<T>): BatchBuffer<T> {
  const maxEntries = opts.maxEntries ?? 10_000;
  const batchSize = opts.batchSize ?? 500;
  let queue: T[] = [];
  let dropped = 0;
  let written = 0;
  let flushing: Promise<void> | null = null;
  let closed = false;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      try {
        await opts.write(batch);
      } catch (err) {
        opts.onError?.(err, batch.length);
        return; // keep the batch; retry on the next tick
      }
      queue = queue.slice(batch.length);
      written += batch.length;
    }
  }

  function flush(): Promise<void> {
    if (!flushing) flushing = drain().finally(() => (flushing = null));
    return flushing;
  }

  const timer = setInterval(() => void flush(), opts.intervalMs ?? 1_000);
  timer.unref();

  return {
    push(entry) {
      if (closed || queue.length >= maxEntries) {
        dropped++;
        opts.onDrop?.(dropped, closed ? "closed" : "full");
        return false;
      }
      queue.push(entry);
      if (queue.length >= batchSize && !flushing) void flush();
      return true;
    },
    flush,
    async close(timeoutMs = 5_000) {
      closed = true;
      clearInterval(timer);
      const deadline = Date.now() + timeoutMs;
      while (queue.length > 0 && Date.now() < deadline) {
        const before = queue.length;
        await flush();
        if (queue.length === before) await new Promise((r) => setTimeout(r, 100));
      }
    },
    get size() {
      return queue.length;
    },
    get dropped() {
      return dropped;
    },
    get written() {
      return written;
    },
  };
}
