import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { buildDataDirTemplate, copyDataDirTemplate } from "../../support/data-dir-template";

/**
 * Helpers for the reliability tests: the built server as a child process on
 * its own port and DATA_DIR, form posts as a browser sends them, the
 * database read directly, and a TCP proxy that can be switched off.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");

export const DEMO_PROVIDER = { slug: "bert-klinkenberg", email: "bert-klinkenberg@demo.viviumservices.nl", password: "Vivium-demo-2026" };

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

let template: Promise<string> | null = null;

/**
 * A DATA_DIR of its own for one server: a copy of the data a first start with demo data leaves
 * (built once per worker), so the server under test starts without migrating and importing again.
 */
export async function tempDataDir(tag: string): Promise<string> {
  template ??= buildDataDirTemplate();
  return copyDataDirTemplate(await template, `reliability-${tag}`);
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** The local Mollie gateway's own API address, from the start-up log. */
  gatewayApiPort(): number;
  /** SIGKILL (if still running) and wait for the exit. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
};

export type ServerOptions = {
  dataDir: string;
  smtpUrl?: string;
  env?: Record<string, string>;
  /** Node's own flags, e.g. the heap limit `npm run serve` and the service file give it. */
  nodeArgs?: string[];
};

/** Starts the production server (`build/serve.js`, as `npm run serve`) and waits until /healthz answers. */
export async function startServer({ dataDir, smtpUrl, env = {}, nodeArgs = [] }: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, "build/serve.js"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: "test",
      // As deploy/vivium.service and `npm run serve`: fewer malloc arenas for sharp's threads.
      MALLOC_ARENA_MAX: "2",
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      ...(process.env.POSTCODE_DATA_DIR ? { POSTCODE_DATA_DIR: process.env.POSTCODE_DATA_DIR } : {}),
      SESSION_SECRET: "reliability-session-secret-long-enough-0123456789",
      DEMO_DATA: "true",
      MOLLIE_GATEWAY_PORT: "0",
      MOLLIE_CHECKOUT_PORT: "0",
      LOG_REQUESTS: "false",
      SIGN_IN_RATE_LIMIT: "100000",
      SIGNUP_RATE_LIMIT: "100000",
      CONTACT_RATE_LIMIT: "100000",
      // A row left `sending` by a killed process is taken again after 2 s instead of 5 minutes; first retry after 0.5 s.
      OUTBOX_LOCK_MS: "2000",
      OUTBOX_RETRY_BASE_MS: "500",
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let done: Exit | null = null;
  void exited.then((exit) => (done = exit));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (done) throw new Error(`server exited before it was ready (${JSON.stringify(done)}):\n${log}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy within 60 s:\n${log}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }

  return {
    baseUrl,
    port,
    child,
    output: () => log,
    exited,
    gatewayApiPort() {
      const match = /Mollie test gateway: API https:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (!match) throw new Error(`no gateway address in the log:\n${log}`);
      return Number(match[1]);
    },
    async kill(signal = "SIGKILL") {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000, everyMs = 200): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A form POST as a browser on our own site sends it (same origin), without following the redirect. */
export function postForm(baseUrl: string, pathname: string, fields: Array<[string, string]>, cookie?: string): Promise<Response> {
  return fetch(`${baseUrl}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: baseUrl,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(15_000),
  });
}

let contactCounter = 0;

/** The fields of a valid contact request for the demo provider; the e-mail address is unique. */
export function contactFields(tag: string): { email: string; fields: Array<[string, string]> } {
  contactCounter += 1;
  const email = `rel-${tag}-${process.pid}-${contactCounter}-${Date.now()}@example.nl`;
  return {
    email,
    fields: [
      ["name", "Jan Janssen"],
      ["email", email],
      ["phone", "0612345678"],
      ["memberNumber", ""],
      ["location", "3447 GT"],
      ["forWhom", "self"],
      ["contactPreference", "phone"],
      ["contactMoments", "ochtend"],
      ["message", "Graag hulp in de tuin."],
      ["website", ""],
    ],
  };
}

export const CONTACT_PATH = `/dienstverlener/${DEMO_PROVIDER.slug}/contact`;

/** Posts a contact request; the request's public id when the server answered with its redirect, otherwise null. */
export async function postContactRequest(baseUrl: string, tag: string): Promise<{ status: number; publicId: string | null; email: string }> {
  const { email, fields } = contactFields(tag);
  const response = await postForm(baseUrl, CONTACT_PATH, fields);
  const location = response.headers.get("location") ?? "";
  await response.body?.cancel();
  const publicId = /[?&]aanvraag=([^&]+)/.exec(location)?.[1];
  return { status: response.status, publicId: publicId ? decodeURIComponent(publicId) : null, email };
}

/** Signs the demo provider in; the session cookie. */
export async function signInDemoProvider(baseUrl: string): Promise<string> {
  const response = await postForm(baseUrl, "/inloggen", [
    ["email", DEMO_PROVIDER.email],
    ["password", DEMO_PROVIDER.password],
  ]);
  await response.body?.cancel();
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (response.status < 300 || response.status >= 400 || cookies.length === 0) {
    throw new Error(`sign-in failed: ${response.status}`);
  }
  return cookies.join("; ");
}

/** Posts "Betalen" for a package; the payment's public id when the server redirected to it. */
export async function postPackagePayment(baseUrl: string, cookie: string, packageId: number): Promise<{ status: number; publicId: string | null; body: string }> {
  const response = await postForm(baseUrl, "/backoffice/pakket", [["pakket", String(packageId)]], cookie);
  const location = response.headers.get("location") ?? "";
  const body = response.status >= 300 && response.status < 400 ? "" : await response.text();
  if (!body) await response.body?.cancel().catch(() => undefined);
  const publicId = /^\/betaling\/([^/?]+)/.exec(location)?.[1] ?? null;
  return { status: response.status, publicId, body };
}

export function openDb(dataDir: string, options: Database.Options = {}): Database.Database {
  const db = new Database(path.join(dataDir, "vivium.sqlite"), options);
  db.pragma("busy_timeout = 10000");
  return db;
}

/** Packages awaiting payment for the demo provider, written while the server runs: each one starts its own payment. */
export function insertAwaitingPackages(dataDir: string, count: number): number[] {
  const db = openDb(dataDir);
  try {
    const provider = db.prepare("SELECT id FROM providers WHERE slug = ?").get(DEMO_PROVIDER.slug) as { id: number };
    const now = new Date().toISOString();
    const insert = db.prepare(
      `INSERT INTO provider_packages (provider_id, package, price_cents, starts_on, ends_on, status, created_at, updated_at)
       VALUES (?, 'basis', 9900, ?, ?, 'awaiting_payment', ?, ?) RETURNING id`,
    );
    const ids: number[] = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const year = 2030 + i;
        ids.push((insert.get(provider.id, `${year}-01-01`, `${year}-12-31`, now, now) as { id: number }).id);
      }
    })();
    return ids;
  } finally {
    db.close();
  }
}

/** A TCP proxy on a fixed loopback port that can be switched off (connections refused) and on again. */
export async function startSwitchableProxy(port: number, targetPort: () => number) {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  return {
    async up() {
      if (server) return;
      const s = net.createServer((client) => {
        const upstream = net.connect(targetPort(), "127.0.0.1");
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", end).on("close", end);
        upstream.on("error", end).on("close", end);
      });
      await new Promise<void>((resolve, reject) => {
        s.once("error", reject);
        s.listen(port, "127.0.0.1", () => resolve());
      });
      server = s;
    },
    async down() {
      if (!server) return;
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

/** Cookies as a browser keeps them, from each response's Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  update(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** The wizard's forms with a file field (encType="multipart/form-data"); the others post urlencoded. */
const STEPS_WITH_FILE = new Set(["/aanmelden/diensten", "/aanmelden/profiel"]);

/**
 * Posts one wizard step as the browser sends it (multipart for the forms with a file field, urlencoded
 * for the others) and expects the redirect to the next step.
 * `send` is fetch, or a stand-in that reaches the server another way (through Caddy with its own CA: caddy.spec.ts).
 */
export async function postStep(
  baseUrl: string,
  jar: CookieJar,
  pathname: string,
  fields: Array<[string, string | File]>,
  next: string,
  send: typeof fetch = fetch,
): Promise<void> {
  let body: FormData | URLSearchParams;
  if (STEPS_WITH_FILE.has(new URL(pathname, baseUrl).pathname)) {
    body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
  } else {
    body = new URLSearchParams();
    for (const [name, value] of fields) {
      if (typeof value !== "string") throw new Error(`${pathname} has no file field, so ${name} cannot be a file`);
      body.append(name, value);
    }
  }
  const response = await send(`${baseUrl}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: baseUrl, cookie: jar.header() },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  jar.update(response);
  const text = await response.text();
  const location = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || location !== next) {
    throw new Error(`${pathname}: expected a redirect to ${next}, got ${response.status} ${location ?? ""}\n${text.slice(0, 2000)}`);
  }
}

/** A new provider through steps 1–6 with plain form posts, ending at Betaling; the session's cookie jar. */
export async function signUpUntilBetaling(baseUrl: string, dataDir: string, send: typeof fetch = fetch): Promise<CookieJar> {
  const jar = new CookieJar();
  const db = openDb(dataDir, { readonly: true });
  const category = db.prepare("SELECT id FROM categories ORDER BY id LIMIT 1").get() as { id: number };
  db.close();
  await postStep(
    baseUrl,
    jar,
    "/aanmelden?index",
    [
      ["offerings", "diensten-aan-huis"],
      ["firstName", "Gerda"],
      ["email", `rel-signup-${process.pid}-${Date.now()}@example.nl`],
      ["password", "Tuinhek-Blauw-42"],
      ["heardFrom", ""],
      ["acceptTerms", "on"],
      ["website", ""],
    ],
    "/aanmelden/persoonlijk",
    send,
  );
  await postStep(
    baseUrl,
    jar,
    "/aanmelden/persoonlijk",
    [
      ["firstName", "Gerda"],
      ["infix", ""],
      ["lastName", "Storing"],
      ["phone", "06-10034891"],
      ["gender", "vrouw"],
      ["birthDate", "7-9-1962"],
      ["postcode", "3447gt"],
      ["houseNumber", "12"],
      ["addition", ""],
      ["street", "Dorpsstraat"],
      ["city", "Woerden"],
    ],
    "/aanmelden/bedrijf",
    send,
  );
  await postStep(
    baseUrl,
    jar,
    "/aanmelden/bedrijf",
    [
      ["hasKvk", "nee"],
      ["companyName", ""],
      ["kvkNumber", ""],
      ["hasWorkAddress", "nee"],
      ["workPostcode", ""],
      ["workHouseNumber", ""],
      ["workAddition", ""],
      ["workStreet", ""],
      ["workCity", ""],
    ],
    "/aanmelden/profiel",
    send,
  );
  await postStep(
    baseUrl,
    jar,
    "/aanmelden/profiel",
    [
      ["introText", "Ik help u graag met klusjes in en om het huis, rustig en met geduld."],
      [
        "profileText",
        "Ik ben Gerda, 62 jaar en woon al mijn hele leven in Woerden. Ik help ouderen met klusjes, de tuin en de computer, " +
          "en ik neem de tijd voor een kop koffie en een praatje.",
      ],
    ],
    "/aanmelden/beschikbaarheid",
    send,
  );
  await postStep(
    baseUrl,
    jar,
    "/aanmelden/beschikbaarheid",
    [
      ["coverageMode", "nationwide"],
      ["newPlace", ""],
      ["radiusKm", ""],
      ["dayparts", "0-0"],
      ["dayparts", "2-1"],
    ],
    "/aanmelden/diensten",
    send,
  );
  await postStep(
    baseUrl,
    jar,
    "/aanmelden/diensten",
    [
      ["categories", String(category.id)],
      ["services[0].name", "Hulp bij de computer"],
      ["services[0].price", "25,00"],
      ["services[0].unit", "hour"],
      ["services[0].description", "Ik help u met uw computer en telefoon"],
      ["priceNote", ""],
    ],
    "/aanmelden/betaling",
    send,
  );
  return jar;
}
