import { randomBytes } from "node:crypto";
import compression from "compression";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import morgan from "morgan";
import type { Config } from "./config.server";
import type { AppDatabase } from "./db.server";

declare module "express-serve-static-core" {
  interface Locals {
    cspNonce: string;
  }
}

const MAX_REQUEST_BYTES = 25 * 1024 * 1024;

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
      console.error("health check: database unreachable:", error);
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });

  // Uploads are at most 10 MB per file; nothing legitimate posts more than this in all.
  app.use((req, res, next) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
      res.status(413).type("text/plain; charset=utf-8").send("Het verzonden formulier is te groot (meer dan 25 MB). Kies kleinere bestanden.");
      return;
    }
    next();
  });
  app.use(compression());
  if (config.logRequests) app.use(morgan("tiny"));

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    // Camera and microphone are granted per page (the video recorder) when that page exists.
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    next();
  });
  app.use(securityHeaders(config, development));

  for (const handler of assets) app.use(handler);
  app.all("*", remix);
  return app;
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
