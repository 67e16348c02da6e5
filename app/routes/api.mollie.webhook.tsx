import type { ActionFunctionArgs } from "@remix-run/node";
import { MOLLIE_PAYMENT_ID } from "~/domain/payments";
import { database } from "~/server/db.server";
import { syncPayment } from "~/server/payments.server";
import { log } from "~/server/log.server";

/**
 * Mollie's webhook. Mollie posts only `id=tr_…`; nothing in the request is
 * trusted beyond that id: the payment is fetched from Mollie and applied
 * idempotently, so repeated, late and out-of-order calls change nothing twice.
 *
 * Answers: 200 when the status is applied, already known, or the id is not
 * one of ours (logged; an unknown id must not teach a caller anything);
 * 400 for a body that holds no payment id at all; 500 when Mollie itself
 * cannot be asked, because Mollie retries a webhook that did not get a 2xx
 * (about ten times over some hours), which is what we want then.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Alleen POST.", 405);
  let id: FormDataEntryValue | null = null;
  try {
    id = (await request.formData()).get("id");
  } catch {
    // Not a form body: handled as a missing id below.
  }
  if (typeof id !== "string" || !MOLLIE_PAYMENT_ID.test(id)) return text("Geen geldig betalings-id.", 400);

  try {
    await syncPayment(database().db, id, "webhook");
  } catch (error) {
    log.error(`Mollie webhook for ${id} failed; Mollie will retry:`, error);
    return text("Tijdelijk niet verwerkt.", 500);
  }
  return text("OK", 200);
}

export function loader() {
  return new Response("Deze pagina ontvangt alleen berichten van Mollie (POST).", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
