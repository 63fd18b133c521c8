// Workers: every worker connected to any queue (Opsdeck's own and other
// clients'), and commands to Opsdeck's own worker processes — pause or
// resume taking jobs on one queue, set a queue's concurrency, drain and
// stop — delivered through Redis (@opsdeck/redis workerCommands.ts) and
// acknowledged by the worker. Reads need queues.read; a command changes how
// queues are worked, so it needs queues.write (not jobs.write or keys.admin)
// and is audited as worker:<id>. A foreign worker cannot be told anything (409).
import {
  auditTarget,
  ConflictError,
  NotFoundError,
  ValidationError,
  WorkerCommandBody,
  WorkerCommandParams,
  WorkerCommandView,
  WorkerIdParams,
  WorkerList,
  WorkersQuery,
} from "@opsdeck/core";
import { getWorkerHeartbeat } from "@opsdeck/db";
import {
  listWorkerConnections,
  readClientList,
  readWorkerCommand,
  sendWorkerCommand,
  type WorkerCommand,
} from "@opsdeck/redis";

import type { AppDeps } from "../deps";
import { defineRoute, reply } from "../http/route";
import { readyRedis } from "../queues/connection";
import { foreignWorkerId, listWorkers } from "../workers/list";

const BASE = "/api/v1/platform/system/workers";
const TAGS = ["workers"];

function commandView(c: WorkerCommand): WorkerCommandView {
  return {
    command_id: c.id,
    worker_id: c.workerId,
    command: c.command,
    queue: c.queue,
    concurrency: c.concurrency,
    status: c.status,
    result: c.result,
    error: c.error,
    created_at: new Date(c.createdAt).toISOString(),
    updated_at: new Date(c.updatedAt).toISOString(),
  };
}

/** 409 when `id` is a foreign worker connected now, else 404. */
async function notOurs(deps: AppDeps, id: string): Promise<never> {
  if (id.startsWith("redis-")) {
    const list = await readClientList(await readyRedis(deps.queues), deps.queues.prefix);
    const names = await deps.queues.names();
    const conns = list === null ? [] : listWorkerConnections(list, deps.queues.prefix, names);
    if (conns.some((c) => foreignWorkerId(c) === id)) {
      throw new ConflictError(
        "worker_not_controllable",
        `Worker '${id}' is not one of Opsdeck's worker processes; only those take commands.`,
      );
    }
  }
  throw new NotFoundError("worker_not_found", `No worker '${id}'.`);
}

export const workerRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listWorkers",
    summary: "Every worker connected to any queue: Opsdeck's own processes and other BullMQ clients'",
    description:
      "Opsdeck's worker processes come from their heartbeats (host, pid, CPU, memory, version, each queue's state, " +
      "concurrency and running jobs; those that stopped or went silent stay listed for 5 minutes) and CLIENT LIST; " +
      "any other BullMQ worker (Node, Python, Elixir) from CLIENT LIST alone, so what it cannot tell is null.",
    tags: TAGS,
    access: { permission: "queues.read" },
    rateLimit: "read",
    query: WorkersQuery,
    response: { schema: WorkerList, description: "The workers" },
    async handler({ deps, query }) {
      return listWorkers(
        {
          pool: deps.db.pool,
          redis: await readyRedis(deps.queues),
          prefix: deps.queues.prefix,
          queueNames: await deps.queues.names(),
        },
        query.limit,
      );
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{worker_id}/commands`,
    operationId: "sendWorkerCommand",
    summary: "Tell one of Opsdeck's worker processes to pause or resume a queue, change its concurrency, or drain",
    description:
      "pause: it stops taking jobs of `queue` (jobs running finish; waiting ones stay waiting); resume: it takes " +
      "them again; set_concurrency: how many it runs at once, from the next job on; drain: it stops taking jobs, " +
      "lets the running ones finish (up to its SHUTDOWN_GRACE_MS) and exits. The command waits in Redis until the " +
      "worker takes it (at once when it is running); poll the command for its outcome. A pause or concurrency " +
      "lasts for the process's life. 409 for a foreign worker (worker_not_controllable) or a stopped one.",
    tags: TAGS,
    access: { permission: "queues.write" },
    rateLimit: "write",
    params: WorkerIdParams,
    body: WorkerCommandBody,
    errors: [404, 409],
    audit: { action: "worker.command", target: ({ params }) => auditTarget.worker(params.worker_id ?? "") },
    response: {
      status: 202,
      schema: WorkerCommandView,
      description: "Accepted; poll Location for its outcome",
      headers: { Location: "The command's status URL" },
    },
    async handler({ deps, params, body, audit }) {
      audit.parameters = { ...body };
      const id = params.worker_id;
      const hb = await getWorkerHeartbeat(deps.db.pool, id);
      if (!hb) return notOurs(deps, id);
      if (hb.stopped_at) throw new ConflictError("worker_stopped", `Worker '${id}' has stopped.`);
      if (body.queue !== undefined && !hb.queues.includes(body.queue)) {
        throw new ValidationError([
          { field: "body.queue", code: "queue_not_served", message: `worker '${id}' serves ${hb.queues.join(", ")}` },
        ]);
      }
      const cmd = await sendWorkerCommand(deps.redis, deps.config.REDIS_KEY_PREFIX, {
        workerId: id,
        command: body.command,
        queue: body.queue ?? null,
        concurrency: body.concurrency ?? null,
      });
      audit.parameters = { ...body, command_id: cmd.id };
      return reply(commandView(cmd), {
        headers: { Location: `${BASE}/${encodeURIComponent(id)}/commands/${cmd.id}` },
      });
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/{worker_id}/commands/{command_id}`,
    operationId: "getWorkerCommand",
    summary: "A worker command's outcome",
    description: "Kept for a day after its last change.",
    tags: TAGS,
    access: { permission: "queues.read" },
    rateLimit: "read",
    params: WorkerCommandParams,
    errors: [404],
    response: { schema: WorkerCommandView, description: "The command" },
    async handler({ deps, params }) {
      const cmd = await readWorkerCommand(deps.redis, deps.config.REDIS_KEY_PREFIX, params.command_id);
      if (!cmd || cmd.workerId !== params.worker_id) {
        throw new NotFoundError("worker_command_not_found", `No command '${params.command_id}' for this worker.`);
      }
      return commandView(cmd);
    },
  }),
];
