import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import {
  UNAUTHORIZED_DETAIL,
  cancelPayment,
  canonicalJson,
  isPaymentId,
  isTestApiKey,
  mollieProblem,
  newPayment,
  newPaymentId,
  parseCheckoutOutcome,
  paymentResource,
  returnUrlFor,
  settlePayment,
  validateCreatePayment,
  type GatewayPayment,
  type GatewayUrls,
  type MollieProblem,
} from "~/domain/mollie-gateway";
import { loadOrCreateGatewayCertificate } from "./certificate.server";
import { checkoutPage, finishedPage, notFoundPage } from "./checkout-page.server";
import { PaymentStore } from "./store.server";
import { isLoopbackHostname } from "~/domain/loopback";

export type LocalMollieGatewayOptions = {
  /** The app's DATA_DIR; the gateway keeps its certificate and payments in DATA_DIR/mollie-gateway/. */
  dataDir: string;
  /** Port of the HTTPS API; 0 picks a free one. */
  apiPort: number;
  /** Port of the plain-HTTP checkout pages; 0 picks a free one. */
  checkoutPort: number;
  /** Must be a loopback address: the certificate only covers 127.0.0.1, ::1 and localhost. */
  host?: string;
  /** Where the gateway reports (webhook failures, a new certificate). Default: console.log with a prefix. */
  log?: (message: string) => void;
  /** The clock, for tests. */
  now?: () => Date;
  /** How long the checkout waits for the webhook to answer. Default 10 seconds. */
  webhookTimeoutMs?: number;
};

export type LocalMollieGateway = GatewayUrls & {
  /** The gateway's self-signed certificate (PEM): the one CA the app's Mollie client needs to trust. */
  caCert: string;
  certificateFile: string;
  close: () => Promise<void>;
};

const MAX_API_BODY_BYTES = 64 * 1024;
const MAX_FORM_BODY_BYTES = 1024;

class BodyTooLargeError extends Error {}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

function listen(server: http.Server, port: number, host: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Mollie test gateway: port ${port} on ${host} is in use; set ${variable} to another port (0 = any free port).`)
          : error,
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the local Mollie-compatible test gateway: an HTTPS server with the
 * part of Mollie's v2 API that Vivium uses (`POST /v2/payments`,
 * `GET /v2/payments/:id`, `DELETE /v2/payments/:id`, Mollie's error bodies) and a plain-HTTP checkout
 * page where the tester picks paid, failed, canceled or expired, as in
 * Mollie's test mode. For development, demos and tests only; see ADR 005.
 */
export async function startLocalMollieGateway(options: LocalMollieGatewayOptions): Promise<LocalMollieGateway> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHostname(host)) {
    throw new Error(`The Mollie test gateway only listens on this machine (127.0.0.1, ::1 or localhost), not on ${host}.`);
  }
  const log = options.log ?? ((message: string) => console.log(`[mollie-gateway] ${message}`));
  const now = options.now ?? (() => new Date());
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
  const dir = path.join(options.dataDir, "mollie-gateway");

  const certificate = await loadOrCreateGatewayCertificate(dir, now());
  if (certificate.created) log(`made a new self-signed certificate in ${certificate.certFile}`);
  const store = PaymentStore.open(path.join(dir, "payments.json"), log);
  const urls: GatewayUrls = { apiBaseUrl: "", checkoutBaseUrl: "" };
  const webhookCalls = new Set<Promise<void>>();

  // ------------------------------------------------------------ API

  function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "Content-Type": "application/hal+json; charset=utf-8", "Cache-Control": "no-store" });
    res.end(JSON.stringify(body));
  }

  function sendProblem(res: http.ServerResponse, problem: MollieProblem): void {
    sendJson(res, problem.status, problem);
  }

  function notFound(id: string): MollieProblem {
    return mollieProblem(404, `No payment exists with token ${id}.`);
  }

  async function createPayment(req: http.IncomingMessage, res: http.ServerResponse, apiKey: string): Promise<void> {
    let body: unknown;
    try {
      const text = await readBody(req, MAX_API_BODY_BYTES);
      body = text.trim() === "" ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendProblem(res, mollieProblem(413, "The request body is too large"));
      return sendProblem(res, mollieProblem(400, "The request body is not valid JSON"));
    }

    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" && key !== "" ? key : null;
    const request = canonicalJson(body);
    if (idempotencyKey) {
      const earlier = store.findIdempotent(apiKey, idempotencyKey, now());
      if (earlier) {
        if (earlier.request !== request) {
          return sendProblem(res, mollieProblem(422, "The Idempotency-Key was already used for a different request"));
        }
        const payment = store.get(earlier.paymentId);
        if (payment) return sendJson(res, 201, paymentResource(payment, urls));
      }
    }

    const result = validateCreatePayment(body);
    if (!result.ok) return sendProblem(res, result.problem);
    let id = newPaymentId(randomBytes);
    while (store.get(id)) id = newPaymentId(randomBytes);
    const createdAt = now();
    const payment = newPayment(id, apiKey, result.value, createdAt);
    store.put(
      payment,
      idempotencyKey ? { apiKey, key: idempotencyKey, request, paymentId: id, createdAt: createdAt.toISOString() } : undefined,
    );
    sendJson(res, 201, paymentResource(payment, urls));
  }

  /**
   * `DELETE /v2/payments/:id`, as at Mollie: an open payment becomes
   * `canceled` and comes back with 200; any other is refused with 422. A
   * retry with the same Idempotency-Key (the client retries after a 5xx)
   * gets the canceled payment again. The webhook is called as for any other
   * status change, after the answer.
   */
  function cancel(req: http.IncomingMessage, res: http.ServerResponse, apiKey: string, payment: GatewayPayment): void {
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" && key !== "" ? key : null;
    const request = canonicalJson({ cancel: payment.id });
    if (idempotencyKey) {
      const earlier = store.findIdempotent(apiKey, idempotencyKey, now());
      if (earlier) {
        if (earlier.request !== request) {
          return sendProblem(res, mollieProblem(422, "The Idempotency-Key was already used for a different request"));
        }
        return sendJson(res, 200, paymentResource(payment, urls));
      }
    }
    const result = cancelPayment(payment, now());
    if (!result.ok) return sendProblem(res, mollieProblem(422, `The payment cannot be canceled (its status is ${payment.status})`));
    store.put(
      result.payment,
      idempotencyKey ? { apiKey, key: idempotencyKey, request, paymentId: payment.id, createdAt: now().toISOString() } : undefined,
    );
    sendJson(res, 200, paymentResource(result.payment, urls));
    const call = callWebhook(result.payment);
    webhookCalls.add(call);
    void call.finally(() => webhookCalls.delete(call));
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? "/", "https://gateway.invalid");
    const authorization = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    const apiKey = authorization?.[1];
    if (!apiKey || !isTestApiKey(apiKey)) return sendProblem(res, mollieProblem(401, UNAUTHORIZED_DETAIL));

    if (pathname === "/v2/payments") {
      if (req.method === "POST") return createPayment(req, res, apiKey);
      res.setHeader("Allow", "POST");
      return sendProblem(res, mollieProblem(405, `The method ${req.method} is not available on this test gateway's /v2/payments`));
    }
    const match = /^\/v2\/payments\/([^/]+)$/.exec(pathname);
    if (match) {
      if (req.method !== "GET" && req.method !== "DELETE") {
        res.setHeader("Allow", "GET, DELETE");
        return sendProblem(res, mollieProblem(405, `The method ${req.method} is not available on this test gateway's payments`));
      }
      // The client sends a body with DELETE; it holds nothing the gateway needs, but it is read so the connection stays usable.
      if (req.method === "DELETE") await readBody(req, MAX_API_BODY_BYTES).catch(() => "");
      const id = decodeSegment(match[1]!);
      const payment = isPaymentId(id) ? store.get(id) : undefined;
      // A payment made with another key belongs to another profile: Mollie says it does not exist.
      if (!payment || payment.apiKey !== apiKey) return sendProblem(res, notFound(id));
      if (req.method === "DELETE") return cancel(req, res, apiKey, payment);
      return sendJson(res, 200, paymentResource(payment, urls));
    }
    sendProblem(res, mollieProblem(404, "The test gateway only knows POST /v2/payments and GET and DELETE /v2/payments/:id"));
  }

  // ------------------------------------------------------------ checkout

  function sendHtml(res: http.ServerResponse, status: number, render: (nonce: string) => string): void {
    const nonce = randomBytes(16).toString("base64");
    res.writeHead(status, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    res.end(render(nonce));
  }

  /** Tells the app, as Mollie does: a form POST with only the id. Failures are logged, never shown to the tester. */
  async function callWebhook(payment: GatewayPayment): Promise<void> {
    if (!payment.webhookUrl) return;
    try {
      const response = await fetch(payment.webhookUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "Mollie HTTP (local test gateway)" },
        body: new URLSearchParams({ id: payment.id }).toString(),
        redirect: "manual",
        signal: AbortSignal.timeout(webhookTimeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) log(`webhook ${payment.webhookUrl} for ${payment.id} answered ${response.status}`);
    } catch (error) {
      log(`webhook ${payment.webhookUrl} for ${payment.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function settle(req: http.IncomingMessage, res: http.ServerResponse, payment: GatewayPayment): Promise<void> {
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(await readBody(req, MAX_FORM_BODY_BYTES));
    } catch {
      return sendHtml(res, 413, (nonce) => checkoutPage(payment, nonce, "Het formulier is te groot."));
    }
    const outcome = form.getAll("status").length === 1 ? parseCheckoutOutcome(form.get("status")) : null;
    if (!outcome) {
      return sendHtml(res, 400, (nonce) => checkoutPage(payment, nonce, "Kies een van de vier knoppen: Betaald, Mislukt, Geannuleerd of Verlopen."));
    }
    // Read again after the body: another request may have settled it meanwhile.
    const current = store.get(payment.id) ?? payment;
    const result = settlePayment(current, outcome, now());
    if (!result.ok) return sendHtml(res, 409, (nonce) => finishedPage(current, nonce));
    store.put(result.payment);

    const call = callWebhook(result.payment);
    webhookCalls.add(call);
    await call.finally(() => webhookCalls.delete(call));
    res.writeHead(303, { Location: returnUrlFor(result.payment), "Cache-Control": "no-store" });
    res.end();
  }

  async function handleCheckout(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? "/", "http://gateway.invalid");
    const match = /^\/checkout\/([^/]+)$/.exec(pathname);
    const id = match ? decodeSegment(match[1]!) : null;
    const payment = id && isPaymentId(id) ? store.get(id) : undefined;
    if (!payment) return sendHtml(res, 404, notFoundPage);

    if (req.method === "GET" || req.method === "HEAD") {
      return sendHtml(res, 200, (nonce) => (payment.status === "open" ? checkoutPage(payment, nonce) : finishedPage(payment, nonce)));
    }
    if (req.method === "POST") return settle(req, res, payment);
    res.setHeader("Allow", "GET, POST");
    res.writeHead(405).end();
  }

  function guard(handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>, api: boolean) {
    return (req: http.IncomingMessage, res: http.ServerResponse) => {
      handler(req, res).catch((error: unknown) => {
        log(`${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) return res.destroy();
        if (api) sendProblem(res, mollieProblem(500, "The test gateway failed; see its log"));
        else res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("De testgateway liep vast; zie de log.");
      });
    };
  }

  const apiServer = https.createServer({ key: certificate.key, cert: certificate.cert }, guard(handleApi, true));
  const checkoutServer = http.createServer(guard(handleCheckout, false));
  try {
    const apiPort = await listen(apiServer, options.apiPort, host, "MOLLIE_GATEWAY_PORT");
    const checkoutPort = await listen(checkoutServer, options.checkoutPort, host, "MOLLIE_CHECKOUT_PORT");
    urls.apiBaseUrl = `https://${urlHost(host)}:${apiPort}/v2/`;
    urls.checkoutBaseUrl = `http://${urlHost(host)}:${checkoutPort}`;
  } catch (error) {
    await Promise.all([closeServer(apiServer), closeServer(checkoutServer)]);
    throw error;
  }

  return {
    apiBaseUrl: urls.apiBaseUrl,
    checkoutBaseUrl: urls.checkoutBaseUrl,
    caCert: certificate.cert,
    certificateFile: certificate.certFile,
    close: async () => {
      await Promise.allSettled([...webhookCalls]);
      await Promise.all([closeServer(apiServer), closeServer(checkoutServer)]);
    },
  };
}
