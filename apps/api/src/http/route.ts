// Routes are data (EXAMPLES §2): method, path, zod schemas for params, query,
// body and response, the permission and rate-limit policy, and a handler that
// receives parsed input. `mountRoutes` turns the table into Express routes;
// `buildOpenApi` turns the same table into the OpenAPI document, so a route
// cannot exist without being documented.
import type { Logger, Permission } from "@opsdeck/core";
import type { Request, Response } from "express";
import type { z } from "zod";

import type { AppDeps } from "../deps";
import type { Principal } from "./auth";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Who may call a route: anyone (probes, docs) or a key holding `permission`. */
export type Access = "public" | { permission: Permission };

/** Which rate-limit policy a request consumes (SPEC §3). */
export type RatePolicy = "read" | "write" | "none";

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The authenticated key; null only on public routes. */
  principal: Principal | null;
  requestId: string;
  log: Logger;
  deps: AppDeps;
  req: Request;
  res: Response;
}

interface RouteBase<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: HttpMethod;
  /** OpenAPI-style path: /api/v1/platform/system/queues/{queue_name}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  rateLimit: RatePolicy;
  /** Counts against the key's minute/hour/day quota. @defaultValue true for keyed routes */
  consumesQuota?: boolean;
  params?: P;
  /** A strict object: unknown query parameters are rejected. */
  query?: Q;
  body?: B;
  /** Error statuses this route can return besides 400/401/403/429/500 (documented). */
  errors?: number[];
}

/** A JSON route: the handler returns data; the helper validates and serialises it. */
export interface JsonRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> extends RouteBase<P, Q, B> {
  kind?: "json";
  response: {
    status?: 200 | 201 | 202;
    /** The `data` schema when `envelope` is true, else the whole body. */
    schema: R;
    /** Wrap as {"success": true, "data": …} (seed 001). @defaultValue true */
    envelope?: boolean;
    description: string;
    /** Other statuses the handler sends with this same body (not the error shape), e.g. /readyz's 503. */
    sameBodyStatuses?: Record<number, string>;
    /** Response headers documented for this route, e.g. Location. */
    headers?: Record<string, string>;
    example?: unknown;
  };
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<z.input<R>> | z.input<R>;
}

/** A raw route writes the response itself (documents, files, HTML). */
export interface RawRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> extends RouteBase<P, Q, B> {
  kind: "raw";
  /** `contentType`: the media type, or every one the route may send (e.g. a download in its file's own type). */
  response: { status?: 200; contentType: string | readonly string[]; description: string };
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<void> | void;
}

// The table holds routes of many shapes; handlers are typed where they are defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = JsonRoute<any, any, any, any> | RawRoute<any, any, any>;

export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodUnknown,
>(route: JsonRoute<P, Q, B, R>): AnyRoute {
  return route;
}

export function defineRawRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(route: Omit<RawRoute<P, Q, B>, "kind">): AnyRoute {
  return { ...route, kind: "raw" };
}

/** /queues/{queue_name} → /queues/:queue_name */
export function toExpressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ":$1");
}
