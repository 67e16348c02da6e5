import { isLoopbackAddress } from "./loopback";

/**
 * The outbox viewer (/dev/mail) shows every e-mail with working links in
 * it, password resets included. It exists to read the mail a development or
 * test server writes to files instead of sending; it opens only when mail
 * really goes to files, outside production, to a browser on this machine that
 * did not come through a proxy (a proxied request would look local).
 */
export function mayViewOutbox(request: {
  isProduction: boolean;
  smtpUrl: string | null;
  clientIp: string;
  forwardedFor: string | null;
}): boolean {
  if (request.isProduction || request.smtpUrl !== null) return false;
  if (request.forwardedFor !== null) return false;
  return isLoopbackAddress(request.clientIp);
}
