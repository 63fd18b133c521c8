import { z } from "zod";

export const Livez = z.object({ status: z.literal("ok") });
export const Readyz = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.object({
    postgres: z.enum(["up", "down"]),
    redis: z.enum(["up", "down"]),
    draining: z.boolean(),
  }),
});
export type Readyz = z.infer<typeof Readyz>;
