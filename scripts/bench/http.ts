/**
 * HTTP load: autocannon against the production build on loopback, for the
 * home page, a search with a postcode, a profile page and the contact form
 * POST, next to a plain Node `http` server answering the home page's bytes as
 * a fixed page, measured in the same run. The ratio shows how close the app
 * gets to what this machine can do at all.
 *
 *   npm run bench:http
 *   BENCH_DURATION=10 BENCH_CONNECTIONS=50 npm run bench:http
 *
 * Targets (issue 9): zero errors and zero 5xx at 50 connections for 20 s per
 * target, and the server's RSS under 300 MB throughout. Exits 1 otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort, hasBuild, root, startBuiltServer, waitFor } from "../support/built-server";

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RSS_LIMIT_MB = 300;

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

type Target = { name: string; url: string; method?: "GET" | "POST"; body?: string; headers?: Record<string, string> };
type Outcome = { name: string; rps: number; p50: number; p99: number; errors: number; timeouts: number; serverErrors: number; statuses: string };

async function measure(target: Target): Promise<Outcome> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    body: target.body,
    headers: target.headers,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const codes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const serverErrors = Object.entries(codes)
    .filter(([code]) => code.startsWith("5"))
    .reduce((sum, [, v]) => sum + v.count, 0);
  return {
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    serverErrors,
    statuses: Object.entries(codes)
      .map(([code, v]) => `${code}×${v.count}`)
      .join(" "),
  };
}

async function main(): Promise<number> {
  if (!hasBuild()) {
    console.log("No build yet: npm run build…");
    const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) return 1;
  }

  console.log("Starting the production build with demo data…");
  let peakRss = 0;
  let sampler: NodeJS.Timeout | undefined;
  // Outgoing mail (the contact form sends two per request) goes to the helper's SMTP sink.
  const server = await startBuiltServer({
    tag: "http-bench",
    env: {
      // The limits protect against abuse from one address; the whole load comes from 127.0.0.1 here.
      SIGN_IN_RATE_LIMIT: "1000000",
      SIGNUP_RATE_LIMIT: "1000000",
      CONTACT_RATE_LIMIT: "1000000",
    },
    onSpawn: (app) => (sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(app.pid!))), 250)),
  }).catch((error: unknown) => {
    clearInterval(sampler);
    throw error;
  });
  const { baseUrl, dataDir } = server;

  const fixedPort = await freePort();
  let baseline: ChildProcess | null = null;
  try {
    const homeHtml = await (await fetch(`${baseUrl}/`)).text();
    const fixedFile = path.join(dataDir, "fixed.html");
    fs.writeFileSync(fixedFile, homeHtml);
    baseline = spawn(
      process.execPath,
      [
        "-e",
        `const body = require("fs").readFileSync(${JSON.stringify(fixedFile)});
         require("http").createServer((req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length }); res.end(body); })
           .listen(${fixedPort}, "127.0.0.1");`,
      ],
      { stdio: "inherit" },
    );
    await waitFor(`http://127.0.0.1:${fixedPort}/`, baseline);

    const contact = await contactFormTarget(baseUrl);
    const targets: Target[] = [
      { name: "plain node http (fixed page)", url: `http://127.0.0.1:${fixedPort}/` },
      { name: "home /", url: `${baseUrl}/` },
      { name: "search ?waar=3447 GT", url: `${baseUrl}/zoeken?wat=&waar=3447+GT` },
      { name: "profile /dienstverlener/…", url: `${baseUrl}/dienstverlener/bert-klinkenberg` },
      contact,
    ];

    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per target, ${os.cpus().length} CPUs\n`);
    const outcomes: Outcome[] = [];
    for (const target of targets) {
      process.stdout.write(`  ${target.name}… `);
      const outcome = await measure(target);
      outcomes.push(outcome);
      console.log(`${outcome.rps.toFixed(0)} req/s`);
    }

    const fixed = outcomes[0]!.rps;
    console.log("");
    console.log("| target | req/s | p50 ms | p99 ms | errors | 5xx | vs plain node | status codes |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---|");
    for (const o of outcomes) {
      console.log(
        `| ${o.name} | ${o.rps.toFixed(0)} | ${o.p50} | ${o.p99} | ${o.errors + o.timeouts} | ${o.serverErrors} | ${(o.rps / fixed).toFixed(3)} | ${o.statuses} |`,
      );
    }
    console.log(`\nServer RSS peak: ${peakRss.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB). Mails delivered to the SMTP sink during the run: ${server.mails()}.`);

    const failed = outcomes.filter((o) => o.errors + o.timeouts + o.serverErrors > 0);
    if (failed.length > 0 || peakRss >= RSS_LIMIT_MB) {
      console.log(`FAIL: ${failed.map((o) => o.name).join(", ") || "memory"}`);
      return 1;
    }
    console.log("OK: no errors, no 5xx, memory within the limit.");
    return 0;
  } finally {
    clearInterval(sampler);
    baseline?.kill("SIGTERM");
    await server.stop();
  }
}

/** The contact form POST of a demo provider, with the fields the form posts. */
async function contactFormTarget(baseUrl: string): Promise<Target> {
  const body = new URLSearchParams({
    name: "Bench Klant",
    email: "bench@example.nl",
    phone: "0612345678",
    location: "3447 GT",
    forWhom: "self",
    contactPreference: "phone",
    contactMoments: "ochtend",
    message: "Meting van de belasting.",
  }).toString();
  // A form the app rejects (400) would measure the error path: make sure it is accepted first.
  const probe = await fetch(`${baseUrl}/dienstverlener/bert-klinkenberg/contact`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
  });
  if (probe.status !== 303 && probe.status !== 302) {
    throw new Error(`The contact form did not accept the bench's request (status ${probe.status}).`);
  }
  return {
    name: "contact form POST",
    url: `${baseUrl}/dienstverlener/bert-klinkenberg/contact`,
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
  };
}

process.exit(await main());
