// One deadline helper for every bounded wait on a dependency (health probes,
// rollup measurements, the rate limiter): the work races a timer, and the
// timer is always cleared so it never holds the process open.

/** Resolves or rejects with `work`, or rejects with "`what` did not answer within `ms` ms" once `ms` passes. */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
