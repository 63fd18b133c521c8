// The set-up the email worker tests share: a test environment, a pool on its
// database, an SMTP sink, the integrations a test points at it (or at servers
// of its own), a worker with EMAIL_ENV and a producer on email-sending.
import type { Queue } from "bullmq";
import pg from "pg";

import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { producer, silentLogger, testConfig } from "../worker/workerHelpers";
import { EMAIL_ENV } from "./emailHelpers";
import { type SinkOptions, type SmtpSink, startSink } from "./smtpSink";

export interface EmailWorker {
  env: TestEnv;
  pool: pg.Pool;
  sink: SmtpSink;
  rt: WorkerRuntime;
  q: Queue;
  /** Stops the worker and the producer, then the sink, the pool and the environment. */
  close(): Promise<void>;
}

export async function startEmailWorker(opts: {
  /** Connections of the test's own pool. */
  poolMax: number;
  sink?: SinkOptions;
  /** Settings over EMAIL_ENV. */
  workerEnv?: Record<string, string>;
  /** Run before the worker starts: the integrations (rows in the pool's database) and anything else it needs. */
  setup(pool: pg.Pool, sink: SmtpSink): Promise<void>;
}): Promise<EmailWorker> {
  const env = await createTestEnv();
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: opts.poolMax });
  const sink = await startSink(opts.sink);
  await opts.setup(pool, sink);
  const rt = startWorker(testConfig(env, { ...EMAIL_ENV, ...opts.workerEnv }), silentLogger());
  await rt.ready();
  const q = producer(env, "email-sending");
  return {
    env,
    pool,
    sink,
    rt,
    q,
    async close() {
      await rt.close();
      await q.close();
      await sink.close();
      await pool.end();
      await env.cleanup();
    },
  };
}
