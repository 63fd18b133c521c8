// The scheduled tick (`metric-rollups` jobs from the worker's job schedulers,
// schedule.ts; the queue name and its payloads stay as they are, being data
// in Redis). Every tick first reconciles job records against Redis (the
// reconciler takes its own Redis lock); then a 'maintenance' tick runs the
// hourly steps (scheduled/hourly.ts) and any other kind the minute steps
// (scheduled/minute.ts). Every step is idempotent, so a tick that runs twice
// (at least once delivery, several workers) does no harm.
import type { MetricRollupPayload } from "@opsdeck/core";

import type { Reconciler } from "../reconcile";
import { runHourlySteps } from "../scheduled/hourly";
import { type MinuteDeps, runMinuteSteps } from "../scheduled/minute";
import { step } from "../scheduled/step";
import type { Processor } from "./types";

export interface ScheduledTickDeps extends MinuteDeps {
  reconciler: Reconciler;
}

export function createScheduledTick(deps: ScheduledTickDeps): Processor<MetricRollupPayload> {
  return async (_job, payload, ctx) => {
    const result: Record<string, unknown> = { kind: payload.kind };
    result.reconcile = await step(
      ctx.log,
      "reconcile",
      async () => (await deps.reconciler.run()) ?? "skipped: another worker holds the lock",
    );
    if (payload.kind === "maintenance") {
      Object.assign(result, await runHourlySteps(ctx));
      ctx.log.info("maintenance done", result);
    } else {
      Object.assign(result, await runMinuteSteps(ctx, deps));
    }
    return result;
  };
}
