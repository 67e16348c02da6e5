/**
 * The request body cap in front of the app (app/server/http.server.ts): a
 * body declared larger than 25 MB is refused with 413 before it is read, and
 * a body sent in chunks without a Content-Length (which would slip past that
 * check) is refused with 411; neither reaches the app.
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

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  const remix: RequestHandler = (_req, res) => {
    remixCalls += 1;
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
function rawPost(headers: Record<string, string>, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: "/inloggen", method: "POST", agent: false, headers: { Origin: `http://127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
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

  it("lets a normal form with its length through", async () => {
    const body = "email=a%40example.nl&password=x";
    const result = await rawPost({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) }, [body]);
    expect(result.status).toBe(200);
  });
});
