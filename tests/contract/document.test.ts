// The published contract: /openapi.json is valid OpenAPI 3.1 by an
// independent validator, matches the committed openapi.json, covers exactly
// the routes Express serves, and /docs/api.md and /llms.txt are generated
// from it.
import fs from "node:fs";
import path from "node:path";

import request from "supertest";

import { loadConfig } from "../../apps/api/src/config";
import { buildRouteTable } from "../../apps/api/src/routes";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Doc = { paths: Record<string, Record<string, { operationId: string; summary: string }>> };

it("is valid OpenAPI 3.1", async () => {
  const doc = (await request(t.app).get("/openapi.json")).body;
  expect(doc.openapi).toBe("3.1.0");
  // An independent validator (ESM-only, hence the dynamic import) checks the document against the 3.1 schema.
  const { Validator } = await import("@seriousme/openapi-schema-validator");
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
});

it("matches the committed openapi.json (run `npm run openapi` after changing a route)", () => {
  const committed = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../openapi.json"), "utf8"));
  const { openapi } = buildRouteTable(loadConfig({}));
  expect(committed).toEqual(JSON.parse(JSON.stringify(openapi)));
});

it("documents a body the route can go without as optional", () => {
  const { openapi } = buildRouteTable(loadConfig({}));
  const paths = (openapi as { paths: Record<string, Record<string, { requestBody?: { required: boolean } }>> }).paths;
  const required = (p: string, m = "post") => paths[p]![m]!.requestBody?.required;
  expect(required("/api/v1/platform/system/jobs/{job_id}/retry")).toBe(false);
  expect(required("/api/v1/platform/system/queues/{queue_name}/promote")).toBe(false);
  expect(required("/api/v1/platform/system/queues/{queue_name}/retry")).toBe(true);
  expect(required("/api/v1/platform/keys")).toBe(true);
});

it("documents exactly the routes Express serves", () => {
  const { routes, openapi } = buildRouteTable(t.deps.config);
  const documented = new Set<string>();
  for (const [p, ops] of Object.entries((openapi as Doc).paths))
    for (const m of Object.keys(ops)) documented.add(`${m} ${p}`);
  // What is mounted: walk Express's router stack.
  const mounted = new Set<string>();
  const stack = (
    t.app as unknown as {
      router: { stack: { handle?: { stack?: { route?: { path: string; methods: Record<string, boolean> } }[] } }[] };
    }
  ).router.stack;
  for (const layer of stack) {
    for (const l of layer.handle?.stack ?? []) {
      if (!l.route) continue;
      // Bull Board's sign-in pages and UI API, and the console's files, are browser surfaces outside the contract (see /llms.txt).
      if (l.route.path.startsWith("/admin/queues") || l.route.path.startsWith("/console")) continue;
      for (const m of Object.keys(l.route.methods))
        mounted.add(`${m} ${l.route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`);
    }
  }
  expect([...mounted].sort()).toEqual([...documented].sort());
  expect(documented.size).toBe(routes.length);
});

it("serves a Markdown reference and llms.txt generated from the document", async () => {
  const doc = (await request(t.app).get("/openapi.json")).body as Doc;
  const md = await request(t.app).get("/docs/api.md");
  expect(md.status).toBe(200);
  expect(md.headers["content-type"]).toMatch(/^text\/markdown/);
  const llms = await request(t.app).get("/llms.txt");
  expect(llms.text).toMatch(/^# Opsdeck API\n\n> /);
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const m of Object.keys(ops)) {
      expect(md.text).toContain(`## ${m.toUpperCase()} ${p}\n`);
      expect(llms.text).toContain(`- ${m.toUpperCase()} ${p}: ${ops[m]!.summary}`);
    }
  }
  expect(llms.text).toContain("/openapi.json");
  expect(llms.text).toContain("/docs/api.md");
});

it("serves the rendered reference and its assets from the package, no CDN", async () => {
  const page = await request(t.app).get("/docs");
  expect(page.status).toBe(200);
  expect(page.text).not.toMatch(/https?:\/\//);
  expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
  const js = await request(t.app).get("/docs/assets/swagger-ui-bundle.js");
  expect(js.status).toBe(200);
  expect(js.text.length).toBeGreaterThan(100_000);
});
