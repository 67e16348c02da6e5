import type { LoaderFunctionArgs } from "@remix-run/node";
import { moveInlineStyles } from "~/domain/mail/mailbox";
import { database } from "~/server/db.server";
import { requireOutboxViewer } from "~/server/mail-viewer.server";
import { findOutboxMessage } from "~/server/outbox.server";

/**
 * Development only: the inline styles of one e-mail as a stylesheet, for its
 * preview on /dev/mail/:id (which explains why). Where the viewer is closed, 404.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  requireOutboxViewer(request, context);
  if (!/^[1-9]\d{0,15}$/.test(params.id ?? "")) return notFound();
  const id = Number(params.id);
  const row = await findOutboxMessage(database().db, id);
  if (!row) return notFound();
  return new Response(moveInlineStyles(row.html_body, `/dev/mail/${id}/styles.css`).css, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

function notFound(): Response {
  return new Response("Niet gevonden", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
