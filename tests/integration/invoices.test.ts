/**
 * Invoices on a real SQLite file: numbering per year without gaps (also with
 * several connections writing at once), idempotency, frozen parties and lines,
 * and the PDF.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type AppDatabase, type Db } from "~/server/db.server";
import { findProviderInvoice, InvoiceError, issueInvoice, listInvoices, renderInvoicePdf, SELLER } from "~/server/invoices.server";
import { insertBillableProvider, insertTestPayment, pdfText } from "../support/billing";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const JANUARY = new Date("2026-01-07T10:00:00Z");

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
});

afterAll(async () => {
  await t.cleanup();
});

// Every test starts numbering from scratch; providers and payments may stay.
afterEach(async () => {
  await db.deleteFrom("invoices").execute();
  await db.deleteFrom("invoice_sequences").execute();
});

const sequenceOf = async (year: number) =>
  (await db.selectFrom("invoice_sequences").select("last_sequence").where("year", "=", year).executeTakeFirst())?.last_sequence ?? 0;

const storedInvoice = (paymentId: number) => db.selectFrom("invoices").selectAll().where("payment_id", "=", paymentId).executeTakeFirstOrThrow();

describe("issueInvoice", () => {
  it("gives the first paid payment of a year invoice 0001, with the payment's amounts", async () => {
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId, grossCents: 1000 });

    expect(await issueInvoice(db, payment.id, JANUARY)).toEqual({ number: "2026-0001" });

    const row = await storedInvoice(payment.id);
    expect(row).toMatchObject({ number: "2026-0001", year: 2026, sequence: 1, provider_id: providerId, net_cents: 826, vat_cents: 174, gross_cents: 1000 });
    expect(row.issued_at).toBe(JANUARY.toISOString());
    expect(JSON.parse(row.lines)).toEqual([{ description: "Vivium Services administratiekosten", netCents: 826, vatCents: 174, grossCents: 1000, vatRate: 21 }]);
  });

  it("numbers the next invoices 0002, 0003 in the order they are issued", async () => {
    const providerId = await insertBillableProvider(db);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const payment = await insertTestPayment(db, { providerId });
      numbers.push((await issueInvoice(db, payment.id, JANUARY)).number);
    }
    expect(numbers).toEqual(["2026-0001", "2026-0002", "2026-0003"]);
  });

  it("is idempotent: a second call returns the same invoice and takes no number", async () => {
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId });
    const first = await issueInvoice(db, payment.id, JANUARY);
    const again = await issueInvoice(db, payment.id, new Date("2026-02-01T10:00:00Z"));

    expect(again).toEqual(first);
    expect(await db.selectFrom("invoices").select("id").where("payment_id", "=", payment.id).execute()).toHaveLength(1);
    expect(await sequenceOf(2026)).toBe(1);
  });

  it.each(["created", "open", "pending", "failed", "canceled", "expired"] as const)("refuses a payment that is %s, and takes no number", async (status) => {
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId, status });

    await expect(issueInvoice(db, payment.id, JANUARY)).rejects.toThrow(InvoiceError);
    expect(await db.selectFrom("invoices").select("id").execute()).toHaveLength(0);
    expect(await sequenceOf(2026)).toBe(0);
  });

  it("refuses a payment that does not exist", async () => {
    await expect(issueInvoice(db, 999_999, JANUARY)).rejects.toThrow(InvoiceError);
  });

  it("numbers by the Dutch calendar year: 23:30 UTC on 31 December is already the new year", async () => {
    const providerId = await insertBillableProvider(db);
    const december = await insertTestPayment(db, { providerId });
    const newYearsEve = await insertTestPayment(db, { providerId });

    expect((await issueInvoice(db, december.id, new Date("2026-12-31T22:59:00Z"))).number).toBe("2026-0001");
    expect((await issueInvoice(db, newYearsEve.id, new Date("2026-12-31T23:30:00Z"))).number).toBe("2027-0001");
    expect(await sequenceOf(2026)).toBe(1);
    expect(await sequenceOf(2027)).toBe(1);
  });

  it("grows past 9999 without breaking", async () => {
    await db.insertInto("invoice_sequences").values({ year: 2026, last_sequence: 9999 }).execute();
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId });
    expect((await issueInvoice(db, payment.id, JANUARY)).number).toBe("2026-10000");
  });

  it("stores the invoice with the caller's transaction, and gives the number back when that rolls back", async () => {
    const providerId = await insertBillableProvider(db);
    const rolledBack = await insertTestPayment(db, { providerId });
    const committed = await insertTestPayment(db, { providerId });

    await expect(
      db.transaction().execute(async (trx) => {
        expect((await issueInvoice(trx, rolledBack.id, JANUARY)).number).toBe("2026-0001");
        throw new Error("the payment update failed after the invoice");
      }),
    ).rejects.toThrow("the payment update failed");
    expect(await db.selectFrom("invoices").select("id").execute()).toHaveLength(0);
    expect(await sequenceOf(2026)).toBe(0);

    const number = await db.transaction().execute((trx) => issueInvoice(trx, committed.id, JANUARY));
    expect(number).toEqual({ number: "2026-0001" });
    expect((await storedInvoice(committed.id)).number).toBe("2026-0001");
  });
});

describe("issueInvoice with several connections at once", () => {
  let handles: AppDatabase[] = [];

  afterEach(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    handles = [];
  });

  it("gives 20 payments paid at the same moment the numbers 0001 to 0020, without gaps or duplicates", async () => {
    handles = [openDatabase(t.file), openDatabase(t.file), openDatabase(t.file)];
    const providerIds = [await insertBillableProvider(db), await insertBillableProvider(db), await insertBillableProvider(db)];
    const payments = [];
    for (let i = 0; i < 20; i += 1) payments.push(await insertTestPayment(db, { providerId: providerIds[i % 3]!, grossCents: 1000 + i }));

    // Each call runs its own transaction on one of three connections to the same file, all started in the same tick.
    const issued = await Promise.all(payments.map((payment, i) => issueInvoice(handles[i % 3]!.db, payment.id, JANUARY)));

    const expected = Array.from({ length: 20 }, (_, i) => `2026-${String(i + 1).padStart(4, "0")}`);
    expect(issued.map((invoice) => invoice.number).sort()).toEqual(expected);
    const rows = await db.selectFrom("invoices").select(["number", "sequence", "payment_id", "gross_cents"]).orderBy("sequence").execute();
    expect(rows.map((row) => row.number)).toEqual(expected);
    expect(rows.map((row) => row.sequence)).toEqual(expected.map((_, i) => i + 1));
    expect(new Set(rows.map((row) => row.payment_id)).size).toBe(20);
    // Each payment got the invoice for its own amount, under the number it was told.
    for (const [i, payment] of payments.entries()) {
      const row = rows.find((r) => r.payment_id === payment.id)!;
      expect(row.gross_cents).toBe(1000 + i);
      expect(row.number).toBe(issued[i]!.number);
    }
    expect(await sequenceOf(2026)).toBe(20);
  });

  it("issues one invoice when the same payment is confirmed on three connections at once", async () => {
    handles = [openDatabase(t.file), openDatabase(t.file), openDatabase(t.file)];
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId });

    const issued = await Promise.all([...handles, ...handles].map((handle) => issueInvoice(handle.db, payment.id, JANUARY)));

    expect(new Set(issued.map((invoice) => invoice.number))).toEqual(new Set(["2026-0001"]));
    expect(await db.selectFrom("invoices").select("id").execute()).toHaveLength(1);
    expect(await sequenceOf(2026)).toBe(1);
  });
});

describe("the parties on an invoice", () => {
  it("addresses a provider with a KvK number to their company, for their attention, at the work address", async () => {
    const providerId = await insertBillableProvider(db, { company: { name: "Kapsalon Bert", kvk: "12345678" }, workAddress: true });
    const payment = await insertTestPayment(db, { providerId });
    const { number } = await issueInvoice(db, payment.id, JANUARY);

    const invoice = await findProviderInvoice(db, providerId, number);
    expect(invoice?.buyer).toMatchObject({
      name: "Kapsalon Bert",
      attention: "Bert de Vries",
      kvkNumber: "12345678",
      addressLines: ["Industrieweg 7", "3442 AB Woerden"],
    });
    expect(invoice?.seller).toEqual(SELLER);
    expect(SELLER.kvkNumber).toMatch(/^\d{8}$/);
    expect(SELLER.vatNumber).toMatch(/^NL\d{9}B\d{2}$/);
  });

  it("addresses a provider without a KvK number by name at the home address", async () => {
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId });
    const { number } = await issueInvoice(db, payment.id, JANUARY);

    const invoice = await findProviderInvoice(db, providerId, number);
    expect(invoice?.buyer).toMatchObject({ name: "Bert de Vries", attention: null, kvkNumber: null, addressLines: ["Dorpsstraat 12 A", "3447 GR Woerden"] });
  });

  it("keeps the buyer as it was when the provider changes their details later", async () => {
    const providerId = await insertBillableProvider(db, { company: { name: "Kapsalon Bert", kvk: "12345678" } });
    const payment = await insertTestPayment(db, { providerId });
    const { number } = await issueInvoice(db, payment.id, JANUARY);

    await db
      .updateTable("providers")
      .set({ company_name: "Haarstudio Woerden", kvk_number: "87654321", home_street: "Nieuwstraat", home_city: "Utrecht" })
      .where("id", "=", providerId)
      .execute();

    const invoice = await findProviderInvoice(db, providerId, number);
    expect(invoice?.buyer).toMatchObject({ name: "Kapsalon Bert", kvkNumber: "12345678", addressLines: ["Dorpsstraat 12 A", "3447 GR Woerden"] });
  });
});

describe("a package invoice", () => {
  it("shows the full price and the administration fee taken off, adding up to what was paid", async () => {
    const providerId = await insertBillableProvider(db);
    const now = new Date().toISOString();
    const pkg = await db
      .insertInto("provider_packages")
      .values({
        provider_id: providerId,
        package: "basis",
        price_cents: 10_000,
        credit_cents: 1000,
        starts_on: "2026-01-07",
        ends_on: "2027-01-06",
        renewal_reminded_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const payment = await insertTestPayment(db, {
      providerId,
      purpose: "package",
      providerPackageId: pkg.id,
      grossCents: 9000,
      description: "Basispakket Vivium Services, 7 januari 2026 t/m 6 januari 2027",
    });
    const { number } = await issueInvoice(db, payment.id, JANUARY);

    const invoice = await findProviderInvoice(db, providerId, number);
    expect(invoice?.lines).toEqual([
      { description: "Basispakket Vivium Services, 7 januari 2026 t/m 6 januari 2027", netCents: 8264, vatCents: 1736, grossCents: 10_000, vatRate: 21 },
      { description: "Tegoed: administratiekosten, al betaald bij uw aanmelding", netCents: -826, vatCents: -174, grossCents: -1000, vatRate: 21 },
    ]);
    expect(invoice?.totals).toEqual({ netCents: 7438, vatCents: 1562, grossCents: 9000 });
  });
});

describe("finding and listing invoices", () => {
  it("lists a provider's own invoices, newest first, and finds them only for that provider", async () => {
    const owner = await insertBillableProvider(db);
    const other = await insertBillableProvider(db);
    const first = await insertTestPayment(db, { providerId: owner, grossCents: 1000 });
    const theirs = await insertTestPayment(db, { providerId: other });
    const second = await insertTestPayment(db, { providerId: owner, grossCents: 9000, purpose: "package", description: "Basispakket" });
    await issueInvoice(db, first.id, JANUARY);
    await issueInvoice(db, theirs.id, JANUARY);
    await issueInvoice(db, second.id, new Date("2026-03-02T08:00:00Z"));

    expect(await listInvoices(db, owner)).toEqual([
      { number: "2026-0003", issuedOn: "2026-03-02", description: "Basispakket", grossCents: 9000 },
      { number: "2026-0001", issuedOn: "2026-01-07", description: "Vivium Services administratiekosten", grossCents: 1000 },
    ]);
    expect(await findProviderInvoice(db, owner, "2026-0002")).toBeNull();
    expect(await findProviderInvoice(db, other, "2026-0002")).not.toBeNull();
  });
});

describe("renderInvoicePdf", () => {
  it("writes an A4 PDF in Dutch with the number, parties, lines, totals and how it was paid", async () => {
    const providerId = await insertBillableProvider(db, { company: { name: "Kapsalon Bert", kvk: "12345678" } });
    const payment = await insertTestPayment(db, { providerId, paidAt: "2026-01-07T09:58:00Z" });
    const { number } = await issueInvoice(db, payment.id, JANUARY);
    const invoice = (await findProviderInvoice(db, providerId, number))!;

    const pdf = await renderInvoicePdf(invoice, { compress: false });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    const text = pdfText(pdf);
    for (const expected of [
      "Factuur 2026-0001",
      "7 januari 2026",
      "Vivium Services",
      SELLER.addressLines[0]!,
      `KvK ${SELLER.kvkNumber}`,
      `Btw-nummer ${SELLER.vatNumber}`,
      "Kapsalon Bert",
      "t.a.v. Bert de Vries",
      "KvK 12345678",
      "Omschrijving",
      "Excl. btw",
      "Btw 21%",
      "Incl. btw",
      "€ 8,26",
      "€ 1,74",
      "€ 10,00",
      "Totaal incl. btw",
      "Betaald via iDEAL op 7 januari 2026.",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("is the same file every time it is rendered, so a retried invoice e-mail carries the same attachment", async () => {
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId, paidAt: "2026-01-07T09:58:00Z" });
    const { number } = await issueInvoice(db, payment.id, JANUARY);
    const invoice = (await findProviderInvoice(db, providerId, number))!;
    const first = await renderInvoicePdf(invoice);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await renderInvoicePdf(invoice)).equals(first)).toBe(true);
  });

  it("is compressed by default and still a PDF", async () => {
    const providerId = await insertBillableProvider(db);
    const payment = await insertTestPayment(db, { providerId });
    const { number } = await issueInvoice(db, payment.id, JANUARY);
    const invoice = (await findProviderInvoice(db, providerId, number))!;

    const compressed = await renderInvoicePdf(invoice);
    const plain = await renderInvoicePdf(invoice, { compress: false });
    expect(compressed.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(compressed.toString("latin1")).toContain("/FlateDecode");
    expect(compressed.length).toBeLessThan(plain.length);
    expect(compressed.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
  });
});
