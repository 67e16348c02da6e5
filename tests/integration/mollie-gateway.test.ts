import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createMollieClient, MollieApiError, type MollieClient, type PaymentCreateParams } from "@mollie/api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "~/server/config.server";
import {
  LOCAL_GATEWAY_API_KEY,
  LocalGatewayRefusedError,
  assertLocalGatewayAllowed,
  clearLocalGateway,
  localGatewayEndpoint,
  mollieClient,
  setLocalGateway,
} from "~/server/mollie-client.server";
import { startLocalMollieGateway, type LocalMollieGateway } from "~/server/mollie-gateway/gateway.server";

/**
 * The local Mollie test gateway, driven by the real @mollie/api-client over
 * HTTPS (trusting only the gateway's own certificate), and its checkout page
 * driven like a browser without JavaScript would.
 */

type WebhookCall = { body: string; contentType: string | undefined };

let dataDir: string;
let config: Config;
let gateway: LocalMollieGateway;
let client: MollieClient;
const logged: string[] = [];

let webhookServer: http.Server;
let webhookBase: string;
const webhookCalls: WebhookCall[] = [];
let webhookStatus = 200;

const returnUrl = "http://127.0.0.1:3000/betaling/terug";

async function startGateway(): Promise<LocalMollieGateway> {
  return startLocalMollieGateway({ dataDir, apiPort: 0, checkoutPort: 0, log: (message) => logged.push(message) });
}

function params(overrides: Record<string, unknown> = {}): PaymentCreateParams {
  return {
    amount: { currency: "EUR", value: "10.00" },
    description: "Promotiepakket Brons <test>",
    redirectUrl: returnUrl,
    webhookUrl: `${webhookBase}/webhooks/mollie`,
    metadata: { orderId: 42 },
    ...overrides,
  } as PaymentCreateParams;
}

async function apiError(promise: Promise<unknown>): Promise<MollieApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MollieApiError);
    return error as MollieApiError;
  }
  throw new Error("expected an ApiError");
}

/** A raw request to the gateway's API, trusting its certificate, for what the client hides (headers, 401). */
function rawApi(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = https.request(new URL(pathname, gateway.apiBaseUrl), { method, headers, ca: gateway.caCert }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          json: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>,
        });
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}

function choose(id: string, status: string): Promise<Response> {
  return fetch(`${gateway.checkoutBaseUrl}/checkout/${id}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ status }).toString(),
    redirect: "manual",
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-gateway-"));
  config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: "test" });

  webhookServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      webhookCalls.push({ body: Buffer.concat(chunks).toString("utf8"), contentType: req.headers["content-type"] });
      res.writeHead(webhookStatus).end();
    });
  });
  await new Promise<void>((resolve) => webhookServer.listen(0, "127.0.0.1", resolve));
  webhookBase = `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}`;

  gateway = await startGateway();
  setLocalGateway(gateway);
  client = mollieClient(config);
});

afterAll(async () => {
  clearLocalGateway();
  await gateway.close();
  await new Promise((resolve) => webhookServer.close(resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the gateway's API through @mollie/api-client", () => {
  it("listens on loopback with HTTPS for the API and HTTP for the checkout", () => {
    expect(gateway.apiBaseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v2\/$/);
    expect(gateway.checkoutBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(localGatewayEndpoint()).toEqual({ apiBaseUrl: gateway.apiBaseUrl, checkoutBaseUrl: gateway.checkoutBaseUrl });
  });

  it("creates an open test payment with a checkout link", async () => {
    const payment = await client.payments.create(params({ method: "ideal" }));
    expect(payment.id).toMatch(/^tr_[A-Za-z0-9]{10}$/);
    expect(payment).toMatchObject({
      resource: "payment",
      mode: "test",
      status: "open",
      amount: { currency: "EUR", value: "10.00" },
      description: "Promotiepakket Brons <test>",
      metadata: { orderId: 42 },
      method: "ideal",
      redirectUrl: returnUrl,
      webhookUrl: `${webhookBase}/webhooks/mollie`,
    });
    expect(Date.parse(payment.createdAt)).not.toBeNaN();
    expect(Date.parse(payment.expiresAt!)).toBeGreaterThan(Date.parse(payment.createdAt));
    expect(payment.getCheckoutUrl()).toBe(`${gateway.checkoutBaseUrl}/checkout/${payment.id}`);
    expect(payment._links.self.href).toBe(`${gateway.apiBaseUrl}payments/${payment.id}`);
  });

  it("gets a payment back by id", async () => {
    const created = await client.payments.create(params());
    const fetched = await client.payments.get(created.id);
    expect(fetched.id).toBe(created.id);
    expect(fetched.status).toBe("open");
    expect(fetched.metadata).toEqual({ orderId: 42 });
    expect(fetched.getCheckoutUrl()).toBe(created.getCheckoutUrl());
  });

  it("answers in application/hal+json", async () => {
    const response = await rawApi("POST", "payments", {
      Authorization: `Bearer ${LOCAL_GATEWAY_API_KEY}`,
      "Content-Type": "application/json",
    }, JSON.stringify(params()));
    expect(response.status).toBe(201);
    expect(response.headers["content-type"]).toBe("application/hal+json; charset=utf-8");
  });

  it("returns the same payment for the same Idempotency-Key and body, and refuses the key for another body", async () => {
    const first = await client.payments.create({ ...params(), idempotencyKey: "vivium-order-42" });
    const again = await client.payments.create({ ...params(), idempotencyKey: "vivium-order-42" });
    expect(again.id).toBe(first.id);

    const other = await apiError(client.payments.create({ ...params({ description: "Iets anders" }), idempotencyKey: "vivium-order-42" }));
    expect(other.statusCode).toBe(422);
    expect(other.message).toBe("The Idempotency-Key was already used for a different request");

    // The client adds its own random key to every POST: two calls are two payments.
    const a = await client.payments.create(params());
    const b = await client.payments.create(params());
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    [{ amount: undefined }, "amount", "The amount is required for payments"],
    [{ amount: { currency: "EUR", value: "10" } }, "amount.value", "The amount contains an invalid value"],
    [{ amount: { currency: "EUR", value: "0.00" } }, "amount", "The amount is lower than minimum"],
    [{ description: undefined }, "description", "The description is required for payments"],
    [{ redirectUrl: undefined }, "redirectUrl", "The redirect URL is required for payments"],
    [{ redirectUrl: "niet-een-url" }, "redirectUrl", "The redirect URL is invalid"],
  ])("refuses %o with Mollie's error for %s", async (overrides, field, detail) => {
    const error = await apiError(client.payments.create(params(overrides)));
    expect(error.statusCode).toBe(422);
    // `title` is protected in the client's types, but set from Mollie's body.
    expect(Reflect.get(error, "title")).toBe("Unprocessable Entity");
    expect(error.message).toBe(detail);
    expect(error.field).toBe(field);
    expect(error.getDocumentationUrl()).toBe("https://docs.mollie.com/overview/handling-errors");
  });

  it("says which payment does not exist", async () => {
    const error = await apiError(client.payments.get("tr_doesnotexi"));
    expect(error.statusCode).toBe(404);
    expect(Reflect.get(error, "title")).toBe("Not Found");
    expect(error.message).toBe("No payment exists with token tr_doesnotexi.");
  });

  it("refuses a missing, malformed or live API key with 401", async () => {
    for (const authorization of [undefined, "Bearer nonsense", "Bearer live_localgatewaylocalgateway00", "Basic abc"]) {
      const response = await rawApi("GET", "payments/tr_doesnotexi", authorization ? { Authorization: authorization } : {});
      expect(response.status).toBe(401);
      expect(response.headers["content-type"]).toBe("application/hal+json; charset=utf-8");
      expect(response.json).toEqual({
        status: 401,
        title: "Unauthorized Request",
        detail: "Missing authentication, or failed to authenticate",
        _links: { documentation: { href: "https://docs.mollie.com/overview/handling-errors", type: "text/html" } },
      });
    }
  });

  it("does not show a payment to another API key", async () => {
    const payment = await client.payments.create(params());
    const response = await rawApi("GET", `payments/${payment.id}`, { Authorization: "Bearer test_someoneelsesomeoneelse000" });
    expect(response.status).toBe(404);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await rawApi("POST", "payments", { Authorization: `Bearer ${LOCAL_GATEWAY_API_KEY}` }, "{nope");
    expect(response.status).toBe(400);
    expect(response.json.detail).toBe("The request body is not valid JSON");
  });
});

describe("the checkout page", () => {
  it("shows the amount, the description and four buttons, in Dutch and without scripts", async () => {
    const payment = await client.payments.create(params({ amount: { currency: "EUR", value: "1250.50" } }));
    const response = await fetch(payment.getCheckoutUrl()!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("<h1>Testbetaling</h1>");
    expect(html).toContain("TESTMODUS");
    expect(html).toContain("€ 1.250,50");
    expect(html).toContain("Promotiepakket Brons &lt;test&gt;");
    expect(html).not.toContain("<test>");
    expect(html).not.toContain("<script");
    expect(html).toContain(`<form method="post" action="/checkout/${payment.id}">`);
    for (const [value, label] of [["paid", "Betaald"], ["failed", "Mislukt"], ["canceled", "Geannuleerd"], ["expired", "Verlopen"]]) {
      expect(html).toContain(`<button type="submit" name="status" value="${value}" class="${value}">${label}</button>`);
    }
  });

  it.each([
    ["paid", "paidAt"],
    ["failed", "failedAt"],
    ["canceled", "canceledAt"],
    ["expired", "expiredAt"],
  ] as const)("sets %s, calls the webhook with the id and sends the browser back with 303", async (status, timestamp) => {
    const payment = await client.payments.create(params());
    webhookCalls.length = 0;

    const response = await choose(payment.id, status);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(returnUrl);
    // The webhook was answered before the browser was sent back.
    expect(webhookCalls).toEqual([{ body: `id=${payment.id}`, contentType: "application/x-www-form-urlencoded" }]);

    const settled = await client.payments.get(payment.id);
    expect(settled.status).toBe(status);
    expect(Date.parse(settled[timestamp]!)).not.toBeNaN();
    expect(settled.getCheckoutUrl()).toBeNull();
    for (const other of ["paidAt", "failedAt", "canceledAt", "expiredAt"] as const) {
      if (other !== timestamp) expect(settled[other]).toBeUndefined();
    }

    const page = await fetch(`${gateway.checkoutBaseUrl}/checkout/${payment.id}`);
    const html = await page.text();
    expect(html).toContain("Deze betaling is al afgerond");
    expect(html).toContain(`<a href="${returnUrl}">Terug naar de website</a>`);

    const twice = await choose(payment.id, "paid");
    expect(twice.status).toBe(409);
    expect((await client.payments.get(payment.id)).status).toBe(status);
  });

  it("sends a canceled payment to its cancelUrl", async () => {
    const payment = await client.payments.create(params({ cancelUrl: "http://127.0.0.1:3000/betaling/geannuleerd" }));
    const response = await choose(payment.id, "canceled");
    expect(response.headers.get("location")).toBe("http://127.0.0.1:3000/betaling/geannuleerd");
  });

  it("refuses any other choice and leaves the payment open", async () => {
    const payment = await client.payments.create(params());
    for (const status of ["open", "PAID", "authorized", ""]) {
      const response = await choose(payment.id, status);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('role="alert"');
    }
    const both = await fetch(`${gateway.checkoutBaseUrl}/checkout/${payment.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "status=paid&status=failed",
      redirect: "manual",
    });
    expect(both.status).toBe(400);
    expect((await client.payments.get(payment.id)).status).toBe("open");
  });

  it("still sends the browser back when the webhook fails, and logs it", async () => {
    webhookStatus = 500;
    try {
      const payment = await client.payments.create(params());
      const response = await choose(payment.id, "paid");
      expect(response.status).toBe(303);
      expect(logged.some((line) => line.includes(payment.id) && line.includes("answered 500"))).toBe(true);
    } finally {
      webhookStatus = 200;
    }

    const unreachable = await client.payments.create(params({ webhookUrl: "http://127.0.0.1:9/webhook" }));
    const response = await choose(unreachable.id, "paid");
    expect(response.status).toBe(303);
    expect(logged.some((line) => line.includes(unreachable.id) && line.includes("failed"))).toBe(true);
  });

  it("works without a webhook", async () => {
    webhookCalls.length = 0;
    const payment = await client.payments.create(params({ webhookUrl: undefined }));
    expect((await choose(payment.id, "paid")).status).toBe(303);
    expect(webhookCalls).toEqual([]);
  });

  it("answers 404 for an unknown payment", async () => {
    for (const id of ["tr_doesnotexi", "nonsense", "%E0%A4%A"]) {
      const response = await fetch(`${gateway.checkoutBaseUrl}/checkout/${id}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("Deze betaling bestaat niet");
    }
  });
});

describe("a restart", () => {
  it("reuses the certificate and keeps the payments", async () => {
    const certFile = path.join(dataDir, "mollie-gateway", "cert.pem");
    const keyFile = path.join(dataDir, "mollie-gateway", "key.pem");
    const paymentsFile = path.join(dataDir, "mollie-gateway", "payments.json");
    for (const file of [certFile, keyFile, paymentsFile]) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const certBefore = fs.readFileSync(certFile, "utf8");

    const open = await client.payments.create(params());
    const paid = await client.payments.create({ ...params(), idempotencyKey: "before-restart" });
    await choose(paid.id, "paid");

    await gateway.close();
    logged.length = 0;
    gateway = await startGateway();
    setLocalGateway(gateway);
    client = mollieClient(config);

    expect(gateway.caCert).toBe(certBefore);
    expect(fs.readFileSync(certFile, "utf8")).toBe(certBefore);
    expect(logged.some((line) => line.includes("new self-signed certificate"))).toBe(false);

    expect((await client.payments.get(open.id)).status).toBe("open");
    const stillPaid = await client.payments.get(paid.id);
    expect(stillPaid.status).toBe("paid");
    expect(stillPaid.paidAt).toBeDefined();
    const replay = await client.payments.create({ ...params(), idempotencyKey: "before-restart" });
    expect(replay.id).toBe(paid.id);
    // The checkout link now points at the new port.
    expect((await client.payments.get(open.id)).getCheckoutUrl()).toBe(`${gateway.checkoutBaseUrl}/checkout/${open.id}`);
  });
});

describe("TLS", () => {
  it("is verified: a client with only Mollie's CA list refuses the gateway", async () => {
    const untrusting = createMollieClient({ apiKey: LOCAL_GATEWAY_API_KEY, apiEndpoint: gateway.apiBaseUrl });
    const error = await apiError(untrusting.payments.get("tr_doesnotexi"));
    expect(error.message).toMatch(/self[- ]signed certificate/);
  });

  it("leaves https.Agent as it was after making the gateway client", () => {
    const before = https.Agent;
    setLocalGateway(gateway);
    mollieClient(config);
    expect(https.Agent).toBe(before);
    expect(new https.Agent().options.ca).toBeUndefined();
  });
});

describe("refusing the local gateway where it does not belong", () => {
  it("refuses in production", () => {
    const production = { ...config, nodeEnv: "production", isProduction: true } as const;
    expect(() => assertLocalGatewayAllowed(production)).toThrow(LocalGatewayRefusedError);
    expect(() => assertLocalGatewayAllowed(production)).toThrow(/NODE_ENV=production/);
    expect(() => mollieClient(production)).toThrow(LocalGatewayRefusedError);
  });

  it("refuses an endpoint off this machine", () => {
    const remote = loadConfig({ DATA_DIR: dataDir, NODE_ENV: "test", MOLLIE_API_ENDPOINT: "https://api.mollie.com/v2/" });
    expect(() => assertLocalGatewayAllowed(remote)).toThrow(LocalGatewayRefusedError);
    expect(() => assertLocalGatewayAllowed(remote)).toThrow(/must run on this machine/);
    expect(() => assertLocalGatewayAllowed(config, "https://10.0.0.5:3443/v2/")).toThrow(LocalGatewayRefusedError);
    expect(() => setLocalGateway({ ...gateway, apiBaseUrl: "https://gateway.example.nl/v2/" })).toThrow(LocalGatewayRefusedError);
  });

  it("allows loopback outside production", () => {
    for (const endpoint of ["https://127.0.0.1:3443/v2/", "https://localhost:3443/v2/", "https://[::1]:3443/v2/", null]) {
      expect(() => assertLocalGatewayAllowed(config, endpoint)).not.toThrow();
    }
  });

  it("will not listen off loopback", async () => {
    await expect(startLocalMollieGateway({ dataDir, apiPort: 0, checkoutPort: 0, host: "0.0.0.0" })).rejects.toThrow(
      /only listens on this machine/,
    );
  });

  it("uses Mollie itself, not the gateway, when a key is configured", () => {
    const live = loadConfig({ DATA_DIR: dataDir, NODE_ENV: "test", MOLLIE_API_KEY: "test_abcdefghijklmnopqrstuvwxyz1234" });
    expect(live.mollie.useLocalGateway).toBe(false);
    expect(() => assertLocalGatewayAllowed(live, null)).not.toThrow();
    expect(mollieClient(live)).not.toBe(mollieClient(config));
  });

  it("stops server.ts before it starts anything", { timeout: 60_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-refuse-"));
    try {
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? os.tmpdir(),
        NODE_ENV: "development",
        DATA_DIR: dir,
        PORT: "0",
        MOLLIE_API_ENDPOINT: "https://api.mollie.com/v2/",
      };
      const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], { env, encoding: "utf8", timeout: 50_000 });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("must run on this machine");
      expect(fs.existsSync(path.join(dir, "vivium.sqlite"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
