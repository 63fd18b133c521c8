// Config helpers shared by every process. Each app's config.ts
// extends `baseEnv` and calls `parseEnv(schema, env)` once at start-up; a bad
// value becomes one clear line per problem and a non-zero exit in main.ts.
import path from "node:path";

import { z } from "zod";

/** "true"/"false"/"1"/"0"/"yes"/"no" from an env var. */
export const BoolEnv = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const IntEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
export { IntEnv };

export const baseEnv = z.object({
  /** Postgres. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5432/opsdeck"),
  /** Redis (queues, rate limits). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
  /** BullMQ key prefix (standalone Redis: Cluster and Sentinel are not supported yet). */
  QUEUE_PREFIX: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[^\s:]+$/, "no spaces or ':'")
    .default("bull"),
  /** Prefix of Opsdeck's own Redis keys (rate limits, caches). */
  REDIS_KEY_PREFIX: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[^\s]+$/, "no spaces")
    .default("opsdeck"),
  LOG_LEVEL: z.enum(["error", "warn", "info", "http", "verbose", "debug", "silly"]).default("info"),
  /** json in production, pretty for a terminal. */
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

/** Settings the API and the worker both read; spread into both env schemas so they cannot disagree. */
export const logsEnvShape = {
  /** Where export files and log archives live: `local` (EXPORT_DIR, which every API and worker must share) or `s3` (an S3-compatible bucket). */
  EXPORT_STORAGE: z.enum(["local", "s3"]).default("local"),
  /** The local backend's directory: the worker writes files there, the API serves them, expiry deletes them. */
  EXPORT_DIR: z.string().min(1).default(path.resolve("exports")),
  /** The s3 backend's bucket (required with EXPORT_STORAGE=s3). */
  S3_BUCKET: z
    .string()
    .min(3)
    .max(63)
    .regex(/^[a-z0-9][a-z0-9.-]+[a-z0-9]$/, "an S3 bucket name: lowercase letters, digits, '.' and '-'")
    .optional(),
  /** Endpoint of an S3-compatible server (MinIO, Ceph, R2…); unset means AWS S3 in S3_REGION. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/, "a region name such as us-east-1")
    .default("us-east-1"),
  /** Static credentials; both or neither (neither: the SDK's default chain — instance role, env, profile). */
  S3_ACCESS_KEY_ID: z.string().min(1).max(256).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).max(1_024).optional(),
  /** Path-style URLs (endpoint/bucket/key), which MinIO and most self-hosted servers need. */
  S3_FORCE_PATH_STYLE: BoolEnv.default(false),
  /** Prepended to every object key, e.g. "opsdeck/" to share a bucket; letters, digits, '/', '-', '_', '.'. */
  S3_KEY_PREFIX: z
    .string()
    .max(200)
    .regex(/^([A-Za-z0-9_.-]+\/)*$/, "path segments each ending in '/', e.g. opsdeck/exports/")
    .default(""),
  /** Application logs are kept this many days: the worker drops older daily partitions, and the API's ingest refuses older timestamps (and any over 1 h in the future). */
  LOG_RETENTION_DAYS: IntEnv(1, 3_650).default(30),
};

interface StorageEnv {
  EXPORT_STORAGE: "local" | "s3";
  S3_BUCKET?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}

/** The cross-field rules of the storage settings; each app's env schema calls it from its superRefine. */
export function checkStorageEnv(c: StorageEnv, ctx: z.RefinementCtx): void {
  if (c.EXPORT_STORAGE === "s3" && !c.S3_BUCKET) {
    ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when EXPORT_STORAGE=s3" });
  }
  if ((c.S3_ACCESS_KEY_ID === undefined) !== (c.S3_SECRET_ACCESS_KEY === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [c.S3_ACCESS_KEY_ID === undefined ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY"],
      message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
    });
  }
}

/** An env var holding JSON, parsed and then checked with `schema` ("must be JSON" otherwise). */
export function JsonEnv<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON object" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses env with `schema`; throws ConfigError with one line per problem. Empty strings count as unset. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const r = schema.safeParse(cleaned);
  if (r.success) return r.data;
  throw new ConfigError(
    r.error.issues.map((i) => {
      const name = i.path.join(".") || "(config)";
      const value = i.path.length === 1 ? cleaned[String(i.path[0])] : undefined;
      const shown =
        value === undefined
          ? ""
          : ` (got ${JSON.stringify(/URL|SECRET|KEY$|KEY_ID$|ENDPOINT$/.test(name) ? "…" : value)})`;
      return `${name}: ${i.message}${shown}`;
    }),
  );
}
