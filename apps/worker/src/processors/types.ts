// What every processor receives. A processor validates nothing itself: the
// runtime (workers.ts) has already parsed `job.data` with the catalog schema.
import type { Logger } from "@opsdeck/core";
import type { Db } from "@opsdeck/db";
import type { Job } from "bullmq";

import type { WorkerConfig } from "../config";

export interface ProcessorContext {
  config: WorkerConfig;
  /** Scoped to the queue and job (queue, job_id). */
  log: Logger;
  db: Db;
  /**
   * Aborted (reason SHUTDOWN_REASON) when the worker shuts down and this job outlived the grace
   * period: the job has then already been handed back to `wait`, so a long processor should stop at
   * its next safe point (releasing what it holds) rather than carry on.
   */
  signal: AbortSignal;
  /**
   * The job's BullMQ lock token (undefined when a processor is called outside a worker, as tests do):
   * what `job.moveToDelayed(ts, token)` needs to give the job's slot back until later.
   */
  token?: string | undefined;
}

export type Processor<P> = (job: Job<P>, payload: P, ctx: ProcessorContext) => Promise<unknown>;
