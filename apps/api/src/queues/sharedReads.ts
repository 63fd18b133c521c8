// Lets concurrent callers share one read of something that changes all the
// time (every queue's counts), without ever handing one a result read before
// it called.

/**
 * A caller joins the next read not yet started, which starts as soon as the
 * one in flight (if any) settles, so at most one read is in flight and one
 * waiting. Under N concurrent dashboard polls that is about two reads instead
 * of N. If the read in flight fails, the waiting callers get its error instead
 * of a second attempt, so a stalled Redis still answers them 503 within one
 * command deadline.
 */
export function shareConcurrentReads<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    next = null; // from here on, callers wait for a later read
    const p = read();
    inFlight = p;
    const clear = () => {
      if (inFlight === p) inFlight = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (next) return next;
    if (!inFlight) return start();
    const waiting: Promise<T> = inFlight.then(start, (err: unknown) => {
      if (next === waiting) next = null;
      throw err;
    });
    next = waiting;
    return waiting;
  };
}
