// The HTTP server and its deadlines against slow clients. A client that
// trickles its headers or body (slowloris) holds a socket and a parser for as
// long as the server lets it; Node's defaults let a body trickle for 300 s
// and an idle socket live forever. Each deadline here is a setting
// (config.ts, documented in docs/operations.md):
//  - headers must arrive within HTTP_HEADERS_TIMEOUT_MS;
//  - the whole request (headers and body) within HTTP_REQUEST_TIMEOUT_MS
//    (the response is not bounded by it: an export download streams as long
//    as it keeps moving);
//  - a socket with no traffic either way for HTTP_IDLE_TIMEOUT_MS is closed
//    (a download the client stopped reading included);
//  - a keep-alive socket waits KEEP_ALIVE_MS for its next request.
// Node checks the first two every CONNECTIONS_CHECK_MS, so a slow request is
// cut within that much of its deadline.
import http from "node:http";

import type { Express } from "express";

import type { ApiConfig } from "./config";

/** Keep-alive sockets must not outlive a drain (shutdown.ts), ms. */
const KEEP_ALIVE_MS = 5_000;
/** How often Node checks requests against their header and request deadlines, ms (Node's default: 30 s). */
const CONNECTIONS_CHECK_MS = 1_000;

export function createHttpServer(
  app: Express,
  config: Pick<ApiConfig, "HTTP_HEADERS_TIMEOUT_MS" | "HTTP_REQUEST_TIMEOUT_MS" | "HTTP_IDLE_TIMEOUT_MS">,
): http.Server {
  const server = http.createServer(
    {
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: CONNECTIONS_CHECK_MS,
      keepAliveTimeout: KEEP_ALIVE_MS,
    },
    app,
  );
  // A socket timeout only emits 'timeout'; without a listener Node destroys the socket, which is the point.
  server.setTimeout(config.HTTP_IDLE_TIMEOUT_MS);
  return server;
}
