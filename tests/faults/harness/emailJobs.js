// Email jobs for the scenarios: one recipient each, unique job ids, added in bulk.
"use strict";
const path = require("node:path");

const h = require("./index");

function emailJobs(tag, n, { attempts = 10, backoff = { type: "fixed", delay: 500 }, from = 0 } = {}) {
  const jobs = [];
  for (let i = from; i < from + n; i++) {
    jobs.push({
      name: "send",
      data: {
        campaign_id: tag,
        from: "Opsdeck <ops@example.com>",
        subject: "Hi {{name}}",
        text: "Hi {{name}}",
        recipients: [{ email: `${tag}${i}@${tag}.example.com`, variables: { name: `N${i}` } }],
      },
      opts: { jobId: `${tag}-${i}`, attempts, backoff },
    });
  }
  return jobs;
}

async function addAll(q, jobs) {
  for (let i = 0; i < jobs.length; i += 1000) await q.addBulk(jobs.slice(i, i + 1000));
}

/** Stack + sink + API + SMTP integration registered through the API + a producer Queue on the direct port. */
async function emailStack(opts = {}) {
  const { Queue } = require(path.join(h.ROOT, "node_modules/bullmq"));
  const stack = await h.startStack(opts);
  const sink = await h.startSink();
  const api = await stack.startApi(opts.apiEnv);
  const created = await stack.call(api, "POST", "/api/v1/platform/system/email/integrations", {
    name: "faults-sink",
    host: "127.0.0.1",
    port: sink.port,
    tls_mode: "none",
  });
  if (created.status !== 201)
    throw new Error(`integration not created: ${created.status} ${JSON.stringify(created.json)}`);
  const q = new Queue("email-sending", { connection: { url: stack.directRedisUrl }, prefix: stack.env.QUEUE_PREFIX });
  return { stack, sink, api, q };
}

const WORKER_ENV = {
  WORKER_QUEUES: "email-sending",
  WORKER_LOCK_DURATION_MS: "5000",
  WORKER_STALLED_INTERVAL_MS: "2000",
  WORKER_MAX_STALLED_COUNT: "5",
  EMAIL_CLAIM_LEASE_MS: "3000",
  REMOVE_ON_COMPLETE_COUNT: "1000000",
  REMOVE_ON_FAIL_COUNT: "1000000",
};

module.exports = { emailJobs, addAll, emailStack, WORKER_ENV };
