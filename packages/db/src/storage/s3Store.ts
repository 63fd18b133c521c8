// The s3 backend: objects in an S3-compatible bucket under S3_KEY_PREFIX.
// Writes stream through a multipart upload (lib-storage's Upload): at most
// PART_BYTES × (QUEUE_SIZE + 1) of a file is in memory at once, whatever its
// size, and the object only exists once the upload completes, so a reader
// never sees a half file. Reads stream the object's body. Credentials stay in
// the client: nothing here logs or returns them, nor the endpoint.
import type { Readable } from "node:stream";
import { PassThrough } from "node:stream";

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

import { checkedName, EXPORT_ID_PATTERN, type FileStore } from "./fileStore";

export interface S3Settings {
  S3_BUCKET?: string | undefined;
  S3_ENDPOINT?: string | undefined;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
  S3_FORCE_PATH_STYLE: boolean;
  S3_KEY_PREFIX: string;
}

/** Multipart part size, bytes (S3's minimum is 5 MiB). */
const PART_BYTES = 8 * 1_048_576;
/** Parts uploaded concurrently. */
const QUEUE_SIZE = 2;

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

export function createS3FileStore(s: Partial<S3Settings>): FileStore {
  const bucket = s.S3_BUCKET;
  if (!bucket) throw new Error("S3_BUCKET is not set");
  const prefix = s.S3_KEY_PREFIX ?? "";
  const client = new S3Client({
    region: s.S3_REGION ?? "us-east-1",
    ...(s.S3_ENDPOINT ? { endpoint: s.S3_ENDPOINT } : {}),
    forcePathStyle: s.S3_FORCE_PATH_STYLE ?? false,
    ...(s.S3_ACCESS_KEY_ID && s.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: s.S3_ACCESS_KEY_ID, secretAccessKey: s.S3_SECRET_ACCESS_KEY } }
      : {}),
    // Checksums only where the API requires them: many S3-compatible servers refuse the SDK's default
    // streaming (aws-chunked) checksums. Integrity is ours: the SHA-256 recorded with each file.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const keyOf = (name: string) => `${prefix}${checkedName(name)}`;
  return {
    backend: "s3",
    create(name) {
      const body = new PassThrough();
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: keyOf(name), Body: body },
        partSize: PART_BYTES,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      const done = upload.done();
      // A failed upload stops reading its body: fail the writer's pipeline rather than leave it
      // waiting on backpressure forever.
      done.catch((err: unknown) => body.destroy(err instanceof Error ? err : new Error(String(err))));
      return {
        stream: body,
        async commit() {
          await done;
        },
        async abort() {
          body.destroy();
          await upload.abort().catch(() => undefined);
          await done.catch(() => undefined);
        },
      };
    },
    async open(name) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(name) }));
        if (!r.Body) return null;
        return { stream: r.Body as Readable, size: r.ContentLength ?? 0 };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async remove(name) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(name) }));
    },
    async removeAll(exportId) {
      if (!EXPORT_ID_PATTERN.test(exportId)) throw new Error("invalid export id");
      // An export has one file (two formats never share an id); listing also finds an earlier
      // attempt's. Unfinished multipart uploads of a crashed attempt are the bucket lifecycle's
      // to abort (docs/storage.md).
      const listed = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}${exportId}.`, MaxKeys: 100 }),
      );
      for (const o of listed.Contents ?? []) {
        if (o.Key) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key }));
      }
    },
    async probe() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}
