// The contract, served from the route table itself: the OpenAPI
// document, a rendered reference, a Markdown reference and llms.txt — all
// generated from the same document. No key needed.
import express from "express";

import { llmsTxt, openApiToMarkdown } from "../docs/markdown";
import { DOCS_HTML, DOCS_INIT_JS, SWAGGER_UI_DIR } from "../docs/page";
import { defineRawRoute } from "../http/route";

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

/** Static files of the rendered reference (not part of the contract). */
export const docsAssets = express.static(SWAGGER_UI_DIR, { index: false, maxAge: "1h", fallthrough: true });

export function docsRoutes(document: () => Record<string, unknown>) {
  let markdown: string | undefined;
  let llms: string | undefined;
  const common = { tags: ["docs"], access: "public" as const, rateLimit: "none" as const };
  return [
    defineRawRoute({
      ...common,
      method: "get",
      path: "/openapi.json",
      operationId: "openapi",
      summary: "This API's OpenAPI 3.1 document",
      response: { contentType: "application/json", description: "OpenAPI 3.1 document" },
      handler({ res }) {
        res.json(document());
      },
    }),
    defineRawRoute({
      ...common,
      method: "get",
      path: "/docs",
      operationId: "docs",
      summary: "The rendered API reference",
      response: { contentType: "text/html", description: "HTML page rendering /openapi.json" },
      handler({ res }) {
        res.set("Content-Security-Policy", CSP).type("html").send(DOCS_HTML);
      },
    }),
    defineRawRoute({
      ...common,
      method: "get",
      path: "/docs/init.js",
      operationId: "docsInit",
      summary: "Start-up script of the rendered reference",
      response: { contentType: "text/javascript", description: "JavaScript" },
      handler({ res }) {
        res.type("text/javascript").send(DOCS_INIT_JS);
      },
    }),
    defineRawRoute({
      ...common,
      method: "get",
      path: "/docs/api.md",
      operationId: "docsMarkdown",
      summary: "The API reference as Markdown, generated from /openapi.json",
      response: { contentType: "text/markdown", description: "Markdown" },
      handler({ res }) {
        res.type("text/markdown").send((markdown ??= openApiToMarkdown(document())));
      },
    }),
    defineRawRoute({
      ...common,
      method: "get",
      path: "/llms.txt",
      operationId: "llmsTxt",
      summary: "Agent discovery manifest (llmstxt.org)",
      response: { contentType: "text/plain", description: "llms.txt" },
      handler({ res }) {
        res.type("text/plain").send((llms ??= llmsTxt(document())));
      },
    }),
  ];
}
