// A real S3-compatible server (s3rver) on 127.0.0.1 for the storage tests:
// it speaks the S3 REST API (signatures checked, multipart uploads, listing)
// and keeps objects in a directory of its own. `stop` and `start` again on
// the same port and directory simulate an outage of the object store.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";

export interface S3Server {
  port: number;
  bucket: string;
  /** Env vars that point the API and the worker at this server. */
  env: Record<string, string>;
  /** Object keys in the bucket (from its directory on disk). */
  keys(): string[];
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its directory. */
  close(): Promise<void>;
}

// s3rver's fixed credentials.
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";

export async function startS3Server(bucket = "opsdeck-test", prefix = ""): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-s3-"));
  let port = 0;
  let server: S3rver | null = null;
  const start = async () => {
    const s = new S3rver({
      address: "127.0.0.1",
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    const address = await s.run();
    port = address.port;
    server = s;
  };
  await start();
  const stop = async () => {
    const s = server;
    server = null;
    if (s) await s.close();
  };
  return {
    get port() {
      return port;
    },
    bucket,
    env: {
      EXPORT_STORAGE: "s3",
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: "true",
      S3_KEY_PREFIX: prefix,
    },
    keys() {
      // s3rver stores an object at <dir>/<bucket>/<key>._S3rver_object (with metadata files beside it).
      const root = path.join(directory, bucket);
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith("._S3rver_object"))
            out.push(path.relative(root, p).replace(/\._S3rver_object$/, ""));
        }
      };
      if (fs.existsSync(root)) walk(root);
      return out.sort();
    },
    stop,
    start,
    async close() {
      await stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
