import type { AppLoadContext } from "@remix-run/node";
import { createProviderSession } from "~/server/session.server";

export const BASE = "http://localhost";
// The public base URL the app is given, as it puts it in the links of its e-mails.
export const BASE_URL = "https://vivium.test";
// What server.ts hands every request.
export const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };

/** What a route answered: a redirect or Response, or the data the page is rendered with, and its status. */
export type Outcome = { status: number; location: string | null; data: Record<string, unknown> | null; response: Response | null };

export async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: null, response: result };
  const value = (result ?? {}) as Record<string, unknown>;
  // Remix's data() wraps the value with its status; a plain object is a 200.
  if (value.type !== "DataWithResponseInit") return { status: 200, location: null, data: value, response: null };
  const init = value.init as ResponseInit | null;
  return { status: init?.status ?? 200, location: null, data: value.data as Record<string, unknown>, response: null };
}

/** A loader's or action's answer, or the Response it threw. */
export async function catchResponse<T>(work: Promise<T>): Promise<T | Response> {
  return work.catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });
}

/** The body of a `data()` result: what the page renders with, and its status. */
export function unwrapData(result: unknown): { status: number; body: unknown } {
  if (result instanceof Response) return { status: result.status, body: null };
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
    const { data: body, init } = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, body };
  }
  return { status: 200, body: result };
}

/** A session for the provider, as the Cookie header a browser would send. */
export async function signIn(providerId: number): Promise<string> {
  const response = await createProviderSession(new Request(`${BASE}/inloggen`, { method: "POST" }), providerId, "/backoffice");
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no session cookie");
  return setCookie.split(";")[0]!;
}

export const getRequest = (path: string, cookie?: string) => new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

export function postForm(path: string, cookie: string | undefined, entries: Array<[string, string]>): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(entries),
  });
}

/** A multipart POST, as a form with encType="multipart/form-data" sends it. */
export function postMultipart(path: string, cookie: string, entries: Array<[string, string | Blob]>): Request {
  const body = new FormData();
  for (const [name, value] of entries) body.append(name, value);
  return new Request(`${BASE}${path}`, { method: "POST", headers: { Cookie: cookie }, body });
}
