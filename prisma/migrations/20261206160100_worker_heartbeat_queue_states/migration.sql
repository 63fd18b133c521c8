-- What each of a worker process's queues is doing, as of its last beat:
-- {"<queue>": {"paused": bool, "concurrency": int, "running": int}}. GET
-- /workers shows it, and a worker command's effect shows here once applied.
ALTER TABLE "worker_heartbeats" ADD COLUMN "queue_states" JSONB NOT NULL DEFAULT '{}';
