// A periodic write that never overlaps itself: the API's and the worker's
// heartbeats. Writes go one at a time, in order, so a beat still in flight
// when stop() runs cannot commit after the final (stopped) write and undo it;
// a timer beat is skipped while one is pending (Postgres slow or down).
export interface BeatLoop {
  /** Queues one write now (after any pending one); resolves once it is done. */
  beat(): Promise<void>;
  /** Stops the timer, then writes once more with the stop time. */
  stop(): Promise<void>;
}

/**
 * Calls `writeNow(null)` at once and every `intervalMs` (ms), and `writeNow(stopTime)` on stop.
 * `writeNow` handles its own errors: a rejection would stop the chain of later writes.
 */
export function startBeatLoop(writeNow: (stoppedAt: Date | null) => Promise<void>, intervalMs: number): BeatLoop {
  let last: Promise<void> = Promise.resolve();
  let pending = 0;
  function write(stoppedAt: Date | null): Promise<void> {
    pending++;
    last = last.then(() => writeNow(stoppedAt)).finally(() => pending--);
    return last;
  }
  const timer = setInterval(() => {
    if (pending === 0) void write(null);
  }, intervalMs);
  timer.unref();
  void write(null);
  return {
    beat: () => write(null),
    async stop() {
      clearInterval(timer);
      await write(new Date());
    },
  };
}
