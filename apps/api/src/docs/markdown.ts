// The Markdown reference (GET /docs/api.md), generated from the OpenAPI
// document — never written by hand — so it cannot drift from the routes.
// One section per route: purpose, auth, rate limit, parameters, request
// body, responses, a curl example.

type Json = Record<string, unknown>;
interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function schemaSummary(s: Json | undefined): string {
  if (!s) return "";
  const parts: string[] = [];
  if (Array.isArray(s.enum)) parts.push(`one of ${(s.enum as unknown[]).map((v) => `\`${String(v)}\``).join(", ")}`);
  else if (typeof s.type === "string") parts.push(s.type);
  if (typeof s.format === "string") parts.push(s.format);
  if (s.minimum !== undefined || s.maximum !== undefined)
    parts.push(`${String(s.minimum ?? "…")}–${String(s.maximum ?? "…")}`);
  if (s.minLength !== undefined || s.maxLength !== undefined)
    parts.push(`length ${String(s.minLength ?? 0)}–${String(s.maxLength ?? "…")}`);
  if (s.default !== undefined) parts.push(`default \`${JSON.stringify(s.default)}\``);
  return parts.join(", ");
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function curl(base: string, method: string, path: string, op: Json): string {
  const url = `${base}${path.replace(/\{([^}]+)\}/g, ":$1")}`;
  const lines = [`curl -X ${method.toUpperCase()} '${url}'`];
  if ((op.security as unknown[] | undefined)?.length) lines.push(`  -H "X-API-Key: $OPSDECK_KEY"`);
  if (op.requestBody) lines.push(`  -H 'Content-Type: application/json' -d '{…}'`);
  return lines.join(" \\\n");
}

export function openApiToMarkdown(doc: Json): string {
  const info = doc.info as { title: string; version: string; description: string };
  const base = ((doc.servers as { url: string }[] | undefined)?.[0]?.url ?? "").replace(/\/$/, "");
  const out: string[] = [
    `# ${info.title} ${info.version}`,
    "",
    info.description,
    "",
    "Generated from `/openapi.json`. Authenticate with `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
    'Every error has the shape `{"success": false, "error": {"type", "code", "message", "request_id", "details"?, "retryAfter"?}}`.',
    "",
  ];
  const paths = doc.paths as Record<string, Record<string, Json>>;
  for (const [path, ops] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      out.push(`## ${method.toUpperCase()} ${path}`, "", String(op.summary ?? ""), "");
      if (op.description) out.push(String(op.description), "");
      const perm = op["x-required-permission"] as string | undefined;
      out.push(`- **Auth**: ${perm ? `API key with \`${perm}\`` : "none"}`);
      const rl = op["x-rate-limit-policy"] as { name: string; limit: string } | undefined;
      out.push(`- **Rate limit**: ${rl ? `${rl.name} policy, ${rl.limit}` : "none"}`, "");
      const params = (op.parameters as Param[] | undefined) ?? [];
      if (params.length) {
        out.push("| parameter | in | required | schema | description |", "|---|---|---|---|---|");
        for (const p of params) {
          out.push(
            `| \`${p.name}\` | ${p.in} | ${p.required ? "yes" : "no"} | ${cell(schemaSummary(p.schema))} | ${cell(p.description ?? "")} |`,
          );
        }
        out.push("");
      }
      const body = (op.requestBody as { content?: Record<string, { schema?: Json }> } | undefined)?.content?.[
        "application/json"
      ]?.schema;
      if (body) out.push("Request body (JSON Schema):", "", "```json", JSON.stringify(body, null, 2), "```", "");
      out.push("| status | meaning |", "|---|---|");
      for (const [status, r] of Object.entries(op.responses as Record<string, { description: string }>)) {
        out.push(`| ${status} | ${cell(r.description)} |`);
      }
      out.push("", "```sh", curl(base, method, path, op), "```", "");
    }
  }
  return out.join("\n");
}

/** llms.txt (llmstxt.org): a title, a summary, the contract boundary, and links. */
export function llmsTxt(doc: Json): string {
  const info = doc.info as { title: string; description: string };
  const base = ((doc.servers as { url: string }[] | undefined)?.[0]?.url ?? "").replace(/\/$/, "");
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const routes: string[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (op) routes.push(`- ${method.toUpperCase()} ${path}: ${String(op.summary ?? "")}`);
    }
  }
  return [
    `# ${info.title}`,
    "",
    `> ${info.description}`,
    "",
    "Authenticate with `Authorization: Bearer <key>` or `X-API-Key: <key>` (keys look like `odk_live_…`).",
    "Read routes allow 300 requests / 60 s per key and write routes 60 / 60 s; honour `Retry-After` and `X-RateLimit-*`.",
    "",
    "## Contract",
    "",
    `- [OpenAPI 3.1 document](${base}/openapi.json): the machine-readable contract`,
    `- [Markdown reference](${base}/docs/api.md): the same contract as Markdown`,
    `- [Rendered reference](${base}/docs): for people`,
    "",
    "## Boundary",
    "",
    "Only the routes listed here exist; anything else answers a JSON 404. Bull Board's own UI API under /admin/queues and the console's files under /console are not part of the contract.",
    "",
    ...routes,
    "",
  ].join("\n");
}
