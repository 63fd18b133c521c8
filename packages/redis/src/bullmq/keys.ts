// BullMQ's key layout, the one place Opsdeck spells it. Every BullMQ client
// (Node, Python, Elixir, PHP) keeps a queue under `<prefix>:<queue>:`: its
// state lists and sets (`wait`, `active`, `failed`…), its `meta` hash, its
// `events` stream, and one hash per job at `<prefix>:<queue>:<job id>` with
// the job's lock at `…:<job id>:lock`. With a hash-tagged prefix (`{opsdeck}`)
// every key of every queue lands in one Redis Cluster slot.

/** The state keys of a queue, named as BullMQ names them. */
type QueueStateKey =
  "wait" | "paused" | "active" | "prioritized" | "delayed" | "failed" | "completed" | "waiting-children";

export interface QueueKeys {
  /** `<prefix>:<queue>:`, the base every other key extends (also BullMQ's job key prefix). */
  readonly base: string;
  readonly meta: string;
  readonly events: string;
  readonly marker: string;
  /** The job schedulers' sorted set. */
  readonly repeat: string;
  state(name: QueueStateKey): string;
  /** The job's hash. */
  job(id: string): string;
  /** The job's lock, held (and renewed) by the worker processing it. */
  lock(id: string): string;
  /** What `lock(id)` appends to `base + id`, for Lua that builds lock keys from ids it reads. */
  readonly lockSuffix: string;
}

const LOCK_SUFFIX = ":lock";

export function queueKeys(prefix: string, queue: string): QueueKeys {
  const base = `${prefix}:${queue}:`;
  return {
    base,
    meta: `${base}meta`,
    events: `${base}events`,
    marker: `${base}marker`,
    repeat: `${base}repeat`,
    state: (name) => `${base}${name}`,
    job: (id) => `${base}${id}`,
    lock: (id) => `${base}${id}${LOCK_SUFFIX}`,
    lockSuffix: LOCK_SUFFIX,
  };
}

/** The queue name of a `<prefix>:<queue>:meta` key, or null when the key is not one. */
export function queueOfMetaKey(prefix: string, key: string): string | null {
  const head = `${prefix}:`;
  if (!key.startsWith(head) || !key.endsWith(":meta")) return null;
  const name = key.slice(head.length, -":meta".length);
  return name && !name.includes(":") ? name : null;
}
