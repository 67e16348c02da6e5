import https from "node:https";
import { createMollieClient, type MollieClient } from "@mollie/api-client";
import { isLoopbackHostname } from "~/domain/loopback";
import { ConfigError, config as loadedConfig, type Config } from "./config.server";

/**
 * The one way the app talks to Mollie. With MOLLIE_API_KEY it is Mollie
 * itself (MOLLIE_API_ENDPOINT optionally overrides the address); without it,
 * the local test gateway that server.ts starts (ADR 005).
 */

/** The key the app uses with the local gateway (test mode, Mollie's shape). */
export const LOCAL_GATEWAY_API_KEY = "test_localgatewaylocalgateway00";

export type LocalGatewayEndpoint = {
  /** `https://127.0.0.1:3443/v2/` */
  apiBaseUrl: string;
  /** `http://127.0.0.1:3444` */
  checkoutBaseUrl: string;
};

export type LocalGatewaySettings = LocalGatewayEndpoint & {
  /** The gateway's self-signed certificate (PEM), trusted as the only CA for the gateway's address. */
  caCert: string;
};

export type MollieConfig = Pick<Config, "nodeEnv" | "isProduction" | "mollie">;

export class LocalGatewayRefusedError extends ConfigError {
  override name = "LocalGatewayRefusedError";
}

type GatewayState = {
  gateway?: LocalGatewaySettings;
  client?: MollieClient;
  clientKey?: string;
};

// server.ts starts the gateway; the Remix build has its own copy of this
// module, so the gateway's address lives on globalThis (like the database).
const globalKey = Symbol.for("vivium.mollieGateway");
type GlobalWithGateway = typeof globalThis & { [globalKey]?: GatewayState };

function state(): GatewayState {
  const g = globalThis as GlobalWithGateway;
  g[globalKey] ??= {};
  return g[globalKey];
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * The local gateway runs with a self-signed certificate, so it is only
 * allowed outside production and only on this machine. Throws a
 * LocalGatewayRefusedError otherwise; server.ts calls this before starting
 * the gateway, and `mollieClient()` again before using it.
 *
 * `endpoint` is the gateway's API address; without it, MOLLIE_API_ENDPOINT is
 * checked when set (without a key, an endpoint off this machine means someone
 * meant the real Mollie and forgot MOLLIE_API_KEY).
 */
export function assertLocalGatewayAllowed(config: MollieConfig, endpoint: string | null = config.mollie.endpoint): void {
  if (config.isProduction || config.nodeEnv === "production") {
    throw new LocalGatewayRefusedError(
      "The local Mollie test gateway is for development and tests only, not for NODE_ENV=production: set MOLLIE_API_KEY.",
    );
  }
  if (endpoint !== null && !isLoopbackHostname(hostnameOf(endpoint))) {
    throw new LocalGatewayRefusedError(
      `The local Mollie test gateway must run on this machine (127.0.0.1, ::1 or localhost), not at ${endpoint}: ` +
        "its self-signed certificate is only trusted there. To use Mollie itself, set MOLLIE_API_KEY.",
    );
  }
}

/** server.ts calls this after starting the gateway, so that `mollieClient()` (in any copy of this module) finds it. */
export function setLocalGateway(settings: LocalGatewaySettings): void {
  if (!isLoopbackHostname(hostnameOf(settings.apiBaseUrl))) {
    throw new LocalGatewayRefusedError(`The local Mollie test gateway must run on this machine, not at ${settings.apiBaseUrl}.`);
  }
  const current = state();
  current.gateway = { apiBaseUrl: settings.apiBaseUrl, checkoutBaseUrl: settings.checkoutBaseUrl, caCert: settings.caCert };
  delete current.client;
  delete current.clientKey;
}

export function clearLocalGateway(): void {
  const current = state();
  delete current.gateway;
  delete current.client;
  delete current.clientKey;
}

/** Where the local gateway runs, or null when it does not (a real Mollie key is configured, or it is not started yet). */
export function localGatewayEndpoint(): LocalGatewayEndpoint | null {
  const gateway = state().gateway;
  return gateway ? { apiBaseUrl: gateway.apiBaseUrl, checkoutBaseUrl: gateway.checkoutBaseUrl } : null;
}

/**
 * @mollie/api-client 4.6 sends its requests with node-fetch through an
 * `https.Agent` it builds itself with its own CA bundle (`ca: caCertificates`,
 * not overridable: createMollieClient replaces any `caCertificates` option),
 * so neither NODE_EXTRA_CA_CERTS nor an agent option can add the gateway's
 * certificate. During the (synchronous) construction of this one client,
 * `https.Agent` is swapped for a subclass that trusts exactly the gateway's
 * certificate instead; it is put back before anything else can run. Full
 * verification stays on (chain and the 127.0.0.1 name), nothing is relaxed
 * and no other connection in the process is affected.
 */
function createGatewayClient(gateway: LocalGatewaySettings): MollieClient {
  const httpsModule = https as { Agent: typeof https.Agent };
  const OriginalAgent = httpsModule.Agent;
  let agentsMade = 0;
  class GatewayAgent extends OriginalAgent {
    constructor(options?: https.AgentOptions) {
      super({ ...options, ca: gateway.caCert });
      agentsMade += 1;
    }
  }
  httpsModule.Agent = GatewayAgent;
  let client: MollieClient;
  try {
    client = createMollieClient({ apiKey: LOCAL_GATEWAY_API_KEY, apiEndpoint: gateway.apiBaseUrl });
  } finally {
    httpsModule.Agent = OriginalAgent;
  }
  if (agentsMade !== 1) {
    // A newer client builds its connection differently: fail loudly rather than fall back to no verification.
    throw new Error(
      "@mollie/api-client no longer builds its HTTPS agent with https.Agent, so the local gateway's certificate " +
        "cannot be trusted: see createGatewayClient in app/server/mollie-client.server.ts and ADR 005.",
    );
  }
  return client;
}

/** The Mollie API client for this process: Mollie itself with MOLLIE_API_KEY, else the local test gateway. */
export function mollieClient(config: MollieConfig = loadedConfig()): MollieClient {
  const current = state();
  const { apiKey, endpoint, useLocalGateway } = config.mollie;

  if (!useLocalGateway && apiKey) {
    const key = `mollie|${apiKey}|${endpoint ?? ""}`;
    if (current.client && current.clientKey === key) return current.client;
    current.client = createMollieClient({ apiKey, ...(endpoint ? { apiEndpoint: endpoint } : {}) });
    current.clientKey = key;
    return current.client;
  }

  const gateway = current.gateway;
  if (!gateway) {
    throw new Error("The local Mollie test gateway is not running: server.ts starts it when MOLLIE_API_KEY is not set.");
  }
  assertLocalGatewayAllowed(config, gateway.apiBaseUrl);
  const key = `local|${gateway.apiBaseUrl}`;
  if (current.client && current.clientKey === key) return current.client;
  current.client = createGatewayClient(gateway);
  current.clientKey = key;
  return current.client;
}
