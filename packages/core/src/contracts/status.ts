// GET /status: health of the configured email providers.
import { z } from "zod";

const StatusLevel = z.enum(["ok", "degraded", "unhealthy"]);

const TypeStats = z.object({
  total_count: z.number().int(),
  healthy_count: z.number().int(),
  healthy_percentage: z.number(),
  status: StatusLevel,
});

export const StatusBody = z.object({
  status: StatusLevel.describe("ok: all integrations healthy; degraded: some; unhealthy: none"),
  data: z.object({
    integrations: z.array(z.object({ id: z.string(), status: z.enum(["healthy", "unhealthy"]), type: z.string() })),
    healthy_integrations_count: z.number().int(),
    total_integrations_count: z.number().int(),
    healthy_percentage: z.number(),
    stats_by_integration_type: z.record(z.string(), TypeStats),
  }),
});
export type StatusBody = z.infer<typeof StatusBody>;
