/**
 * Invoices: one per paid payment, numbered `2026-0001` without gaps per
 * calendar year, with the seller, buyer and lines frozen at issue, and
 * rendered as an A4 PDF on request.
 *
 * Gap-free numbering rests on three things. The year's counter in
 * invoice_sequences is raised by one UPSERT … RETURNING in the same
 * transaction that inserts the invoice (and, when called from the payment
 * sync, records the payment as paid), so a number is never taken without its
 * invoice being stored: a rollback returns it. SQLite lets one writer at a
 * time change the file, and a transaction that read an older state cannot
 * write at all (SQLITE_BUSY_SNAPSHOT), so two transactions can never take the
 * same number; `UNIQUE (year, sequence)` and `UNIQUE (payment_id)` would stop
 * them if they did. When this module runs its own transaction it retries one
 * that lost that race.
 */
import { sql } from "kysely";
import type { ProvidersTable } from "#db/schema";
import { CONTACT } from "~/domain/contact";
import { amsterdamCalendarDate, formatDutchDate } from "~/domain/age";
import {
  buildInvoiceLines,
  chargedLines,
  formatInvoiceNumber,
  invoiceAddsUp,
  invoiceSummaryRows,
  INVOICE_VAT_RATE,
  parseInvoiceNumber,
  type InvoiceLine,
  type InvoiceParty,
  type InvoiceSummaryRow,
  type InvoiceTotals,
} from "~/domain/invoice";
import { formatEuro } from "~/domain/money";
import { ADMINISTRATION_FEE_CREDIT_DESCRIPTION, amsterdamIsoDate } from "~/domain/packages";
import { retryWhenBusy, type Db } from "./db.server";
import { displayName } from "./providers.server";

/**
 * Vivium Services as seller on every invoice.
 * PLACEHOLDERS: the street address, KvK number and btw-nummer below are
 * invented; replace them with Vivium's registered details before go-live.
 * Invoices already issued keep the details they were issued with.
 */
export const SELLER: InvoiceParty = {
  name: "Vivium Services",
  attention: null,
  addressLines: ["Oudegracht 100", "3511 AX Utrecht"],
  kvkNumber: "87654321",
  vatNumber: "NL870000000B01",
  email: CONTACT.email,
  phone: CONTACT.phone,
};

export type Invoice = {
  number: string;
  /** The instant of issue (UTC ISO); shown as the Dutch calendar date. */
  issuedAt: string;
  /** When the payment was paid (UTC ISO). */
  paidAt: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  lines: InvoiceLine[];
  totals: InvoiceTotals;
};

export type InvoiceSummary = { number: string; issuedOn: string; description: string; grossCents: number };

export class InvoiceError extends Error {
  override name = "InvoiceError";
}

type BuyerSource = Pick<
  ProvidersTable,
  | "first_name"
  | "infix"
  | "last_name"
  | "email"
  | "has_kvk"
  | "company_name"
  | "kvk_number"
  | "has_work_address"
  | "work_street"
  | "work_house_number"
  | "work_addition"
  | "work_postcode"
  | "work_city"
  | "home_street"
  | "home_house_number"
  | "home_addition"
  | "home_postcode"
  | "home_city"
>;

function addressLines(street: string | null, houseNumber: string | null, addition: string | null, postcode: string | null, city: string | null): string[] {
  const streetLine = [street, [houseNumber, addition].filter(Boolean).join(" ")].filter(Boolean).join(" ");
  const cityLine = [postcode, city].filter(Boolean).join(" ");
  return [streetLine, cityLine].filter((line) => line !== "");
}

/**
 * The provider as buyer: their company with its KvK number when they have
 * one (and themselves as "t.a.v."), else their own name; the work address
 * when they gave one, else the home address.
 */
export function buyerFromProvider(provider: BuyerSource): InvoiceParty {
  const person = displayName(provider);
  const company = provider.has_kvk === 1 && provider.company_name ? provider.company_name : null;
  const work = addressLines(provider.work_street, provider.work_house_number, provider.work_addition, provider.work_postcode, provider.work_city);
  const home = addressLines(provider.home_street, provider.home_house_number, provider.home_addition, provider.home_postcode, provider.home_city);
  return {
    name: company ?? person,
    attention: company ? person : null,
    addressLines: provider.has_work_address === 1 && work.length > 0 ? work : home,
    kvkNumber: company ? provider.kvk_number : null,
    vatNumber: null,
    email: provider.email,
    phone: null,
  };
}

/**
 * The invoice for a paid payment, issued now if it has none yet. Pass the
 * transaction that records the payment as paid, so that the payment, the
 * number and the invoice are stored together or not at all; given the plain
 * database it runs its own transaction. A second call for the same payment
 * returns the invoice it already has.
 */
export async function issueInvoice(db: Db, paymentId: number, now = new Date()): Promise<{ number: string }> {
  if (db.isTransaction) return issueInvoiceIn(db, paymentId, now);
  return retryWhenBusy(() => db.transaction().execute((trx) => issueInvoiceIn(trx, paymentId, now)));
}

async function issueInvoiceIn(trx: Db, paymentId: number, now: Date): Promise<{ number: string }> {
  // A read first: a transaction that meets another connection's write lock then fails at once instead of waiting.
  const existing = await trx.selectFrom("invoices").select("number").where("payment_id", "=", paymentId).executeTakeFirst();
  if (existing) return { number: existing.number };

  const payment = await trx.selectFrom("payments").selectAll().where("id", "=", paymentId).executeTakeFirst();
  if (!payment) throw new InvoiceError(`Payment ${paymentId} does not exist`);
  if (payment.status !== "paid") throw new InvoiceError(`Payment ${payment.public_id} is ${payment.status}, not paid: no invoice`);
  const provider = await trx.selectFrom("providers").selectAll().where("id", "=", payment.provider_id).executeTakeFirstOrThrow();
  const pkg =
    payment.purpose === "package" && payment.provider_package_id !== null
      ? await trx.selectFrom("provider_packages").select(["price_cents", "credit_cents"]).where("id", "=", payment.provider_package_id).executeTakeFirst()
      : undefined;

  const totals = { netCents: payment.net_cents, vatCents: payment.vat_cents, grossCents: payment.gross_cents };
  const lines = buildInvoiceLines({
    description: payment.description,
    totals,
    package: pkg ? { priceCents: pkg.price_cents, creditCents: pkg.credit_cents, creditDescription: ADMINISTRATION_FEE_CREDIT_DESCRIPTION } : undefined,
  });
  if (!invoiceAddsUp(lines, totals)) throw new InvoiceError(`Invoice lines for payment ${payment.public_id} do not add up`);

  const year = amsterdamCalendarDate(now).year;
  const { last_sequence: sequence } = await trx
    .insertInto("invoice_sequences")
    .values({ year, last_sequence: 1 })
    .onConflict((conflict) => conflict.column("year").doUpdateSet({ last_sequence: sql<number>`last_sequence + 1` }))
    .returning("last_sequence")
    .executeTakeFirstOrThrow();
  const number = formatInvoiceNumber(year, sequence);

  await trx
    .insertInto("invoices")
    .values({
      number,
      year,
      sequence,
      payment_id: payment.id,
      provider_id: payment.provider_id,
      issued_at: now.toISOString(),
      seller: JSON.stringify(SELLER),
      buyer: JSON.stringify(buyerFromProvider(provider)),
      lines: JSON.stringify(lines),
      net_cents: totals.netCents,
      vat_cents: totals.vatCents,
      gross_cents: totals.grossCents,
    })
    .execute();
  return { number };
}

/** The provider's invoices, newest first. */
export async function listInvoices(db: Db, providerId: number): Promise<InvoiceSummary[]> {
  const rows = await db
    .selectFrom("invoices as i")
    .innerJoin("payments as p", "p.id", "i.payment_id")
    .select(["i.number", "i.issued_at", "i.gross_cents", "p.description"])
    .where("i.provider_id", "=", providerId)
    .orderBy("i.year", "desc")
    .orderBy("i.sequence", "desc")
    .execute();
  return rows.map((row) => ({
    number: row.number,
    issuedOn: amsterdamIsoDate(new Date(row.issued_at)),
    description: row.description,
    grossCents: row.gross_cents,
  }));
}

/** An invoice by its number, only for the provider it was issued to. */
export function findProviderInvoice(db: Db, providerId: number, number: string): Promise<Invoice | null> {
  return findInvoice(db, number, providerId);
}

/** An invoice by its number; with `providerId`, only when it was issued to that provider. */
async function findInvoice(db: Db, number: string, providerId?: number): Promise<Invoice | null> {
  let query = db
    .selectFrom("invoices as i")
    .innerJoin("payments as p", "p.id", "i.payment_id")
    .select(["i.number", "i.issued_at", "i.seller", "i.buyer", "i.lines", "i.net_cents", "i.vat_cents", "i.gross_cents", "p.paid_at"])
    .where("i.number", "=", number);
  if (providerId !== undefined) query = query.where("i.provider_id", "=", providerId);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    number: row.number,
    issuedAt: row.issued_at,
    paidAt: row.paid_at ?? row.issued_at,
    seller: JSON.parse(row.seller) as InvoiceParty,
    buyer: JSON.parse(row.buyer) as InvoiceParty,
    lines: JSON.parse(row.lines) as InvoiceLine[],
    totals: { netCents: row.net_cents, vatCents: row.vat_cents, grossCents: row.gross_cents },
  };
}

export function invoiceFileName(number: string): string {
  return `factuur-${number}.pdf`;
}

/** The invoice as the PDF attached to the invoice e-mail; rendered when the mail is sent, not stored. */
export async function invoicePdfAttachment(db: Db, number: string): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const invoice = await findInvoice(db, number);
  if (!invoice) throw new InvoiceError(`Invoice ${number} does not exist`);
  return { filename: invoiceFileName(invoice.number), contentType: "application/pdf", content: await renderInvoicePdf(invoice) };
}

/**
 * A provider's invoice as a PDF download response, for whoever the route has
 * already authorized to see that provider's invoices. A number that is not
 * well-formed or not that provider's gets the same 404 as any other miss, so
 * trying numbers reveals nothing about other providers' invoices.
 */
export async function providerInvoicePdfResponse(db: Db, providerId: number, number: string): Promise<Response> {
  if (!parseInvoiceNumber(number)) return invoiceNotFound();
  const invoice = await findProviderInvoice(db, providerId, number);
  if (!invoice) return invoiceNotFound();
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

/** The one 404 for an invoice download that cannot be served. */
export function invoiceNotFound(): Response {
  return new Response("Deze factuur bestaat niet.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

const dutchDate = (instant: string) => formatDutchDate(amsterdamIsoDate(new Date(instant)));

// A4 in points, with 2 cm margins; the text is larger than on most invoices, for readers with poorer eyesight.
const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const INK = "#1a1a1a";
const BRAND = "#06384d";
const SHADE = "#e3eff4";
const BODY_SIZE = 13;

type Column = { title: string; width: number; align: "left" | "right"; value: (line: InvoiceLine) => string };
const COLUMNS: Column[] = [
  { title: "Omschrijving", width: 215, align: "left", value: (line) => line.description },
  { title: "Excl. btw", width: 88, align: "right", value: (line) => formatEuro(line.netCents) },
  { title: `Btw ${INVOICE_VAT_RATE}%`, width: 84, align: "right", value: (line) => formatEuro(line.vatCents) },
  { title: "Incl. btw", width: CONTENT_WIDTH - 215 - 88 - 84, align: "right", value: (line) => formatEuro(line.grossCents) },
];
const CELL_PADDING = 6;

/** The invoice as an A4 PDF in Dutch. `compress: false` keeps the text readable in the bytes, for tests. */
export async function renderInvoicePdf(invoice: Invoice, options: { compress?: boolean } = {}): Promise<Buffer> {
  // Loaded on first use: pdfkit and its fonts cost the server some 20 MB that most processes never need.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    compress: options.compress ?? true,
    lang: "nl-NL",
    displayTitle: true,
    info: {
      Title: `Factuur ${invoice.number}`,
      Author: invoice.seller.name,
      Subject: `Factuur ${invoice.number} van ${invoice.seller.name}`,
      // Not the moment of rendering: an e-mail retried after a crash must carry the same file (ADR 006).
      CreationDate: new Date(invoice.issuedAt),
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = PAGE.margin;
  doc.fillColor(BRAND).font("Helvetica-Bold").fontSize(16).text(invoice.seller.name, left, PAGE.margin);
  doc.moveDown(0.6).fontSize(28).text(`Factuur ${invoice.number}`);
  doc.moveDown(0.8);

  const partiesTop = doc.y;
  const half = CONTENT_WIDTH / 2;
  const sellerBottom = party(doc, "Van", invoice.seller, left, partiesTop, half - 12);
  const buyerBottom = party(doc, "Aan", invoice.buyer, left + half + 12, partiesTop, half - 12);
  doc.y = Math.max(sellerBottom, buyerBottom) + 18;

  facts(doc, [
    ["Factuurnummer", invoice.number],
    ["Factuurdatum", dutchDate(invoice.issuedAt)],
  ]);
  doc.moveDown(1);

  linesTable(doc, chargedLines(invoice.lines));
  doc.moveDown(0.6);
  totals(doc, invoiceSummaryRows(invoice.lines, invoice.totals));
  doc.moveDown(1.2);

  doc
    .fillColor(INK)
    .font("Helvetica-Bold")
    .fontSize(BODY_SIZE + 1)
    .text(`Betaald via iDEAL op ${dutchDate(invoice.paidAt)}.`, left, doc.y, { width: CONTENT_WIDTH });
  doc.font("Helvetica").fontSize(BODY_SIZE).text("U hoeft niets meer te betalen. Bewaar deze factuur voor uw administratie.", { width: CONTENT_WIDTH });

  const footer = [
    invoice.seller.name,
    ...invoice.seller.addressLines,
    invoice.seller.kvkNumber ? `KvK ${invoice.seller.kvkNumber}` : null,
    invoice.seller.vatNumber ? `Btw-nummer ${invoice.seller.vatNumber}` : null,
  ]
    .filter(Boolean)
    .join("  ·  ");
  doc
    .fontSize(10)
    .fillColor(INK)
    .text(footer, left, PAGE.height - PAGE.margin - 14, { width: CONTENT_WIDTH, align: "center", lineBreak: false });

  doc.end();
  return done;
}

/** A "Van"/"Aan" block; returns where it ends. */
function party(doc: PDFKit.PDFDocument, heading: string, who: InvoiceParty, x: number, y: number, width: number): number {
  doc.fillColor(BRAND).font("Helvetica-Bold").fontSize(BODY_SIZE).text(heading, x, y, { width });
  doc.fillColor(INK).text(who.name, { width });
  doc.font("Helvetica");
  if (who.attention) doc.text(`t.a.v. ${who.attention}`, { width });
  for (const line of who.addressLines) doc.text(line, { width });
  if (who.kvkNumber) doc.text(`KvK ${who.kvkNumber}`, { width });
  if (who.vatNumber) doc.text(`Btw-nummer ${who.vatNumber}`, { width });
  if (who.phone) doc.text(`Telefoon ${who.phone}`, { width });
  if (who.email) doc.text(who.email, { width });
  return doc.y;
}

function facts(doc: PDFKit.PDFDocument, rows: [string, string][]): void {
  const labelWidth = 150;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.fillColor(INK).font("Helvetica-Bold").fontSize(BODY_SIZE).text(label, PAGE.margin, y, { width: labelWidth });
    doc.font("Helvetica").text(value, PAGE.margin + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
  }
}

function tableRow(doc: PDFKit.PDFDocument, cells: string[], options: { bold: boolean; shade: boolean }): void {
  doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(BODY_SIZE - 1);
  const heights = COLUMNS.map((column, index) => doc.heightOfString(cells[index] ?? "", { width: column.width - 2 * CELL_PADDING }));
  const height = Math.max(...heights) + 2 * CELL_PADDING;
  if (doc.y + height > PAGE.height - PAGE.margin - 30) doc.addPage();
  const top = doc.y;
  if (options.shade) doc.rect(PAGE.margin, top, CONTENT_WIDTH, height).fill(SHADE);
  let x = PAGE.margin;
  COLUMNS.forEach((column, index) => {
    doc.fillColor(INK).text(cells[index] ?? "", x + CELL_PADDING, top + CELL_PADDING, { width: column.width - 2 * CELL_PADDING, align: column.align });
    x += column.width;
  });
  doc
    .moveTo(PAGE.margin, top + height)
    .lineTo(PAGE.margin + CONTENT_WIDTH, top + height)
    .lineWidth(0.75)
    .strokeColor("#595959")
    .stroke();
  doc.x = PAGE.margin;
  doc.y = top + height;
}

function linesTable(doc: PDFKit.PDFDocument, lines: InvoiceLine[]): void {
  tableRow(
    doc,
    COLUMNS.map((column) => column.title),
    { bold: true, shade: true },
  );
  for (const line of lines) {
    tableRow(
      doc,
      COLUMNS.map((column) => column.value(line)),
      { bold: false, shade: false },
    );
  }
}

function totals(doc: PDFKit.PDFDocument, rows: InvoiceSummaryRow[]): void {
  const valueWidth = COLUMNS[3]!.width - CELL_PADDING;
  const valueX = PAGE.margin + CONTENT_WIDTH - valueWidth;
  // Labels may use the whole width left of the amounts: a Tegoed row's description is longer than "Btw 21%".
  const labelWidth = valueX - CELL_PADDING - PAGE.margin;
  for (const { label, cents, strong } of rows) {
    const y = doc.y + 4;
    doc
      .fillColor(INK)
      .font(strong ? "Helvetica-Bold" : "Helvetica")
      .fontSize(strong ? BODY_SIZE + 1 : BODY_SIZE);
    doc.text(label, PAGE.margin, y, { width: labelWidth, align: "right" });
    const labelBottom = doc.y;
    doc.text(formatEuro(cents), valueX, y, { width: valueWidth, align: "right" });
    doc.y = Math.max(labelBottom, doc.y);
  }
  doc.x = PAGE.margin;
}
