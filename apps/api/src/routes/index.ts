// The whole route table. Every route of the API is listed here, so the
// OpenAPI document (built from this list) covers every route by construction.
import type { ApiConfig } from "../config";
import { buildOpenApi } from "../http/openapi";
import type { AnyRoute } from "../http/route";
import { auditRoutes } from "./audit";
import { docsRoutes } from "./docs";
import { emailCampaignRoutes } from "./emailCampaigns";
import { emailIntegrationRoutes } from "./emailIntegrations";
import { emailSendingRoutes } from "./emailSending";
import { emailSuppressionRoutes } from "./emailSuppressions";
import { infrastructureRoutes } from "./infrastructure";
import { integrationRoutes } from "./integration";
import { ipReputationRoutes } from "./ipReputation";
import { jobActionRoutes } from "./jobActions";
import { jobRoutes } from "./jobs";
import { keyRoutes } from "./keys";
import { logArchiveRoutes } from "./logArchives";
import { logExportRoutes } from "./logExports";
import { logRoutes } from "./logs";
import { metricsRoutes } from "./metrics";
import { probeRoutes } from "./probes";
import { queueRoutes } from "./queues";
import { schedulerRoutes } from "./schedulers";
import { sessionRoutes } from "./session";
import { statusRoutes } from "./status";
import { workerRoutes } from "./workers";

export function buildRouteTable(config: ApiConfig): { routes: AnyRoute[]; openapi: Record<string, unknown> } {
  let openapi: Record<string, unknown> = {};
  const routes: AnyRoute[] = [
    ...probeRoutes,
    ...docsRoutes(() => openapi),
    ...integrationRoutes,
    ...keyRoutes,
    ...sessionRoutes,
    ...queueRoutes,
    ...schedulerRoutes,
    ...jobRoutes,
    ...jobActionRoutes,
    ...workerRoutes,
    ...auditRoutes,
    ...logRoutes,
    ...logExportRoutes,
    ...logArchiveRoutes,
    ...emailIntegrationRoutes,
    ...emailSendingRoutes,
    ...emailCampaignRoutes,
    ...emailSuppressionRoutes,
    ...ipReputationRoutes,
    ...statusRoutes,
    ...infrastructureRoutes,
    ...metricsRoutes,
  ];
  openapi = buildOpenApi(routes, config);
  return { routes, openapi };
}
