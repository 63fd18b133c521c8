// The audit trail (SPEC §3): every mutation, who did it, to what, with which
// parameters and outcome. Written synchronously with the action it records,
// so an action that returns success is always on record.
import type { Prisma, PrismaClient } from "./generated/prisma/client";

export interface AuditEntry {
  actorKeyId?: string | null;
  actor: string;
  action: string;
  target: string;
  parameters?: Record<string, unknown>;
  outcome: "success" | "failure";
  error?: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
}

export async function recordAudit(prisma: PrismaClient, e: AuditEntry): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      actorKeyId: e.actorKeyId ?? null,
      actor: e.actor,
      action: e.action,
      target: e.target,
      parameters: (e.parameters ?? {}) as Prisma.InputJsonValue,
      outcome: e.outcome,
      error: e.error ?? null,
      requestId: e.requestId ?? null,
      ipAddress: e.ipAddress ?? null,
    },
  });
}
