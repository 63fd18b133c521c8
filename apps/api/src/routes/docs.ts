// The contract, served from the route table itself (SPEC §8).
import { defineRawRoute } from "../http/route";

export function docsRoutes(document: () => Record<string, unknown>) {
  return [
    defineRawRoute({
      method: "get",
      path: "/openapi.json",
      operationId: "openapi",
      summary: "This API's OpenAPI 3.1 document",
      tags: ["docs"],
      access: "public",
      rateLimit: "none",
      response: { contentType: "application/json", description: "OpenAPI 3.1 document" },
      handler({ res }) {
        res.json(document());
      },
    }),
  ];
}
