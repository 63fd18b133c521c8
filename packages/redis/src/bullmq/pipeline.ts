// Reading pipeline replies. `pipeline.exec()` resolves to null when the
// connection closed before it could send; each command's own error sits
// beside its value.
import { UnavailableError } from "@opsdeck/core";

/** The error for a pipeline that got no reply at all: Redis is gone (503 with Retry-After on the request path). */
export function noReply(): UnavailableError {
  return new UnavailableError("redis_unavailable", "Redis did not answer; try again shortly.");
}

/** Results of `pipeline.exec()`; a command's error becomes null so one bad key cannot fail a listing. */
export function pipelineValues(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw noReply();
  return results.map(([err, value]) => (err ? null : value));
}
