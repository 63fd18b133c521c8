// The audit trail: every mutation, who did it, to what, with which
// parameters and outcome. Written synchronously with the action it records,
// so an action that returns success is always on record.
import { queueTargets } from "@opsdeck/core";

import type { Prisma, PrismaClient } from "./generated/prisma/client";
import type { AuditEventModel } from "./generated/prisma/models";
import { likeEscape } from "./likeEscape";
import { decodeTimeIdCursor } from "./timeIdCursor";

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

export interface AuditFilter {
  action?: string | undefined;
  actorKeyId?: string | undefined;
  target?: string | undefined;
  /** Targets starting with this (LIKE wildcards in it are literal). */
  targetPrefix?: string | undefined;
  /** Every target about this queue (@opsdeck/core queueTargets). */
  queue?: string | undefined;
  outcome?: "success" | "failure" | undefined;
  /** Events at or after this instant. */
  from?: Date | undefined;
  /** Events before this instant. */
  to?: Date | undefined;
}

/** One page of the events that match `filter`, newest first (id breaks ties), and how many match in all. */
export async function listAuditEvents(
  prisma: PrismaClient,
  filter: AuditFilter,
  page: { limit: number; offset: number; before?: AuditCursor | undefined },
): Promise<{ rows: AuditEventModel[]; total: number; hasMore: boolean }> {
  const where: Prisma.AuditEventWhereInput = {};
  const targets: Prisma.AuditEventWhereInput[] = [];
  if (filter.action) where.action = filter.action;
  if (filter.actorKeyId) where.actorKeyId = filter.actorKeyId;
  if (filter.target) targets.push({ target: filter.target });
  // Prisma's startsWith passes its value to LIKE as it is, wildcards included.
  const startsWith = (prefix: string) => ({ target: { startsWith: likeEscape(prefix) } });
  if (filter.targetPrefix) targets.push(startsWith(filter.targetPrefix));
  if (filter.queue) {
    const { exact, prefixes } = queueTargets(filter.queue);
    targets.push({ OR: [{ target: exact }, ...prefixes.map(startsWith)] });
  }
  if (targets.length) where.AND = targets;
  if (filter.outcome) where.outcome = filter.outcome;
  if (filter.from || filter.to) {
    where.timestamp = {
      ...(filter.from ? { gte: filter.from } : {}),
      ...(filter.to ? { lt: filter.to } : {}),
    };
  }
  // Keyset: strictly older than the previous page's last event (id breaks ties), so paging stays
  // correct while new events arrive. The total counts the whole filter, not what is left.
  const pageWhere: Prisma.AuditEventWhereInput = page.before
    ? {
        AND: [
          where,
          {
            OR: [
              { timestamp: { lt: page.before.timestamp } },
              { timestamp: page.before.timestamp, id: { lt: page.before.id } },
            ],
          },
        ],
      }
    : where;
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where: pageWhere,
      orderBy: [{ timestamp: "desc" }, { id: "desc" }],
      take: page.limit + 1,
      skip: page.offset,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return { rows: rows.slice(0, page.limit), total, hasMore: rows.length > page.limit };
}

/** Where the next page of audit events starts: just older than this event. */
export interface AuditCursor {
  timestamp: Date;
  id: bigint;
}

/** Null when `cursor` is not one this API issued (timeIdCursor.ts). */
export function decodeAuditCursor(cursor: string): AuditCursor | null {
  const c = decodeTimeIdCursor(cursor);
  return c && { timestamp: new Date(c.timestamp), id: BigInt(c.id) };
}

/** What a job's timeline asks of the audit trail (listJobAuditEvents). */
export interface JobAuditQuery {
  /** The job's own target (auditTarget.job). */
  jobTarget: string;
  /**
   * Queue-wide actions that may have moved the job (bulk retry, clean, promote, the board's
   * empty / obliterate): their target and actions, and the window they count in.
   */
  queueWide?: { target: string; actions: readonly string[]; from: Date; to: Date } | undefined;
  /** Most entries returned, oldest first. */
  limit: number;
}

/**
 * The audit entries about one job, oldest first (id breaks ties): those naming it, and queue-wide
 * ones in a window. Both are exact-target reads of the (target, timestamp) index.
 */
export async function listJobAuditEvents(prisma: PrismaClient, q: JobAuditQuery): Promise<AuditEventModel[]> {
  const or: Prisma.AuditEventWhereInput[] = [{ target: q.jobTarget }];
  if (q.queueWide) {
    or.push({
      target: q.queueWide.target,
      action: { in: [...q.queueWide.actions] },
      timestamp: { gte: q.queueWide.from, lte: q.queueWide.to },
    });
  }
  return prisma.auditEvent.findMany({
    where: { OR: or },
    orderBy: [{ timestamp: "asc" }, { id: "asc" }],
    take: q.limit,
  });
}
