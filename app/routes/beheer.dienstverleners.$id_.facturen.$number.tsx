import type { LoaderFunctionArgs } from "@remix-run/node";
import { database } from "~/server/db.server";
import { invoiceNotFound, providerInvoicePdfResponse } from "~/server/invoices.server";
import { requireStaff } from "~/server/staff-session.server";

/** A provider's invoice as a PDF, for staff: the same document the provider downloads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const providerId = Number(params.id);
  if (!Number.isSafeInteger(providerId)) return invoiceNotFound();
  return providerInvoicePdfResponse(database().db, providerId, params.number ?? "");
}
