// Signed download links for log exports and log archives: HMAC-SHA256
// over the kind of file, its id, the expiry (epoch seconds) and the owner key
// id, so a link cannot be moved to another export or archive, extended, or
// reused after the export changes hands. The link itself is the credential:
// the download route needs no key, which lets a browser or `curl` fetch it.
import { createHmac, timingSafeEqual } from "node:crypto";

type Kind = "log-export" | "log-archive";

function mac(secret: string, exportId: string, expires: number, ownerKeyId: string | null, kind: Kind): Buffer {
  return createHmac("sha256", secret)
    .update(`${kind}\n${exportId}\n${expires}\n${ownerKeyId ?? "-"}`)
    .digest();
}

export function signDownload(
  secret: string,
  exportId: string,
  expires: number,
  ownerKeyId: string | null,
  kind: Kind = "log-export",
): string {
  return mac(secret, exportId, expires, ownerKeyId, kind).toString("base64url");
}

export type DownloadCheck = "ok" | "expired" | "bad_signature";

/** Constant-time check of `signature`; an expired link is refused even with a good signature. */
export function verifyDownload(
  secret: string,
  exportId: string,
  expires: number,
  ownerKeyId: string | null,
  signature: string,
  kind: Kind = "log-export",
  nowSeconds = Math.floor(Date.now() / 1000),
): DownloadCheck {
  const expected = mac(secret, exportId, expires, ownerKeyId, kind);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad_signature";
  return expires < nowSeconds ? "expired" : "ok";
}

/** Absolute URL valid for `ttlSeconds`, never past `notAfter`. */
export function downloadUrl(
  o: { baseUrl: string; secret: string; ttlSeconds: number },
  exportId: string,
  ownerKeyId: string | null,
  notAfter: Date,
): string {
  const expires = Math.min(Math.floor(Date.now() / 1000) + o.ttlSeconds, Math.floor(notAfter.getTime() / 1000));
  const sig = signDownload(o.secret, exportId, expires, ownerKeyId);
  return `${o.baseUrl}/api/v1/platform/system/logs/exports/${exportId}/download?expires=${expires}&signature=${sig}`;
}

/** A log archive's link (archives have no owner: the download counts against the caller's IP). */
export function archiveDownloadUrl(o: { baseUrl: string; secret: string; ttlSeconds: number }, day: string): string {
  const expires = Math.floor(Date.now() / 1000) + o.ttlSeconds;
  const sig = signDownload(o.secret, day, expires, null, "log-archive");
  return `${o.baseUrl}/api/v1/platform/system/logs/archives/${day}/download?expires=${expires}&signature=${sig}`;
}
