// The whole route table. Every route of the API is listed here, so the
// OpenAPI document (built from this list) covers every route by construction.
import type { ApiConfig } from "../config";
import { buildOpenApi } from "../http/openapi";
import type { AnyRoute } from "../http/route";
import { auditRoutes } from "./audit";
import { docsRoutes } from "./docs";
import { integrationRoutes } from "./integration";
import { jobRoutes } from "./jobs";
import { keyRoutes } from "./keys";
import { probeRoutes } from "./probes";
import { queueRoutes } from "./queues";

export function buildRouteTable(config: ApiConfig): { routes: AnyRoute[]; openapi: Record<string, unknown> } {
  let openapi: Record<string, unknown> = {};
  const routes: AnyRoute[] = [
    ...probeRoutes,
    ...docsRoutes(() => openapi),
    ...integrationRoutes,
    ...keyRoutes,
    ...queueRoutes,
    ...jobRoutes,
    ...auditRoutes,
  ];
  openapi = buildOpenApi(routes, config);
  return { routes, openapi };
}
