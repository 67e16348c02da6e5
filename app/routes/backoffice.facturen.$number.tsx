import type { LoaderFunctionArgs } from "@remix-run/node";
import { database } from "~/server/db.server";
import { providerInvoicePdfResponse } from "~/server/invoices.server";
import { requireProvider } from "~/server/session.server";

/**
 * An invoice as a PDF download, only for the provider it was issued to.
 * A number that is not ours, not theirs or not well-formed all get the same
 * 404, so trying numbers reveals nothing about other providers' invoices.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  return providerInvoicePdfResponse(database().db, providerId, params.number ?? "");
}
