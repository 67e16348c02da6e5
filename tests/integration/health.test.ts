import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "~/server/config.server";
import { createHttpApp } from "~/server/http.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let baseUrl: string;
let close: () => void;
let remixCalls = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const remix: RequestHandler = (req, res) => {
    remixCalls += 1;
    // As Remix's adapter passes on a route's own headers.
    if (req.path === "/backoffice/mijn-gegevens/download") res.append("Cache-Control", "private, max-age=0, no-store");
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

  it("keeps pages with one person's data out of browser and proxy caches, and leaves public pages alone", async () => {
    for (const path of ["/backoffice", "/beheer/dienstverleners/1", "/aanmelden/profiel", "/inloggen", "/dienstverlener/bert/contact/verzonden", "/backoffice.data"]) {
      expect((await fetch(`${baseUrl}${path}`)).headers.get("cache-control"), path).toBe("private, no-store");
    }
    // A route's own Cache-Control replaces the default instead of being added to it.
    expect((await fetch(`${baseUrl}/backoffice/mijn-gegevens/download`)).headers.get("cache-control")).toBe("private, max-age=0, no-store");
    for (const path of ["/", "/zoeken", "/dienstverlener/bert"]) {
      expect((await fetch(`${baseUrl}${path}`)).headers.get("cache-control"), path).toBeNull();
    }
  });

  it("refuses a cross-origin POST to every route before it reaches the app, and lets same-origin and reading requests through", async () => {
    // Every route file, so that a new route cannot be missed: $param → a value, dots → slashes.
    const paths = fs
      .readdirSync("app/routes")
      .filter((f) => f.endsWith(".tsx") || f.endsWith(".ts"))
      .map((f) =>
        f
          .replace(/\.tsx?$/, "")
          .replace(/\[\.\]/g, "~dot~")
          .split(".")
          .filter((part) => part !== "_index" && !part.startsWith("__"))
          .map((part) => (part === "$" ? "iets" : part.replace(/^\$.*/, "abc").replace(/_$/, "")))
          .join("/")
          .replace(/~dot~/g, "."),
      )
      .map((p) => `/${p}`);
    expect(paths).toContain("/aanmelden/persoonlijk");
    expect(paths.length).toBeGreaterThan(20);

    const before = remixCalls;
    for (const path of paths) {
      for (const origin of ["https://evil.example", "null"]) {
        const response = await fetch(`${baseUrl}${path}`, {
          method: "POST",
          headers: { origin, "content-type": "application/x-www-form-urlencoded" },
          body: "email=a%40b.nl",
        });
        expect(response.status, `${origin} → POST ${path}`).toBe(403);
        expect(await response.text()).toContain("niet via de website van Vivium Services verstuurd");
      }
      const viaReferer = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { referer: "https://evil.example/form" }, body: "" });
      expect(viaReferer.status, `referer → POST ${path}`).toBe(403);
    }
    expect(remixCalls).toBe(before);

    const sameOrigin = await fetch(`${baseUrl}/inloggen`, { method: "POST", headers: { origin: baseUrl }, body: "" });
    expect(sameOrigin.status).toBe(200);
    const crossOriginRead = await fetch(`${baseUrl}/inloggen`, { headers: { origin: "https://evil.example" } });
    expect(crossOriginRead.status).toBe(200);
    expect(remixCalls).toBe(before + 2);
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
