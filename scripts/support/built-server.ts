/**
 * The production build (build/) as a child process for the measuring scripts
 * (scripts/bench/http.ts, scripts/lighthouse.ts): on a free loopback port,
 * with a temporary DATA_DIR seeded with demo data, and outgoing mail going to
 * a local SMTP sink, as it would to a real relay.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function hasBuild(): boolean {
  return fs.existsSync(path.join(root, "build/server/index.js")) && fs.existsSync(path.join(root, "build/serve.js"));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped with code ${child.exitCode} before it was ready.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

export type BuiltServer = {
  baseUrl: string;
  /** The server's own process (no tsx wrapper), so that its RSS is the server's. */
  child: ChildProcess;
  dataDir: string;
  /** Messages the SMTP sink has received so far. */
  mails(): number;
  /** SIGTERM, wait for the exit, close the sink and remove the data dir. */
  stop(): Promise<void>;
};

type StartOptions = {
  /** Part of the temporary data dir's name. */
  tag: string;
  env?: Record<string, string>;
  /** Called as soon as the process exists, before it is ready (e.g. to watch its memory from the start). */
  onSpawn?: (child: ChildProcess) => void;
};

/** Starts the production server (`build/serve.js`, as `npm run serve`) with demo data, and waits until /healthz answers. */
export async function startBuiltServer({ tag, env = {}, onSpawn }: StartOptions): Promise<BuiltServer> {
  let mails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        mails += 1;
        callback();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vivium-${tag}-`));
  const appPort = await freePort();
  const baseUrl = `http://127.0.0.1:${appPort}`;
  // As `npm run serve` (package.json): the heap limit keeps the process within its memory budget (ADR 015).
  const child = spawn(process.execPath, ["--max-old-space-size=160", "build/serve.js"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      MALLOC_ARENA_MAX: "2",
      PORT: String(appPort),
      HOST: "127.0.0.1",
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: "true",
      SESSION_SECRET: `${tag}-session-secret-that-is-long-enough-0123456789`,
      // Never contacted: the scripts make no payments.
      MOLLIE_API_KEY: "test_benchbenchbenchbenchbenchbenchbe",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LOG_REQUESTS: "false",
      ...env,
    },
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  onSpawn?.(child);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    smtp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${baseUrl}/healthz`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, child, dataDir, mails: () => mails, stop };
}
