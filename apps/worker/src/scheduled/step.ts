// The steps of a scheduled tick are independent and idempotent: one that
// fails is logged and recorded in the tick's result without stopping the
// others, so one broken dependency (say, a DNS resolver) cannot stall the rest.
import type { Logger } from "@opsdeck/core";
import { coerceError } from "@opsdeck/core";

/** Runs `fn`; its result, or `{ error }` when it failed. */
export async function step(log: Logger, name: string, fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return await fn();
  } catch (err) {
    log.warn("maintenance step failed", { step: name, err });
    return { error: coerceError(err).message };
  }
}
