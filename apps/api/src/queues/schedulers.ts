// Job schedulers of any queue through BullMQ's own Queue API
// (getJobSchedulers / getJobScheduler / upsertJobScheduler /
// removeJobScheduler). A schedule is checked before it is stored: a cron
// pattern (and its time zone) must give a next run under BullMQ's own
// getNextMillis — the cron parser BullMQ will use — and a catalog queue's
// template data must pass the queue's payload schema, as its worker will
// parse it. Trigger-now adds one job from the template and leaves the
// schedule (its next run, its iteration count) alone.
import {
  type FieldIssue,
  isCatalogQueue,
  NotFoundError,
  QUEUES,
  SCHEDULER_MAX_DATA_CHARS,
  type SchedulerList,
  type SchedulerUpsertBody,
  type SchedulerView,
  ValidationError,
} from "@opsdeck/core";
import { getNextMillis, type JobSchedulerJson, type Queue, type RepeatOptions } from "bullmq";

const isoOrNull = (ms: number | undefined) => (ms === undefined || ms === null ? null : new Date(ms).toISOString());

export function schedulerView(queue: string, s: JobSchedulerJson): SchedulerView {
  return {
    id: s.id ?? s.key,
    queue,
    name: s.name,
    pattern: s.pattern ?? null,
    every: s.every === undefined || s.every === null ? null : Number(s.every),
    tz: s.tz ?? null,
    start_date: isoOrNull(s.startDate),
    end_date: isoOrNull(s.endDate),
    limit: s.limit ?? null,
    iteration_count: s.iterationCount ?? null,
    next_run_at: isoOrNull(s.next),
    template: { data: s.template?.data ?? {}, opts: (s.template?.opts ?? {}) as Record<string, unknown> },
  };
}

export async function listSchedulers(queue: Queue, limit: number, offset: number): Promise<SchedulerList> {
  const [items, total] = await Promise.all([
    queue.getJobSchedulers(offset, offset + limit - 1, true),
    queue.getJobSchedulersCount(),
  ]);
  return {
    schedulers: items.map((s) => schedulerView(queue.name, s)),
    pagination: { total, limit, offset },
  };
}

export async function loadScheduler(queue: Queue, id: string): Promise<JobSchedulerJson> {
  const s = await queue.getJobScheduler(id);
  if (!s) throw new NotFoundError("scheduler_not_found", `No job scheduler '${id}' in queue '${queue.name}'.`);
  return s;
}

/** Whether BullMQ's own getNextMillis (its cron parser) finds a next run for `repeat`. */
function nextRunOf(repeat: RepeatOptions): boolean {
  try {
    const next = getNextMillis(Date.now(), repeat);
    return next !== undefined && Number.isFinite(next);
  } catch {
    return false;
  }
}

/** BullMQ's repeat options for a body, or a 400 listing what is wrong with it. */
function repeatOptions(queueName: string, b: SchedulerUpsertBody): RepeatOptions {
  const issues: FieldIssue[] = [];
  const repeat: RepeatOptions = {};
  if (b.every !== undefined) repeat.every = b.every;
  if (b.pattern !== undefined) repeat.pattern = b.pattern;
  if (b.tz !== undefined) repeat.tz = b.tz;
  if (b.start_date !== undefined) repeat.startDate = b.start_date;
  if (b.end_date !== undefined) {
    repeat.endDate = b.end_date;
    if (Date.parse(b.end_date) <= Date.now()) {
      issues.push({ field: "body.end_date", code: "in_the_past", message: "must be in the future" });
    }
  }
  if (b.limit !== undefined) repeat.limit = b.limit;
  if (b.pattern !== undefined && !nextRunOf(repeat)) {
    // Which of the two is wrong: the pattern alone, or the time zone it is read in.
    const patternAlone = nextRunOf({ ...repeat, tz: undefined });
    issues.push(
      patternAlone
        ? { field: "body.tz", code: "invalid_tz", message: "not a time zone BullMQ's cron parser knows" }
        : { field: "body.pattern", code: "invalid_pattern", message: "not a cron pattern BullMQ can schedule" },
    );
  }
  const json = JSON.stringify(b.template.data);
  if (json.length > SCHEDULER_MAX_DATA_CHARS) {
    issues.push({
      field: "body.template.data",
      code: "too_large",
      message: `at most ${SCHEDULER_MAX_DATA_CHARS} characters of JSON`,
    });
  }
  if (isCatalogQueue(queueName)) {
    const r = QUEUES[queueName].payload.safeParse(b.template.data);
    if (!r.success) {
      for (const i of r.error.issues.slice(0, 20)) {
        issues.push({
          field: ["body.template.data", ...i.path.map(String)].join("."),
          code: "invalid_payload",
          message: i.message,
        });
      }
    }
  }
  if (issues.length) throw new ValidationError(issues);
  return repeat;
}

/** BullMQ's job options of a template. */
function templateOpts(o: SchedulerUpsertBody["template"]["opts"]): Record<string, unknown> {
  return {
    ...(o.attempts === undefined ? {} : { attempts: o.attempts }),
    ...(o.backoff === undefined ? {} : { backoff: o.backoff }),
    ...(o.priority === undefined ? {} : { priority: o.priority }),
    ...(o.remove_on_complete === undefined ? {} : { removeOnComplete: o.remove_on_complete }),
    ...(o.remove_on_fail === undefined ? {} : { removeOnFail: o.remove_on_fail }),
  };
}

export async function upsertScheduler(
  queue: Queue,
  id: string,
  body: SchedulerUpsertBody,
): Promise<{ scheduler: SchedulerView; created: boolean }> {
  const repeat = repeatOptions(queue.name, body);
  const existed = (await queue.getJobScheduler(id)) !== undefined;
  await queue.upsertJobScheduler(id, repeat, {
    name: body.template.name,
    data: body.template.data,
    opts: templateOpts(body.template.opts),
  });
  return { scheduler: schedulerView(queue.name, await loadScheduler(queue, id)), created: !existed };
}

export async function removeScheduler(queue: Queue, id: string): Promise<void> {
  await loadScheduler(queue, id);
  // Queue#removeJobScheduler: true when it removed one (another call may have removed it meanwhile).
  if (!(await queue.removeJobScheduler(id))) {
    throw new NotFoundError("scheduler_not_found", `No job scheduler '${id}' in queue '${queue.name}'.`);
  }
}

/** Adds one job from the scheduler's template now; its schedule is left as it is. Returns the job id. */
export async function triggerScheduler(queue: Queue, id: string): Promise<string> {
  const s = await loadScheduler(queue, id);
  const opts = (s.template?.opts ?? {}) as Record<string, unknown>;
  const job = await queue.add(s.name, s.template?.data ?? {}, opts);
  return job.id!;
}
