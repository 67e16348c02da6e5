import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseInvoiceNumber } from "~/domain/invoice";
import { database } from "~/server/db.server";
import { findProviderInvoice, invoiceFileName, renderInvoicePdf } from "~/server/invoices.server";
import { requireStaff } from "~/server/staff-session.server";

/** A provider's invoice as a PDF, for staff: the same document the provider downloads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const providerId = Number(params.id);
  const number = params.number ?? "";
  if (!Number.isSafeInteger(providerId) || !parseInvoiceNumber(number)) return notFound();
  const invoice = await findProviderInvoice(database().db, providerId, number);
  if (!invoice) return notFound();
  const pdf = await renderInvoicePdf(invoice);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": `attachment; filename="${invoiceFileName(invoice.number)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

function notFound(): Response {
  return new Response("Deze factuur bestaat niet.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}
