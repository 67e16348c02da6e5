import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./tests/e2e/support/chromium";

/**
 * The e2e run starts the built server once, on a free port with a fresh
 * DATA_DIR. Playwright loads this file again in every worker; the values are
 * put in the environment the first time so that the workers inherit them.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

process.env.E2E_PORT ??= String(await freePort());
if (!process.env.E2E_DATA_DIR) {
  // The server starts from a copy of a prepared DATA_DIR (schema, postcodes, demo data).
  const { buildDataDirTemplate, copyDataDirTemplate } = await import("./tests/support/data-dir-template");
  const template = await buildDataDirTemplate();
  process.env.E2E_DATA_DIR = copyDataDirTemplate(template, "e2e");
  fs.rmSync(template, { recursive: true, force: true });
}
// Page states axe has passed in this run, shared by the workers (tests/e2e/support/fixtures.ts).
process.env.E2E_AXE_STATES ??= fs.mkdtempSync(path.join(os.tmpdir(), "vivium-axe-states-"));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // A safety net, not a wait: every step waits for what the page does. Whole journeys (signup, the
  // wizard, settings) take 20–40 s on a quiet 2-core machine and more beside other work.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    // Recording a trace for every test costs about an eighth of the run's CPU; a failure keeps its
    // screenshot and the page's accessibility snapshot, and `--trace=on` records the rerun of one spec.
    trace: "off",
    screenshot: "only-on-failure",
    // One browser context and page per worker, cleared between tests (cookies, storage, routes,
    // init scripts): a new renderer process for every test cost 0.5–2.5 s on this 2-core machine.
    reuseContext: true,
  },
  projects: [
    { name: "js", use: { ...chromium, javaScriptEnabled: true } },
    { name: "no-js", use: { ...chromium, javaScriptEnabled: false } },
    // Crash, shutdown and outage tests: no browser; each test starts its own server(s) from the build (tests/reliability/support).
    { name: "reliability", testDir: "tests/reliability", timeout: 90_000 },
  ],
  webServer: {
    // The production server as `npm run serve` runs it (ADR 015), from the build that `npm test` makes first.
    command: "node build/serve.js",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      // Not production: the local Mollie test gateway and demo data are refused there.
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: baseURL,
      DATA_DIR: process.env.E2E_DATA_DIR,
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
      DEMO_DATA: "true",
      MOLLIE_GATEWAY_PORT: "0",
      MOLLIE_CHECKOUT_PORT: "0",
      LOG_REQUESTS: "false",
      // Every journey signs up from 127.0.0.1; the limits themselves are tested in tests/integration.
      SIGN_IN_RATE_LIMIT: "1000",
      SIGNUP_RATE_LIMIT: "1000",
      CONTACT_RATE_LIMIT: "1000",
    },
  },
});
