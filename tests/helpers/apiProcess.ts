// The built API (apps/api/dist/main.js) as a process of its own, for tests of
// what only a real process shows: signals, exit paths, several replicas side
// by side. Its output (stdout and stderr) is kept for assertions.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

import { waitFor } from "../worker/workerHelpers";

const MAIN = path.resolve(__dirname, "../../apps/api/dist/main.js");

export interface ApiProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts the API with `env` (PORT and HOST chosen here) and resolves once /livez answers. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-200_000)));
  child.stderr?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-200_000)));
  const exited = new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()),
  );
  const proc: ApiProcess = {
    child,
    url,
    output: () => out,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  try {
    await waitFor(
      "the API process to answer /livez",
      async () => {
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${out.slice(-2_000)}`);
        return (await fetch(`${url}/livez`)).ok;
      },
      120_000,
    );
  } catch (err) {
    await proc.stop("SIGKILL");
    throw err;
  }
  return proc;
}
