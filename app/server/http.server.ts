import { randomBytes } from "node:crypto";
import compression from "compression";
import express, { type Express, type RequestHandler, type Response } from "express";
import helmet from "helmet";
import { isPersonalPage } from "~/domain/personal-pages";
import { isSameOriginRequest } from "~/domain/same-origin";
import type { Config } from "./config.server";
import type { AppDatabase } from "./db.server";
import { log, loggablePath, newRequestId } from "./log.server";

declare module "express-serve-static-core" {
  interface Locals {
    cspNonce: string;
    /** Shown on the error page and in the request's log line, so a customer can quote it to the office. */
    requestId: string;
  }
}

const MAX_REQUEST_BYTES = 25 * 1024 * 1024;
const VIDEO_FORM_OVERHEAD_BYTES = 1024 * 1024;
/** The recorder's page, and where its form posts (`.data` when Remix's fetcher sends it). */
const RECORDER_PAGE = /^\/backoffice\/video\/?$/;
const VIDEO_UPLOAD_PATH = /^\/backoffice\/video(?:\.data)?\/?$/;

type HttpAppOptions = {
  config: Config;
  database: AppDatabase;
  /** Serves static assets before Remix: express.static in production, Vite in development. */
  assets: RequestHandler[];
  remix: RequestHandler;
  development?: boolean;
};

/**
 * The Express shell around Remix: compression, request logging, security
 * headers with a fresh CSP nonce per response, and the health check.
 */
export function createHttpApp({ config, database, assets, remix, development = false }: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.get("/healthz", (_req, res) => {
    try {
      database.sqlite.prepare("SELECT count(*) AS n FROM pc4_areas").get();
      res.status(200).json({ status: "ok", database: "ok" });
    } catch (error) {
      log.error("health check: database unreachable", error);
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });

  // Every other request gets an id (also in the X-Request-Id header) and one log line when it is answered.
  app.use((req, res, next) => {
    const id = newRequestId();
    const started = process.hrtime.bigint();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    if (config.logRequests) {
      // "close" comes after "finish", and also when the client went away before the answer was complete.
      res.once("close", () => {
        const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
        const path = loggablePath(req.originalUrl);
        const level = res.statusCode >= 500 ? "error" : "info";
        log[level](`${req.method} ${path} ${res.statusCode} ${ms}ms`, {
          kind: "request",
          id,
          method: req.method,
          path,
          status: res.statusCode,
          ms,
          bytes: Number(res.getHeader("content-length") ?? 0) || undefined,
          aborted: res.writableFinished ? undefined : true,
        });
      });
    }
    next();
  });

  // Uploads are at most 10 MB per file; nothing legitimate posts more than this in all,
  // except an introduction video, which has its own (configurable) limit plus room for the form around it.
  app.use((req, res, next) => {
    const limit = VIDEO_UPLOAD_PATH.test(req.path) ? config.videoMaxBytes + VIDEO_FORM_OVERHEAD_BYTES : MAX_REQUEST_BYTES;
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      res.status(413).type("text/plain; charset=utf-8").send("Het verzonden formulier is te groot (meer dan 25 MB). Kies kleinere bestanden.");
      return;
    }
    // A body sent in chunks has no Content-Length, so the check above would not see its size; browsers
    // always send the length for forms and uploads, so such a request is refused rather than read without a limit.
    if (req.headers["transfer-encoding"] !== undefined && req.headers["content-length"] === undefined) {
      res.status(411).set("Connection", "close").type("text/plain; charset=utf-8").send("Het formulier is niet volledig verzonden. Probeer het opnieuw.");
      return;
    }
    next();
  });
  app.use(compression());

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    // Camera and microphone only for the video recorder's page, and only for this site.
    // A policy belongs to the document, so links to that page load it afresh (reloadDocument).
    const media = RECORDER_PAGE.test(req.path) ? "camera=(self), microphone=(self)" : "camera=(), microphone=()";
    res.setHeader("Permissions-Policy", `${media}, geolocation=(), payment=(), usb=()`);
    if (isPersonalPage(req.path)) keepOutOfCaches(res);
    next();
  });
  app.use(securityHeaders(config, development));

  for (const handler of assets) app.use(handler);
  app.use(sameOriginOnly(config));
  app.all("*", remix);
  return app;
}

/**
 * `private, no-store` unless the route says something of its own: Remix's
 * adapter appends a route's headers, so a route's Cache-Control replaces
 * this one instead of being added to it.
 */
function keepOutOfCaches(res: Response): void {
  res.setHeader("Cache-Control", "private, no-store");
  const append = res.append.bind(res);
  res.append = (field: string, value?: string | string[]) => (field.toLowerCase() === "cache-control" ? res.set(field, value) : append(field, value));
}

/** Cross-site request forgery: a state-changing request that a browser marks as from another site is refused (app/domain/same-origin.ts). */
function sameOriginOnly(config: Config): RequestHandler {
  const baseOrigin = new URL(config.baseUrl).origin;
  return (req, res, next) => {
    const allowed = isSameOriginRequest({
      method: req.method,
      origin: req.get("origin"),
      referer: req.get("referer"),
      baseOrigin,
      requestOrigin: `${req.protocol}://${req.get("host") ?? ""}`,
    });
    if (allowed) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("Dit formulier is niet via de website van Vivium Services verstuurd en is daarom geweigerd. Open de pagina opnieuw en probeer het nog eens.");
  };
}

function securityHeaders(config: Config, development: boolean): RequestHandler {
  const nonce = (_req: unknown, res: { locals: { cspNonce: string } }) => `'nonce-${res.locals.cspNonce}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        // Vite's dev server injects inline modules and talks over a websocket.
        "script-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce as never],
        "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'"],
        "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        ...(config.isProduction && config.baseUrl.startsWith("https:") ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: config.isProduction && config.baseUrl.startsWith("https:"),
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
}
