import type { AddressInfo } from "node:net";
import type { RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "~/server/config.server";
import { createHttpApp } from "~/server/http.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let baseUrl: string;
let close: () => void;

beforeAll(async () => {
  t = await createTestDatabase();
  const remix: RequestHandler = (_req, res) => {
    res.status(200).type("html").send("<!doctype html><p>app</p>");
  };
  const app = createHttpApp({ config: { ...loadConfig({ DATA_DIR: t.dir }), logRequests: false }, database: t, assets: [], remix });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(async () => {
  close();
  await t.cleanup();
});

describe("HTTP shell", () => {
  it("sends strict security headers with a fresh CSP nonce on every page", async () => {
    const [a, b] = await Promise.all([fetch(`${baseUrl}/`), fetch(`${baseUrl}/`)]);
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("permissions-policy")).toContain("camera=()");
    expect(a.headers.get("x-powered-by")).toBeNull();
  });

  it("answers the health check with 200 while the database is reachable and 503 when it is not", async () => {
    const ok = await fetch(`${baseUrl}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", database: "ok" });

    t.sqlite.close();
    const down = await fetch(`${baseUrl}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
