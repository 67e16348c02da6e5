/**
 * The checks in front of the app (app/server/http.server.ts with
 * app/domain/request-body.ts): an ordinary form over 64 KB, an upload over
 * 25 MB, a chunked body without a length, a multipart body where no file is
 * expected, another body type and a method the site does not use are refused
 * with a Dutch page before the body is read; none reaches the app.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "~/server/config.server";
import { createHttpApp } from "~/server/http.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let port: number;
let server: http.Server;
let remixCalls = 0;
let lastClientIp: string | undefined;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  const remix: RequestHandler = (req, res) => {
    remixCalls += 1;
    lastClientIp = req.ip;
    res.status(200).type("text").send("app");
  };
  const app = createHttpApp({ config: { ...loadConfig({ DATA_DIR: t.dir, BASE_URL: "http://127.0.0.1" }), logRequests: false }, database: t, assets: [], remix });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await t.cleanup();
});

/** A raw POST, so that the headers are exactly what a hostile client sends; each on its own connection. */
function rawPost(
  headers: Record<string, string>,
  chunks: string[],
  { path = "/inloggen", method = "POST" }: { path?: string; method?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method, agent: false, headers: { Origin: `http://127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on("error", reject);
    // All at once: the server may answer before reading the body, and a slow writer would then find the connection closed.
    for (const chunk of chunks.slice(0, -1)) request.write(chunk);
    request.end(chunks.at(-1));
  });
}

describe("request body limits", () => {
  it("refuses a body that says it is over 25 MB, before reading it", async () => {
    const before = remixCalls;
    const result = await rawPost({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(26 * 1024 * 1024) }, ["email=a"]);
    expect(result.status).toBe(413);
    expect(result.body).toContain("te groot");
    expect(remixCalls).toBe(before);
  });

  it("refuses a chunked body without a length (it would slip past the size check)", async () => {
    const before = remixCalls;
    const result = await rawPost({ "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }, ["email=", "a".repeat(1000)]);
    expect(result.status).toBe(411);
    expect(remixCalls).toBe(before);
  });

  it("refuses an ordinary form over 64 KB with a Dutch page; a 24 MB form post no longer reaches the app", async () => {
    const before = remixCalls;
    const body = `email=${"a".repeat(70 * 1024)}`;
    const result = await rawPost({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) }, [body]);
    expect(result.status).toBe(413);
    expect(result.headers["content-type"]).toMatch(/^text\/html/);
    expect(result.body).toContain('<html lang="nl">');
    expect(result.body).toContain("Maak de teksten korter");
    const large = await rawPost({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(24 * 1024 * 1024) }, ["email=a"]);
    expect(large.status).toBe(413);
    expect(remixCalls).toBe(before);
  });

  it("takes a multipart body only where a form has a file field", async () => {
    const before = remixCalls;
    const body = '--XX\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--XX--\r\n';
    const headers = { "Content-Type": "multipart/form-data; boundary=XX", "Content-Length": String(body.length) };
    const onSignIn = await rawPost(headers, [body]);
    expect(onSignIn.status).toBe(415);
    expect(onSignIn.body).toContain("kan de website niet lezen");
    expect(remixCalls).toBe(before);
    expect((await rawPost(headers, [body], { path: "/aanmelden/profiel" })).status).toBe(200);
    expect(remixCalls).toBe(before + 1);
  });

  it("refuses JSON, text and other body types on a form", async () => {
    const before = remixCalls;
    for (const type of ["application/json", "text/plain", "application/xml"]) {
      const body = type === "application/json" ? '{"email":"a"}' : "email=a";
      expect((await rawPost({ "Content-Type": type, "Content-Length": String(body.length) }, [body])).status, type).toBe(415);
    }
    expect(remixCalls).toBe(before);
  });

  it("answers PUT, PATCH, DELETE, TRACE and OPTIONS with 405 and the methods it does take", async () => {
    const before = remixCalls;
    for (const method of ["PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"]) {
      const result = await rawPost({ "Content-Length": "0" }, [""], { method, path: "/backoffice/instellingen/persoonlijk" });
      expect(result.status, method).toBe(405);
      expect(result.headers.allow, method).toBe("GET, HEAD, POST");
      expect(result.body, method).toContain("Naar de startpagina");
    }
    expect(remixCalls).toBe(before);
  });

  it("believes no X-Forwarded-For by default, so a forged one cannot dodge the rate limits", async () => {
    const body = "email=a%40example.nl&password=x";
    await rawPost({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length), "X-Forwarded-For": "203.0.113.7" }, [body]);
    expect(lastClientIp).toBe("127.0.0.1");
    const trusting = createHttpApp({
      config: { ...loadConfig({ DATA_DIR: t.dir, BASE_URL: "http://127.0.0.1", TRUST_PROXY: "loopback" }), logRequests: false },
      database: t,
      assets: [],
      remix: (req, res) => res.type("text").send(req.ip),
    });
    const other = trusting.listen(0, "127.0.0.1");
    await new Promise((resolve) => other.once("listening", resolve));
    const answer = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(await answer.text()).toBe("203.0.113.7");
    other.close();
  });

  it("lets a normal form with its length through", async () => {
    const body = "email=a%40example.nl&password=x";
    const result = await rawPost({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) }, [body]);
    expect(result.status).toBe(200);
  });
});
