/**
 * The cross-site request forgery rule. SameSite=Lax cookies already keep the
 * session off cross-site POSTs; this second, independent check refuses any
 * state-changing request that a browser marks as coming from another site.
 *
 * Browsers send Origin on every cross-origin POST (and Referer unless told
 * not to). A request with neither comes from a non-browser client (Mollie's
 * webhook, curl), which carries no victim's cookies and so is no forgery.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  /** The Origin header, if any ("null" counts as present and foreign). */
  origin: string | undefined;
  referer: string | undefined;
  /** The origin of BASE_URL, e.g. https://www.viviumservices.nl. */
  baseOrigin: string;
  /** The origin the request was addressed to (protocol and Host header), e.g. http://localhost:3000 in development. */
  requestOrigin: string;
};

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function isSameOriginRequest({ method, origin, referer, baseOrigin, requestOrigin }: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const allowed = new Set([originOf(baseOrigin), originOf(requestOrigin)].filter((o): o is string => o !== null));
  if (origin !== undefined && origin !== "") return allowed.has(originOf(origin) ?? "");
  if (referer !== undefined && referer !== "") return allowed.has(originOf(referer) ?? "");
  return true;
}
