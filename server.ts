import http from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type RequestHandler } from "express";
import { startBackupScheduler } from "./app/server/backup-scheduler.server";
import { config as loadedConfig, ConfigError, loadEnvFile, projectRoot } from "./app/server/config.server";
import { openSharedDatabase, SchemaTooNewError } from "./app/server/db.server";
import { startDeadlineScheduler } from "./app/server/deadline-scheduler.server";
import { createHttpApp } from "./app/server/http.server";
import { log } from "./app/server/log.server";
import { assertLocalGatewayAllowed, clearLocalGateway, setLocalGateway } from "./app/server/mollie-client.server";
import { startLocalMollieGateway, type LocalMollieGateway } from "./app/server/mollie-gateway/gateway.server";
import { createMailTransport, startOutboxWorker } from "./app/server/outbox.server";
import { prepareDatabase } from "./app/server/startup.server";
import { startStatsFlusher } from "./app/server/stats.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address as Express saw it (trust proxy is limited to loopback). */
    clientIp: string;
    /** This request's id (X-Request-Id), for log lines and the error page. Absent in route tests. */
    requestId?: string;
  }
}

const root = projectRoot();
const development = process.argv.includes("--dev");

async function main(): Promise<void> {
  // A local .env is read for convenience; real environment variables win.
  const envFile = loadEnvFile();
  const config = loadedConfig();
  log.info(`configuration from ${envFile ?? "the environment (no .env)"}; database ${config.databaseFile}`);
  // Without a live Mollie key, payments go to the local test gateway (ADR 005),
  // which is refused in production and off this machine: check before anything starts.
  if (config.mollie.useLocalGateway) assertLocalGatewayAllowed(config);
  const database = openSharedDatabase(config.databaseFile);
  await prepareDatabase(database, config, (message) => log.info(message));

  // E-mails wait in the outbox table until this worker has handed them over (ADR 006).
  const mailTransport = createMailTransport(config);
  const outbox = startOutboxWorker({
    db: database.db,
    transport: mailTransport,
    log: log.with({ job: "outbox" }),
    ...(config.mail.outboxRetryBaseMs !== null ? { retryBaseMs: config.mail.outboxRetryBaseMs } : {}),
    ...(config.mail.outboxLockMs !== null ? { lockMs: config.mail.outboxLockMs } : {}),
  });
  // Profile views and search appearances are counted in memory and written every few seconds.
  const stats = startStatsFlusher(database.db, { log: log.with({ job: "stats" }) });
  // Requests past their two-working-day deadline: marked overdue, one reminder to the provider (now and every minute).
  const deadlines = startDeadlineScheduler({ db: database.db, baseUrl: config.baseUrl, log: log.with({ job: "deadlines" }) });
  // A backup every night at BACKUP_SCHEDULE, old ones removed by BACKUP_KEEP.
  const backups = startBackupScheduler({
    db: database.db,
    targets: { databaseFile: config.databaseFile, uploadsDir: config.uploadsDir, backupDir: config.backup.dir, keep: config.backup.keep },
    schedule: config.backup.schedule,
    log: log.with({ job: "backup" }),
  });

  // The address is taken before the test gateway asks the system for ports of its own: told to use
  // port 0, the system could otherwise give the gateway the very port this server was started with.
  // Until the app is ready, a request gets "503, try again in a second".
  let handle: http.RequestListener = (_req, res) => {
    res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "1" });
    res.end("Vivium Services is aan het opstarten. Probeer het over een paar seconden opnieuw.\n");
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  let gateway: LocalMollieGateway | null = null;
  if (config.mollie.useLocalGateway) {
    gateway = await startLocalMollieGateway({
      dataDir: config.dataDir,
      apiPort: config.mollie.localGatewayPort,
      checkoutPort: config.mollie.localCheckoutPort,
      log: (message) => log.info(`mollie test gateway: ${message}`),
    });
    // MOLLIE_API_ENDPOINT without a key (loopback only, checked above) is the address through which the app
    // reaches the gateway, e.g. a proxy in front of it that the outage tests (tests/reliability) switch off.
    setLocalGateway(config.mollie.endpoint ? { ...gateway, apiBaseUrl: config.mollie.endpoint } : gateway);
    log.info(`Mollie test gateway: API ${gateway.apiBaseUrl}, checkout ${gateway.checkoutBaseUrl}`);
  }

  const assets: RequestHandler[] = [];
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (development) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    assets.push(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const clientDir = path.join(root, "build/client");
    // Fingerprinted files (/assets/…) never change; everything else is revalidated.
    const fingerprinted = express.Router().use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    const publicFiles = express.static(clientDir, { maxAge: "1h", index: false, redirect: false });
    // Page addresses have no file extension: they skip the disk lookups (a stat per page request,
    // which showed in the load profile) and go straight to Remix.
    const files: RequestHandler = (req, res, next) => {
      if (!path.extname(req.path)) return next();
      fingerprinted(req, res, () => publicFiles(req, res, next));
    };
    assets.push(files);
    build = (await import(path.join(root, "build/server/index.js"))) as ServerBuild;
  }

  const remix = createRequestHandler({
    build,
    mode: development ? "development" : "production",
    getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? "unknown", requestId: res.locals.requestId }),
  });
  const app = createHttpApp({ config, database, assets, remix, development });

  handle = app;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  log.info(`Vivium Services listens on http://${config.host}:${port} (${development ? "development" : config.nodeEnv})`);

  const shutdown = (signal: string) => {
    log.info(`${signal}: stopping`);
    server.close(() => {
      clearLocalGateway();
      // Mail of the last requests goes out now (for at most a few seconds); a send in
      // progress is finished and recorded before the database closes.
      void Promise.all([outbox.stop({ drainMs: 3_000 }), stats.stop(), deadlines.stop(), backups.stop()])
        .then(() => {
          mailTransport.close();
          return Promise.all([database.close(), gateway?.close()]);
        })
        .then(() => process.exit(0));
    });
    // Keep-alive sockets would hold the close open; end them after a grace period.
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  // Both say what to do in their message; a stack trace would only bury it.
  if (error instanceof ConfigError || error instanceof SchemaTooNewError) log.error(error.message);
  else log.error("start-up failed", error);
  process.exit(1);
});
