import { randomBytes } from "node:crypto";
import compression from "compression";
import express, { type Express, type RequestHandler, type Response } from "express";
import helmet from "helmet";
import { isLoopbackAddress } from "~/domain/loopback";
import { isPersonalPage } from "~/domain/personal-pages";
import { escapeHtml } from "~/domain/mail/layout";
import { ALLOWED_METHODS, refuseBody, type BodyRefusal } from "~/domain/request-body";
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

/** The recorder's page: the only one allowed to ask for the camera. */
const RECORDER_PAGE = /^\/backoffice\/video\/?$/;

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
  // TRUST_PROXY: by default no proxy is believed, so the client address is the connection's own.
  app.set("trust proxy", config.trustProxy);
  if (config.trustProxy === false) app.use(warnOnceAboutUntrustedProxy());

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

  // Methods, body sizes and body types are checked before any body is read (app/domain/request-body.ts).
  app.use((req, res, next) => {
    const refusal = refuseBody({
      method: req.method,
      path: req.path,
      contentType: req.headers["content-type"],
      contentLength: req.headers["content-length"],
      transferEncoding: req.headers["transfer-encoding"],
      videoMaxBytes: config.videoMaxBytes,
    });
    if (!refusal) return next();
    if (refusal.status === 405) res.set("Allow", ALLOWED_METHODS.join(", "));
    // The body is not read: close the connection rather than leave it for the next request.
    if (req.method !== "GET" && req.method !== "HEAD") res.set("Connection", "close");
    sendRefusal(res, refusal);
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

const REFUSAL_TITLES: Record<BodyRefusal["status"], string> = {
  405: "Deze vraag kan de website niet beantwoorden",
  411: "Het formulier is niet volledig aangekomen",
  413: "Het formulier is te groot",
  415: "Het formulier kon niet worden gelezen",
};

/**
 * A short Dutch page for a request refused before it reaches the app (so
 * without the site's layout): large text, and a way back to the home page.
 */
function sendRefusal(res: Response, { status, message }: BodyRefusal): void {
  const title = REFUSAL_TITLES[status];
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .set("Cache-Control", "no-store")
    .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    .send(
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Vivium Services</title>` +
        `<style>body{font:1.25rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:40rem;margin:2rem auto;padding:0 1rem}a{color:#0a4f9e}</style></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Naar de startpagina van Vivium Services</a></p></main></body></html>`,
    );
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

/**
 * Behind a proxy that nobody told the app to trust, every visitor has the
 * proxy's address, so they share one set of rate limits. Said once in the
 * log, with the setting that fixes it.
 */
function warnOnceAboutUntrustedProxy(): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && req.headers["x-forwarded-for"] !== undefined && isLoopbackAddress(req.socket.remoteAddress ?? "")) {
      warned = true;
      log.warn("requests come through a proxy on this machine (X-Forwarded-For), but TRUST_PROXY is none: all visitors share one client address. Set TRUST_PROXY=loopback.");
    }
    next();
  };
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
