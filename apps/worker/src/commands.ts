// The worker process's side of worker commands (@opsdeck/redis
// workerCommands.ts): one connection of its own blocks on the process's
// command list (BLPOP, up to TAKE_WAIT_SECONDS at a time) and applies each
// command as it comes: pause or resume taking jobs on one queue, set a
// queue's concurrency, or drain and stop. Each is marked running, then done
// with what it changed or failed with why; the heartbeat is written right
// after a change so GET /workers shows it. A drain is handed to the runtime
// (which stops the whole process) and marked done by close() once the
// process has stopped; no command is taken after it.
import type { Logger, RedisTarget } from "@opsdeck/core";
import { createRedis, takeWorkerCommand, updateWorkerCommand, type WorkerCommand } from "@opsdeck/redis";

/** Longest one BLPOP waits, s: bounds how late close() notices nothing more is coming. */
const TAKE_WAIT_SECONDS = 5;
/** Pause after a failed take before the next, ms (Redis down: one warning per failure burst). */
const RETRY_MS = 1_000;

/** Why a command cannot be applied, in words for its status (never internals). */
export class CommandRefused extends Error {}

export interface CommandHandlers {
  /** Applies pause / resume / set_concurrency; returns what changed. Throws CommandRefused when it cannot. */
  apply(cmd: WorkerCommand): Promise<Record<string, unknown>>;
  /** A drain arrived: stop the process (close() then marks the command done). */
  drain(cmd: WorkerCommand): void;
}

export interface CommandLoop {
  /** Stops taking commands; marks a drain command taken done with `drainResult`. */
  close(drainResult?: Record<string, unknown>): Promise<void>;
}

export function startCommandLoop(opts: {
  target: RedisTarget;
  keyPrefix: string;
  workerId: string;
  handlers: CommandHandlers;
  log: Logger;
}): CommandLoop {
  const { keyPrefix: prefix, workerId, log } = opts;
  const redis = createRedis(opts.target, {
    name: "opsdeck-worker-commands",
    // Longer than a BLPOP's wait, so only a stalled Redis times a take out (ms).
    commandTimeoutMs: (TAKE_WAIT_SECONDS + 5) * 1_000,
    offlineQueue: true,
    onError: (err) => log.warn("worker command connection error", { err }),
  });
  let stopped = false;
  let drainCommand: WorkerCommand | null = null;

  async function handle(cmd: WorkerCommand): Promise<void> {
    const running = await updateWorkerCommand(redis, prefix, cmd, { status: "running" });
    log.info("worker command received", { command: cmd.command, command_id: cmd.id, queue: cmd.queue });
    if (cmd.command === "drain") {
      stopped = true;
      drainCommand = running;
      opts.handlers.drain(running);
      return;
    }
    try {
      const result = await opts.handlers.apply(running);
      await updateWorkerCommand(redis, prefix, running, { status: "done", result });
    } catch (err) {
      const reason = err instanceof CommandRefused ? err.message : "the worker could not apply the command";
      if (!(err instanceof CommandRefused)) log.warn("worker command failed", { command_id: cmd.id, err });
      await updateWorkerCommand(redis, prefix, running, { status: "failed", error: reason });
    }
  }

  const loop = (async () => {
    let failing = false;
    while (!stopped) {
      try {
        const cmd = await takeWorkerCommand(redis, prefix, workerId, TAKE_WAIT_SECONDS);
        failing = false;
        if (cmd && stopped) {
          await updateWorkerCommand(redis, prefix, cmd, { status: "failed", error: "the worker is stopping" });
        } else if (cmd) await handle(cmd);
      } catch (err) {
        if (stopped) break;
        if (!failing) log.warn("taking worker commands failed; will retry", { err });
        failing = true;
        await new Promise((r) => setTimeout(r, RETRY_MS).unref());
      }
    }
  })();

  return {
    async close(drainResult) {
      stopped = true;
      const drain = drainCommand as WorkerCommand | null;
      if (drain) {
        await updateWorkerCommand(redis, prefix, drain, { status: "done", result: drainResult ?? {} }).catch(
          (err: unknown) => log.warn("could not mark the drain command done", { err }),
        );
      }
      // Ends a BLPOP still waiting; the loop then sees `stopped`.
      redis.disconnect();
      await loop;
    },
  };
}
