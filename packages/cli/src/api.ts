// The CLI's HTTP client: @opsdeck/client (typed from openapi.json, so every
// call's path, parameters and body are checked against the contract) with
// OPSDECK_URL (default http://127.0.0.1:3000) and OPSDECK_KEY. The client's
// errors (OpsdeckError: the API's own code and message, or connection_failed)
// are printed by main.ts like CliError.
import { clientFromEnv, type OpsdeckClient } from "@opsdeck/client";

import { CliError } from "./command";

export type { ApiBody, ApiData, ApiQuery } from "@opsdeck/client";

/**
 * Without OPSDECK_KEY every call fails with missing_key before any request.
 * It fails at the call, not here: a call's arguments (the flags' values) are
 * read first, so a bad flag is reported as the usage error it is.
 */
export function createApiClient(env: NodeJS.ProcessEnv): OpsdeckClient {
  if (env.OPSDECK_KEY) return clientFromEnv(env);
  const missing = () =>
    Promise.reject(new CliError("missing_key", "Set OPSDECK_KEY to an API key (see .opsdeck/bootstrap-key)."));
  const calls = { get: missing, put: missing, post: missing, patch: missing, delete: missing, getRaw: missing };
  return { baseUrl: clientFromEnv(env).baseUrl, ...calls } as unknown as OpsdeckClient;
}

/**
 * A flag's value for an enum field of the contract, passed through unchecked:
 * the API validates it (400 validation_failed), so a bad value fails as it
 * always has (exit 1, the API's code) rather than with a second, CLI-side list
 * of allowed values to keep in step.
 */
export const apiEnum = <T extends string>(value: string | undefined): T | undefined => value as T | undefined;
