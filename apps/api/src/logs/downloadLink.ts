// Signed download links for log exports: HMAC-SHA256 over the export
// id, the expiry (epoch seconds) and the owner key id, so a link cannot be
// moved to another export, extended, or reused after the export changes
// hands. The link itself is the credential: the download route needs no key,
// which lets a browser or `curl` fetch it.
import { createHmac, timingSafeEqual } from "node:crypto";

function mac(secret: string, exportId: string, expires: number, ownerKeyId: string | null): Buffer {
  return createHmac("sha256", secret)
    .update(`log-export\n${exportId}\n${expires}\n${ownerKeyId ?? "-"}`)
    .digest();
}

export function signDownload(secret: string, exportId: string, expires: number, ownerKeyId: string | null): string {
  return mac(secret, exportId, expires, ownerKeyId).toString("base64url");
}

export type DownloadCheck = "ok" | "expired" | "bad_signature";

/** Constant-time check of `signature`; an expired link is refused even with a good signature. */
export function verifyDownload(
  secret: string,
  exportId: string,
  expires: number,
  ownerKeyId: string | null,
  signature: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): DownloadCheck {
  const expected = mac(secret, exportId, expires, ownerKeyId);
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
