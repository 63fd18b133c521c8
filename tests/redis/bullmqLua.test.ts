// The Lua Opsdeck runs against BullMQ's keys must stay in step with the BullMQ
// that is installed: the includes copied unchanged must equal the installed
// files (comments and layout aside), and the scripts Opsdeck adapts must be the
// versions they were reviewed against. A BullMQ upgrade that changes any of
// them fails here until packages/redis/src/bullmq/lua/ is brought in line.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { BULLMQ_INCLUDES } from "../../packages/redis/src/bullmq/lua/includes";
import { ADAPTED_SCRIPTS, REVIEWED_BULLMQ_VERSION } from "../../packages/redis/src/bullmq/lua/upstream";

const commands = path.join(path.dirname(require.resolve("bullmq/package.json")), "dist/cjs/commands");
const installed = (rel: string) => fs.readFileSync(path.join(commands, rel), "utf8");

/** Lua without comments (block and line) or layout: what the interpreter runs. */
function code(lua: string): string {
  return lua
    .replace(/--\[\[[\s\S]*?\]\]/g, "")
    .replace(/--[^\n]*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

test("the installed BullMQ is the version the copies were reviewed against", () => {
  const version = (JSON.parse(fs.readFileSync(require.resolve("bullmq/package.json"), "utf8")) as { version: string })
    .version;
  expect(version).toBe(REVIEWED_BULLMQ_VERSION);
  // …and every package pins exactly that version, so the lockfile cannot move it silently.
  for (const pkg of ["apps/api", "apps/worker", "packages/cli"]) {
    const deps = (
      JSON.parse(fs.readFileSync(path.join(__dirname, "../..", pkg, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
      }
    ).dependencies;
    expect({ pkg, bullmq: deps.bullmq }).toEqual({ pkg, bullmq: REVIEWED_BULLMQ_VERSION });
  }
});

test.each(Object.entries(BULLMQ_INCLUDES))("the copied include %s equals the installed one", (name, copy) => {
  expect(code(copy)).toBe(code(installed(`includes/${name}.lua`)));
});

test.each(Object.entries(ADAPTED_SCRIPTS))("%s is the version the adaptation was reviewed against", (rel, sha) => {
  expect(createHash("sha256").update(installed(rel)).digest("hex")).toBe(sha);
});

test("the comparison would notice a changed line", () => {
  const copy = BULLMQ_INCLUDES.removeJobKeys;
  expect(code(copy.replace("':logs'", "':log'"))).not.toBe(code(installed("includes/removeJobKeys.lua")));
});
