// Runs a mutation and records it in the audit trail with the actor, target,
// parameters, outcome, request id and IP — success or failure.
import { AppError } from "@opsdeck/core";
import { recordAudit } from "@opsdeck/db";

import type { RouteContext } from "./route";

export async function audited<T>(
  ctx: Pick<RouteContext<unknown, unknown, unknown>, "deps" | "principal" | "requestId" | "req" | "log">,
  action: string,
  target: string,
  parameters: Record<string, unknown>,
  fn: () => Promise<T>,
): Promise<T> {
  const base = {
    actorKeyId: ctx.principal?.keyId ?? null,
    actor: ctx.principal ? `${ctx.principal.name} (${ctx.principal.role})` : "anonymous",
    action,
    target,
    parameters,
    requestId: ctx.requestId,
    ipAddress: ctx.req.ip ?? null,
  };
  try {
    const result = await fn();
    await recordAudit(ctx.deps.db.prisma, { ...base, outcome: "success" });
    return result;
  } catch (err) {
    const code = err instanceof AppError ? err.code : "internal_error";
    await recordAudit(ctx.deps.db.prisma, { ...base, outcome: "failure", error: code }).catch((e: unknown) =>
      ctx.log.error("audit write failed", { err: e, action }),
    );
    throw err;
  }
}
