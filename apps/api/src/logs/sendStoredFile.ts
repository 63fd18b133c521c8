// Streams a stored file (export or archive) to the client through the API,
// whichever backend holds it: the signed-link check, the rate limit and the
// audit apply to every download, and no bucket URL or credential ever reaches
// a client. The SHA-256 recorded when the file was written goes out as Digest.
import type { Readable } from "node:stream";

import { AppError } from "@opsdeck/core";
import type { FileStore } from "@opsdeck/db";
import type { Response } from "express";

/** The file, null when it is gone, or a 503 when the storage cannot be reached (the cause goes to the log). */
export async function openStoredFile(
  store: FileStore,
  name: string,
  onError: (err: unknown) => void,
): Promise<{ stream: Readable; size: number } | null> {
  try {
    return await store.open(name);
  } catch (err) {
    onError(err);
    throw new AppError(503, "storage_unavailable", "The file storage is unavailable; try again shortly.", {
      retryAfter: 30,
    });
  }
}

export async function sendStoredFile(
  res: Response,
  file: { stream: Readable; size: number },
  o: { contentType: string; fileName: string; sha256: string | null },
): Promise<void> {
  res.status(200);
  res.setHeader("Content-Type", o.contentType);
  res.setHeader("Content-Length", String(file.size));
  res.setHeader("Content-Disposition", `attachment; filename="${o.fileName}"`);
  res.setHeader("Cache-Control", "private, no-store");
  if (o.sha256) res.setHeader("Digest", `sha-256=${Buffer.from(o.sha256, "hex").toString("base64")}`);
  await new Promise<void>((resolve, reject) => {
    file.stream.on("error", reject);
    res.on("close", () => {
      file.stream.destroy();
      resolve();
    });
    file.stream.pipe(res);
  });
}
