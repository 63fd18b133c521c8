// The columns of a JobRecordRow as a SELECT list; internal to these modules (the package index does not export it).
export const RECORD_COLUMNS = `queue, job_id, name, status, attempt, phase, attempts_made, progress, failed_reason, payload,
                        created_at, processed_at, finished_at, updated_at, replay_of, replays, options,
                        history_incomplete`;
