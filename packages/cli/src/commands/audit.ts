// `opsdeck audit list` over the HTTP API: who changed what, with which
// parameters and outcome (needs a key with keys.admin, i.e. ops).
import { createApiClient } from "../api";
import { intOption, JSON_FLAG, PAGE_FLAGS, time, withoutEmpty } from "../args";
import { command, type CommandGroup } from "../command";
import { json, pageFooter, table } from "../output";

export const audit: CommandGroup = {
  description: "The audit trail of every change",
  commands: {
    list: command({
      description: "Audit events, newest first",
      flags: {
        action: { type: "string", value: "ACTION", help: "only this action, e.g. queue.pause" },
        target: { type: "string", value: "TARGET", help: "only this target, e.g. queue:email-sending" },
        "target-prefix": {
          type: "string",
          value: "PREFIX",
          help: "only targets starting with this, e.g. job:email-sending/",
          field: "target_prefix",
        },
        queue: {
          type: "string",
          value: "QUEUE",
          help: "everything about this queue: the queue, its jobs and schedulers",
        },
        "actor-key": {
          type: "string",
          value: "KEY_ID",
          help: "only changes made with this key",
          field: "actor_key_id",
        },
        outcome: { type: "string", value: "OUTCOME", help: "success or failure" },
        since: { type: "string", value: "1h|ISO", help: "at or after (a time, or that long ago)", field: "start_time" },
        until: { type: "string", value: "1h|ISO", help: "before", field: "end_time" },
        ...PAGE_FLAGS,
        ...JSON_FLAG,
      },
      examples: [
        "opsdeck audit list --since 24h",
        "opsdeck audit list --action queue.clean --outcome failure",
        "opsdeck audit list --queue email-sending",
      ],
      async run({ values }, io) {
        const query = withoutEmpty({
          action: values.action,
          target: values.target,
          target_prefix: values["target-prefix"],
          queue: values.queue,
          actor_key_id: values["actor-key"],
          // Passed through: the API checks it (400, shown as --outcome's problem).
          outcome: values.outcome as "success" | "failure" | undefined,
          start_time: time(values.since, "since"),
          end_time: time(values.until, "until"),
          limit: intOption(values.limit, "limit"),
          offset: intOption(values.offset, "offset"),
        });
        const r = await createApiClient(io.env).get("/api/v1/platform/system/audit", { params: { query } });
        if (values.json) return io.out(json(r));
        io.out(
          table(
            ["TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME", "PARAMETERS / ERROR"],
            r.events.map((e) => [
              e.timestamp,
              e.actor,
              e.action,
              e.target,
              e.outcome,
              e.error ?? (e.parameters === undefined ? null : JSON.stringify(e.parameters)),
            ]),
          ) + pageFooter(r.events.length, r.pagination),
        );
      },
    }),
  },
};
