// The storage settings, shared by the API and the worker: local by default,
// s3 needs a bucket, credentials go in pairs, and no secret or endpoint is
// ever echoed in a configuration error.
import { loadConfig as loadApiConfig } from "../../apps/api/src/config";
import { loadConfig as loadWorkerConfig } from "../../apps/worker/src/config";
import { ConfigError } from "../../packages/core/src";

const problems = (load: () => unknown): string[] => {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe.each([
  ["API", loadApiConfig],
  ["worker", loadWorkerConfig],
] as const)("%s", (_name, load) => {
  it("defaults to the local directory", () => {
    expect(load({})).toMatchObject({ EXPORT_STORAGE: "local", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false });
  });

  it("takes a complete s3 configuration", () => {
    const c = load({
      EXPORT_STORAGE: "s3",
      S3_BUCKET: "opsdeck-exports",
      S3_ENDPOINT: "http://minio:9000",
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "s3cr3t-value",
      S3_FORCE_PATH_STYLE: "true",
      S3_KEY_PREFIX: "opsdeck/exports/",
    });
    expect(c).toMatchObject({ EXPORT_STORAGE: "s3", S3_BUCKET: "opsdeck-exports", S3_FORCE_PATH_STYLE: true });
  });

  it("refuses s3 without a bucket, half a credential pair, bad names; never echoes secrets or endpoints", () => {
    expect(problems(() => load({ EXPORT_STORAGE: "s3" }))).toEqual(["S3_BUCKET: is required when EXPORT_STORAGE=s3"]);
    const p = problems(() =>
      load({
        EXPORT_STORAGE: "s3",
        S3_BUCKET: "Bad_Bucket",
        S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
        S3_ENDPOINT: "ftp://user:pw@internal.example",
        S3_KEY_PREFIX: "../up",
        EXPORT_STORAGE_X: "",
      }),
    );
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^S3_BUCKET: /),
        expect.stringMatching(/^S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/),
        expect.stringMatching(/^S3_ENDPOINT: .*\(got "…"\)$/),
        expect.stringMatching(/^S3_KEY_PREFIX: /),
      ]),
    );
    const secret = problems(() =>
      load({ EXPORT_STORAGE: "s3", S3_BUCKET: "ok-bucket", S3_SECRET_ACCESS_KEY: "x".repeat(2_000) }),
    );
    expect(secret.join("\n")).not.toContain("xxxx");
    expect(p.join("\n")).not.toMatch(/AKIAEXAMPLE|internal\.example|pw@/);
  });
});
