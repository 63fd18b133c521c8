// The app factory: builds the Express app from its dependencies
// and never listens, so tests drive it with supertest and main.ts owns the port.
import express, { type Express } from "express";

import { createBoardRouter } from "./board/router";
import { createConsoleRouter } from "./console/static";
import type { AppDeps } from "./deps";
import { errorHandler, notFound } from "./http/errorHandler";
import { applyRateLimit, mountRoutes } from "./http/mount";
import { requestId } from "./http/requestId";
import { requestLog, routeLabel } from "./http/requestLog";
import { buildRouteTable } from "./routes";
import { docsAssets } from "./routes/docs";
import { EMAIL_SEND_PREFIX } from "./routes/emailSending";

function trustProxy(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy(deps.config.TRUST_PROXY));
  app.use(requestId);
  app.use(requestLog(deps));
  app.use((_req, res, next) => {
    if (deps.lifecycle.draining) res.setHeader("Connection", "close");
    next();
  });
  // The send routes take campaigns of up to 10,000 recipients: a larger limit there only (the parser
  // below skips a body already parsed).
  app.use(EMAIL_SEND_PREFIX, express.json({ limit: deps.config.EMAIL_SEND_BODY_LIMIT_BYTES, strict: true }));
  app.use(express.json({ limit: deps.config.BODY_LIMIT_BYTES, strict: true }));

  const { routes } = buildRouteTable(deps.config);
  const router = express.Router({ strict: false, caseSensitive: true });
  mountRoutes(router, routes, deps);
  app.use(router);
  // Static files of the rendered reference at /docs (swagger-ui-dist, served locally).
  app.use("/docs/assets", routeLabel("/docs/assets/*"), docsAssets);
  // Bull Board at /admin/queues, behind its own cookie sign-in (board/router.ts).
  app.use(createBoardRouter(deps));
  // The ops console's files at /console (console/static.ts); its data comes from the routes above.
  app.use(createConsoleRouter(deps));

  // Unknown routes: the one error shape, rate limited like reads so scanning is throttled too.
  app.use(async (req, res) => {
    await applyRateLimit(deps, req, res, { policy: "read" }, null);
    notFound(req);
  });
  app.use(errorHandler(deps));
  return app;
}
