// Generated from openapi.json by scripts/write-client-types.js (openapi-typescript); do not edit.
// `npm run openapi` regenerates it; tests/contract/client.test.ts fails when it is stale.

export interface paths {
  "/livez": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is up */
    get: operations["livez"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/readyz": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: Postgres and Redis reachable and not draining
     * @description 503 with the same body when a dependency is unreachable or the process is shutting down.
     */
    get: operations["readyz"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/metrics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics (text format) */
    get: operations["prometheusMetrics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This API's OpenAPI 3.1 document */
    get: operations["openapi"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/docs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rendered API reference */
    get: operations["docs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/docs/init.js": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Start-up script of the rendered reference */
    get: operations["docsInit"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/docs/api.md": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The API reference as Markdown, generated from /openapi.json */
    get: operations["docsMarkdown"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/llms.txt": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agent discovery manifest (llmstxt.org) */
    get: operations["llmsTxt"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/integration/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Is the API operational? Component status of database, storage and messaging
     * @description 503 with the same body when the status is down. Poll every 60 s.
     */
    get: operations["integrationHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/integration": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** API version, this key's integration details and permissions, features and endpoints */
    get: operations["integrationInfo"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/integration/logs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This key's own request logs, newest first
     * @description Request logs are kept for the worker's REQUEST_LOG_RETENTION_DAYS (30 by default).
     */
    get: operations["integrationLogs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/integration/limits": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This key's quotas, usage, remaining and reset times per minute, hour and day
     * @description Reading limits does not consume quota.
     */
    get: operations["integrationLimits"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/integration/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Is this key valid? Echoes what the API knows about it */
    post: operations["integrationTest"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (never the keys themselves) */
    get: operations["listKeys"];
    put?: never;
    /**
     * Create an API key; the raw key is in this response only
     * @description The new key's permissions (its role's, or the narrowing) must all be held by the calling key: 403 permissions_not_held lists the ones it lacks.
     */
    post: operations["createKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/keys/{key_id}/revoke": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a key at once (idempotent) */
    post: operations["revokeKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/keys/{key_id}/rotate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue a replacement key; the old one keeps working for the grace period
     * @description The replacement has the old key's role, permissions, quotas, external id and expiry. Only an active key can be rotated (409 key_inactive for a revoked or expired one), and only by a key holding every permission it has (403 permissions_not_held).
     */
    post: operations["rotateKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/session": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who is calling: the key, its role and permissions, and a session's CSRF token
     * @description Answers for an API key or for the browser sign-in session that Bull Board and the console share (the `opsdeck_board` cookie, started by signing in at /admin/queues/login). A session call to any `/api/v1/platform/*` route acts as the signed-in key, with its permissions, rate limits and quotas; it must come from this host (Origin, Referer or Sec-Fetch-Site), and a write must also carry `X-CSRF-Token` with the `csrf_token` given here (403 `csrf_token_required` otherwise).
     */
    get: operations["getSession"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every catalog and discovered queue with counts and status
     * @description Status: critical when waiting > 1000 or failed > 10, warning when waiting is 100–1000, else healthy (QUEUE_* thresholds, per queue via QUEUE_STATUS_THRESHOLDS). All counts come from one pipelined Redis round trip.
     */
    get: operations["listQueues"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One queue: counts per state, workers, limits, schedulers, last 60 minutes' throughput */
    get: operations["getQueue"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A page of a queue's jobs in one state
     * @description `stalled` lists active jobs whose lock has lapsed. Payloads over 8 KiB come back as a text preview.
     */
    get: operations["listQueueJobs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/jobs/{job_id}/timeline": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One job's life in one list: its record, events, the log lines written while it ran, audit entries
     * @description From Postgres, so it outlives the job in Redis. Oldest first, at most `limit` items (`truncated` when more exist). Audit entries are those naming the job and the queue-wide bulk actions (retry, clean, promote, the board's empty and obliterate) recorded while it lived (`scope: queue`: they may have moved it). Log lines need logs.read and audit entries keys.admin; without them those sources are left out and listed in `omitted`.
     */
    get: operations["getJobTimeline"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/pause": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a queue (emergency stop; active jobs finish)
     * @description Idempotent: pausing a paused queue (or resuming an active one) succeeds and changes nothing.
     */
    post: operations["pauseQueue"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a paused queue
     * @description Idempotent: pausing a paused queue (or resuming an active one) succeeds and changes nothing.
     */
    post: operations["resumeQueue"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry failed (or completed) jobs in bulk, each with a fresh set of attempts
     * @description Oldest first, at most `limit`, in script calls of about 8 ms of Redis time each, so Redis keeps serving other clients. Like every manual retry, each job's attempts made and started go back to 0, in Redis and in its job record, so a job that used all its attempts gets them all again; `reset_attempts: false` keeps them (such a job then gets one more try).
     */
    post: operations["retryQueueJobs"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/clean": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete jobs in a state older than a grace period
     * @description Oldest first, at most `limit`, in script calls of about 8 ms of Redis time each; jobs still locked and a scheduler's next job are kept. `dry_run` counts what would be deleted.
     */
    post: operations["cleanQueue"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/promote": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move delayed jobs to waiting now
     * @description Earliest due first, at most `limit`, in script calls of about 8 ms of Redis time each. The body is optional.
     */
    post: operations["promoteQueueJobs"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/schedulers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A queue's job schedulers (repeatable jobs), by next run */
    get: operations["listSchedulers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/schedulers/{scheduler_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One job scheduler */
    get: operations["getScheduler"];
    /**
     * Create or replace a job scheduler
     * @description Exactly one of `every` (ms, at least 1000) and `pattern` (cron, with an optional IANA `tz`), checked with BullMQ's own cron parser. The template's data must pass the queue's payload schema on a catalog queue. Replacing a scheduler reschedules its next run.
     */
    put: operations["upsertScheduler"];
    post?: never;
    /** Remove a job scheduler (and its next, not yet started, job) */
    delete: operations["removeScheduler"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/schedulers/{scheduler_id}/trigger": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add one job from a scheduler's template now, leaving its schedule as it is */
    post: operations["triggerScheduler"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search jobs by id, name, payload text, payload fields, status, failure and time (Postgres job records)
     * @description Newest activity first; every filter given must hold. `start_time` / `end_time` bound the record's last update, `created_*` and `finished_*` its creation and finish. `field` filters compare payload fields by path (see the parameter). POST /job-actions takes the same filters. Page with `cursor` (each page's `pagination.next_cursor`, stable while records change) or with `offset` (up to 10,000). `pagination.total` is exact up to JOB_COUNT_CAP (10,000) matches, then the planner's estimate (`total_is_estimate`), given without counting where the planner expects ten times JOB_COUNT_CAP or more from filters it estimates from statistics (not `q`, `failed_reason`, `contains` or range comparisons). A search that outlasts the statement deadline is a 400 `search_timeout`: narrow it.
     */
    get: operations["searchJobs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/jobs/{job_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One job: data, options, progress, attempts, failure, return value, logs and history */
    get: operations["getJob"];
    put?: never;
    post?: never;
    /** Permanently remove a job (refused while a worker holds its lock) */
    delete: operations["deleteJob"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/jobs/{job_id}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-queue a failed job with a fresh set of attempts
     * @description Only a failed job (409 job_not_failed otherwise). Like every manual retry (the queue-wide retry and Bull Board's retry too), it resets the job's attempts made and started to 0, in Redis and in its job record, so it gets all its attempts again; `reset_attempts: false` keeps the attempts it has used.
     */
    post: operations["retryJob"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/queues/{queue_name}/jobs/{job_id}/replay": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-enqueue a job from its record (or a copy of one Redis holds) as a new, linked job
     * @description For a job Redis no longer holds (removed, pruned by retention): a new job with a new id, the recorded name, retry options (attempts, backoff) and payload — or `data`, an edited payload (checked against the catalog schema on catalog queues; any JSON object up to 1 MiB elsewhere). The new job's record has `replay_of`; the original's lists it in `replays`. A job still failed in Redis is refused with 409 job_retryable_in_place (retry it instead) unless `copy` is true; a job Redis holds in another state is copied. A record that kept only a preview of a payload over 64 KiB needs `data` (409 payload_truncated).
     */
    post: operations["replayJob"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/job-actions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry, delete or replay the jobs a search matches
     * @description `filter` takes the filters of GET /jobs (at least one; `field` as an array). The matched set — the first `limit` matching records, newest activity first — is frozen when the action starts, so it acts on exactly what a dry run with the same filter counted (if nothing changed in between). `dry_run` counts and samples, changing nothing (200). Otherwise the action runs in the background in chunks paced like the bulk operations (202; poll Location). retry acts only on jobs failed in Redis (each gets a fresh set of attempts), delete removes jobs from Redis and marks their records removed (a job a worker holds is skipped), replay re-enqueues each job from its record as a new job linked to it (a job still failed in Redis is skipped: retry it). Skipped jobs are counted per reason.
     */
    post: operations["startJobAction"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/job-actions/{action_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An action's progress: matched, done, skipped (with reasons), state */
    get: operations["getJobAction"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/workers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every worker connected to any queue: Opsdeck's own processes and other BullMQ clients'
     * @description Opsdeck's worker processes come from their heartbeats (host, pid, CPU, memory, version, each queue's state, concurrency and running jobs; those that stopped or went silent stay listed for 5 minutes) and CLIENT LIST; any other BullMQ worker (Node, Python, Elixir) from CLIENT LIST alone, so what it cannot tell is null.
     */
    get: operations["listWorkers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/workers/{worker_id}/commands": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Tell one of Opsdeck's worker processes to pause or resume a queue, change its concurrency, or drain
     * @description pause: it stops taking jobs of `queue` (jobs running finish; waiting ones stay waiting); resume: it takes them again; set_concurrency: how many it runs at once, from the next job on; drain: it stops taking jobs, lets the running ones finish (up to its SHUTDOWN_GRACE_MS) and exits. The command waits in Redis until the worker takes it (at once when it is running); poll the command for its outcome. A pause or concurrency lasts for the process's life. 409 for a foreign worker (worker_not_controllable) or a stopped one.
     */
    post: operations["sendWorkerCommand"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/workers/{worker_id}/commands/{command_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A worker command's outcome
     * @description Kept for a day after its last change.
     */
    get: operations["getWorkerCommand"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit trail: who changed what, with which parameters and outcome
     * @description Every call to a mutating route by a valid key, and every change made through Bull Board or the CLI's key commands, newest first. A call is recorded however it ends: `success`, or `failure` with its error code — refusals included (403 `missing_permission`, or `board_read_only` for a read-only board session). Calls without a valid key (401) and calls over a rate limit or quota (429) are not recorded. One target format per kind, whichever way the change came: `queue:<name>` (`queue:*`: every queue, from the board), `job:<queue>/<id>`, `scheduler:<queue>/<id>`, `key:<id>`, `export:<id>`, `integration:<id>`, `alert:<id>`, and `message:<message id>` or `ip:<address>` for email feedback. `?` stands for what the request never got as far as naming: `job:?/<id>` when the id was in no queue or in several (404, 409 `ambiguous_job_id`) and no `queue` was given, `key:?` for a create that was refused or failed before anything was created. `parameters` holds what was asked (e.g. `queue` and `reset_attempts` of a job retry, a new key's name and role), never credentials; a call refused before its input was validated has none. `target` matches exactly, `target_prefix` matches the start (e.g. `job:email-sending/`), and `queue` finds everything about one queue. Page with `cursor` = the previous page's `next_cursor` (with offset 0); offset is capped.
     */
    get: operations["listAuditEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search application logs, newest first
     * @description query is full text by default (words, "phrase", prefix*, OR, -word); with regex=true a POSIX regex (case_insensitive=true to ignore case), at most LOG_REGEX_MAX_LENGTH characters (full text: 500). Refused with 400 before it runs: back-references (regex_backreference), lookahead/lookbehind (regex_lookaround), and patterns whose counted repetitions x{m,n} unroll to more than 1000 states (regex_too_complex, e.g. (a{1,100}){1,100}). queue and job_id find the lines a worker logged while running one job (job_id needs queue). Page deep with cursor=next_cursor; offset is capped. total is exact up to LOG_COUNT_CAP, then an estimate (total_is_estimate), given without counting where the planner expects ten times LOG_COUNT_CAP or more (never for a regex, whose estimate is a guess). A search that runs past its statement timeout is a 400 search_timeout: narrow the window. At most LOG_SEARCH_MAX_CONCURRENT searches run at once per server and LOG_SEARCH_MAX_CONCURRENT_PER_KEY per key; another answers 429 too_many_searches with Retry-After.
     */
    get: operations["searchLogs"];
    put?: never;
    /**
     * Ship a batch of log entries from another service of the platform
     * @description At most LOG_INGEST_MAX_ENTRIES entries and LOG_INGEST_MAX_BYTES of JSON per request; timestamps within the retention period and at most 1 h ahead. Written before the response (201).
     */
    post: operations["ingestLogs"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs/histogram": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How many logs a search matches over time, in equal buckets
     * @description The same filters as the search (and the same 400s for a bad or explosive regex or an inverted window), without paging. The window defaults to the 24 h before end_time (default now) and is cut into `buckets` equal slices, oldest first, empty ones as 0. It runs under the search's statement timeout (400 search_timeout) and takes one of the search slots (429 too_many_searches).
     */
    get: operations["logHistogram"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Start an export of the logs a search would return (GET form)
     * @description Same as POST /logs/exports, with the search parameters in the query string.
     */
    get: operations["exportLogsSeed"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs/exports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This key's exports, newest first (every key's for a full ops key) */
    get: operations["listLogExports"];
    put?: never;
    /**
     * Start an export of the logs a search would return
     * @description Formats csv (RFC 4180, formulas neutralised), json (one array), ndjson, txt; optional gzip.
     */
    post: operations["createLogExport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs/exports/{export_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An export's status, progress, size, checksum and (when completed) a signed download link */
    get: operations["getLogExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs/exports/{export_id}/download": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an export's file through its signed link
     * @description The link (from GET /logs/exports/{export_id}) is the credential; a tampered or expired link is a 403. A valid link counts against the read policy of the key that created the export (the same budget as that key's own reads), never against the caller's IP; anything else counts against the caller's IP.
     */
    get: operations["downloadLogExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs/archives": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Archived days of logs, newest first, with signed download links
     * @description Before retention drops a day of logs, the worker writes it as NDJSON gzip to the export storage, reads it back (row count, SHA-256) and only then drops it. A failed attempt is listed with its reason; that day's logs are kept and tried again on the next hourly run. Archives past the worker's LOG_ARCHIVE_RETENTION_DAYS (when set) are deleted and no longer listed.
     */
    get: operations["listLogArchives"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/logs/archives/{day}/download": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a day's archive (NDJSON gzip) through its signed link
     * @description The link (from GET /logs/archives) is the credential; a tampered or expired link is a 403. Downloads count against the caller's IP under the read policy. An archive deleted since (LOG_ARCHIVE_RETENTION_DAYS) is a 404.
     */
    get: operations["downloadLogArchive"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/email/integrations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List SMTP integrations with their health (never their credentials) */
    get: operations["listEmailIntegrations"];
    put?: never;
    /**
     * Add an SMTP integration; credentials are encrypted at rest
     * @description 400 destination_forbidden when the host resolves to a loopback, private, link-local or otherwise non-public address that EMAIL_ALLOWED_DESTINATIONS does not allow; 400 plaintext_auth_not_allowed when credentials would go unencrypted (tls_mode none) to a non-loopback host without allow_plaintext_auth.
     */
    post: operations["createEmailIntegration"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/email/integrations/{integration_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change an SMTP integration (credentials: replace, or null to remove)
     * @description Stored credentials belong to the endpoint they were given for: changing host, port or tls_mode, or turning allow_plaintext_auth on, removes them (has_credentials becomes false) unless new ones come in the same request. The new endpoint is checked as on create (400 destination_forbidden, plaintext_auth_not_allowed).
     */
    patch: operations["updateEmailIntegration"];
    trace?: never;
  };
  "/api/v1/platform/system/email/integrations/{integration_id}/disable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop sending through an integration (idempotent; PATCH enabled=true turns it back on) */
    post: operations["disableEmailIntegration"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/email/integrations/{integration_id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Live check: connect, EHLO, STARTTLS and AUTH as configured, bounded by EMAIL_CHECK_TIMEOUT_MS
     * @description The host is resolved and checked as on create, and the check connects only to the checked address. A failure is named from a fixed list (destination_forbidden, dns_failed, connection_refused, timeout, tls_failed, auth_failed, greeting_rejected, …), never with what the server sent, and is answered at the check's deadline whatever failed, so the answer's timing does not tell a closed port from a silent one.
     */
    post: operations["testEmailIntegration"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/email/messages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search messages by recipient, campaign, status, Message-ID and time, newest first */
    get: operations["listEmailMessages"];
    put?: never;
    /**
     * Send one transactional message (high-priority queue)
     * @description Send an Idempotency-Key header (1–255 visible ASCII characters, e.g. a UUID) to make the request safe to retry: the same key with the same body gets the first answer again (same status, header Idempotent-Replayed: true) and sends nothing more; the same key with another body is a 409 idempotency_key_reused. Keys are per API key and kept EMAIL_IDEMPOTENCY_TTL_SECONDS (24 h by default). The body is limited to EMAIL_SEND_BODY_LIMIT_BYTES (16 MiB by default; 413 beyond). A suppressed address is not sent to (status suppressed).
     */
    post: operations["sendEmailMessage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/email/campaigns": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a campaign: up to 10,000 recipients with per-recipient variables, in batch jobs
     * @description Send an Idempotency-Key header (1–255 visible ASCII characters, e.g. a UUID) to make the request safe to retry: the same key with the same body gets the first answer again (same status, header Idempotent-Replayed: true) and sends nothing more; the same key with another body is a 409 idempotency_key_reused. Keys are per API key and kept EMAIL_IDEMPOTENCY_TTL_SECONDS (24 h by default). The body is limited to EMAIL_SEND_BODY_LIMIT_BYTES (16 MiB by default; 413 beyond). Recipients are de-duplicated case-insensitively and split in order into batches of batch_size (EMAIL_CAMPAIGN_BATCH_SIZE, 500 by default); suppressed addresses are skipped (status suppressed).
     */
    post: operations["sendEmailCampaign"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/email/campaigns/{campaign_id}/retry-failed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send again to the recipients whose latest message failed (never to one that was sent)
     * @description Failed: given up after the batch's last attempt. The new batches' job ids are derived from exactly those failed messages, so asking again before they run adds nothing; once they have run, a new call retries whatever failed since. Bounced, suppressed, unconfirmed and sent recipients are never included.
     */
    post: operations["retryFailedEmail"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/email/campaigns/{campaign_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A campaign's recipients by the status of their latest message, by sending IP and integration
     * @description Counted from the message rows the worker writes (nothing is counted on the send path). A recipient retried by retry-failed counts by its newest message. complained: sent and a complaint received since (also counted in sent).
     */
    get: operations["getEmailCampaign"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/email/messages/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One message and its timeline: claimed, handed to which server, the SMTP reply, feedback since */
    get: operations["getEmailMessage"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/email/suppressions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The suppression list, newest first, searched by part of the address and by reason */
    get: operations["listEmailSuppressions"];
    put?: never;
    /**
     * Add addresses to the suppression list (manual, or soft with expires_at)
     * @description An address already listed is replaced (reason, expiry). Up to 1,000 per request.
     */
    post: operations["addEmailSuppressions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/email/suppressions/{address}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take an address off the suppression list (the domain is compared case-insensitively) */
    delete: operations["removeEmailSuppression"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/infrastructure/ip-reputation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sending IPs: reputation score, DNSBL listings, daily volume, status
     * @description score = 100 − 400·bounce rate − 5000·complaint rate − 100·deferral rate − 15 per DNSBL listing (last 7 days, clamped 0–100). status: critical when listed on any DNSBL or score < 50, warning when score < 80, else good. daily_volume: messages sent through the IP since 00:00 UTC.
     */
    get: operations["getIpReputation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/email/feedback": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a bounce or complaint from a provider (idempotent per message and type) */
    post: operations["recordEmailFeedback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Health of the email integrations, overall and by type */
    get: operations["getStatus"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/infrastructure/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Real-time service health
     * @description API Server (last 5 min of request logs), Workers (heartbeats in the last 30 s), SMTP Service (email queue backlog and integrations), OLTP Database (pool usage, query latency now) and Redis (latency, memory, maxmemory-policy). Every probe is bounded by PROBE_TIMEOUT_MS; a dead dependency is `down` with a reason and this endpoint still answers 200. One measurement answers every caller for 5 s (`checked_at` is when it was taken).
     */
    get: operations["getInfrastructureHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/infrastructure/alerts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recent infrastructure alerts
     * @description Alerts open now or active in the last `hours`, newest first. Rules are evaluated every minute by the worker after each rollup; one open alert per rule and subject; resolved automatically when the condition clears.
     */
    get: operations["listInfrastructureAlerts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/system/infrastructure/alerts/{id}/acknowledge": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Acknowledge an alert (records who and when)
     * @description Idempotent: a second acknowledgement keeps the first one's time and key.
     */
    post: operations["acknowledgeAlert"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/metrics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Platform metrics: workers, jobs processed, uptime, performance, storage */
    get: operations["getPlatformMetrics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/metrics/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Historical metrics from the rollups (1h: per minute; 24h, 7d: hourly; 30d: daily)
     * @description Points {timestamp, cpu, memory, messages, errors, timed_jobs, wait_time_ms, processing_time_ms}: cpu/memory average the worker samples (one worker, the workers serving `queue`, or all); messages are jobs finished and errors jobs failed (one queue, the queues `worker` serves, or all); wait_time_ms and processing_time_ms are p50/p95/p99 of the same jobs' times (those with a job record), merged from histograms so an hour's or a day's percentiles are those of all its jobs. `latency` gives the percentiles over the whole range, per queue and per job name. The last point is the current, partial period.
     */
    get: operations["getMetricsHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/metrics/history/queues": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Jobs finished and failed per queue and period, every queue in one answer
     * @description The same rollups, layers and periods as GET …/metrics/history with `queue`, for every queue with finished jobs in the range at once (the console overview's sparklines): `periods` gives each period's start and every queue's `messages` (jobs finished) and `errors` (jobs failed) are aligned with it. A queue not listed finished no jobs in the range. The last period is the current, partial one.
     */
    get: operations["getQueuesHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/platform/metrics/performance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Current performance of the platform, a queue or a worker */
    get: operations["getMetricsPerformance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      /** @constant */
      success: false;
      error: {
        /** @enum {string} */
        type:
          | "invalid_request_error"
          | "authentication_error"
          | "permission_error"
          | "not_found_error"
          | "conflict_error"
          | "rate_limit_error"
          | "api_error"
          | "unavailable_error";
        code: string;
        message: string;
        request_id: string;
        details?: unknown;
        retryAfter?: number;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  livez: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Always ok while the process runs */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            status: "ok";
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  readyz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {string} */
            status: "ready" | "not_ready";
            checks: {
              /** @enum {string} */
              postgres: "up" | "down";
              /** @enum {string} */
              redis: "up" | "down";
              draining: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not ready: a dependency is unreachable or the process is draining */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {string} */
            status: "ready" | "not_ready";
            checks: {
              /** @enum {string} */
              postgres: "up" | "down";
              /** @enum {string} */
              redis: "up" | "down";
              draining: boolean;
            };
          };
        };
      };
    };
  };
  prometheusMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/plain": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  openapi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAPI 3.1 document */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  docs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description HTML page rendering /openapi.json */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/html": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  docsInit: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description JavaScript */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/javascript": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  docsMarkdown: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Markdown */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/markdown": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  llmsTxt: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description llms.txt */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/plain": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  integrationHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Health of the API and its components */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "healthy",
           *       "version": "1.0.0",
           *       "timestamp": "2024-01-20T15:30:45Z",
           *       "services": {
           *         "database": "healthy",
           *         "storage": "healthy",
           *         "messaging": "healthy"
           *       }
           *     }
           */
          "application/json": {
            /** @enum {string} */
            status: "healthy" | "degraded" | "down";
            version: string;
            timestamp: string;
            services: {
              /** @enum {string} */
              database: "healthy" | "degraded" | "down";
              /** @enum {string} */
              storage: "healthy" | "degraded" | "down";
              /** @enum {string} */
              messaging: "healthy" | "degraded" | "down";
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Down: the database is unreachable (same body); otherwise an error: A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json":
            | {
                /** @enum {string} */
                status: "healthy" | "degraded" | "down";
                version: string;
                timestamp: string;
                services: {
                  /** @enum {string} */
                  database: "healthy" | "degraded" | "down";
                  /** @enum {string} */
                  storage: "healthy" | "degraded" | "down";
                  /** @enum {string} */
                  messaging: "healthy" | "degraded" | "down";
                };
              }
            | components["schemas"]["Error"];
        };
      };
    };
  };
  integrationInfo: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Integration details */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            version: string;
            integration: {
              externalId: string | null;
              keyId: string;
              name: string;
              role: string;
              permissions: string[];
              accountType: string;
              createdAt: string;
              expiresAt: string | null;
            };
            features: string[];
            endpoints: {
              [key: string]: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  integrationLogs: {
    parameters: {
      query?: {
        /** @description Page number (default 1) */
        page?: number;
        /** @description Logs per page (default 50, max 200) */
        limit?: number;
        /** @description From this time (ISO 8601) */
        startDate?: string;
        /** @description Until this time (ISO 8601) */
        endDate?: string;
        /** @description Exact request path, e.g. /api/integration/health */
        endpoint?: string;
        /** @description Status code or class: 200, 4xx, 5xx */
        status?: string;
        method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of request logs */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: {
              logId: string;
              timestamp: string;
              method: string;
              endpoint: string;
              statusCode: number;
              responseTime: number;
              requestSize: number;
              responseSize: number;
              ipAddress: string | null;
              userAgent: string | null;
            }[];
            pagination: {
              page: number;
              limit: number;
              total: number;
              totalPages: number;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  integrationLimits: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Quota status */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            limits: {
              perMinute: number | null;
              perHour: number | null;
              perDay: number | null;
            };
            usage: {
              perMinute: number;
              perHour: number;
              perDay: number;
            };
            remaining: {
              perMinute: number | null;
              perHour: number | null;
              perDay: number | null;
            };
            resetAt: {
              perMinute: string;
              perHour: string;
              perDay: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  integrationTest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The key is valid */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            valid: true;
            keyId: string;
            role: string;
            permissions: string[];
            expiresAt: string | null;
            timestamp: string;
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listKeys: {
    parameters: {
      query?: {
        /** @description Include revoked keys */
        include_revoked?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Keys, newest first */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              keys: {
                id: string;
                name: string;
                /** @enum {string} */
                role: "ops" | "viewer" | "integration";
                /** @description Effective permissions */
                permissions: string[];
                narrowed: boolean;
                prefix: string;
                last4: string;
                external_id: string | null;
                quotas: {
                  per_minute: number | null;
                  per_hour: number | null;
                  per_day: number | null;
                };
                /** @enum {string} */
                status: "active" | "expired" | "revoked";
                created_at: string;
                expires_at: string | null;
                revoked_at: string | null;
                last_used_at: string | null;
                rotated_from: string | null;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          /** @enum {string} */
          role: "ops" | "viewer" | "integration";
          /** @description Narrow the role to these permissions */
          permissions?: (
            | "queues.read"
            | "queues.write"
            | "jobs.write"
            | "logs.read"
            | "logs.write"
            | "logs.export"
            | "infra.read"
            | "alerts.write"
            | "email.write"
            | "email.send"
            | "email.read"
            | "keys.admin"
            | "integration.read"
          )[];
          /** Format: date-time */
          expires_at?: string;
          external_id?: string;
          quota_per_minute?: number;
          quota_per_hour?: number;
          quota_per_day?: number;
        };
      };
    };
    responses: {
      /** @description The new key */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              name: string;
              /** @enum {string} */
              role: "ops" | "viewer" | "integration";
              /** @description Effective permissions */
              permissions: string[];
              narrowed: boolean;
              prefix: string;
              last4: string;
              external_id: string | null;
              quotas: {
                per_minute: number | null;
                per_hour: number | null;
                per_day: number | null;
              };
              /** @enum {string} */
              status: "active" | "expired" | "revoked";
              created_at: string;
              expires_at: string | null;
              revoked_at: string | null;
              last_used_at: string | null;
              rotated_from: string | null;
              /** @description The raw key. Shown once; store it now. */
              key: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  revokeKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revoked key */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              name: string;
              /** @enum {string} */
              role: "ops" | "viewer" | "integration";
              /** @description Effective permissions */
              permissions: string[];
              narrowed: boolean;
              prefix: string;
              last4: string;
              external_id: string | null;
              quotas: {
                per_minute: number | null;
                per_hour: number | null;
                per_day: number | null;
              };
              /** @enum {string} */
              status: "active" | "expired" | "revoked";
              created_at: string;
              expires_at: string | null;
              revoked_at: string | null;
              last_used_at: string | null;
              rotated_from: string | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  rotateKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key_id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /** @description How long the old key keeps working (default from KEY_ROTATION_GRACE_SECONDS) */
          grace_seconds?: number;
        };
      };
    };
    responses: {
      /** @description The new key (raw, once) and the old key with its new expiry */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              key: {
                id: string;
                name: string;
                /** @enum {string} */
                role: "ops" | "viewer" | "integration";
                /** @description Effective permissions */
                permissions: string[];
                narrowed: boolean;
                prefix: string;
                last4: string;
                external_id: string | null;
                quotas: {
                  per_minute: number | null;
                  per_hour: number | null;
                  per_day: number | null;
                };
                /** @enum {string} */
                status: "active" | "expired" | "revoked";
                created_at: string;
                expires_at: string | null;
                revoked_at: string | null;
                last_used_at: string | null;
                rotated_from: string | null;
                /** @description The raw key. Shown once; store it now. */
                key: string;
              };
              previous: {
                id: string;
                name: string;
                /** @enum {string} */
                role: "ops" | "viewer" | "integration";
                /** @description Effective permissions */
                permissions: string[];
                narrowed: boolean;
                prefix: string;
                last4: string;
                external_id: string | null;
                quotas: {
                  per_minute: number | null;
                  per_hour: number | null;
                  per_day: number | null;
                };
                /** @enum {string} */
                status: "active" | "expired" | "revoked";
                created_at: string;
                expires_at: string | null;
                revoked_at: string | null;
                last_used_at: string | null;
                rotated_from: string | null;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              key_id: string;
              key_name: string;
              /** @enum {string} */
              role: "ops" | "viewer" | "integration";
              /** @description Effective permissions: what the caller may do */
              permissions: (
                | "queues.read"
                | "queues.write"
                | "jobs.write"
                | "logs.read"
                | "logs.write"
                | "logs.export"
                | "infra.read"
                | "alerts.write"
                | "email.write"
                | "email.send"
                | "email.read"
                | "keys.admin"
                | "integration.read"
              )[];
              /**
               * @description How the call was authenticated: an API key, or a browser sign-in session
               * @enum {string}
               */
              via: "key" | "session";
              /** @description For a session: send it as X-CSRF-Token on every write. Null for a key, which needs none. */
              csrf_token: string | null;
              /** @description When the session ends (a key: when the key expires, if ever) */
              expires_at: string | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listQueues: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queues, catalog first */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              queues: {
                name: string;
                /**
                 * @description Catalog priority; 'normal' for discovered queues
                 * @enum {string}
                 */
                priority: "high" | "normal" | "low";
                active_jobs: number;
                /** @description Ready to run: wait + prioritized (+ legacy paused list) */
                waiting_jobs: number;
                /** @description Completed jobs still retained whose finish is in the last hour */
                completed_last_hour: number;
                failed_jobs: number;
                /** @enum {string} */
                status: "healthy" | "warning" | "critical";
                paused: boolean;
                delayed_jobs: number;
                /** @description Worker connections seen in CLIENT LIST; null when Redis refuses CLIENT LIST */
                workers: number | null;
                /** @description Age of the next job to run from the wait list */
                oldest_waiting_age_seconds: number | null;
                /** @description Active jobs whose lock has lapsed (first 1000 active jobs checked) */
                stalled_jobs: number;
                /** @description Defined by Opsdeck (true) or discovered under the prefix (false) */
                catalog: boolean;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getQueue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              name: string;
              /**
               * @description Catalog priority; 'normal' for discovered queues
               * @enum {string}
               */
              priority: "high" | "normal" | "low";
              active_jobs: number;
              /** @description Ready to run: wait + prioritized (+ legacy paused list) */
              waiting_jobs: number;
              /** @description Completed jobs still retained whose finish is in the last hour */
              completed_last_hour: number;
              failed_jobs: number;
              /** @enum {string} */
              status: "healthy" | "warning" | "critical";
              paused: boolean;
              delayed_jobs: number;
              /** @description Worker connections seen in CLIENT LIST; null when Redis refuses CLIENT LIST */
              workers: number | null;
              /** @description Age of the next job to run from the wait list */
              oldest_waiting_age_seconds: number | null;
              /** @description Active jobs whose lock has lapsed (first 1000 active jobs checked) */
              stalled_jobs: number;
              /** @description Defined by Opsdeck (true) or discovered under the prefix (false) */
              catalog: boolean;
              counts: {
                active: number;
                waiting: number;
                prioritized: number;
                delayed: number;
                /** @description Legacy paused list (BullMQ < 5 kept paused jobs apart) */
                paused: number;
                "waiting-children": number;
                completed: number;
                failed: number;
                stalled: number;
              };
              global_concurrency: number | null;
              global_rate_limit: {
                max: number;
                duration_ms: number;
              } | null;
              schedulers: {
                total: number;
                items: {
                  id: string;
                  name: string;
                  pattern: string | null;
                  /** @description Interval, ms */
                  every: number | null;
                  next_run_at: string | null;
                }[];
              };
              /** @description Oldest minute first; from retained jobs */
              throughput_last_60_minutes: {
                /** @description Start of the minute, ISO 8601 */
                minute: string;
                completed: number;
                failed: number;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listQueueJobs: {
    parameters: {
      query?: {
        /** @description Job state to list (default waiting) */
        status?:
          | "active"
          | "waiting"
          | "delayed"
          | "prioritized"
          | "failed"
          | "completed"
          | "paused"
          | "waiting-children"
          | "stalled";
        /** @description Max results (default 50, max 100) */
        limit?: number;
        /** @description Pagination offset */
        offset?: number;
      };
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Jobs, newest first and the pagination */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              jobs: {
                id: string;
                queue: string;
                name: string;
                status: string;
                /** @description Job data; a JSON text preview when larger than the cap */
                payload: unknown;
                payload_truncated: boolean;
                payload_size_bytes: number;
                error: {
                  message: string;
                  stack_trace: string | null;
                } | null;
                /** @description Attempts made */
                attempts: number;
                max_attempts: number;
                progress: unknown;
                priority: number;
                /** @description ms */
                delay: number;
                created_at: string;
                updated_at: string;
                processed_at: string | null;
                finished_at: string | null;
              }[];
              pagination: {
                total: number;
                limit: number;
                offset: number;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getJobTimeline: {
    parameters: {
      query?: {
        /** @description Most items (default 200, max 1000); the oldest are kept and `truncated` says more exist */
        limit?: number;
      };
      header?: never;
      path: {
        queue_name: string;
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job's timeline */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              queue: string;
              job_id: string;
              /** @description Oldest first; at equal times: record, event, log, audit */
              items: (
                | {
                    /** @description When the job was created */
                    at: string;
                    /** @constant */
                    kind: "record";
                    name: string;
                    status: string;
                    attempt: number;
                    attempts_made: number;
                    failed_reason: string | null;
                    processed_at: string | null;
                    finished_at: string | null;
                    updated_at: string;
                  }
                | {
                    at: string;
                    /** @constant */
                    kind: "event";
                    attempt: number;
                    /** @description active, retry, failed, completed, stalled, ... */
                    event: string;
                    detail: string | null;
                  }
                | {
                    at: string;
                    /** @constant */
                    kind: "log";
                    id: string;
                    level: string;
                    service: string;
                    message: string;
                    metadata: {
                      [key: string]: unknown;
                    };
                  }
                | {
                    at: string;
                    /** @constant */
                    kind: "audit";
                    id: string;
                    action: string;
                    actor: string;
                    target: string;
                    /** @enum {string} */
                    outcome: "success" | "failure";
                    error: string | null;
                    /**
                     * @description job: the entry names this job; queue: a queue-wide bulk action during the job's life that may have moved it
                     * @enum {string}
                     */
                    scope: "job" | "queue";
                  }
              )[];
              /** @description More items exist past the last one */
              truncated: boolean;
              /** @description Sources left out because the key may not read them: logs need logs.read, audit entries keys.admin */
              omitted: ("logs" | "audit")[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  pauseQueue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue's new state */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "queue": "email-sending",
           *         "status": "paused",
           *         "timestamp": "2025-12-04T12:00:00Z"
           *       }
           *     }
           */
          "application/json": {
            /** @constant */
            success: true;
            data: {
              queue: string;
              /** @enum {string} */
              status: "paused" | "active";
              timestamp: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  resumeQueue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue's new state */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "queue": "email-sending",
           *         "status": "active",
           *         "timestamp": "2025-12-04T12:00:00Z"
           *       }
           *     }
           */
          "application/json": {
            /** @constant */
            success: true;
            data: {
              queue: string;
              /** @enum {string} */
              status: "paused" | "active";
              timestamp: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  retryQueueJobs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          state: "failed" | "completed";
          /** @description Only jobs finished at least this long ago */
          older_than_seconds?: number;
          /**
           * @description Most jobs to retry (default 1000, max 100000)
           * @default 1000
           */
          limit?: number;
          /**
           * @description true (default): the job starts again with a fresh set of attempts; false: it keeps the attempts it has used, so one with none left gets a single try
           * @default true
           */
          reset_attempts?: boolean;
          /** @default false */
          dry_run?: boolean;
        };
      };
    };
    responses: {
      /** @description How many jobs matched and were (or would be) retried */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              queue: string;
              /** @enum {string} */
              state: "failed" | "completed";
              matched: number;
              retried: number;
              dry_run: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  cleanQueue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          state: "completed" | "failed" | "delayed" | "wait" | "paused" | "prioritized";
          /**
           * @description Keep jobs newer than this
           * @default 0
           */
          grace_seconds?: number;
          /**
           * @description Most jobs to delete (default 1000, max 100000)
           * @default 1000
           */
          limit?: number;
          /** @default false */
          dry_run?: boolean;
        };
      };
    };
    responses: {
      /** @description How many jobs matched and were deleted */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              queue: string;
              /** @enum {string} */
              state: "completed" | "failed" | "delayed" | "wait" | "paused" | "prioritized";
              matched: number;
              deleted: number;
              dry_run: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  promoteQueueJobs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /**
           * @description Most delayed jobs to promote (default 1000, max 100000)
           * @default 1000
           */
          limit?: number;
          /** @default false */
          dry_run?: boolean;
        };
      };
    };
    responses: {
      /** @description How many delayed jobs matched and were promoted */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              queue: string;
              matched: number;
              promoted: number;
              dry_run: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listSchedulers: {
    parameters: {
      query?: {
        /** @description Max results (default 50, max 100) */
        limit?: number;
        /** @description Pagination offset (max 10000) */
        offset?: number;
      };
      header?: never;
      path: {
        queue_name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Schedulers, soonest next run first, and the pagination */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              schedulers: {
                id: string;
                queue: string;
                /** @description The jobs' name */
                name: string;
                pattern: string | null;
                /** @description Interval, ms */
                every: number | null;
                tz: string | null;
                start_date: string | null;
                end_date: string | null;
                limit: number | null;
                /** @description Runs so far */
                iteration_count: number | null;
                next_run_at: string | null;
                template: {
                  data: unknown;
                  /** @description BullMQ's job options of the template, as stored */
                  opts: {
                    [key: string]: unknown;
                  };
                };
              }[];
              pagination: {
                total: number;
                limit: number;
                offset: number;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getScheduler: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
        scheduler_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The scheduler */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              queue: string;
              /** @description The jobs' name */
              name: string;
              pattern: string | null;
              /** @description Interval, ms */
              every: number | null;
              tz: string | null;
              start_date: string | null;
              end_date: string | null;
              limit: number | null;
              /** @description Runs so far */
              iteration_count: number | null;
              next_run_at: string | null;
              template: {
                data: unknown;
                /** @description BullMQ's job options of the template, as stored */
                opts: {
                  [key: string]: unknown;
                };
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  upsertScheduler: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
        scheduler_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Interval, ms (at least 1000) */
          every?: number;
          /** @description Cron pattern, as BullMQ's cron parser reads it */
          pattern?: string;
          /** @description IANA time zone of `pattern`, e.g. Europe/Paris */
          tz?: string;
          /** Format: date-time */
          start_date?: string;
          /**
           * Format: date-time
           * @description No run after this; must be in the future
           */
          end_date?: string;
          /** @description Most runs in all */
          limit?: number;
          template: {
            /** @description The jobs' name */
            name: string;
            /**
             * @description The jobs' data (at most 65536 characters of JSON; a catalog queue's payload schema applies)
             * @default {}
             */
            data?: {
              [key: string]: unknown;
            };
            /** @default {} */
            opts?: {
              attempts?: number;
              backoff?: {
                /** @enum {string} */
                type: "fixed" | "exponential";
                /** @description ms */
                delay: number;
              };
              priority?: number;
              /** @description Keep at most this many completed */
              remove_on_complete?: number;
              /** @description Keep at most this many failed */
              remove_on_fail?: number;
            };
          };
        };
      };
    };
    responses: {
      /** @description The scheduler as stored, and whether it is new */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              scheduler: {
                id: string;
                queue: string;
                /** @description The jobs' name */
                name: string;
                pattern: string | null;
                /** @description Interval, ms */
                every: number | null;
                tz: string | null;
                start_date: string | null;
                end_date: string | null;
                limit: number | null;
                /** @description Runs so far */
                iteration_count: number | null;
                next_run_at: string | null;
                template: {
                  data: unknown;
                  /** @description BullMQ's job options of the template, as stored */
                  opts: {
                    [key: string]: unknown;
                  };
                };
              };
              created: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  removeScheduler: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
        scheduler_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The scheduler is gone */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              queue: string;
              /** @constant */
              removed: true;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  triggerScheduler: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
        scheduler_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job added */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              scheduler_id: string;
              queue: string;
              /** @description The job added now from the scheduler's template */
              job_id: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  searchJobs: {
    parameters: {
      query?: {
        /** @description A job id (exact match), or text in the job name or payload (case-insensitive) */
        q?: string;
        queue?: string;
        /** @description Recorded status (the job's state as last recorded), e.g. failed */
        status?: string;
        /** @description Job name, exact */
        name?: string;
        /** @description Text in the failure reason (case-insensitive substring) */
        failed_reason?: string;
        /** @description A payload field filter, `<path>:<op>[:<value>]`; repeat the parameter for several (at most 5, all must hold). `<path>` is `data` (the job's payload) then 1 to 8 object keys of letters, digits, `_` and `-`, joined by `.`: `data.user.plan`. `<op>`: `eq`, `ne`, `gt`, `gte`, `lt`, `lte`, `contains`, `exists`. The value is everything after the second `:` (it may hold `:`; URL-encode `&`, `#`, `+` and `%`); `exists` takes none. A value that parses as a number compares numerically with numbers (`eq`/`ne` also match the same text, e.g. an id kept as a string), any other value as text. `contains` is a case-insensitive substring of the field's text. `ne` also matches a job without the field. Examples: `data.user.plan:eq:pro`, `data.amount:gte:100`, `data.email:contains:@example.com`, `data.retry_of:exists`. Payloads over 64 KiB are recorded as a text preview and match no field filter. `eq` is served by an index; the other operators narrow what the other filters (and `eq`) select. */
        field?: string[];
        /** @description Last updated at or after (ISO 8601) */
        start_time?: string;
        /** @description Last updated before (ISO 8601) */
        end_time?: string;
        /** @description Created at or after (ISO 8601) */
        created_from?: string;
        /** @description Created before (ISO 8601) */
        created_to?: string;
        /** @description Finished at or after (ISO 8601) */
        finished_from?: string;
        /** @description Finished before (ISO 8601) */
        finished_to?: string;
        /** @description Max results (default 50, max 100) */
        limit?: number;
        /** @description Pagination offset (max 10000) */
        offset?: number;
        /** @description `pagination.next_cursor` of the previous page: the page after it, stable while records change and with no offset limit (offset must then be 0) */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Matching job records and the pagination */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              jobs: {
                id: string;
                queue: string;
                name: string;
                status: string;
                attempts: number;
                progress: unknown;
                failed_reason: string | null;
                payload: unknown;
                payload_truncated: boolean;
                created_at: string;
                processed_at: string | null;
                finished_at: string | null;
                updated_at: string;
                /** @description The job (same queue) this one replays */
                replay_of: string | null;
                /** @description Repaired from Redis after its queue's event stream lost entries: the history may miss attempts */
                history_incomplete: boolean;
              }[];
              pagination: {
                total: number;
                limit: number;
                offset: number;
                /** @description True when more records match than the exact-count cap (JOB_COUNT_CAP), counted or expected, and `total` is an estimate */
                total_is_estimate: boolean;
                /** @description Pass as `cursor` for the next page; null on the last page */
                next_cursor: string | null;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getJob: {
    parameters: {
      query?: {
        /** @description The job's queue, when its id exists in several */
        queue?: string;
      };
      header?: never;
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              queue: string;
              name: string;
              /** @description BullMQ state now: active, waiting, delayed, prioritized, completed, failed, ... */
              status: string;
              /** @description A worker holds the job's lock */
              locked: boolean;
              data: unknown;
              data_truncated: boolean;
              options: {
                [key: string]: unknown;
              };
              progress: unknown;
              attempts_made: number;
              attempts_started: number;
              max_attempts: number;
              error: {
                message: string;
                stack_trace: string | null;
              } | null;
              /** @description One entry per failed attempt, newest last */
              stacktrace: string[];
              return_value: unknown;
              priority: number;
              /** @description ms */
              delay: number;
              created_at: string;
              processed_at: string | null;
              finished_at: string | null;
              logs: {
                /** @description Newest 100 lines, oldest first */
                lines: string[];
                count: number;
              };
              history: {
                record: {
                  status: string;
                  attempt: number;
                  attempts_made: number;
                  failed_reason: string | null;
                  created_at: string;
                  processed_at: string | null;
                  finished_at: string | null;
                  updated_at: string;
                  /** @description The job (same queue) this one replays */
                  replay_of: string | null;
                  /** @description This job's replays (same queue), newest last */
                  replays: string[];
                  /** @description Repaired from Redis after its queue's event stream lost entries: the history may miss attempts */
                  history_incomplete: boolean;
                } | null;
                events: {
                  attempt: number;
                  event: string;
                  detail: string | null;
                  at: string;
                }[];
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteJob: {
    parameters: {
      query?: {
        /** @description The job's queue, when its id exists in several */
        queue?: string;
      };
      header?: never;
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job is gone */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              job_id: string;
              queue: string;
              /** @constant */
              deleted: true;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  retryJob: {
    parameters: {
      query?: {
        /** @description The job's queue, when its id exists in several */
        queue?: string;
      };
      header?: never;
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /**
           * @description true (default): the job starts again with a fresh set of attempts; false: it keeps the attempts it has used, so one with none left gets a single try
           * @default true
           */
          reset_attempts?: boolean;
        };
      };
    };
    responses: {
      /** @description The job is waiting again */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "job_id": "job_123",
           *         "queue": "email-sending",
           *         "status": "queued",
           *         "attempts_reset": true
           *       }
           *     }
           */
          "application/json": {
            /** @constant */
            success: true;
            data: {
              job_id: string;
              queue: string;
              /** @constant */
              status: "queued";
              attempts_reset: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  replayJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        queue_name: string;
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /** @description An edited payload for the new job (validated with the catalog schema on catalog queues); default: the recorded payload */
          data?: {
            [key: string]: unknown;
          };
          /**
           * @description Replay even though the job is still failed in Redis (where a retry would do): a copy with a new id
           * @default false
           */
          copy?: boolean;
        };
      };
    };
    responses: {
      /** @description The new job is waiting */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "job_id": "rp-3f9a0c1d2e4b5a6c7d8e",
           *         "queue": "email-sending",
           *         "replay_of": "1041",
           *         "name": "send",
           *         "status": "queued",
           *         "payload_edited": true
           *       }
           *     }
           */
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description The new job's id */
              job_id: string;
              queue: string;
              replay_of: string;
              name: string;
              /** @constant */
              status: "queued";
              payload_edited: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  startJobAction: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description retry: failed jobs go back to wait with a fresh set of attempts (others are skipped); delete: removed from Redis, record marked removed; replay: re-enqueued from the record as a new linked job
           * @enum {string}
           */
          action: "retry" | "delete" | "replay";
          /** @description The filters of GET /jobs (field filters as an array); at least one */
          filter: {
            /** @description A job id (exact match), or text in the job name or payload (case-insensitive) */
            q?: string;
            queue?: string;
            /** @description Recorded status (the job's state as last recorded), e.g. failed */
            status?: string;
            /** @description Job name, exact */
            name?: string;
            /** @description Text in the failure reason (case-insensitive substring) */
            failed_reason?: string;
            /** @description A payload field filter, `<path>:<op>[:<value>]`; repeat the parameter for several (at most 5, all must hold). `<path>` is `data` (the job's payload) then 1 to 8 object keys of letters, digits, `_` and `-`, joined by `.`: `data.user.plan`. `<op>`: `eq`, `ne`, `gt`, `gte`, `lt`, `lte`, `contains`, `exists`. The value is everything after the second `:` (it may hold `:`; URL-encode `&`, `#`, `+` and `%`); `exists` takes none. A value that parses as a number compares numerically with numbers (`eq`/`ne` also match the same text, e.g. an id kept as a string), any other value as text. `contains` is a case-insensitive substring of the field's text. `ne` also matches a job without the field. Examples: `data.user.plan:eq:pro`, `data.amount:gte:100`, `data.email:contains:@example.com`, `data.retry_of:exists`. Payloads over 64 KiB are recorded as a text preview and match no field filter. `eq` is served by an index; the other operators narrow what the other filters (and `eq`) select. */
            field?: string[];
            /**
             * Format: date-time
             * @description Last updated at or after (ISO 8601)
             */
            start_time?: string;
            /**
             * Format: date-time
             * @description Last updated before (ISO 8601)
             */
            end_time?: string;
            /**
             * Format: date-time
             * @description Created at or after (ISO 8601)
             */
            created_from?: string;
            /**
             * Format: date-time
             * @description Created before (ISO 8601)
             */
            created_to?: string;
            /**
             * Format: date-time
             * @description Finished at or after (ISO 8601)
             */
            finished_from?: string;
            /**
             * Format: date-time
             * @description Finished before (ISO 8601)
             */
            finished_to?: string;
          };
          /**
           * @description Count and sample what matches; change nothing
           * @default false
           */
          dry_run?: boolean;
          /**
           * @description Most jobs to act on, newest activity first (default 1000, max 100000)
           * @default 1000
           */
          limit?: number;
        };
      };
    };
    responses: {
      /** @description A dry run: what would be acted on */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description The action's progress URL (a real run) */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "action_id": "act_5f0c2a9e1b7d4c3a8e6f",
           *         "action": "retry",
           *         "dry_run": false,
           *         "matched": 2,
           *         "sample": [
           *           {
           *             "queue": "email-sending",
           *             "id": "1041"
           *           },
           *           {
           *             "queue": "email-sending",
           *             "id": "1038"
           *           }
           *         ]
           *       }
           *     }
           */
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description Poll GET /job-actions/{action_id}; null for a dry run */
              action_id: string | null;
              /** @enum {string} */
              action: "retry" | "delete" | "replay";
              dry_run: boolean;
              /** @description Jobs matched (at most limit): the set the action works on, frozen now */
              matched: number;
              /** @description The first 20 matched jobs, newest activity first */
              sample: {
                queue: string;
                id: string;
              }[];
            };
          };
        };
      };
      /** @description Started; poll Location for progress */
      202: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description The action's progress URL (a real run) */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "action_id": "act_5f0c2a9e1b7d4c3a8e6f",
           *         "action": "retry",
           *         "dry_run": false,
           *         "matched": 2,
           *         "sample": [
           *           {
           *             "queue": "email-sending",
           *             "id": "1041"
           *           },
           *           {
           *             "queue": "email-sending",
           *             "id": "1038"
           *           }
           *         ]
           *       }
           *     }
           */
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description Poll GET /job-actions/{action_id}; null for a dry run */
              action_id: string | null;
              /** @enum {string} */
              action: "retry" | "delete" | "replay";
              dry_run: boolean;
              /** @description Jobs matched (at most limit): the set the action works on, frozen now */
              matched: number;
              /** @description The first 20 matched jobs, newest activity first */
              sample: {
                queue: string;
                id: string;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getJobAction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        action_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The action */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              action_id: string;
              /** @enum {string} */
              action: "retry" | "delete" | "replay";
              /** @enum {string} */
              state: "running" | "completed" | "failed";
              filter: {
                [key: string]: unknown;
              };
              matched: number;
              /** @description Jobs acted on */
              done: number;
              /** @description Jobs left as they were; why, in skip_reasons */
              skipped: number;
              /** @description Count per reason: not_in_redis, not_failed (retry: the job is in another state), locked (delete: a worker holds it), retryable_in_place (replay: still failed in Redis), no_record, payload_truncated, invalid_payload */
              skip_reasons: {
                [key: string]: number;
              };
              error: string | null;
              actor: string;
              started_at: string;
              finished_at: string | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listWorkers: {
    parameters: {
      query?: {
        /** @description Most workers listed (default 100, max 500) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workers */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description Opsdeck's first (latest heartbeat first), then foreign ones by queue */
              workers: {
                /** @description Opsdeck's: its heartbeat id (host-pid-random); foreign: redis-<client id> */
                id: string;
                /**
                 * @description Only Opsdeck's own worker processes take commands
                 * @enum {string}
                 */
                kind: "opsdeck" | "foreign";
                /**
                 * @description Opsdeck's: running (fresh heartbeat), lost (no heartbeat for 30 s), stopped (shut down cleanly); foreign: connected
                 * @enum {string}
                 */
                status: "running" | "lost" | "stopped" | "connected";
                /** @description BullMQ client, from how it names its connection; null when none is connected */
                client: ("node" | "python_or_elixir") | null;
                /** @description Opsdeck's: host name; foreign: the connection's IP address */
                host: string | null;
                pid: number | null;
                queues: {
                  name: string;
                  /** @description Taking jobs or paused by a command; null for foreign workers */
                  state: ("running" | "paused") | null;
                  /** @description Jobs it may run at once; null for foreign workers */
                  concurrency: number | null;
                  /** @description Jobs it is running now; null for foreign workers */
                  running_jobs: number | null;
                }[];
                /** @description Its worker connections in CLIENT LIST now */
                connections: number;
                /** @description Percent of one core over the last heartbeat interval */
                cpu_percent: number | null;
                memory_rss_bytes: number | null;
                memory_percent: number | null;
                /** @description Opsdeck's version */
                version: string | null;
                /** @description Foreign: when its oldest connection was opened */
                started_at: string | null;
                /** @description Opsdeck's: last heartbeat; foreign: its last Redis command */
                last_seen_at: string | null;
              }[];
              /** @description More workers exist than `limit` */
              truncated: boolean;
              /** @description false when Redis refuses CLIENT LIST: foreign workers are then unknown and connections 0 */
              client_list_available: boolean;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  sendWorkerCommand: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description An id from GET /workers */
        worker_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          command: "pause" | "resume" | "set_concurrency" | "drain";
          /** @description pause, resume, set_concurrency: one of the queues the worker serves */
          queue?: string;
          /** @description set_concurrency only */
          concurrency?: number;
        };
      };
    };
    responses: {
      /** @description Accepted; poll Location for its outcome */
      202: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description The command's status URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              command_id: string;
              worker_id: string;
              /** @enum {string} */
              command: "pause" | "resume" | "set_concurrency" | "drain";
              queue: string | null;
              concurrency: number | null;
              /**
               * @description pending until the worker takes it; a drain is done once the process has stopped
               * @enum {string}
               */
              status: "pending" | "running" | "done" | "failed";
              /** @description What the worker reports: queue, paused, concurrency */
              result: {
                [key: string]: unknown;
              } | null;
              error: string | null;
              created_at: string;
              updated_at: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getWorkerCommand: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description An id from GET /workers */
        worker_id: string;
        /** @description e.g. wcmd_0123456789abcdef01234567 */
        command_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The command */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              command_id: string;
              worker_id: string;
              /** @enum {string} */
              command: "pause" | "resume" | "set_concurrency" | "drain";
              queue: string | null;
              concurrency: number | null;
              /**
               * @description pending until the worker takes it; a drain is done once the process has stopped
               * @enum {string}
               */
              status: "pending" | "running" | "done" | "failed";
              /** @description What the worker reports: queue, paused, concurrency */
              result: {
                [key: string]: unknown;
              } | null;
              error: string | null;
              created_at: string;
              updated_at: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listAuditEvents: {
    parameters: {
      query?: {
        /** @description Exact action, e.g. queue.pause */
        action?: string;
        actor_key_id?: string;
        /** @description Exact target, e.g. queue:email-sending or job:email-sending/42 */
        target?: string;
        /** @description Targets that start with this, e.g. job:email-sending/ (every job of the queue) or key: (every key) */
        target_prefix?: string;
        /** @description Everything about one queue: queue:<name>, its jobs job:<name>/… and its job schedulers scheduler:<name>/… */
        queue?: string;
        outcome?: "success" | "failure";
        start_time?: string;
        end_time?: string;
        /** @description Max results (default 50, max 100) */
        limit?: number;
        /** @description Pagination offset */
        offset?: number;
        /** @description next_cursor of the previous page: keyset paging that holds while events keep arriving */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Audit events, newest first and the pagination */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              events: {
                id: string;
                timestamp: string;
                actor_key_id: string | null;
                actor: string;
                action: string;
                target: string;
                parameters: unknown;
                /** @enum {string} */
                outcome: "success" | "failure";
                error: string | null;
                request_id: string | null;
                ip_address: string | null;
              }[];
              pagination: {
                total: number;
                limit: number;
                offset: number;
                /** @description Pass as `cursor` for the next page; null on the last page */
                next_cursor: string | null;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  searchLogs: {
    parameters: {
      query?: {
        /** @description Full text (words, "phrase", prefix*, OR, -word) or, with regex=true, a POSIX regex */
        query?: string;
        /** @description Treat query as a regular expression (addition) */
        regex?: "true" | "false";
        /** @description Regex only: ignore case (addition; full text always does) */
        case_insensitive?: "true" | "false";
        level?: "error" | "warning" | "info" | "debug";
        /** @description Filter by service name */
        service?: string;
        /** @description ISO 8601, inclusive */
        start_time?: string;
        /** @description ISO 8601, inclusive */
        end_time?: string;
        request_id?: string;
        user_id?: string;
        /** @description Lines a worker logged for a job of this queue (addition) */
        queue?: string;
        /** @description Lines a worker logged for this job; needs queue (addition) */
        job_id?: string;
        /** @description Max results (default 50, max 100) */
        limit?: number;
        /** @description Pagination offset (max 10000) */
        offset?: number;
        /** @description next_cursor of the previous page (addition; keyset paging) */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of logs */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              logs: {
                id: string;
                timestamp: string;
                level: string;
                service: string;
                message: string;
                request_id: string | null;
                user_id: string | null;
                /** @description The queue of the job the line was logged for (addition) */
                queue: string | null;
                /** @description The job the line was logged for (addition) */
                job_id: string | null;
                metadata: {
                  [key: string]: unknown;
                };
              }[];
              pagination: {
                total: number;
                limit: number;
                offset: number;
                total_is_estimate: boolean;
                next_cursor: string | null;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  ingestLogs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description At most 1000 entries (and LOG_INGEST_MAX_BYTES in all) */
          logs: {
            /**
             * Format: date-time
             * @description Defaults to the time of receipt
             */
            timestamp?: string;
            /** @enum {string} */
            level: "error" | "warning" | "info" | "debug";
            service: string;
            message: string;
            request_id?: string | null;
            user_id?: string | null;
            /** @description The queue of the job the line is about (addition) */
            queue?: string | null;
            /** @description The job the line is about (addition) */
            job_id?: string | null;
            /** @description Free-form JSON object: at most 32 levels deep, 1000 keys and array elements in all, 16384 characters of JSON */
            metadata?: {
              [key: string]: unknown;
            };
          }[];
        };
      };
    };
    responses: {
      /** @description How many entries were stored */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              accepted: number;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  logHistogram: {
    parameters: {
      query?: {
        /** @description Full text (words, "phrase", prefix*, OR, -word) or, with regex=true, a POSIX regex */
        query?: string;
        /** @description Treat query as a regular expression (addition) */
        regex?: "true" | "false";
        /** @description Regex only: ignore case (addition; full text always does) */
        case_insensitive?: "true" | "false";
        level?: "error" | "warning" | "info" | "debug";
        /** @description Filter by service name */
        service?: string;
        /** @description ISO 8601, inclusive; default end_time − 24 h */
        start_time?: string;
        /** @description ISO 8601, inclusive; default now */
        end_time?: string;
        request_id?: string;
        user_id?: string;
        /** @description Equal slices of the window (default 60, max 200) */
        buckets?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Matches per bucket */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description Start of the first bucket, ISO 8601 */
              start_time: string;
              /** @description End of the window (inclusive), ISO 8601 */
              end_time: string;
              /** @description Width of each bucket, seconds */
              bucket_seconds: number;
              buckets: {
                /** @description ISO 8601 */
                start: string;
                count: number;
              }[];
              /** @description Matches in the window: the sum of the buckets */
              total: number;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  exportLogsSeed: {
    parameters: {
      query?: {
        /** @description Full text (words, "phrase", prefix*, OR, -word) or, with regex=true, a POSIX regex */
        query?: string;
        /** @description Treat query as a regular expression (addition) */
        regex?: "true" | "false";
        /** @description Regex only: ignore case (addition; full text always does) */
        case_insensitive?: "true" | "false";
        level?: "error" | "warning" | "info" | "debug";
        /** @description Filter by service name */
        service?: string;
        /** @description ISO 8601, inclusive */
        start_time?: string;
        /** @description ISO 8601, inclusive */
        end_time?: string;
        request_id?: string;
        user_id?: string;
        format?: "csv" | "json" | "ndjson" | "txt";
        /** @description Compress the file with gzip (addition) */
        gzip?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted; poll Location for status and the download link */
      202: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description The export's status URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              export_id: string;
              /** @constant */
              status: "processing";
              download_url: null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listLogExports: {
    parameters: {
      query?: {
        /** @description Max results (default 50, max 100) */
        limit?: number;
        /** @description Pagination offset (max 10000) */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Exports */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              exports: {
                export_id: string;
                /** @enum {string} */
                status: "queued" | "processing" | "completed" | "failed" | "expired";
                /** @enum {string} */
                format: "csv" | "json" | "ndjson" | "txt";
                gzip: boolean;
                progress: {
                  rows: number;
                  percent: number;
                };
                row_count: number | null;
                size_bytes: number | null;
                sha256: string | null;
                download_url: string | null;
                expires_at: string;
                error: string | null;
                created_at: string;
                completed_at: string | null;
                owner_key_id: string | null;
                filters: {
                  query: string | null;
                  regex: boolean;
                  case_insensitive: boolean;
                  level: ("error" | "warning" | "info" | "debug") | null;
                  service: string | null;
                  start_time: string | null;
                  end_time: string | null;
                  request_id: string | null;
                  user_id: string | null;
                };
              }[];
              pagination: {
                total: number;
                limit: number;
                offset: number;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createLogExport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Full text (words, "phrase", prefix*, OR, -word) or, with regex=true, a POSIX regex */
          query?: string;
          /** @default false */
          regex?: boolean;
          /** @default false */
          case_insensitive?: boolean;
          /** @enum {string} */
          level?: "error" | "warning" | "info" | "debug";
          service?: string;
          /** Format: date-time */
          start_time?: string;
          /** Format: date-time */
          end_time?: string;
          request_id?: string;
          user_id?: string;
          /**
           * @default csv
           * @enum {string}
           */
          format?: "csv" | "json" | "ndjson" | "txt";
          /** @default false */
          gzip?: boolean;
        };
      };
    };
    responses: {
      /** @description Accepted; poll Location for status and the download link */
      202: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description The export's status URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              export_id: string;
              /** @constant */
              status: "processing";
              download_url: null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getLogExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description e.g. export_logs_abc */
        export_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              export_id: string;
              /** @enum {string} */
              status: "queued" | "processing" | "completed" | "failed" | "expired";
              /** @enum {string} */
              format: "csv" | "json" | "ndjson" | "txt";
              gzip: boolean;
              progress: {
                rows: number;
                percent: number;
              };
              row_count: number | null;
              size_bytes: number | null;
              sha256: string | null;
              download_url: string | null;
              expires_at: string;
              error: string | null;
              created_at: string;
              completed_at: string | null;
              owner_key_id: string | null;
              filters: {
                query: string | null;
                regex: boolean;
                case_insensitive: boolean;
                level: ("error" | "warning" | "info" | "debug") | null;
                service: string | null;
                start_time: string | null;
                end_time: string | null;
                request_id: string | null;
                user_id: string | null;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  downloadLogExport: {
    parameters: {
      query: {
        /** @description Epoch seconds */
        expires: string;
        signature: string;
      };
      header?: never;
      path: {
        /** @description e.g. export_logs_abc */
        export_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, streamed, in its format's media type (gzip when the export was compressed) */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "text/csv": unknown;
          "application/json": unknown;
          "application/x-ndjson": unknown;
          "text/plain": unknown;
          "application/gzip": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listLogArchives: {
    parameters: {
      query?: {
        /** @description Max results (default 50, max 100) */
        limit?: number;
        /** @description Pagination offset (max 10000) */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Archives */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              archives: {
                day: string;
                /** @enum {string} */
                status: "archived" | "failed";
                row_count: number | null;
                size_bytes: number | null;
                sha256: string | null;
                error: string | null;
                attempts: number;
                archived_at: string | null;
                download_url: string | null;
              }[];
              pagination: {
                total: number;
                limit: number;
                offset: number;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  downloadLogArchive: {
    parameters: {
      query: {
        /** @description Epoch seconds */
        expires: string;
        signature: string;
      };
      header?: never;
      path: {
        /** @description e.g. 2026-11-01 */
        day: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The archive, streamed: one JSON object per line, oldest first, gzip-compressed */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/gzip": unknown;
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listEmailIntegrations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Integrations, oldest first */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              integrations: {
                id: string;
                name: string;
                type: string;
                host: string;
                port: number;
                /**
                 * @description none: plain SMTP; starttls: upgrade required; tls: implicit TLS (port 465)
                 * @enum {string}
                 */
                tls_mode: "none" | "starttls" | "tls";
                allow_plaintext_auth: boolean;
                has_credentials: boolean;
                /** @description Id of the key the credentials are sealed under */
                credentials_key_id: string | null;
                sending_ips: string[];
                weight: number;
                enabled: boolean;
                health: {
                  /** @enum {string} */
                  status: "healthy" | "unhealthy" | "disabled";
                  /** @enum {string} */
                  circuit_state: "closed" | "open" | "half_open";
                  circuit_open_until: string | null;
                  /** @description Integration-level failures / attempts over the health window */
                  error_rate: number | null;
                  /** @description Send attempts in the health window */
                  attempts: number;
                  /** @description The latest failure: a check's ('live check: <failure>'), a send's (a failure name), or the error rate */
                  last_error: string | null;
                  last_check_at: string | null;
                  last_check_ok: boolean | null;
                };
                created_at: string;
                updated_at: string;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createEmailIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          /**
           * @description Provider; all are spoken to over SMTP
           * @default smtp
           * @enum {string}
           */
          type?: "smtp" | "ses" | "sendgrid" | "mailgun" | "postmark" | "sparkpost" | "other";
          host: string;
          port: number;
          /**
           * @description none: plain SMTP; starttls: upgrade required; tls: implicit TLS (port 465)
           * @default starttls
           * @enum {string}
           */
          tls_mode?: "none" | "starttls" | "tls";
          /**
           * @description Send the credentials (AUTH) over an unencrypted connection (tls_mode none) to a non-loopback host; refused otherwise
           * @default false
           */
          allow_plaintext_auth?: boolean;
          /** @description Sealed with AES-256-GCM; refused while no encryption key is configured */
          credentials?: {
            username: string;
            password: string;
          };
          /**
           * @description IPs the provider sends from (tracked for reputation)
           * @default []
           */
          sending_ips?: string[];
          /**
           * @description Share of traffic among healthy integrations
           * @default 1
           */
          weight?: number;
          /** @default true */
          enabled?: boolean;
        };
      };
    };
    responses: {
      /** @description The new integration */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              name: string;
              type: string;
              host: string;
              port: number;
              /**
               * @description none: plain SMTP; starttls: upgrade required; tls: implicit TLS (port 465)
               * @enum {string}
               */
              tls_mode: "none" | "starttls" | "tls";
              allow_plaintext_auth: boolean;
              has_credentials: boolean;
              /** @description Id of the key the credentials are sealed under */
              credentials_key_id: string | null;
              sending_ips: string[];
              weight: number;
              enabled: boolean;
              health: {
                /** @enum {string} */
                status: "healthy" | "unhealthy" | "disabled";
                /** @enum {string} */
                circuit_state: "closed" | "open" | "half_open";
                circuit_open_until: string | null;
                /** @description Integration-level failures / attempts over the health window */
                error_rate: number | null;
                /** @description Send attempts in the health window */
                attempts: number;
                /** @description The latest failure: a check's ('live check: <failure>'), a send's (a failure name), or the error rate */
                last_error: string | null;
                last_check_at: string | null;
                last_check_ok: boolean | null;
              };
              created_at: string;
              updated_at: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  updateEmailIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        integration_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          /**
           * @description Provider; all are spoken to over SMTP
           * @enum {string}
           */
          type?: "smtp" | "ses" | "sendgrid" | "mailgun" | "postmark" | "sparkpost" | "other";
          host?: string;
          port?: number;
          /**
           * @description none: plain SMTP; starttls: upgrade required; tls: implicit TLS (port 465)
           * @enum {string}
           */
          tls_mode?: "none" | "starttls" | "tls";
          /** @description Send the credentials (AUTH) over an unencrypted connection (tls_mode none) to a non-loopback host; refused otherwise */
          allow_plaintext_auth?: boolean;
          /** @description null removes them; without new ones, changing host, port or tls_mode, or turning allow_plaintext_auth on, removes the stored ones */
          credentials?: {
            username: string;
            password: string;
          } | null;
          sending_ips?: string[];
          weight?: number;
          enabled?: boolean;
        };
      };
    };
    responses: {
      /** @description The updated integration */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              name: string;
              type: string;
              host: string;
              port: number;
              /**
               * @description none: plain SMTP; starttls: upgrade required; tls: implicit TLS (port 465)
               * @enum {string}
               */
              tls_mode: "none" | "starttls" | "tls";
              allow_plaintext_auth: boolean;
              has_credentials: boolean;
              /** @description Id of the key the credentials are sealed under */
              credentials_key_id: string | null;
              sending_ips: string[];
              weight: number;
              enabled: boolean;
              health: {
                /** @enum {string} */
                status: "healthy" | "unhealthy" | "disabled";
                /** @enum {string} */
                circuit_state: "closed" | "open" | "half_open";
                circuit_open_until: string | null;
                /** @description Integration-level failures / attempts over the health window */
                error_rate: number | null;
                /** @description Send attempts in the health window */
                attempts: number;
                /** @description The latest failure: a check's ('live check: <failure>'), a send's (a failure name), or the error rate */
                last_error: string | null;
                last_check_at: string | null;
                last_check_ok: boolean | null;
              };
              created_at: string;
              updated_at: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  disableEmailIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        integration_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The disabled integration */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              name: string;
              type: string;
              host: string;
              port: number;
              /**
               * @description none: plain SMTP; starttls: upgrade required; tls: implicit TLS (port 465)
               * @enum {string}
               */
              tls_mode: "none" | "starttls" | "tls";
              allow_plaintext_auth: boolean;
              has_credentials: boolean;
              /** @description Id of the key the credentials are sealed under */
              credentials_key_id: string | null;
              sending_ips: string[];
              weight: number;
              enabled: boolean;
              health: {
                /** @enum {string} */
                status: "healthy" | "unhealthy" | "disabled";
                /** @enum {string} */
                circuit_state: "closed" | "open" | "half_open";
                circuit_open_until: string | null;
                /** @description Integration-level failures / attempts over the health window */
                error_rate: number | null;
                /** @description Send attempts in the health window */
                attempts: number;
                /** @description The latest failure: a check's ('live check: <failure>'), a send's (a failure name), or the error rate */
                last_error: string | null;
                last_check_at: string | null;
                last_check_ok: boolean | null;
              };
              created_at: string;
              updated_at: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  testEmailIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        integration_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The check's outcome (also stored as the latest check) */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              integration_id: string;
              ok: boolean;
              /** @description Connect + EHLO (+ STARTTLS, AUTH) round trip, ms; a failure answers at the check's deadline */
              latency_ms: number;
              error:
                | (
                    | "destination_forbidden"
                    | "dns_failed"
                    | "connection_refused"
                    | "connection_failed"
                    | "timeout"
                    | "tls_failed"
                    | "plaintext_auth_refused"
                    | "auth_failed"
                    | "greeting_rejected"
                    | "rejected"
                    | "credentials_unreadable"
                  )
                | null;
              smtp_code: number | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listEmailMessages: {
    parameters: {
      query?: {
        recipient?: string;
        campaign_id?: string;
        status?: "sending" | "committing" | "sent" | "deferred" | "bounced" | "failed" | "unconfirmed" | "suppressed";
        /** @description The Message-ID header, <…@…> */
        message_id?: string;
        /** @description Created at or after */
        since?: string;
        /** @description Created before */
        until?: string;
        cursor?: string;
        /** @description Max results (default 50, max 200) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of messages */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              messages: {
                id: string;
                campaign_id: string;
                queue: string;
                job_id: string;
                recipient: string;
                /** @description The Message-ID header sent */
                message_id: string;
                /** @enum {string} */
                status:
                  "sending" | "committing" | "sent" | "deferred" | "bounced" | "failed" | "unconfirmed" | "suppressed";
                /** @description Claims of this message (1 + retries) */
                attempts: number;
                integration_id: string | null;
                sending_ip: string | null;
                smtp_code: number | null;
                smtp_response: string | null;
                created_at: string;
                updated_at: string;
                sent_at: string | null;
              }[];
              /** @description Pass as cursor for the next (older) page; null on the last */
              next_cursor: string | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  sendEmailMessage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          from: string;
          subject: string;
          text?: string;
          html?: string;
          template?: string;
          headers?: {
            [key: string]: string;
          };
          /** Format: email */
          to: string;
          variables?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description Accepted and queued; GET Location for its progress */
      202: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description The campaign's URL */
          Location?: string;
          /** @description true when this is the stored answer to an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              campaign_id: string;
              /** @enum {string} */
              kind: "message" | "campaign";
              queue: string;
              /** @description Distinct recipients */
              recipients: number;
              batches: number;
              /** @constant */
              status: "queued";
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  sendEmailCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          from: string;
          subject: string;
          text?: string;
          html?: string;
          template?: string;
          headers?: {
            [key: string]: string;
          };
          /** @description At most 10000; duplicates (case-insensitive) are sent once */
          recipients: {
            /** Format: email */
            email: string;
            variables?: {
              [key: string]: string;
            };
          }[];
          /**
           * @description high: the email-sending-high queue (transactional traffic); normal: email-sending
           * @default normal
           * @enum {string}
           */
          priority?: "normal" | "high";
          /** @description Recipients per batch job (default EMAIL_CAMPAIGN_BATCH_SIZE) */
          batch_size?: number;
        };
      };
    };
    responses: {
      /** @description Accepted and queued; GET Location for its progress */
      202: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description The campaign's URL */
          Location?: string;
          /** @description true when this is the stored answer to an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              campaign_id: string;
              /** @enum {string} */
              kind: "message" | "campaign";
              queue: string;
              /** @description Distinct recipients */
              recipients: number;
              batches: number;
              /** @constant */
              status: "queued";
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflict with the resource's current state */
      409: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  retryFailedEmail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The failed recipients queued again */
      202: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              campaign_id: string;
              /** @description Recipients whose latest message failed, queued again */
              recipients: number;
              batches: number;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getEmailCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        campaign_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The campaign */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              /** @enum {string} */
              kind: "message" | "campaign";
              queue: string;
              from: string;
              subject: string;
              recipients: number;
              batches: number;
              created_at: string;
              /** @description First message claimed */
              started_at: string | null;
              /** @description When every recipient reached a final status; null until then */
              finished_at: string | null;
              /** @description Recipients by the status of their latest message */
              counts: {
                /** @description No message yet (its batch has not reached it) */
                queued: number;
                /** @description Claimed by a worker, SMTP transaction under way */
                sending: number;
                sent: number;
                /** @description Temporarily refused (4xx); retried with the batch */
                deferred: number;
                /** @description Permanently refused (5xx at send time, or bounce feedback) */
                bounced: number;
                /** @description Sent, and a complaint about it was received since */
                complained: number;
                /** @description Not sent: the address is on the suppression list */
                suppressed: number;
                /** @description Given up after the batch's last attempt */
                failed: number;
                /** @description The worker stopped after the end of data: maybe delivered, never re-sent */
                unconfirmed: number;
              };
              /** @description Recipients handed to a server, by sending IP and integration */
              by_route: {
                sending_ip: string | null;
                integration_id: string | null;
                sent: number;
                deferred: number;
                bounced: number;
                complained: number;
                failed: number;
                unconfirmed: number;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getEmailMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The message */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              id: string;
              campaign_id: string;
              queue: string;
              job_id: string;
              recipient: string;
              /** @description The Message-ID header sent */
              message_id: string;
              /** @enum {string} */
              status:
                "sending" | "committing" | "sent" | "deferred" | "bounced" | "failed" | "unconfirmed" | "suppressed";
              /** @description Claims of this message (1 + retries) */
              attempts: number;
              integration_id: string | null;
              sending_ip: string | null;
              smtp_code: number | null;
              smtp_response: string | null;
              created_at: string;
              updated_at: string;
              sent_at: string | null;
              /** @description What happened to the message, oldest first */
              timeline: {
                at: string | null;
                /** @enum {string} */
                event: "claimed" | "handed_to_server" | "smtp_reply" | "outcome" | "feedback";
                detail: string | null;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listEmailSuppressions: {
    parameters: {
      query?: {
        /** @description Part of the address (case-insensitive) */
        q?: string;
        reason?: "hard_bounce" | "complaint" | "manual" | "soft";
        include_expired?: "true" | "false";
        /** @description A next_cursor from a previous page */
        cursor?: string;
        /** @description Max results (default 100, max 500) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of suppressed addresses */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              suppressions: {
                address: string;
                /** @enum {string} */
                reason: "hard_bounce" | "complaint" | "manual" | "soft";
                /** @enum {string} */
                source: "send" | "feedback" | "api";
                detail: string | null;
                expires_at: string | null;
                created_at: string;
              }[];
              next_cursor: string | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  addEmailSuppressions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          addresses: {
            /** Format: email */
            address: string;
            /**
             * @default manual
             * @enum {string}
             */
            reason?: "manual" | "soft";
            /**
             * Format: date-time
             * @description Lifted at this time (for soft reasons); absent: for good
             */
            expires_at?: string;
            detail?: string;
          }[];
        };
      };
    };
    responses: {
      /** @description The entries as stored */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              suppressions: {
                address: string;
                /** @enum {string} */
                reason: "hard_bounce" | "complaint" | "manual" | "soft";
                /** @enum {string} */
                source: "send" | "feedback" | "api";
                detail: string | null;
                expires_at: string | null;
                created_at: string;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  removeEmailSuppression: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        address: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              address: string;
              /** @constant */
              removed: true;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getIpReputation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every known sending IP */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              ips: {
                ip_address: string;
                provider: string;
                reputation_score: number;
                blacklists: string[];
                /** @description Messages sent through this IP since 00:00 UTC */
                daily_volume: number;
                /** @enum {string} */
                status: "good" | "warning" | "critical";
                last_7_days: {
                  messages: number;
                  bounced: number;
                  complaints: number;
                  deferred: number;
                };
                dnsbl_checked_at: string | null;
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  recordEmailFeedback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          type: "bounce" | "complaint";
          /** @description Message-ID of the message, <…@…> */
          message_id?: string;
          /** @description Needed when the message id is unknown to Opsdeck */
          sending_ip?: string;
          /** Format: date-time */
          occurred_at?: string;
          /** @description Provider diagnostic, e.g. '550 5.1.1 user unknown' */
          detail?: string;
        };
      };
    };
    responses: {
      /** @description Whether it was recorded and which IP it counts against */
      201: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description false when this feedback was already recorded */
              recorded: boolean;
              message_found: boolean;
              sending_ip: string | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Overall status, each integration, counts and per-type statistics */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "degraded",
           *       "data": {
           *         "integrations": [
           *           {
           *             "id": "smtp_a1",
           *             "status": "healthy",
           *             "type": "ses"
           *           },
           *           {
           *             "id": "smtp_b2",
           *             "status": "unhealthy",
           *             "type": "smtp"
           *           }
           *         ],
           *         "healthy_integrations_count": 1,
           *         "total_integrations_count": 2,
           *         "healthy_percentage": 50,
           *         "stats_by_integration_type": {
           *           "ses": {
           *             "total_count": 1,
           *             "healthy_count": 1,
           *             "healthy_percentage": 100,
           *             "status": "ok"
           *           },
           *           "smtp": {
           *             "total_count": 1,
           *             "healthy_count": 0,
           *             "healthy_percentage": 0,
           *             "status": "unhealthy"
           *           }
           *         }
           *       }
           *     }
           */
          "application/json": {
            /**
             * @description ok: all integrations healthy; degraded: some; unhealthy: none
             * @enum {string}
             */
            status: "ok" | "degraded" | "unhealthy";
            data: {
              integrations: {
                id: string;
                /** @enum {string} */
                status: "healthy" | "unhealthy";
                type: string;
              }[];
              healthy_integrations_count: number;
              total_integrations_count: number;
              healthy_percentage: number;
              stats_by_integration_type: {
                [key: string]: {
                  total_count: number;
                  healthy_count: number;
                  healthy_percentage: number;
                  /** @enum {string} */
                  status: "ok" | "degraded" | "unhealthy";
                };
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getInfrastructureHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Services and their status */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              services: (
                | {
                    /** @constant */
                    name: "API Server";
                    /** @enum {string} */
                    status: "healthy" | "degraded" | "down";
                    /** @description Why the service is not healthy */
                    reason?: string;
                    /** @description Over the last 5 minutes of request logs, ms */
                    response_time_ms: {
                      avg: number | null;
                      p95: number | null;
                      p99: number | null;
                    };
                    /** @description 5xx responses over the last 5 minutes, percent */
                    error_rate_percent: number;
                    /** @description Requests in the last 5 minutes */
                    requests: number;
                  }
                | {
                    /** @constant */
                    name: "Workers";
                    /** @enum {string} */
                    status: "healthy" | "degraded" | "down";
                    /** @description Why the service is not healthy */
                    reason?: string;
                    /** @description Worker processes with a heartbeat in the last 30 s */
                    online: number;
                    queues: {
                      queue: string;
                      online: number;
                    }[];
                  }
                | {
                    /** @constant */
                    name: "SMTP Service";
                    /** @enum {string} */
                    status: "healthy" | "degraded" | "down";
                    /** @description Why the service is not healthy */
                    reason?: string;
                    /** @description Waiting jobs of the email queues; null when Redis is down */
                    queue_backlog: number | null;
                    /** @description SMTP integrations; null when none are configured in this database */
                    integrations: {
                      total: number;
                      enabled: number;
                      healthy: number;
                    } | null;
                  }
                | {
                    /** @constant */
                    name: "OLTP Database";
                    /** @enum {string} */
                    status: "healthy" | "degraded" | "down";
                    /** @description Why the service is not healthy */
                    reason?: string;
                    /** @description Open pool connections / pool size, percent */
                    connection_pool_usage_percent: number;
                    /** @description Round trip of SELECT 1 measured now, ms */
                    query_latency_ms: number | null;
                    pool: {
                      total: number;
                      idle: number;
                      waiting: number;
                      max: number;
                    };
                  }
                | {
                    /** @constant */
                    name: "Redis";
                    /** @enum {string} */
                    status: "healthy" | "degraded" | "down";
                    /** @description Why the service is not healthy */
                    reason?: string;
                    /** @description PING round trip measured now, ms */
                    latency_ms: number | null;
                    used_memory_bytes: number | null;
                    /** @description 0 = no limit */
                    maxmemory_bytes: number | null;
                    /** @description Anything but noeviction is degraded: BullMQ keys could be evicted */
                    maxmemory_policy: string | null;
                    connected_clients: number | null;
                  }
              )[];
              /** @description ISO 8601 */
              checked_at: string;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listInfrastructureAlerts: {
    parameters: {
      query?: {
        /** @description Hours of history (default 24, max 168) */
        hours?: number;
        /** @description Only this severity */
        severity?: "error" | "warning" | "info";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alerts */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              alerts: {
                /** @description alert_<n> */
                id: string;
                /** @description When the alert opened, ISO 8601 */
                timestamp: string;
                /** @enum {string} */
                severity: "error" | "warning" | "info";
                service: string;
                message: string;
                acknowledged: boolean;
                /** @enum {string} */
                rule:
                  | "queue_backlog"
                  | "failure_rate"
                  | "no_workers"
                  | "stalled_jobs"
                  | "no_progress"
                  | "service_status"
                  | "ip_blacklisted"
                  | "redis_eviction_policy"
                  | "dropped_logs"
                  | "wait_p95"
                  | "processing_p95"
                  | "random_secret_with_replicas"
                  | "replica_secret_mismatch";
                /** @description What the alert is about: a queue, a service, an IP */
                subject: string;
                /** @description Last evaluation that found the condition, ISO 8601 */
                last_seen_at: string;
                /** @description Set when the condition cleared */
                resolved_at: string | null;
                acknowledged_at: string | null;
                /** @description The key that acknowledged it (name and role) */
                acknowledged_by: string | null;
                details: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  acknowledgeAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The alert */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description alert_<n> */
              id: string;
              /** @description When the alert opened, ISO 8601 */
              timestamp: string;
              /** @enum {string} */
              severity: "error" | "warning" | "info";
              service: string;
              message: string;
              acknowledged: boolean;
              /** @enum {string} */
              rule:
                | "queue_backlog"
                | "failure_rate"
                | "no_workers"
                | "stalled_jobs"
                | "no_progress"
                | "service_status"
                | "ip_blacklisted"
                | "redis_eviction_policy"
                | "dropped_logs"
                | "wait_p95"
                | "processing_p95"
                | "random_secret_with_replicas"
                | "replica_secret_mismatch";
              /** @description What the alert is about: a queue, a service, an IP */
              subject: string;
              /** @description Last evaluation that found the condition, ISO 8601 */
              last_seen_at: string;
              /** @description Set when the condition cleared */
              resolved_at: string | null;
              acknowledged_at: string | null;
              /** @description The key that acknowledged it (name and role) */
              acknowledged_by: string | null;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPlatformMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Platform metrics */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              metrics: {
                workers: {
                  /** @description Worker processes seen in the last 7 days */
                  total: number;
                  /** @description Heartbeat in the last 30 s */
                  active: number;
                  /** @description Stopped cleanly */
                  inactive: number;
                  /** @description Heartbeat lost without a clean stop */
                  failed: number;
                };
                jobs: {
                  /** @description Jobs finished (completed + failed) since 00:00 UTC */
                  today: number;
                  /** @description Since Monday 00:00 UTC */
                  thisWeek: number;
                  /** @description Since the 1st, 00:00 UTC */
                  thisMonth: number;
                  failedToday: number;
                };
                uptime: {
                  /** @description Percent of the last 24 h's minutes in which Redis and Postgres both answered the rollup's probes */
                  platformUptime: number;
                  /** @description Average percent of the last 24 h each worker seen in it was alive */
                  averageWorkerUptime: number;
                  /** @description This API process */
                  apiUptimeSeconds: number;
                };
                performance: {
                  /** @description API, last 24 h, ms */
                  averageResponseTime: number | null;
                  /** @description Non-5xx responses, last 24 h, e.g. '99.9%' */
                  successRate: string;
                  /** @description 5xx responses, last 24 h */
                  errorRate: string;
                };
                storage: {
                  /** @description Postgres + Redis + export files, MB */
                  used: number;
                  /** @description Capacity of the export directory's filesystem, MB */
                  total: number | null;
                  percentUsed: number | null;
                  postgresBytes: number | null;
                  redisBytes: number | null;
                  exportsBytes: number | null;
                };
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getMetricsHistory: {
    parameters: {
      query?: {
        /** @description 1h: points per minute (the console's sparklines); 24h and 7d: hourly points; 30d: daily points */
        range?: "1h" | "24h" | "7d" | "30d";
        /** @description Jobs of this queue; cpu/memory of the workers serving it */
        queue?: string;
        /** @description A worker id (heartbeat id); jobs of the queues it serves */
        worker?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Points and averages */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @enum {string} */
              timeRange: "1h" | "24h" | "7d" | "30d";
              /** @enum {string} */
              granularity: "minute" | "hour" | "day";
              queue: string | null;
              worker: string | null;
              metrics: {
                /** @description Start of the period, ISO 8601 */
                timestamp: string;
                /** @description Average CPU percent (of one core); null without samples */
                cpu: number | null;
                /** @description Average memory percent of the host; null without samples */
                memory: number | null;
                /** @description Jobs finished in the period */
                messages: number;
                /** @description Jobs failed in the period */
                errors: number;
                /** @description Finished jobs whose wait and processing times are known (they have a job record) */
                timed_jobs: number;
                /** @description Wait time, from added to the start of the last attempt (a delay and earlier attempts included): p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                wait_time_ms: {
                  p50: number | null;
                  p95: number | null;
                  p99: number | null;
                };
                /** @description Processing time of the last attempt, from its start to the job's finish: p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                processing_time_ms: {
                  p50: number | null;
                  p95: number | null;
                  p99: number | null;
                };
              }[];
              averages: {
                cpu: number | null;
                memory: number | null;
                messages: number;
                errors: number;
              };
              /** @description Percentiles over the whole range, overall, per queue and per job name */
              latency: {
                /** @description Finished jobs whose wait and processing times are known (they have a job record) */
                timed_jobs: number;
                /** @description Wait time, from added to the start of the last attempt (a delay and earlier attempts included): p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                wait_time_ms: {
                  p50: number | null;
                  p95: number | null;
                  p99: number | null;
                };
                /** @description Processing time of the last attempt, from its start to the job's finish: p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                processing_time_ms: {
                  p50: number | null;
                  p95: number | null;
                  p99: number | null;
                };
                /** @description Per queue, most timed jobs first */
                queues: {
                  /** @description Finished jobs whose wait and processing times are known (they have a job record) */
                  timed_jobs: number;
                  /** @description Wait time, from added to the start of the last attempt (a delay and earlier attempts included): p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                  wait_time_ms: {
                    p50: number | null;
                    p95: number | null;
                    p99: number | null;
                  };
                  /** @description Processing time of the last attempt, from its start to the job's finish: p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                  processing_time_ms: {
                    p50: number | null;
                    p95: number | null;
                    p99: number | null;
                  };
                  queue: string;
                  /** @description Job names, most timed jobs first: as many as the fullest period of the range kept apart (the worker's METRICS_LATENCY_TOP_NAMES per queue and period), the rest summed as '(other)'. A name's jobs in periods where it was outside that period's top names count under '(other)' */
                  names: {
                    /** @description Finished jobs whose wait and processing times are known (they have a job record) */
                    timed_jobs: number;
                    /** @description Wait time, from added to the start of the last attempt (a delay and earlier attempts included): p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                    wait_time_ms: {
                      p50: number | null;
                      p95: number | null;
                      p99: number | null;
                    };
                    /** @description Processing time of the last attempt, from its start to the job's finish: p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                    processing_time_ms: {
                      p50: number | null;
                      p95: number | null;
                      p99: number | null;
                    };
                    name: string;
                  }[];
                }[];
              };
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getQueuesHistory: {
    parameters: {
      query?: {
        /** @description 1h: points per minute (the console's sparklines); 24h and 7d: hourly points; 30d: daily points */
        range?: "1h" | "24h" | "7d" | "30d";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Periods and per-queue series */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @enum {string} */
              time_range: "1h" | "24h" | "7d" | "30d";
              /** @enum {string} */
              granularity: "minute" | "hour" | "day";
              /** @description Start of each period, ISO 8601, oldest first; the last is the current, partial period */
              periods: string[];
              /** @description Every queue with finished jobs in the range, by name (a queue not listed finished none); each value equals `messages`/`errors` of GET /api/v1/platform/metrics/history for that queue and range */
              queues: {
                queue: string;
                /** @description Jobs finished per period, aligned with `periods` */
                messages: number[];
                /** @description Jobs failed per period, aligned with `periods` */
                errors: number[];
              }[];
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getMetricsPerformance: {
    parameters: {
      query?: {
        queue?: string;
        worker?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description cpu, memory, error rate, response time, job latency */
      200: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            success: true;
            data: {
              /** @description Current CPU percent: the worker, or the average of those online */
              cpu: number | null;
              memory: number | null;
              /** @description Percent: failed jobs of the last hour (queue/worker) or API 5xx of the last 5 min */
              errorRate: number;
              /** @description ms: average job processing time of the last hour (queue/worker) or API response time (5 min) */
              responseTime: number | null;
              /** @description Jobs of the last hour (the queue, the queues the worker serves, or all queues): wait and processing time percentiles */
              latency: {
                /** @description Finished jobs whose wait and processing times are known (they have a job record) */
                timed_jobs: number;
                /** @description Wait time, from added to the start of the last attempt (a delay and earlier attempts included): p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                wait_time_ms: {
                  p50: number | null;
                  p95: number | null;
                  p99: number | null;
                };
                /** @description Processing time of the last attempt, from its start to the job's finish: p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile */
                processing_time_ms: {
                  p50: number | null;
                  p95: number | null;
                  p99: number | null;
                };
              };
              queue: string | null;
              worker: string | null;
            };
          };
        };
      };
      /** @description Invalid parameters or body; `details` lists every bad field */
      400: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing, malformed, unknown, revoked or expired API key */
      401: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key lacks the permission this route needs */
      403: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limit exceeded; honour Retry-After */
      429: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          /** @description Seconds to wait */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; retry later */
      503: {
        headers: {
          /** @description This request's id */
          "X-Request-Id": string;
          /** @description Requests allowed in the binding window */
          "X-RateLimit-Limit"?: number;
          /** @description Requests left in the binding window */
          "X-RateLimit-Remaining"?: number;
          /** @description When the binding window resets (epoch seconds) */
          "X-RateLimit-Reset"?: number;
          /** @description IETF draft: every policy that applies, e.g. "read";q=300;w=60 */
          "RateLimit-Policy"?: string;
          /** @description IETF draft: the binding policy's remaining quota and reset, e.g. "read";r=299;t=60 */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
}
