// The whole route table. Every route of the API is listed here, so the
// OpenAPI document (built from this list) covers every route by construction.
import type { ApiConfig } from "../config";
import { buildOpenApi } from "../http/openapi";
import type { AnyRoute } from "../http/route";
import { auditRoutes } from "./audit";
import { docsRoutes } from "./docs";
import { emailIntegrationRoutes } from "./emailIntegrations";
import { infrastructureRoutes } from "./infrastructure";
import { integrationRoutes } from "./integration";
import { ipReputationRoutes } from "./ipReputation";
import { jobRoutes } from "./jobs";
import { keyRoutes } from "./keys";
import { logExportRoutes } from "./logExports";
import { logRoutes } from "./logs";
import { metricsRoutes } from "./metrics";
import { probeRoutes } from "./probes";
import { queueRoutes } from "./queues";
import { schedulerRoutes } from "./schedulers";
import { statusRoutes } from "./status";
import { workerRoutes } from "./workers";

export function buildRouteTable(config: ApiConfig): { routes: AnyRoute[]; openapi: Record<string, unknown> } {
  let openapi: Record<string, unknown> = {};
  const routes: AnyRoute[] = [
    ...probeRoutes,
    ...docsRoutes(() => openapi),
    ...integrationRoutes,
    ...keyRoutes,
    ...queueRoutes,
    ...schedulerRoutes,
    ...jobRoutes,
    ...workerRoutes,
    ...auditRoutes,
    ...logRoutes,
    ...logExportRoutes,
    ...emailIntegrationRoutes,
    ...ipReputationRoutes,
    ...statusRoutes,
    ...infrastructureRoutes,
    ...metricsRoutes,
  ];
  openapi = buildOpenApi(routes, config);
  return { routes, openapi };
}
