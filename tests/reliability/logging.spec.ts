import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { startServer, tempDataDir, waitFor } from "./support/server";

/**
 * The production build's log: one line per request with its id, the same id
 * in the X-Request-Id header and on the error page, so that what a customer
 * reads out on the phone leads the office to the log line of what went wrong.
 */
test.describe("request log and request ids", () => {
  test("text by default: a failing page shows the code that its log line carries", async () => {
    const dataDir = await tempDataDir("log-text");
    const server = await startServer({ dataDir, env: { LOG_REQUESTS: "true" } });
    try {
      const ok = await fetch(`${server.baseUrl}/pakketten`);
      const okId = ok.headers.get("x-request-id");
      expect(okId).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      await waitFor("the request's log line", () => server.output().includes(`GET /pakketten 200`));
      expect(server.output()).toMatch(new RegExp(`INFO  GET /pakketten 200 [\\d.]+ms kind=request id=${okId}`));

      // Break what the home page reads (the root loader does not need it), as a damaged database would.
      const sqlite = new Database(path.join(dataDir, "vivium.sqlite"));
      sqlite.exec("ALTER TABLE categories RENAME TO categories_away");
      sqlite.close();
      const failing = await fetch(`${server.baseUrl}/`);
      expect(failing.status).toBe(500);
      const id = failing.headers.get("x-request-id")!;
      const html = await failing.text();
      expect(html).toContain("Er ging iets mis");
      expect(html).toContain(`<strong class="request-id">${id}</strong>`);
      await waitFor("the error's log line", () => server.output().includes(`GET / 500`));
      expect(server.output()).toMatch(new RegExp(`ERROR GET / failed id=${id} error=.*categories`));
      expect(server.output()).toMatch(new RegExp(`ERROR GET / 500 [\\d.]+ms kind=request id=${id}`));
    } finally {
      await server.kill("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("LOG_FORMAT=json: every line is a JSON object; secrets in paths are not logged", async () => {
    const dataDir = await tempDataDir("log-json");
    const server = await startServer({ dataDir, env: { LOG_REQUESTS: "true", LOG_FORMAT: "json" } });
    try {
      const response = await fetch(`${server.baseUrl}/wachtwoord-herstellen/geheim-token-123?x=1`);
      await response.body?.cancel();
      const id = response.headers.get("x-request-id");
      await waitFor("the request's log line", () => server.output().includes(`"id":"${id}"`));
      const lines = server.output().trim().split("\n");
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      for (const record of records) expect(record).toMatchObject({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) });
      const request = records.find((r) => r.id === id)!;
      expect(request).toMatchObject({ kind: "request", method: "GET", path: "/wachtwoord-herstellen/…", status: response.status });
      expect(server.output()).not.toContain("geheim-token-123");
      expect(records.some((r) => typeof r.msg === "string" && r.msg.startsWith("Vivium Services listens on"))).toBe(true);
    } finally {
      await server.kill("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
