import type { AppLoadContext } from "@remix-run/node";
import { mayViewOutbox } from "~/domain/mail-viewer";
import { config } from "./config.server";

/** Throws the 404 every /dev/mail page answers where the outbox viewer is closed (app/domain/mail-viewer.ts). */
export function requireOutboxViewer(request: Request, context: AppLoadContext): void {
  const { isProduction, mail } = config();
  const open = mayViewOutbox({ isProduction, smtpUrl: mail.smtpUrl, clientIp: context.clientIp, forwardedFor: request.headers.get("x-forwarded-for") });
  if (!open) throw new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
