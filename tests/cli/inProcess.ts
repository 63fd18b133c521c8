// Runs the `opsdeck` CLI in this process (packages/cli/src, `run` from
// main.ts: it returns the exit code and never exits), with its output
// captured, against a test app listening on a port of its own.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { run } from "../../packages/cli/src/main";
import type { TestApp } from "../helpers/testApp";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Characters a terminal would act on, other than the newline: none may reach the screen from data. */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export async function opsdeck(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), env });
  return { code, stdout, stderr };
}

/** The app on 127.0.0.1 and a runner with OPSDECK_URL and an ops key (another key by name). */
export async function listen(t: TestApp): Promise<{
  cli(argv: string[], key?: keyof TestApp["keys"]): Promise<CliResult>;
  close(): Promise<void>;
}> {
  const server: Server = t.app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    cli: (argv, key = "ops") => opsdeck(argv, { OPSDECK_URL: url, OPSDECK_KEY: t.keys[key] }),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
