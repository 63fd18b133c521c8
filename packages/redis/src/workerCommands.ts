// Commands to one of Opsdeck's worker processes (pause or resume a queue, set
// its concurrency, drain and stop), under Opsdeck's own keys:
//   <REDIS_KEY_PREFIX>:worker-commands:<worker id>   list of pending command ids, oldest first
//   <REDIS_KEY_PREFIX>:worker-command:<command id>   the command and its status, JSON
// The API pushes; the worker pops with a blocking BLPOP on a connection of its
// own, so a command sent while it is busy or between two pops waits in the
// list rather than being lost (pub/sub would drop it). Both keys expire a day
// after the last change (COMMAND_TTL_SECONDS): a command for a worker that
// never comes back goes away by itself.
import { randomBytes } from "node:crypto";

import type { Redis } from "./client";

/** How long a command and a worker's pending list are kept after their last change, s. */
const COMMAND_TTL_SECONDS = 86_400;

export type WorkerCommandName = "pause" | "resume" | "set_concurrency" | "drain";
export type WorkerCommandStatus = "pending" | "running" | "done" | "failed";

export interface WorkerCommand {
  id: string;
  workerId: string;
  command: WorkerCommandName;
  queue: string | null;
  concurrency: number | null;
  status: WorkerCommandStatus;
  /** What applying it gave (done), or why it could not be applied (failed). */
  result: Record<string, unknown> | null;
  error: string | null;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
}

const listKey = (prefix: string, workerId: string) => `${prefix}:worker-commands:${workerId}`;
const commandKey = (prefix: string, id: string) => `${prefix}:worker-command:${id}`;

/** Records a command as pending and queues it for its worker; returns it. */
export async function sendWorkerCommand(
  redis: Redis,
  prefix: string,
  c: { workerId: string; command: WorkerCommandName; queue: string | null; concurrency: number | null },
): Promise<WorkerCommand> {
  const now = Date.now();
  const cmd: WorkerCommand = {
    id: `wcmd_${randomBytes(12).toString("hex")}`,
    ...c,
    status: "pending",
    result: null,
    error: null,
    createdAt: now,
    updatedAt: now,
  };
  const list = listKey(prefix, c.workerId);
  await redis
    .multi()
    .set(commandKey(prefix, cmd.id), JSON.stringify(cmd), "EX", COMMAND_TTL_SECONDS)
    .rpush(list, cmd.id)
    .expire(list, COMMAND_TTL_SECONDS)
    .exec();
  return cmd;
}

export async function readWorkerCommand(redis: Redis, prefix: string, id: string): Promise<WorkerCommand | null> {
  const raw = await redis.get(commandKey(prefix, id));
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as WorkerCommand;
  } catch {
    return null;
  }
}

/**
 * The worker's next command, waiting up to `timeoutSeconds` for one (null: none came). `redis` must be
 * a connection of its own whose command timeout is longer than the wait. A command whose record has
 * expired is skipped.
 */
export async function takeWorkerCommand(
  redis: Redis,
  prefix: string,
  workerId: string,
  timeoutSeconds: number,
): Promise<WorkerCommand | null> {
  const popped = await redis.blpop(listKey(prefix, workerId), timeoutSeconds);
  if (!popped) return null;
  return readWorkerCommand(redis, prefix, popped[1]);
}

/** Records a command's progress or outcome. */
export async function updateWorkerCommand(
  redis: Redis,
  prefix: string,
  cmd: WorkerCommand,
  change: { status: WorkerCommandStatus; result?: Record<string, unknown>; error?: string },
): Promise<WorkerCommand> {
  const next: WorkerCommand = {
    ...cmd,
    status: change.status,
    result: change.result ?? cmd.result,
    error: change.error ?? cmd.error,
    updatedAt: Date.now(),
  };
  await redis.set(commandKey(prefix, cmd.id), JSON.stringify(next), "EX", COMMAND_TTL_SECONDS);
  return next;
}
