// One error model for every HTTP surface. Handlers and middleware
// throw AppError (or a subclass); the error middleware renders it as
// {"success": false, "error": {type, code, message, request_id, details?, retryAfter?}}.

/** The `error.type` values, keyed by the HTTP status they go with. */
const ERROR_TYPES = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  409: "conflict_error",
  413: "invalid_request_error",
  415: "invalid_request_error",
  429: "rate_limit_error",
  500: "api_error",
  503: "unavailable_error",
} as const;

export type ErrorStatus = keyof typeof ERROR_TYPES;
export type ErrorType = (typeof ERROR_TYPES)[ErrorStatus];

/** One invalid field, as listed in `error.details`. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly details?: unknown;
  /** Seconds; only for 429 and 503. */
  readonly retryAfter?: number;
  /** Extra response headers (e.g. WWW-Authenticate). */
  readonly headers?: Record<string, string>;

  constructor(
    status: ErrorStatus,
    code: string,
    message: string,
    opts: { details?: unknown; retryAfter?: number; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.status = status;
    this.code = code;
    if (opts.details !== undefined) this.details = opts.details;
    if (opts.retryAfter !== undefined) this.retryAfter = opts.retryAfter;
    if (opts.headers !== undefined) this.headers = opts.headers;
  }

  get type(): ErrorType {
    return ERROR_TYPES[this.status];
  }
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[], message = "The request is invalid: see details for every problem.") {
    super(400, "validation_failed", message, { details: issues });
  }
}

export class AuthenticationError extends AppError {
  constructor(code: string, message: string) {
    super(401, code, message, { headers: { "WWW-Authenticate": 'Bearer realm="opsdeck"' } });
  }
}

export class PermissionError extends AppError {
  constructor(permission: string) {
    super(403, "missing_permission", `This key lacks the '${permission}' permission.`, {
      details: { required_permission: permission },
    });
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(404, code, message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details === undefined ? {} : { details });
  }
}

export class UnavailableError extends AppError {
  constructor(code: string, message: string, retryAfter = 5) {
    super(503, code, message, { retryAfter });
  }
}

/** Normalises anything thrown into an Error (graphile-worker's coerceError). */
export function coerceError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (typeof err === "string") return new Error(err);
  try {
    return new Error(`Non-error thrown: ${JSON.stringify(err)}`);
  } catch {
    return new Error("Non-error thrown");
  }
}
