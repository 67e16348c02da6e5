import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseInvoiceNumber } from "~/domain/invoice";
import { database } from "~/server/db.server";
import { findProviderInvoice, invoiceFileName, renderInvoicePdf } from "~/server/invoices.server";
import { requireProvider } from "~/server/session.server";

/**
 * An invoice as a PDF download, only for the provider it was issued to.
 * A number that is not ours, not theirs or not well-formed all get the same
 * 404, so trying numbers reveals nothing about other providers' invoices.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const number = params.number ?? "";
  if (!parseInvoiceNumber(number)) return notFound();
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
