// Redaction for anything that leaves the process as a log line: secrets by key
// name, API keys and email addresses by pattern. Used by the winston format
// and by the Postgres log transport.

/** Object keys whose values are never logged. */
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|credential|^key$|^raw$|private/i;
/** Payload-like keys: logged as a size only, never the content. */
const PAYLOAD_KEY = /^(payload|data|body|html|text|recipients)$/i;
const API_KEY_PATTERN = /odk_(live|test)_[0-9A-Za-z]{8,}(_[0-9A-Za-z]{4,})?/g;
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const MAX_DEPTH = 6;

export function redactString(value: string): string {
  return value.replace(API_KEY_PATTERN, "odk_[redacted]").replace(EMAIL_PATTERN, "[email]");
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[truncated]";
  if (value instanceof Error) {
    // The code (SQLSTATE, errno) is kept: it is what the Postgres log transport may store of an error.
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
      message: redactString(value.message),
      stack: value.stack && redactString(value.stack),
    };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k)) out[k] = "[redacted]";
    else if (PAYLOAD_KEY.test(k) && v !== null && typeof v === "object") out[k] = `[${Object.keys(v).length} fields]`;
    else out[k] = redactValue(v, depth + 1);
  }
  return out;
}
