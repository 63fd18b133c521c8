// A small client for the Opsdeck HTTP API: OPSDECK_URL (default
// http://127.0.0.1:3000) and OPSDECK_KEY. API errors become CliError with the
// API's own code and message.
import { CliError } from "./command";

export interface ApiClient {
  request<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T>;
}

/** Per-request deadline, ms. */
const TIMEOUT_MS = 30_000;

export function createApiClient(env: NodeJS.ProcessEnv): ApiClient {
  const base = (env.OPSDECK_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  const key = env.OPSDECK_KEY;
  return {
    async request<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
      if (!key) throw new CliError("missing_key", "Set OPSDECK_KEY to an API key (see .opsdeck/bootstrap-key).");
      const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: "application/json" };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        const reason =
          err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
        throw new CliError("connection_failed", `Cannot reach ${base}: ${reason}`);
      }
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new CliError("bad_response", `${method} ${path} answered ${res.status} with a non-JSON body.`);
      }
      const env = json as { success?: boolean; data?: T; error?: { code?: string; message?: string } };
      if (!res.ok || env.success === false) {
        throw new CliError(env.error?.code ?? `http_${res.status}`, env.error?.message ?? `HTTP ${res.status}`);
      }
      return env.data as T;
    },
  };
}
