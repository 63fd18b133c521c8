// The conformance check must be able to fail: crafted exchanges with a wrong
// body, an undocumented status, a wrong content type, a bad or missing header
// and an unrouted path answered with something other than the error-shape 404
// are each reported, while conforming ones are not. The capture is exercised
// end to end too: a handler that answers wrongly through writeHead/write/end
// is caught, and createTestApp's close() fails when any response did not
// conform.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import request from "supertest";

import {
  ConformanceValidator,
  COVERAGE_DIR_ENV,
  type Exchange,
  readCalls,
  recordExchanges,
} from "../helpers/conformance";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { coverageProblems, wholeSuite } from "../setup/globalTeardown";

const validator = new ConformanceValidator();
const JSON_TYPE = "application/json; charset=utf-8";
const ERROR_BODY = {
  success: false,
  error: { type: "not_found_error", code: "route_not_found", message: "No route GET /nope.", request_id: "req_1" },
};

function exchange(over: Partial<Exchange> & { json?: unknown; text?: string }): Exchange {
  const { json, text, ...rest } = over;
  const body = json !== undefined ? JSON.stringify(json) : (text ?? "");
  return {
    method: "GET",
    url: "/livez",
    status: 200,
    headers: { "content-type": JSON_TYPE, "x-request-id": "req_selftest" },
    body: Buffer.from(body),
    ...rest,
  };
}

describe("crafted exchanges", () => {
  it("accepts a conforming response", () => {
    expect(validator.check(exchange({ json: { status: "ok" } }))).toEqual({
      operation: "get /livez",
      skipped: false,
      problems: [],
    });
  });

  it("reports a body that does not match the documented schema", () => {
    const v = validator.check(exchange({ json: { status: "fine", extra: 1 } }));
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatch(/^body: /);
    expect(v.problems[0]).toContain("must be equal to constant");
    expect(v.problems[0]).toContain("must NOT have additional properties");
    expect(validator.check(exchange({ text: "{not json" })).problems[0]).toMatch(/^body is not valid JSON/);
  });

  it("reports a status the operation does not document", () => {
    const v = validator.check(exchange({ status: 418, json: ERROR_BODY }));
    expect(v.problems).toEqual([expect.stringMatching(/^status 418 is not documented \(documented: 200, 400, 500\)$/)]);
  });

  it("reports a content type the response does not document", () => {
    const v = validator.check(
      exchange({ headers: { "content-type": "text/html; charset=utf-8", "x-request-id": "r" }, text: "<p>ok</p>" }),
    );
    expect(v.problems).toEqual(["Content-Type text/html is not documented (documented: application/json)"]);
    expect(validator.check(exchange({ headers: { "x-request-id": "r" }, json: { status: "ok" } })).problems).toEqual([
      "no Content-Type; documented: application/json",
    ]);
  });

  it("checks an error response against the shared Error schema", () => {
    const url = "/api/v1/platform/system/queues/emails";
    expect(validator.check(exchange({ url, status: 404, json: ERROR_BODY })).problems).toEqual([]);
    const bad = validator.check(exchange({ url, status: 404, json: { success: false, error: { code: "x" } } }));
    expect(bad.operation).toBe("get /api/v1/platform/system/queues/{queue_name}");
    expect(bad.problems[0]).toContain("must have required property 'type'");
  });

  it("checks documented headers against their schema, and requires the required ones", () => {
    const url = "/api/v1/platform/keys";
    const ok = { json: ERROR_BODY, url, status: 401 };
    const bad = validator.check(
      exchange({ ...ok, headers: { "content-type": JSON_TYPE, "x-request-id": "r", "x-ratelimit-remaining": "lots" } }),
    );
    expect(bad.problems).toEqual([expect.stringMatching(/^header X-RateLimit-Remaining: "lots" .*must be integer/)]);
    // The document marks X-Request-Id required on every response.
    expect(validator.check(exchange({ ...ok, headers: { "content-type": JSON_TYPE } })).problems).toEqual([
      "required header X-Request-Id is missing",
    ]);
    expect(validator.check(exchange(ok)).problems).toEqual([]);
  });

  it("only checks the content type of non-JSON media", () => {
    const md = {
      url: "/docs/api.md",
      headers: { "content-type": "text/markdown; charset=utf-8", "x-request-id": "r" },
      text: "# x",
    };
    expect(validator.check(exchange(md)).problems).toEqual([]);
    expect(
      validator.check(exchange({ ...md, headers: { "content-type": "text/plain", "x-request-id": "r" } })).problems,
    ).toEqual(["Content-Type text/plain is not documented (documented: text/markdown)"]);
  });

  it("matches path templates, HEAD as GET, literal paths before templates, a trailing slash", () => {
    expect(validator.find("GET", "/api/v1/platform/system/logs/exports/abc")).toEqual({
      template: "/api/v1/platform/system/logs/exports/{export_id}",
      method: "get",
    });
    expect(validator.find("GET", "/api/v1/platform/system/logs/export").template).toBe(
      "/api/v1/platform/system/logs/export",
    );
    expect(validator.find("HEAD", "/livez/")).toEqual({ template: "/livez", method: "get" });
    expect(validator.find("PUT", "/livez")).toEqual({ template: "/livez", method: null });
    expect(validator.find("GET", "/api/v1/platform/keys//revoke").template).toBeNull();
  });

  it("reports an undocumented path or method answered with anything but the error-shape 404", () => {
    expect(validator.check(exchange({ url: "/nope", status: 404, json: ERROR_BODY })).problems).toEqual([]);
    expect(validator.check(exchange({ url: "/nope", status: 200, json: { ok: true } })).problems).toEqual([
      "no documented path matches /nope, yet the app answered 200 instead of the error-shape 404",
    ]);
    expect(validator.check(exchange({ url: "/nope", status: 404, text: "Cannot GET /nope" })).problems).toEqual([
      'no documented path matches /nope: body is not valid JSON: "Cannot GET /nope"',
    ]);
    expect(validator.check(exchange({ method: "OPTIONS", status: 200, text: "GET,HEAD" })).problems).toEqual([
      "OPTIONS is not documented for /livez, yet the app answered 200 instead of the error-shape 404",
    ]);
    // Bull Board and the reference's static files are outside the contract.
    expect(validator.check(exchange({ url: "/admin/queues/api/queues", json: {} }))).toMatchObject({ skipped: true });
    expect(validator.check(exchange({ url: "/docs/assets/x.js", text: "x" }))).toMatchObject({ skipped: true });
  });
});

describe("recorded exchanges", () => {
  it("captures what a handler really sends through writeHead, write and end", async () => {
    const seen: Exchange[] = [];
    // Wrong on purpose: a chunked body that breaks the /livez schema, headers passed to writeHead only.
    const handler = recordExchanges(
      (_req: http.IncomingMessage, res: http.ServerResponse) => {
        res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "req_capture" });
        res.write('{"status":');
        res.end(Buffer.from('"down"}'));
      },
      (ex) => seen.push(ex),
    );
    const r = await request(handler).get("/livez?verbose=1");
    expect(r.body).toEqual({ status: "down" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "GET", url: "/livez?verbose=1", status: 200 });
    expect(seen[0]!.headers).toMatchObject({ "content-type": "application/json", "x-request-id": "req_capture" });
    expect(seen[0]!.test).toBe(
      "recorded exchanges captures what a handler really sends through writeHead, write and end",
    );
    const v = validator.check(seen[0]!);
    expect(v.problems).toEqual([expect.stringContaining("must be equal to constant")]);
  });

  describe("through createTestApp", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it("validates and logs every call, and close() fails when a response did not conform", async () => {
      const r = await request(t.app).get("/livez");
      expect(r.status).toBe(200);
      expect(t.violations).toEqual([]);
      const dir = process.env[COVERAGE_DIR_ENV];
      expect(dir).toBeTruthy();
      expect(readCalls(dir!).get("GET /livez")).toContain(200);

      const other = await createTestApp();
      other.violations.push({
        exchange: exchange({ status: 418, json: ERROR_BODY }),
        operation: "get /livez",
        problems: ["status 418 is not documented (documented: 200, 400, 500)"],
      });
      await expect(other.close()).rejects.toThrow(
        /1 response\(s\) do not conform to openapi\.json:\n- GET \/livez → 418 \[get \/livez\] \(request req_selftest\)\n {4}status 418 is not documented/,
      );
    });
  });
});

describe("the suite's coverage check", () => {
  it("runs only when the whole suite was selected, unless forced either way", () => {
    const all = { testPathPatterns: { isSet: () => false, patterns: [] }, nonFlagArgs: [] };
    expect(wholeSuite(all, undefined)).toBe(true);
    expect(wholeSuite({ ...all, testPathPatterns: { isSet: () => true, patterns: ["tests/api"] } }, undefined)).toBe(
      false,
    );
    expect(wholeSuite({ ...all, nonFlagArgs: ["tests/api"] }, undefined)).toBe(false);
    expect(wholeSuite({ ...all, testNamePattern: "keys" }, undefined)).toBe(false);
    expect(wholeSuite({ ...all, onlyChanged: true }, undefined)).toBe(false);
    expect(wholeSuite({ ...all, nonFlagArgs: ["tests/api"] }, "on")).toBe(true);
    expect(wholeSuite(all, "off")).toBe(false);
  });

  it("lists every documented operation no test called, and every known mismatch that did not occur", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-conformance-selftest-"));
    try {
      const ops = validator.operations();
      fs.writeFileSync(
        path.join(dir, "calls-1.log"),
        ops
          .slice(1)
          .map((op) => `${op} 200\n`)
          .join(""),
      );
      expect(coverageProblems(dir, validator)).toBe(
        "conformance coverage: 1 documented operation(s) were never called by the suite:\n" +
          `  - ${ops[0]}\n` +
          "Add a test that calls each (through createTestApp, so its responses are validated).",
      );
      fs.appendFileSync(path.join(dir, "calls-2.log"), `${ops[0]} 400\n`);
      expect(coverageProblems(dir, validator)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
