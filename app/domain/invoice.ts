/**
 * Invoices as data: the number (`2026-0001`), the parties and lines that are
 * frozen into the invoice when it is issued, and the rule that the lines add
 * up to exactly what was paid.
 */
import { vatBreakdown } from "./money";

export const INVOICE_VAT_RATE = 21;

/** The yearly sequence is padded to four digits and simply grows past 9999: `2026-10000`. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not an invoice year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Not an invoice sequence: ${sequence}`);
  return `${year}-${String(sequence).padStart(4, "0")}`;
}

// Exactly what formatInvoiceNumber writes: four digits, or more without a leading zero.
const INVOICE_NUMBER = /^([1-9]\d{3})-(\d{4}|[1-9]\d{4,14})$/;

/** The inverse of formatInvoiceNumber; null for anything it would never have written. */
export function parseInvoiceNumber(text: string): { year: number; sequence: number } | null {
  const match = INVOICE_NUMBER.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  if (sequence < 1) return null;
  return { year, sequence };
}

export type InvoiceParty = {
  name: string;
  /** "t.a.v." line: the person, when the invoice is addressed to their company. */
  attention: string | null;
  addressLines: string[];
  kvkNumber: string | null;
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
};

export type InvoiceLine = {
  description: string;
  netCents: number;
  vatCents: number;
  grossCents: number;
  vatRate: number;
};

export type InvoiceTotals = { netCents: number; vatCents: number; grossCents: number };

export function sumInvoiceLines(lines: readonly InvoiceLine[]): InvoiceTotals {
  return lines.reduce(
    (sum, line) => ({
      netCents: sum.netCents + line.netCents,
      vatCents: sum.vatCents + line.vatCents,
      grossCents: sum.grossCents + line.grossCents,
    }),
    { netCents: 0, vatCents: 0, grossCents: 0 },
  );
}

/** Every line is net + VAT = gross, and the lines add up to the totals to the cent. */
export function invoiceAddsUp(lines: readonly InvoiceLine[], totals: InvoiceTotals): boolean {
  if (lines.length === 0) return false;
  if (!lines.every((line) => line.netCents + line.vatCents === line.grossCents)) return false;
  if (totals.netCents + totals.vatCents !== totals.grossCents) return false;
  const sum = sumInvoiceLines(lines);
  return sum.netCents === totals.netCents && sum.vatCents === totals.vatCents && sum.grossCents === totals.grossCents;
}

export type InvoiceLinesInput = {
  /** What was paid, as stored with the payment: the invoice must say exactly this. */
  totals: InvoiceTotals;
  description: string;
  /** For a package: its full price and the administration fee deducted from it. */
  package?: { priceCents: number; creditCents: number; creditDescription: string };
};

/**
 * The lines of an invoice. A package bought with the administration fee
 * deducted shows the full price and the deduction as separate lines; the
 * deduction's VAT is whatever makes the lines add up to the VAT that was
 * actually charged, so no rounding cent goes missing. Anything else (or a
 * package whose amounts do not match the payment) is one line.
 */
export function buildInvoiceLines(input: InvoiceLinesInput): InvoiceLine[] {
  const { totals, description } = input;
  const pkg = input.package;
  if (pkg && pkg.creditCents > 0 && pkg.priceCents - pkg.creditCents === totals.grossCents) {
    const price = vatBreakdown(pkg.priceCents, INVOICE_VAT_RATE);
    const credit = {
      netCents: totals.netCents - price.netCents,
      vatCents: totals.vatCents - price.vatCents,
      grossCents: -pkg.creditCents,
    };
    return [
      { description, ...price, vatRate: INVOICE_VAT_RATE },
      { description: pkg.creditDescription, ...credit, vatRate: INVOICE_VAT_RATE },
    ];
  }
  return [{ description, ...totals, vatRate: INVOICE_VAT_RATE }];
}

/** A row below the lines of an invoice: a label and an amount in cents. */
export type InvoiceSummaryRow = { label: string; cents: number; strong: boolean };

/** What the lines table lists: what was bought. A credit is not a purchase; it is shown below the table. */
export function chargedLines(lines: readonly InvoiceLine[]): InvoiceLine[] {
  return lines.filter((line) => line.grossCents >= 0);
}

/**
 * The rows below the lines table, as the Betaling step of the manual lists
 * them: each credit as a "Tegoed" row with the amount taken off (incl. btw,
 * without a sign: the word says it is deducted, and the PDF's standard fonts
 * have no minus sign), then the subtotal excl. btw, the btw and the total.
 */
export function invoiceSummaryRows(lines: readonly InvoiceLine[], totals: InvoiceTotals): InvoiceSummaryRow[] {
  const credits = lines.filter((line) => line.grossCents < 0).map((line) => ({ label: line.description, cents: -line.grossCents, strong: false }));
  return [
    ...credits,
    { label: credits.length > 0 ? "Subtotaal excl. btw" : "Totaal excl. btw", cents: totals.netCents, strong: false },
    { label: `Btw ${INVOICE_VAT_RATE}%`, cents: totals.vatCents, strong: false },
    { label: "Totaal incl. btw", cents: totals.grossCents, strong: true },
  ];
}
