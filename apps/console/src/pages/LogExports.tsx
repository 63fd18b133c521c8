// Log exports on the logs page: start one for the current filters in any
// format the API has (csv, json, ndjson, txt; gzip or not), watch its
// progress, and download finished ones through the API's signed link.
import type { ApiBody, ApiData } from "@opsdeck/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api } from "../api";
import { Empty, ErrorState, QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes, formatCount, formatRelative } from "../format";

const EXPORTS = "/api/v1/platform/system/logs/exports";
const FORMATS = ["csv", "json", "ndjson", "txt"] as const;
/** While an export is queued or running its progress is polled this often, ms. */
const PROGRESS_MS = 1_000;
/** Newest exports listed. */
const LIST_LIMIT = 20;

export type LogEntry = ApiData<"get", "/api/v1/platform/system/logs">["logs"][number];
export type LogFilters = Omit<ApiBody<"post", typeof EXPORTS>, "format" | "gzip">;

/**
 * The signed link as a path on this origin: the API writes it with its PUBLIC_URL,
 * and the console is served by that same API, so the path and signature are what count.
 */
function sameOrigin(url: string): string {
  const u = new URL(url, window.location.origin);
  return `${u.pathname}${u.search}`;
}

export function LogExports({ filters }: { filters: LogFilters }) {
  const client = useQueryClient();
  const [format, setFormat] = useState<(typeof FORMATS)[number]>("csv");
  const [gzip, setGzip] = useState(false);
  const list = useQuery({
    queryKey: ["log-exports"],
    queryFn: ({ signal }) => api.get(EXPORTS, { params: { query: { limit: LIST_LIMIT } }, signal }),
    // Polled only while one is still being written.
    refetchInterval: (q) =>
      q.state.data?.exports.some((e) => e.status === "queued" || e.status === "processing") ? PROGRESS_MS : false,
  });
  const start = useMutation({
    mutationFn: () => api.post(EXPORTS, { body: { ...filters, format, gzip } }),
    onSettled: () => client.invalidateQueries({ queryKey: ["log-exports"] }),
  });
  return (
    <section aria-labelledby="exports-h">
      <h2 id="exports-h">Exports</h2>
      <div className="toolbar">
        <div>
          <label htmlFor="export-format">Format</label>
          <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.target.checked)} /> gzip
        </label>
        <button type="button" className="primary" onClick={() => start.mutate()} disabled={start.isPending}>
          Export these results
        </button>
        {start.data && (
          <span role="status" className="muted">
            Export {start.data.export_id} started.
          </span>
        )}
      </div>
      {start.error ? <ErrorState error={start.error} /> : null}
      <QueryState what="your exports" query={list}>
        {(d) =>
          d.exports.length === 0 ? (
            <Empty>No exports yet.</Empty>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Exports">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Export</th>
                    <th scope="col">Status</th>
                    <th scope="col">Progress</th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col">Started</th>
                    <th scope="col">File</th>
                  </tr>
                </thead>
                <tbody>
                  {d.exports.map((e) => (
                    <tr key={e.export_id} data-export={e.export_id}>
                      <th scope="row">
                        <code>{e.export_id}</code>{" "}
                        <span className="muted">
                          {e.format}
                          {e.gzip ? ".gz" : ""}
                        </span>
                      </th>
                      <td>
                        <StatusBadge status={e.status} />
                        {e.error && <span className="muted"> {e.error}</span>}
                      </td>
                      <td>
                        <progress max={100} value={e.progress.percent} aria-label={`Export ${e.export_id} progress`}>
                          {e.progress.percent}%
                        </progress>{" "}
                        {e.progress.percent}%
                      </td>
                      <td className="num">{formatCount(e.row_count ?? e.progress.rows)}</td>
                      <td className="num">{formatBytes(e.size_bytes)}</td>
                      <td>{formatRelative(e.created_at)}</td>
                      <td>
                        {e.download_url ? (
                          <a className="button" href={sameOrigin(e.download_url)} download>
                            Download <span className="sr-only">{e.export_id}</span>
                          </a>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
