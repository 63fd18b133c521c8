// Ends the server processes a test helper started (redis-server nodes,
// sentinels): SIGKILL, since their data is thrown away, and waits for each to
// exit so its ports are free before the next test file starts.
import type { ChildProcess } from "node:child_process";

export async function killProcesses(procs: Iterable<ChildProcess>): Promise<void> {
  await Promise.all(
    [...procs].map(async (p) => {
      if (p.exitCode !== null || p.signalCode !== null) return;
      const exited = new Promise((r) => p.once("exit", r));
      p.kill("SIGKILL");
      await exited;
    }),
  );
}
