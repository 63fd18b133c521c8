// Acting on what a search found: POST /job-actions retries, deletes or replays
// the jobs whose records match a GET /jobs filter. A dry run counts and samples
// them; a real one freezes the matched set and runs in the background
// (jobActions/runner.ts), its progress at GET /job-actions/{action_id}.
// Audited twice: the request (with its filter), and the end (what it did).
import { randomBytes } from "node:crypto";

import {
  auditTarget,
  JobActionBody,
  JobActionParams,
  JobActionStarted,
  JobActionView,
  NotFoundError,
} from "@opsdeck/core";
import { getJobAction, type JobActionRow, previewJobAction, startJobAction } from "@opsdeck/db";

import { defineRoute, reply } from "../http/route";
import { filterView, toSearchFilter, withSearchDeadline } from "../queues/search";

const BASE = "/api/v1/platform/system/job-actions";
const TAGS = ["jobs"];
/** How long the starting process holds a new action before another may take it over, ms (runner.ts renews it). */
const START_LEASE_MS = 30_000;

const view = (row: JobActionRow): JobActionView => ({
  action_id: row.id,
  action: row.action as JobActionView["action"],
  state: row.state,
  filter: row.filter,
  matched: row.matched,
  done: row.done,
  skipped: row.skipped,
  skip_reasons: row.skip_reasons,
  error: row.error,
  actor: row.actor,
  started_at: row.created_at.toISOString(),
  finished_at: row.finished_at?.toISOString() ?? null,
});

export const jobActionRoutes = [
  defineRoute({
    method: "post",
    path: BASE,
    operationId: "startJobAction",
    summary: "Retry, delete or replay the jobs a search matches",
    description:
      "`filter` takes the filters of GET /jobs (at least one; `field` as an array). The matched set — the first `limit` matching records, newest activity first — is frozen when the action starts, so it acts on exactly what a dry run with the same filter counted (if nothing changed in between). `dry_run` counts and samples, changing nothing (200). Otherwise the action runs in the background in chunks paced like the bulk operations (202; poll Location). retry acts only on jobs failed in Redis (each gets a fresh set of attempts), delete removes jobs from Redis and marks their records removed (a job a worker holds is skipped), replay re-enqueues each job from its record as a new job linked to it (a job still failed in Redis is skipped: retry it). Skipped jobs are counted per reason.",
    tags: TAGS,
    access: { permission: "queues.write" },
    rateLimit: "write",
    body: JobActionBody,
    audit: { action: "jobs.action", target: () => auditTarget.jobAction(null) },
    response: {
      status: 202,
      schema: JobActionStarted,
      description: "Started; poll Location for progress",
      sameBodyStatuses: { 200: "A dry run: what would be acted on" },
      headers: { Location: "The action's progress URL (a real run)" },
      example: {
        action_id: "act_5f0c2a9e1b7d4c3a8e6f",
        action: "retry",
        dry_run: false,
        matched: 2,
        sample: [
          { queue: "email-sending", id: "1041" },
          { queue: "email-sending", id: "1038" },
        ],
      },
    },
    async handler(ctx) {
      const b = ctx.body;
      const filter = filterView(b.filter);
      ctx.audit.parameters = { action: b.action, filter, limit: b.limit, dry_run: b.dry_run };
      const search = toSearchFilter(b.filter);
      const { pool } = ctx.deps.db;
      if (b.dry_run) {
        const { matched, sample } = await withSearchDeadline(() => previewJobAction(pool, search, b.limit));
        return reply(
          {
            action_id: null,
            action: b.action,
            dry_run: true,
            matched,
            sample: sample.map((r) => ({ queue: r.queue, id: r.job_id })),
          },
          { status: 200 },
        );
      }
      const id = `act_${randomBytes(10).toString("hex")}`;
      ctx.audit.target = auditTarget.jobAction(id);
      const { matched, sample } = await withSearchDeadline(() =>
        startJobAction(pool, {
          id,
          action: b.action,
          filterView: filter,
          search,
          limit: b.limit,
          actor: `${ctx.principal.name} (${ctx.principal.role})`,
          actorKeyId: ctx.principal.keyId,
          leaseMs: START_LEASE_MS,
        }),
      );
      ctx.deps.jobActions.start(id);
      return reply(
        {
          action_id: id,
          action: b.action,
          dry_run: false,
          matched,
          sample: sample.map((r) => ({ queue: r.queue, id: r.job_id })),
        },
        { headers: { Location: `${BASE}/${id}` } },
      );
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/{action_id}`,
    operationId: "getJobAction",
    summary: "An action's progress: matched, done, skipped (with reasons), state",
    tags: TAGS,
    access: { permission: "queues.read" },
    rateLimit: "read",
    params: JobActionParams,
    errors: [404],
    response: { schema: JobActionView, description: "The action" },
    async handler({ deps, params }) {
      const row = await getJobAction(deps.db.pool, params.action_id);
      if (!row) throw new NotFoundError("job_action_not_found", `No job action '${params.action_id}'.`);
      return view(row);
    },
  }),
];
