// CSRF defence for the board, on top of SameSite=Strict: a mutating call
// must come from a page of this very host. Browsers send Origin on every
// non-GET fetch (Referer as a fallback), so a missing or foreign one is refused.
import type { Request } from "express";

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * "same" when Origin (else Referer) names the request's Host or PUBLIC_URL's
 * host; "foreign" when it names another (or is "null"); "absent" when the
 * request carries neither.
 */
export function originCheck(req: Request, publicUrl: string): "same" | "foreign" | "absent" {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const claimed = typeof origin === "string" && origin.length > 0 ? origin : referer;
  if (typeof claimed !== "string" || claimed.length === 0) return "absent";
  const host = hostOf(claimed);
  if (!host) return "foreign";
  const allowed = [req.headers.host?.toLowerCase(), hostOf(publicUrl)];
  return allowed.includes(host) ? "same" : "foreign";
}
