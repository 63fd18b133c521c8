// The worker's scheduled jobs, as BullMQ job schedulers on `metric-rollups`.
// `upsertJobScheduler` is idempotent by scheduler id, so every worker process
// can call it at start: several processes still yield one job per period.
import { defaultJobOptions, type JobRetentionOptions, type MetricRollupPayload } from "@opsdeck/core";
import type { Queue } from "bullmq";

/** Scheduler ids and periods (ms). */
export const SCHEDULES = [
  { id: "metric-rollups-minute", every: 60_000, data: { kind: "minute" } },
  { id: "maintenance-hourly", every: 3_600_000, data: { kind: "maintenance" } },
] as const satisfies readonly { id: string; every: number; data: MetricRollupPayload }[];

export async function upsertSchedules(rollups: Queue, retention: JobRetentionOptions): Promise<void> {
  const opts = defaultJobOptions("metric-rollups", retention);
  for (const s of SCHEDULES) {
    await rollups.upsertJobScheduler(s.id, { every: s.every }, { name: s.data.kind, data: s.data, opts });
  }
}
