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

/** A comma list of host:port (Redis sentinels or cluster seed nodes), at most 32. */
const HostPortList = z
  .string()
  .max(4_096)
  .transform((raw, ctx) => {
    const out: { host: string; port: number }[] = [];
    for (const item of raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(item);
      const port = m ? Number(m[2]) : 0;
      if (!m || port < 1 || port > 65_535) {
        ctx.addIssue({ code: "custom", message: `"${item}" is not host:port` });
        return z.NEVER;
      }
      out.push({ host: m[1]!.replace(/^\[|\]$/g, ""), port });
    }
    if (out.length === 0 || out.length > 32) {
      ctx.addIssue({ code: "custom", message: "must list 1 to 32 host:port entries" });
      return z.NEVER;
    }
    return out;
  });

export const baseEnv = z.object({
  /** Postgres. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5432/opsdeck"),
  /** Standalone Redis (queues, rate limits); redis://127.0.0.1:6379 when no topology is set. See redisTarget. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Sentinel-managed Redis: the sentinels (host:port, comma-separated) and the monitored master's name. */
  REDIS_SENTINELS: HostPortList.optional(),
  REDIS_SENTINEL_NAME: z.string().min(1).max(128).optional(),
  /** Credentials of the sentinels themselves (when they run with requirepass / ACLs). */
  REDIS_SENTINEL_USERNAME: z.string().min(1).max(256).optional(),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).max(1_024).optional(),
  /** Redis Cluster: seed nodes (host:port, comma-separated); the rest of the cluster is discovered from them. */
  REDIS_CLUSTER_NODES: HostPortList.optional(),
  /** Credentials of the data nodes in Sentinel and Cluster mode (a standalone REDIS_URL carries its own). */
  REDIS_USERNAME: z.string().min(1).max(256).optional(),
  REDIS_PASSWORD: z.string().min(1).max(1_024).optional(),
  /** BullMQ key prefix. In Cluster mode it must be a hash tag (`{opsdeck}`): see checkRedisTopology. */
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

type BaseEnv = z.infer<typeof baseEnv>;

/** Where Opsdeck's Redis is and how to reach it: one of three topologies, chosen by configuration. */
export type RedisTarget =
  | { kind: "standalone"; url: string }
  | {
      kind: "sentinel";
      sentinels: { host: string; port: number }[];
      name: string;
      username?: string;
      password?: string;
      sentinelUsername?: string;
      sentinelPassword?: string;
    }
  | { kind: "cluster"; nodes: { host: string; port: number }[]; username?: string; password?: string };

const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** True when `prefix` holds a hash tag (`{...}` with something inside): Redis Cluster hashes only that part, so every key under it shares one slot. */
export function hasHashTag(prefix: string): boolean {
  return /^[^{]*\{[^}]+\}/.test(prefix);
}

/**
 * The start-up checks of the Redis settings (call from the app schema's superRefine): at most one
 * topology, a sentinel list goes with a master name, and under Cluster a braced QUEUE_PREFIX — BullMQ's
 * scripts touch several keys of a queue at once, which Cluster only allows when they share a slot.
 */
export function checkRedisTopology(c: BaseEnv, ctx: z.RefinementCtx): void {
  const set = [
    c.REDIS_URL && "REDIS_URL",
    c.REDIS_SENTINELS && "REDIS_SENTINELS",
    c.REDIS_CLUSTER_NODES && "REDIS_CLUSTER_NODES",
  ].filter(Boolean);
  if (set.length > 1) {
    ctx.addIssue({
      code: "custom",
      path: [set[1] as string],
      message: `choose one Redis topology: ${set.join(" and ")} are both set`,
    });
  }
  if (c.REDIS_SENTINELS && !c.REDIS_SENTINEL_NAME) {
    ctx.addIssue({
      code: "custom",
      path: ["REDIS_SENTINEL_NAME"],
      message: "is required with REDIS_SENTINELS (the name the sentinels monitor)",
    });
  }
  if (c.REDIS_CLUSTER_NODES && !hasHashTag(c.QUEUE_PREFIX)) {
    ctx.addIssue({
      code: "custom",
      path: ["QUEUE_PREFIX"],
      message:
        "must be a hash tag such as {bull} with REDIS_CLUSTER_NODES: BullMQ runs scripts over several keys of a queue, which Redis Cluster allows only when they hash to one slot",
    });
  }
}

/** The configured topology (standalone at redis://127.0.0.1:6379 when none is set). */
export function redisTarget(c: BaseEnv): RedisTarget {
  const creds = {
    ...(c.REDIS_USERNAME ? { username: c.REDIS_USERNAME } : {}),
    ...(c.REDIS_PASSWORD ? { password: c.REDIS_PASSWORD } : {}),
  };
  if (c.REDIS_CLUSTER_NODES) return { kind: "cluster", nodes: c.REDIS_CLUSTER_NODES, ...creds };
  if (c.REDIS_SENTINELS) {
    return {
      kind: "sentinel",
      sentinels: c.REDIS_SENTINELS,
      name: c.REDIS_SENTINEL_NAME ?? "",
      ...creds,
      ...(c.REDIS_SENTINEL_USERNAME ? { sentinelUsername: c.REDIS_SENTINEL_USERNAME } : {}),
      ...(c.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: c.REDIS_SENTINEL_PASSWORD } : {}),
    };
  }
  return { kind: "standalone", url: c.REDIS_URL ?? DEFAULT_REDIS_URL };
}

/**
 * REDIS_KEY_PREFIX as keys are written. Under Cluster an untagged prefix is wrapped in braces, so all of
 * Opsdeck's own keys share one slot and its multi-key commands (MULTI, scripts over several leases) are
 * allowed; standalone and Sentinel keep the prefix as given.
 */
export function ownKeyPrefix(c: BaseEnv): string {
  return c.REDIS_CLUSTER_NODES && !hasHashTag(c.REDIS_KEY_PREFIX) ? `{${c.REDIS_KEY_PREFIX}}` : c.REDIS_KEY_PREFIX;
}

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
          : ` (got ${JSON.stringify(/URL|SECRET|PASSWORD|KEY$|KEY_ID$|ENDPOINT$/.test(name) ? "…" : value)})`;
      return `${name}: ${i.message}${shown}`;
    }),
  );
}
