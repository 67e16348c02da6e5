import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AppLoadContext } from "@remix-run/node";
import * as webhook from "~/routes/api.mollie.webhook";

/** Our side of the Mollie webhook over real HTTP on loopback, so the gateway's checkout delivers it before it redirects, as Mollie would. */
export type WebhookApp = {
  /** http://127.0.0.1:<port>, the app's BASE_URL in the test. */
  base: string;
  /** While true, the webhook answers 503 without looking, as if the app were down when Mollie called. */
  down: boolean;
  /** Webhook calls received, answered or not. */
  calls: number;
  close(): Promise<void>;
};

export async function startWebhookApp(context: AppLoadContext): Promise<WebhookApp> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        if (req.url !== "/api/mollie/webhook") return res.writeHead(404).end();
        app.calls += 1;
        if (app.down) return res.writeHead(503).end();
        const request = new Request(`${app.base}${req.url}`, {
          method: req.method,
          headers: { "Content-Type": String(req.headers["content-type"] ?? "") },
          body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
        });
        const response = await webhook.action({ request, params: {}, context });
        res.writeHead(response.status).end(await response.text());
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const app: WebhookApp = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    down: false,
    calls: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return app;
}
