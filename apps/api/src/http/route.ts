// Routes are data: method, path, zod schemas for params, query,
// body and response, the permission and rate-limit policy, and a handler that
// receives parsed input. `mountRoutes` turns the table into Express routes;
// `buildOpenApi` turns the same table into the OpenAPI document, so a route
// cannot exist without being documented.
import type { Logger, Permission } from "@opsdeck/core";
import type { Request, Response } from "express";
import type { z } from "zod";

import type { AppDeps } from "../deps";
import type { Principal } from "./auth";

type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Who may call a route: anyone (probes, docs) or a key holding `permission`. */
export type Access = "public" | { permission: Permission };

/** Which rate-limit policy a request consumes. */
export type RatePolicy = "read" | "write" | "none";

/** The caller as a route with access `A` sees it: no key on public routes, always a key on keyed ones. */
type PrincipalFor<A extends Access> = A extends "public" ? null : Principal;

/**
 * How the calls of a mutating route are recorded in the audit trail
 * (http/audit.ts). The target is what the request itself names, from its raw
 * path and query parameters: a refusal is recorded before they are validated.
 */
export interface RouteAudit {
  action: string;
  target: (raw: { params: Record<string, string>; query: Record<string, unknown> }) => string;
}

/** What a handler adds to its call's audit entry once it knows it. */
export interface AuditNote {
  /** E.g. the job's queue once resolved, a created key's id. */
  target: string;
  /** What was asked for, from the validated input (never secrets). */
  parameters: Record<string, unknown>;
}

export interface RouteContext<P, Q, B, A extends Access = Access> {
  params: P;
  query: Q;
  body: B;
  principal: PrincipalFor<A>;
  requestId: string;
  log: Logger;
  deps: AppDeps;
  /** Read-only use: a JSON handler answers by returning, never through `res`. */
  req: Request;
  /** This call's audit entry, on routes with `audit` (elsewhere nothing reads it). */
  audit: AuditNote;
}

/** A raw route writes its response itself. */
interface RawRouteContext<P, Q, B, A extends Access = Access> extends RouteContext<P, Q, B, A> {
  res: Response;
}

const REPLY = Symbol("reply");

/**
 * A JSON handler's answer when it is not the route's usual success: another
 * status the route documents (`sameBodyStatuses`), and/or response headers
 * (`response.headers`). Anything else a handler means, it throws (AppError).
 */
export interface Reply<T> {
  readonly [REPLY]: true;
  status: number | undefined;
  body: T;
  headers: Record<string, string>;
}

export function reply<T>(body: T, opts: { status?: number; headers?: Record<string, string> }): Reply<T> {
  return { [REPLY]: true, status: opts.status, body, headers: opts.headers ?? {} };
}

export function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === "object" && value !== null && REPLY in value;
}

interface RouteBase<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Access> {
  method: HttpMethod;
  /** OpenAPI-style path: /api/v1/platform/system/queues/{queue_name}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  rateLimit: RatePolicy;
  /**
   * Who a public route's requests count against: the caller's IP, or a subject
   * the handler names once it has checked the request (a signed link's owner),
   * through applyRateLimit. @defaultValue "ip"
   */
  rateLimitSubject?: "ip" | "handler";
  /** Counts against the key's minute/hour/day quota. @defaultValue true for keyed routes */
  consumesQuota?: boolean;
  params?: P;
  /** A strict object: unknown query parameters are rejected. */
  query?: Q;
  body?: B;
  /** Error statuses this route can return besides 400/401/403/429/500 (documented). */
  errors?: number[];
  /** Mutating routes: every call by a valid key is recorded in the audit trail, refusals included. */
  audit?: RouteAudit;
}

/** A JSON route: the handler returns data; the helper validates and serialises it. */
export interface JsonRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  A extends Access = Access,
> extends RouteBase<P, Q, B, A> {
  kind?: "json";
  response: {
    status?: 200 | 201 | 202;
    /** The `data` schema when `envelope` is true, else the whole body. */
    schema: R;
    /** Wrap as {"success": true, "data": …}. @defaultValue true */
    envelope?: boolean;
    description: string;
    /** Other statuses the handler sends with this same body (not the error shape), e.g. /readyz's 503. */
    sameBodyStatuses?: Record<number, string>;
    /** Response headers documented for this route, e.g. Location. */
    headers?: Record<string, string>;
    example?: unknown;
  };
  handler: (
    ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>, A>,
  ) => Promise<z.input<R> | Reply<z.input<R>>> | z.input<R> | Reply<z.input<R>>;
}

/** A raw route writes the response itself (documents, files, HTML). */
export interface RawRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  A extends Access = Access,
> extends RouteBase<P, Q, B, A> {
  kind: "raw";
  /** `contentType`: the media type, or every one the route may send (e.g. a download in its file's own type). */
  response: { status?: 200; contentType: string | readonly string[]; description: string };
  handler: (ctx: RawRouteContext<z.infer<P>, z.infer<Q>, z.infer<B>, A>) => Promise<void> | void;
}

// The table holds routes of many shapes; handlers are typed where they are defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = JsonRoute<any, any, any, any, any> | RawRoute<any, any, any, any>;

export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodUnknown,
  const A extends Access = Access,
>(route: JsonRoute<P, Q, B, R, A>): AnyRoute {
  return route as AnyRoute;
}

export function defineRawRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  const A extends Access = Access,
>(route: Omit<RawRoute<P, Q, B, A>, "kind">): AnyRoute {
  return { ...route, kind: "raw" } as AnyRoute;
}

/** /queues/{queue_name} → /queues/:queue_name */
export function toExpressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ":$1");
}
