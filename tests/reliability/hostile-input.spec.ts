import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { CONTACT_PATH, DEMO_PROVIDER, postForm, signInDemoProvider, startServer, tempDataDir, type ServerProcess } from "./support/server";

/**
 * A hostile visitor against the production build with the heap limit it runs
 * with (`MALLOC_ARENA_MAX=2 node --max-old-space-size=160 build/serve.js`, as `npm run serve` and
 * deploy/vivium.service start it): far list positions on every public form,
 * three 24 MB posts at once, broken multipart bodies, methods the site does
 * not use and eight large photos at once from one account. The server stays
 * up, answers each with a 4xx (or its normal page), /healthz keeps answering
 * within a second, and its memory stays under the 300 MB the README promises.
 */

test.describe.configure({ mode: "serial" });

const HEAP_LIMIT = ["--max-old-space-size=160"];
/** README "Hosting": the app stays under 300 MB. */
const MEMORY_LIMIT_MB = 300;

let server: ServerProcess;
let cookie: string;

test.beforeAll(async () => {
  // startServer sets MALLOC_ARENA_MAX=2, as the service file does.
  server = await startServer({ dataDir: await tempDataDir("hostile"), nodeArgs: HEAP_LIMIT });
  cookie = await signInDemoProvider(server.baseUrl);
});

test.afterAll(async () => {
  await server?.kill();
});

/** The process's memory from the kernel: now, and the most it ever held (VmHWM). */
function memoryMb(pid: number): { now: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { now: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

/** Runs `attack` while asking /healthz one request after another; the slowest answer in ms. */
async function watchingHealth<T>(attack: () => Promise<T>): Promise<{ result: T; slowestHealthMs: number }> {
  let done = false;
  let slowest = 0;
  const watcher = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
      expect(response.status).toBe(200);
      await response.body?.cancel();
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const result = await attack();
    done = true;
    // The health check that was under way when the attack ended counts too.
    await watcher;
    return { result, slowestHealthMs: slowest };
  } finally {
    done = true;
  }
}

type RawAnswer = { status: number; body: string };

/**
 * A request with exactly these headers and body, on its own connection.
 * `headersFirst` sends the headers and waits for the answer before any of
 * the body: a server that refuses a body by its declared size answers then
 * and closes the connection, which a client still writing would only see as
 * a broken pipe. If the server waits for the body instead, the request fails.
 */
function rawRequest(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: Buffer | string,
  { headersFirst = false }: { headersFirst?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (answer: RawAnswer) => {
      settled = true;
      resolve(answer);
      // The body was never sent: this connection cannot carry anything else.
      if (headersFirst) request.destroy();
    };
    const request = http.request(`${server.baseUrl}${pathname}`, { method, agent: false, headers: { Origin: server.baseUrl, ...headers }, signal: AbortSignal.timeout(30_000) }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += text.length < 1_000_000 ? chunk : ""));
      response.on("end", () => finish({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", (error) => {
      if (!settled) reject(error);
    });
    if (headersFirst) request.flushHeaders();
    else request.end(body);
  });
}

function multipart(boundary: string, parts: Array<{ name: string; value: string | Buffer; fileName?: string; type?: string }>): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName ? `; filename="${part.fileName}"` : ""}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ""}\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const PROFILE_TEXTS = [
  { name: "introText", value: "Ik help u graag in en om het huis." },
  { name: "profileText", value: "Al twintig jaar help ik mensen in de buurt met klussen in huis en tuin, rustig en netjes." },
];

test("a far list position or thousands of fields on every public form and a signed-in step leave the server as it was", async () => {
  const huge = "a%5B3000000%5D=1&b%5B0%5D%5B2999999%5D.c=1&services%5B99999999%5D.name=x&" + Array.from({ length: 3000 }, (_, i) => `f${i}=x`).join("&");
  const forms: Array<{ path: string; fields: string; cookie?: string }> = [
    { path: "/inloggen", fields: `email=${encodeURIComponent(DEMO_PROVIDER.email)}&password=fout` },
    { path: "/wachtwoord-vergeten", fields: "email=geen-adres" },
    { path: "/aanmelden", fields: "firstName=Fuzz&email=geen-adres" },
    { path: CONTACT_PATH, fields: "name=Jan&email=geen-adres" },
    { path: `/wachtwoord-herstellen/${"x".repeat(43)}`, fields: "password=kort" },
    { path: "/backoffice/instellingen/diensten", fields: "services%5B0%5D.price=-1", cookie },
    { path: "/backoffice/instellingen/persoonlijk", fields: "firstName=", cookie },
  ];
  const before = memoryMb(server.child.pid!);
  const { result: answers, slowestHealthMs } = await watchingHealth(() =>
    Promise.all(
      forms.map(async (form) => {
        const body = `${form.fields}&${huge}`;
        const answer = await rawRequest("POST", form.path, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length), ...(form.cookie ? { Cookie: form.cookie } : {}) }, body);
        return { path: form.path, ...answer };
      }),
    ),
  );
  for (const answer of answers) {
    expect(answer.status, answer.path).toBeLessThan(500);
    // The refused form comes back with its own fields only, not three million list items.
    expect(answer.body.length, answer.path).toBeLessThan(300_000);
  }
  expect(slowestHealthMs).toBeLessThan(1000);
  const after = memoryMb(server.child.pid!);
  expect(after.peak, `memory before: ${JSON.stringify(before)}`).toBeLessThan(MEMORY_LIMIT_MB);
});

test("three 24 MB posts at once are refused: an ordinary form by its size before it is read, an upload page after its photo limit", async () => {
  const big = Buffer.alloc(24 * 1024 * 1024, "a");
  const form = Buffer.concat([Buffer.from("email="), big]);
  const boundary = "----hostile24";
  const upload = multipart(boundary, [...PROFILE_TEXTS, { name: "photo", value: big, fileName: "groot.jpg", type: "image/jpeg" }]);
  const { result, slowestHealthMs } = await watchingHealth(async () => ({
    forms: await Promise.all(
      [1, 2, 3].map(() => rawRequest("POST", "/inloggen", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(form.length) }, form, { headersFirst: true })),
    ),
    uploads: await Promise.all(
      [1, 2, 3].map(() =>
        rawRequest("POST", "/backoffice/instellingen/profiel", { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(upload.length), Cookie: cookie }, upload),
      ),
    ),
  }));
  for (const answer of result.forms) {
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("te groot");
  }
  for (const answer of result.uploads) {
    // The form comes back with the photo's message and the texts as typed.
    expect([400, 413]).toContain(answer.status);
    expect(answer.body).toContain("De foto is groter dan 10 MB");
  }
  expect(slowestHealthMs).toBeLessThan(1000);
  expect(memoryMb(server.child.pid!).peak).toBeLessThan(MEMORY_LIMIT_MB);
});

test("broken multipart bodies and methods the site does not use get a Dutch 4xx page, never a 500", async () => {
  const broken = [
    "garbage\r\n\r\n--XX\r\nno headers here\r\n\r\nx",
    '--XX\r\nContent-Disposition: form-data; name="file"; filename="leden"x.csv"\r\nContent-Type: text/csv\r\n\r\nlidnummer;naam\r\n--XX--\r\n',
    "--XX\r\nContent-Disposition: form-da",
  ];
  for (const body of broken) {
    const answer = await rawRequest("POST", "/backoffice/instellingen/profiel", { "Content-Type": "multipart/form-data; boundary=XX", "Content-Length": String(Buffer.byteLength(body)), Cookie: cookie }, body);
    expect(answer.status, body).toBeGreaterThanOrEqual(400);
    expect(answer.status, body).toBeLessThan(500);
    expect(answer.body, body).toContain('lang="nl"');
  }
  const onSignIn = await rawRequest("POST", "/inloggen", { "Content-Type": "multipart/form-data; boundary=XX", "Content-Length": String(Buffer.byteLength(broken[0]!)) }, broken[0]);
  expect(onSignIn.status).toBe(415);
  for (const method of ["PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"]) {
    const answer = await rawRequest(method, "/backoffice/instellingen/persoonlijk", { "Content-Length": "0", Cookie: cookie }, "");
    expect(answer.status, method).toBe(405);
    expect(answer.body, method).toContain("Naar de startpagina");
  }
  const health = await fetch(`${server.baseUrl}/healthz`);
  expect(health.status).toBe(200);
});

test("eight 40-megapixel photos at once from one account are all saved, one at a time, within the memory limit", async () => {
  test.setTimeout(120_000);
  // 7,300 × 5,480 pixels: a real 40 MP phone photo's size, as a small file (a gradient) that decodes as large.
  const photo = await sharp({ create: { width: 7300, height: 5480, channels: 3, background: "#8fb3d9" } })
    .composite([{ input: Buffer.from('<svg width="7300" height="5480"><rect x="900" y="700" width="5000" height="4000" fill="#c0563b"/></svg>'), top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer();
  expect(photo.length).toBeLessThan(10 * 1024 * 1024);
  const boundary = "----hostilephoto";
  const body = multipart(boundary, [...PROFILE_TEXTS, { name: "photo", value: photo, fileName: "foto.jpg", type: "image/jpeg" }]);
  const { result: answers, slowestHealthMs } = await watchingHealth(() =>
    Promise.all(
      Array.from({ length: 8 }, () =>
        rawRequest("POST", "/backoffice/instellingen/profiel", { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(body.length), Cookie: cookie }, body),
      ),
    ),
  );
  for (const answer of answers) expect(answer.status).toBe(303);
  const memory = memoryMb(server.child.pid!);
  test.info().annotations.push({ type: "memory", description: `peak ${memory.peak} MB, now ${memory.now} MB; slowest /healthz ${Math.round(slowestHealthMs)} ms` });
  expect(memory.peak).toBeLessThan(MEMORY_LIMIT_MB);
  expect(slowestHealthMs).toBeLessThan(1000);
  // The server still serves pages.
  const profile = await postForm(server.baseUrl, "/inloggen", [["email", "x"]]);
  expect(profile.status).toBe(400);
});
