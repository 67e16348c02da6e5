/**
 * 127.0.0.0/8, `localhost` and `::1` (with or without brackets, as
 * `URL.hostname` gives it): a host name or address only this machine reaches.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (host === "localhost" || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) && host.split(".").every((part) => Number(part) <= 255);
}

/** A client address as Node reports it (`127.0.0.1`, `::1`, or IPv4 mapped into IPv6: `::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^::ffff:/, "");
  return ip !== "localhost" && isLoopbackHostname(ip);
}
