// What an audit entry's `target` says, one format per kind of thing acted on,
// the same whichever way the action came (the API, Bull Board, the CLI), so
// one filter finds every entry about it. Ids are the ones the API shows.
// `?` stands for a part the request never got as far as naming: a job id that
// resolved to no queue (404) or to several (409 ambiguous_job_id) without
// `?queue=`, or a create refused or failed before anything was created.

/** The part of a target not known when the entry was recorded. */
const UNKNOWN = "?";

export const auditTarget = {
  queue: (name: string) => `queue:${name}`,
  /** Bull Board's pause / resume of every queue at once. */
  allQueues: () => "queue:*",
  job: (queue: string | null, id: string) => `job:${queue ?? UNKNOWN}/${id}`,
  scheduler: (queue: string, id: string) => `scheduler:${queue}/${id}`,
  key: (id: string | null) => `key:${id ?? UNKNOWN}`,
  export: (id: string | null) => `export:${id ?? UNKNOWN}`,
  /** An action over the jobs a search matched (POST /job-actions). */
  jobAction: (id: string | null) => `job-action:${id ?? UNKNOWN}`,
  integration: (id: string | null) => `integration:${id ?? UNKNOWN}`,
  alert: (id: string) => `alert:${id}`,
  /** A campaign (or one message) sent through the API. */
  campaign: (id: string | null) => `campaign:${id ?? UNKNOWN}`,
  /** An address on the suppression list (its key: domain lower-cased); a bulk add names none. */
  suppression: (address: string | null) => `suppression:${address ?? UNKNOWN}`,
  /** One of Opsdeck's worker processes (its heartbeat id), told a command. */
  worker: (id: string) => `worker:${id}`,
  /** A bounce or complaint: the message it is about, or the sending IP when no message id was given. */
  feedback: (messageId: string | null, sendingIp: string | null) =>
    messageId === null && sendingIp !== null ? `ip:${sendingIp}` : `message:${messageId ?? UNKNOWN}`,
};

/**
 * Every target about one queue: the queue itself, and the prefixes of its
 * jobs' and job schedulers' targets (queue names hold no '/').
 */
export function queueTargets(name: string): { exact: string; prefixes: string[] } {
  return { exact: auditTarget.queue(name), prefixes: [`job:${name}/`, `scheduler:${name}/`] };
}
