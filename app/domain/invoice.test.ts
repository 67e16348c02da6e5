import { describe, expect, it } from "vitest";
import {
  buildInvoiceLines,
  chargedLines,
  formatInvoiceNumber,
  invoiceAddsUp,
  invoiceSummaryRows,
  parseInvoiceNumber,
  sumInvoiceLines,
  type InvoiceLine,
} from "./invoice";
import { vatBreakdown } from "./money";

describe("invoice numbers", () => {
  it("are the year and a four-digit sequence", () => {
    expect(formatInvoiceNumber(2026, 1)).toBe("2026-0001");
    expect(formatInvoiceNumber(2026, 42)).toBe("2026-0042");
    expect(formatInvoiceNumber(2027, 9999)).toBe("2027-9999");
  });

  it("keep growing past 9999 without breaking", () => {
    expect(formatInvoiceNumber(2026, 10_000)).toBe("2026-10000");
    expect(formatInvoiceNumber(2026, 123_456)).toBe("2026-123456");
  });

  it("refuse a sequence below 1 or a year that is not four digits", () => {
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatInvoiceNumber(2026, 1.5)).toThrow(RangeError);
    expect(() => formatInvoiceNumber(26, 1)).toThrow(RangeError);
  });

  it("read back exactly what was written", () => {
    for (const [year, sequence] of [
      [2026, 1],
      [2026, 9999],
      [2026, 10_000],
      [2031, 123_456],
    ] as const) {
      expect(parseInvoiceNumber(formatInvoiceNumber(year, sequence))).toEqual({ year, sequence });
    }
  });

  it.each(["2026-1", "2026-001", "2026-00001", "2026-0000", "26-0001", "0026-0001", "2026_0001", " 2026-0001", "2026-0001.pdf", "2026-0001\n", "abcd-0001", ""])(
    "refuse %j",
    (text) => {
      expect(parseInvoiceNumber(text)).toBeNull();
    },
  );
});

describe("invoice lines", () => {
  it("are one line for the administration fee", () => {
    const lines = buildInvoiceLines({ description: "Vivium Services administratiekosten", totals: vatBreakdown(1000) });
    expect(lines).toEqual([{ description: "Vivium Services administratiekosten", netCents: 826, vatCents: 174, grossCents: 1000, vatRate: 21 }]);
  });

  it("show a first package at full price with the administration fee taken off", () => {
    const totals = vatBreakdown(9000);
    const lines = buildInvoiceLines({
      description: "Basispakket",
      totals,
      package: { priceCents: 10_000, creditCents: 1000, creditDescription: "Min: administratiekosten" },
    });
    expect(lines).toEqual([
      { description: "Basispakket", netCents: 8264, vatCents: 1736, grossCents: 10_000, vatRate: 21 },
      { description: "Min: administratiekosten", netCents: -826, vatCents: -174, grossCents: -1000, vatRate: 21 },
    ]);
    expect(invoiceAddsUp(lines, totals)).toBe(true);
  });

  it("put any rounding cent in the deduction so the lines add up to what was charged", () => {
    // For many of these prices the VAT of € 10,00 and of the full price, rounded apart, is a cent off the VAT of the whole.
    let deductionNotSimplyMinusFee = 0;
    for (let price = 50_000; price < 50_200; price += 1) {
      const totals = vatBreakdown(price - 1000);
      const lines = buildInvoiceLines({ description: "Fee-pakket", totals, package: { priceCents: price, creditCents: 1000, creditDescription: "Min" } });
      expect(lines).toHaveLength(2);
      expect(invoiceAddsUp(lines, totals)).toBe(true);
      expect(lines[1]!.grossCents).toBe(-1000);
      if (lines[1]!.netCents !== -826) deductionNotSimplyMinusFee += 1;
    }
    expect(deductionNotSimplyMinusFee).toBeGreaterThan(0);
  });

  it("are one line for a renewal without a deduction", () => {
    const lines = buildInvoiceLines({ description: "Pluspakket", totals: vatBreakdown(30_000), package: { priceCents: 30_000, creditCents: 0, creditDescription: "Min" } });
    expect(lines).toEqual([{ description: "Pluspakket", netCents: 24_793, vatCents: 5207, grossCents: 30_000, vatRate: 21 }]);
  });

  it("fall back to one line that says what was paid when the package does not match the payment", () => {
    const totals = vatBreakdown(9500);
    const lines = buildInvoiceLines({ description: "Basispakket", totals, package: { priceCents: 10_000, creditCents: 1000, creditDescription: "Min" } });
    expect(lines).toEqual([{ description: "Basispakket", ...totals, vatRate: 21 }]);
  });
});

describe("invoice totals check", () => {
  const line = (netCents: number, vatCents: number, grossCents: number): InvoiceLine => ({ description: "x", netCents, vatCents, grossCents, vatRate: 21 });

  it("adds up the lines", () => {
    expect(sumInvoiceLines([line(826, 174, 1000), line(8264, 1736, 10_000)])).toEqual({ netCents: 9090, vatCents: 1910, grossCents: 11_000 });
  });

  it("accepts lines that add up to the totals", () => {
    expect(invoiceAddsUp([line(826, 174, 1000)], { netCents: 826, vatCents: 174, grossCents: 1000 })).toBe(true);
  });

  it("refuses a line whose net and VAT do not make its gross", () => {
    expect(invoiceAddsUp([line(826, 175, 1000)], { netCents: 826, vatCents: 174, grossCents: 1000 })).toBe(false);
  });

  it("refuses lines that do not add up to the totals, or no lines at all", () => {
    expect(invoiceAddsUp([line(826, 174, 1000)], { netCents: 827, vatCents: 173, grossCents: 1000 })).toBe(false);
    expect(invoiceAddsUp([line(826, 174, 1000)], { netCents: 826, vatCents: 174, grossCents: 1001 })).toBe(false);
    expect(invoiceAddsUp([], { netCents: 0, vatCents: 0, grossCents: 0 })).toBe(false);
  });
});

describe("the rows below the lines", () => {
  it("show the administration fee taken off as a Tegoed row, then Subtotaal, btw and Totaal, as the Betaling step does", () => {
    const totals = vatBreakdown(9000);
    const lines = buildInvoiceLines({
      description: "Basispakket",
      totals,
      package: { priceCents: 10_000, creditCents: 1000, creditDescription: "Tegoed: administratiekosten, al betaald bij uw aanmelding" },
    });
    expect(chargedLines(lines).map((line) => line.description)).toEqual(["Basispakket"]);
    expect(invoiceSummaryRows(lines, totals)).toEqual([
      { label: "Tegoed: administratiekosten, al betaald bij uw aanmelding", cents: 1000, strong: false },
      { label: "Subtotaal excl. btw", cents: 7438, strong: false },
      { label: "Btw 21%", cents: 1562, strong: false },
      { label: "Totaal incl. btw", cents: 9000, strong: true },
    ]);
  });

  it("are the totals alone when nothing is credited", () => {
    const totals = vatBreakdown(1000);
    const lines = buildInvoiceLines({ description: "Vivium Services administratiekosten", totals });
    expect(chargedLines(lines)).toEqual(lines);
    expect(invoiceSummaryRows(lines, totals)).toEqual([
      { label: "Totaal excl. btw", cents: 826, strong: false },
      { label: "Btw 21%", cents: 174, strong: false },
      { label: "Totaal incl. btw", cents: 1000, strong: true },
    ]);
  });
});
