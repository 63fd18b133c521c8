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
  /** Where log export files live: the worker writes them, the API serves and deletes them. */
  EXPORT_DIR: z.string().min(1).default(path.resolve("exports")),
  /** Application logs are kept this many days: the worker drops older daily partitions, and the API's ingest refuses older timestamps (and any over 1 h in the future). */
  LOG_RETENTION_DAYS: IntEnv(1, 3_650).default(30),
};

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
      const shown = value === undefined ? "" : ` (got ${JSON.stringify(/URL|SECRET|KEY$/.test(name) ? "…" : value)})`;
      return `${name}: ${i.message}${shown}`;
    }),
  );
}
