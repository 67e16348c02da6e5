import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { startSmtpServer } from "../support/smtp-server";
import type { CookieJar } from "./support/server";
import { freePort, openDb, postStep, signUpUntilBetaling, startServer, tempDataDir, waitFor } from "./support/server";

/**
 * deploy/Caddyfile in front of the production build, as the install guide
 * (README) sets it up, but on loopback: Caddy's own local CA instead of
 * Let's Encrypt, free ports, its storage in a temporary folder, no admin
 * API. The real file is imported unchanged after those global options.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const CADDYFILE = path.join(ROOT, "deploy/Caddyfile");
const caddyInstalled = spawnSync("caddy", ["version"], { stdio: "ignore" }).status === 0;

type Reply = { status: number; headers: Headers; body: Buffer };

/** An HTTPS client for Caddy's address that trusts exactly Caddy's local root certificate, and leaves compressed bodies as they are. */
function caddyClient(port: number, rootCertificate: () => string) {
  const origin = `https://localhost:${port}`;
  async function request(pathname: string, init: RequestInit = {}): Promise<Reply> {
    // Request encodes a FormData body (multipart with its boundary) exactly as fetch would send it.
    const prepared = new Request(`${origin}${pathname}`, init);
    const body = init.body === undefined ? null : Buffer.from(await prepared.arrayBuffer());
    const headers = Object.fromEntries(prepared.headers);
    if (body) headers["content-length"] = String(body.length);
    return new Promise<Reply>((resolve, reject) => {
      const req = https.request(
        {
          host: "127.0.0.1",
          port,
          servername: "localhost",
          ca: rootCertificate(),
          method: prepared.method,
          path: pathname,
          headers: { ...headers, host: `localhost:${port}` },
          agent: false,
          timeout: 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const replyHeaders = new Headers();
            for (let i = 0; i < res.rawHeaders.length; i += 2) replyHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
            resolve({ status: res.statusCode ?? 0, headers: replyHeaders, body: Buffer.concat(chunks) });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${pathname}: no answer from Caddy within 15 s`)));
      req.on("error", reject);
      req.end(body ?? undefined);
    });
  }
  /** The same as a fetch, for the shared signup helpers. */
  const send: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const reply = await request(`${url.pathname}${url.search}`, init);
    return new Response(reply.status === 204 || reply.status === 304 ? null : new Uint8Array(reply.body), { status: reply.status, headers: reply.headers });
  };
  return { origin, request, send };
}

/** Caddy with deploy/Caddyfile on loopback ports, until stop(). */
async function startCaddy(upstreamPort: number, httpsPort: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-caddy-"));
  const storage = path.join(dir, "storage");
  const config = path.join(dir, "Caddyfile");
  fs.writeFileSync(
    config,
    [
      "{",
      // Nothing here may reach the internet: certificates from Caddy's local CA (never ACME),
      // which it does not try to add to the system's trust store; no admin API, no redirect port in use.
      "\tadmin off",
      "\tlocal_certs",
      "\tskip_install_trust",
      "\tauto_https disable_redirects",
      `\thttp_port ${await freePort()}`,
      `\thttps_port ${httpsPort}`,
      "\tdefault_bind 127.0.0.1",
      // TCP only: a free TCP port says nothing about the same UDP port (HTTP/3).
      "\tservers {\n\t\tprotocols h1 h2\n\t}",
      `\tstorage file_system {\n\t\troot ${storage}\n\t}`,
      "}",
      `import ${CADDYFILE}`,
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn("caddy", ["run", "--config", config, "--adapter", "caddyfile"], {
    cwd: dir,
    env: {
      ...process.env,
      HOME: dir,
      XDG_DATA_HOME: path.join(dir, "data"),
      XDG_CONFIG_HOME: path.join(dir, "config"),
      VIVIUM_DOMAIN: `localhost:${httpsPort}`,
      VIVIUM_UPSTREAM: `127.0.0.1:${upstreamPort}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const rootFile = path.join(storage, "pki/authorities/local/root.crt");
  return {
    rootCertificate: () => fs.readFileSync(rootFile, "utf8"),
    /** Caddy's access log (the Caddyfile's `log { output stdout }`). */
    accessLog: () => stdout,
    /** Caddy's own log. */
    log: () => stderr,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const WRONG_CREDENTIALS = "Het e-mailadres of het wachtwoord klopt niet.";
const TOO_MANY_ATTEMPTS = "U heeft te vaak geprobeerd in te loggen.";

test.skip(!caddyInstalled, "caddy is not installed (Debian: apt-get install caddy), so deploy/Caddyfile cannot be run");

test("through deploy/Caddyfile over HTTPS: pages with HSTS and compression, forms, an upload, and the client address Caddy sets", async () => {
  test.setTimeout(60_000);
  const started = Date.now();
  const caddyPort = await freePort();
  const smtp = await startSmtpServer();
  const dataDir = await tempDataDir("caddy");
  // In production mode, as the guide runs it: BASE_URL is Caddy's HTTPS address. Two sign-in attempts per client address.
  const server = await startServer({
    dataDir,
    smtpUrl: smtp.url,
    env: {
      NODE_ENV: "production",
      BASE_URL: `https://localhost:${caddyPort}`,
      // As the README's .env for this setup: Caddy, on this machine, sets X-Forwarded-For.
      TRUST_PROXY: "loopback",
      // Never contacted: nothing here pays.
      MOLLIE_API_KEY: "test_caddycaddycaddycaddycaddycaddyca",
      SIGN_IN_RATE_LIMIT: "2",
    },
  });
  const caddy = await startCaddy(server.port, caddyPort);
  try {
    const client = caddyClient(caddyPort, caddy.rootCertificate);
    await waitFor(
      "Caddy to answer /healthz over HTTPS",
      async () => {
        if (!caddy.running()) throw new Error(`caddy stopped:\n${caddy.log()}`);
        try {
          return (await client.request("/healthz")).status === 200;
        } catch {
          return false; // not listening yet, or its certificate not made yet
        }
      },
      20_000,
      50,
    );

    await test.step("a page: 200, HSTS, compressed when asked", async () => {
      const gzipped = await client.request("/", { headers: { "accept-encoding": "gzip" } });
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(gzipped.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(gzipped.body).toString("utf8")).toContain("Wat zoekt u?");
      // The app does not speak zstd; Caddy's `encode` does.
      const zstd = await client.request("/", { headers: { "accept-encoding": "zstd" } });
      expect(zstd.headers.get("content-encoding")).toBe("zstd");
      const plain = await client.request("/");
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.body.toString("utf8")).toContain("Wat zoekt u?");
    });

    await test.step("a form post from the site's own origin: the Dutch error page", async () => {
      const reply = await client.request("/inloggen", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: client.origin },
        body: new URLSearchParams({ email: "niemand-1@example.nl", password: "Fout-wachtwoord-1" }).toString(),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.toString("utf8")).toContain(WRONG_CREDENTIALS);
      // Caddy writes the access log line just after the response.
      await waitFor("the access log line", () => caddy.accessLog().includes('"uri":"/inloggen"'), 5_000, 20);
    });

    await test.step("an upload: a new provider's profile photo, multipart through Caddy", async () => {
      const jar: CookieJar = await signUpUntilBetaling(client.origin, dataDir, client.send);
      const jpeg = await sharp({ create: { width: 800, height: 1000, channels: 3, background: { r: 190, g: 120, b: 80 } } }).jpeg().toBuffer();
      await postStep(
        client.origin,
        jar,
        "/aanmelden/profiel",
        [
          ["introText", "Ik help u graag met klusjes in en om het huis, rustig en met geduld."],
          [
            "profileText",
            "Ik ben Gerda, 62 jaar en woon al mijn hele leven in Woerden. Ik help ouderen met klusjes, de tuin en de computer, " +
              "en ik neem de tijd voor een kop koffie en een praatje.",
          ],
          ["photo", new File([new Uint8Array(jpeg)], "gerda.jpg", { type: "image/jpeg" })],
        ],
        "/aanmelden/beschikbaarheid",
        client.send,
      );
      const db = openDb(dataDir, { readonly: true });
      const row = db
        .prepare("SELECT u.id, u.width, u.height FROM providers p JOIN uploads u ON u.id = p.photo_upload_id WHERE p.email LIKE 'rel-signup-%'")
        .get() as { id: string; width: number; height: number } | undefined;
      db.close();
      expect(row).toMatchObject({ width: 800, height: 1000 });
      const photo = await client.request(`/foto/${row!.id}/480.webp`, { headers: { cookie: jar.header() } });
      expect(photo.status).toBe(200);
      expect(photo.headers.get("content-type")).toBe("image/webp");
      // The access log goes to journald: Caddy leaves session cookies out of it.
      const session = jar.header().split("; ").map((pair) => pair.slice(pair.indexOf("=") + 1));
      await waitFor("the photo's access log line", () => caddy.accessLog().includes(`"uri":"/foto/${row!.id}/480.webp"`), 5_000, 20);
      for (const value of session) expect(caddy.accessLog()).not.toContain(value);
    });

    await test.step("the app sees the address Caddy set, not the client's X-Forwarded-For", async () => {
      const attempt = (send: (init: RequestInit) => Promise<{ status: number; text: string }>, n: number, spoofed: string) =>
        send({
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: client.origin, "x-forwarded-for": spoofed },
          body: new URLSearchParams({ email: `niemand-${n}@example.nl`, password: "Fout-wachtwoord-1" }).toString(),
        });
      // Straight to the app, with the headers a proxy that passed the client's X-Forwarded-For on would send.
      const direct = async (init: RequestInit) => {
        const headers = { ...(init.headers as Record<string, string>), "x-forwarded-host": `localhost:${caddyPort}`, "x-forwarded-proto": "https" };
        const response = await fetch(`${server.baseUrl}/inloggen`, { ...init, headers, redirect: "manual" });
        return { status: response.status, text: await response.text() };
      };
      const viaCaddy = async (init: RequestInit) => {
        const reply = await client.request("/inloggen", init);
        return { status: reply.status, text: reply.body.toString("utf8") };
      };
      // The check itself is sound: from loopback (where Caddy runs) the app does take X-Forwarded-For,
      // so a new address each time would get past the limit of 2 if Caddy passed the client's header on.
      for (let n = 10; n < 14; n++) expect((await attempt(direct, n, `203.0.113.${n}`)).status).toBe(400);
      // Through Caddy every attempt counts for the one real client address: the first attempt above
      // plus this one make 2, the next is refused whatever X-Forwarded-For says.
      expect((await attempt(viaCaddy, 20, "198.51.100.20")).status).toBe(400);
      const refused = await attempt(viaCaddy, 21, "198.51.100.21");
      expect(refused.status).toBe(429);
      expect(refused.text).toContain(TOO_MANY_ATTEMPTS);
    });
    console.log(`caddy smoke test: ${Date.now() - started} ms including both starts`);
  } finally {
    await caddy.stop();
    await server.kill("SIGTERM");
    await smtp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
