/**
 * Promotion packages on a real SQLite file: assignment with the credit rule,
 * the payment it starts (through a recording stand-in for the payments
 * module), activation, the current package and renewals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amsterdamIsoDate } from "~/domain/packages";
import type { Db } from "~/server/db.server";
import { findProviderInvoice, issueInvoice } from "~/server/invoices.server";
import {
  activatePackage,
  assignPackage,
  currentPackage,
  PackageAssignmentError,
  packageOverview,
  packagesDueForRenewal,
  payPackage,
  type CreatePaymentFn,
} from "~/server/packages.server";
import { insertBillableProvider, insertTestPayment, openTestPayments } from "../support/billing";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
});

afterAll(async () => {
  await t.cleanup();
});

type PaymentRequest = Parameters<CreatePaymentFn>[1];

/** Stands in for the payments module: records what it was asked and stores the row as createPayment does. */
function recordingPayments() {
  const calls: PaymentRequest[] = [];
  const create = openTestPayments((input) => calls.push(input));
  return { calls, create };
}

async function providerWithPaidFee(): Promise<number> {
  const providerId = await insertBillableProvider(db);
  await insertTestPayment(db, { providerId, purpose: "admin_fee", status: "paid" });
  return providerId;
}

const packageRow = (id: number) => db.selectFrom("provider_packages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("assignPackage", () => {
  it("records a first Basispakket for a year and starts a payment of € 90,00 (the € 10 fee taken off)", async () => {
    const providerId = await providerWithPaidFee();
    const payments = recordingPayments();

    const assigned = await assignPackage(db, { providerId, package: "basis", startsOn: "2026-03-01" }, payments.create);

    expect(payments.calls).toEqual([
      {
        providerId,
        purpose: "package",
        description: "Basispakket Vivium Services, 1 maart 2026 t/m 28 februari 2027",
        grossCents: 9000,
        providerPackageId: assigned.providerPackageId,
      },
    ]);
    expect(assigned.checkoutUrl).toBe(`https://checkout.example/${assigned.paymentPublicId}`);
    expect(await packageRow(assigned.providerPackageId)).toMatchObject({
      provider_id: providerId,
      package: "basis",
      price_cents: 10_000,
      credit_cents: 1000,
      starts_on: "2026-03-01",
      ends_on: "2027-02-28",
      status: "awaiting_payment",
    });
  });

  it("charges the renewal the full € 100,00: the fee is credited once", async () => {
    const providerId = await providerWithPaidFee();
    const payments = recordingPayments();
    const first = await assignPackage(db, { providerId, package: "basis", startsOn: "2026-01-01" }, payments.create);
    await activatePackage(db, first.providerPackageId);

    const renewal = await assignPackage(db, { providerId, package: "basis", startsOn: "2027-01-01" }, payments.create);

    expect(payments.calls.map((call) => call.grossCents)).toEqual([9000, 10_000]);
    expect(await packageRow(renewal.providerPackageId)).toMatchObject({ price_cents: 10_000, credit_cents: 0, ends_on: "2027-12-31" });
  });

  it("credits nothing while the administration fee has not been paid", async () => {
    const providerId = await insertBillableProvider(db);
    await insertTestPayment(db, { providerId, purpose: "admin_fee", status: "expired" });
    const payments = recordingPayments();

    const assigned = await assignPackage(db, { providerId, package: "plus", startsOn: "2026-03-01" }, payments.create);

    expect(payments.calls[0]?.grossCents).toBe(30_000);
    expect((await packageRow(assigned.providerPackageId)).credit_cents).toBe(0);
  });

  it("gives the credit to the next package when the first was cancelled before it was paid", async () => {
    const providerId = await providerWithPaidFee();
    const payments = recordingPayments();
    const first = await assignPackage(db, { providerId, package: "plus", startsOn: "2026-03-01" }, payments.create);
    await db.updateTable("provider_packages").set({ status: "cancelled" }).where("id", "=", first.providerPackageId).execute();

    await assignPackage(db, { providerId, package: "luxe", startsOn: "2026-03-01" }, payments.create);

    expect(payments.calls.map((call) => call.grossCents)).toEqual([29_000, 49_000]);
  });

  it("sells the Fee-pakket for the agreed price of at least € 500,00", async () => {
    const providerId = await providerWithPaidFee();
    const payments = recordingPayments();

    await expect(assignPackage(db, { providerId, package: "fee", startsOn: "2026-03-01" }, payments.create)).rejects.toMatchObject({
      reason: "price-required",
    });
    await expect(assignPackage(db, { providerId, package: "fee", priceCents: 49_999, startsOn: "2026-03-01" }, payments.create)).rejects.toMatchObject({
      reason: "price-too-low",
    });
    const assigned = await assignPackage(db, { providerId, package: "fee", priceCents: 75_000, startsOn: "2026-03-01" }, payments.create);

    expect(payments.calls.map((call) => call.grossCents)).toEqual([74_000]);
    expect(await packageRow(assigned.providerPackageId)).toMatchObject({ package: "fee", price_cents: 75_000, credit_cents: 1000 });
  });

  it("refuses another price for a fixed package, a date that does not exist and an unknown provider, recording nothing", async () => {
    const providerId = await providerWithPaidFee();
    const payments = recordingPayments();

    await expect(assignPackage(db, { providerId, package: "plus", priceCents: 20_000 }, payments.create)).rejects.toThrow(PackageAssignmentError);
    await expect(assignPackage(db, { providerId, package: "plus", startsOn: "2026-02-30" }, payments.create)).rejects.toMatchObject({
      reason: "invalid-start-date",
    });
    await expect(assignPackage(db, { providerId: 987_654, package: "plus" }, payments.create)).rejects.toMatchObject({ reason: "unknown-provider" });

    expect(payments.calls).toEqual([]);
    expect(await db.selectFrom("provider_packages").select("id").where("provider_id", "=", providerId).execute()).toEqual([]);
  });

  it("starts today in the Netherlands when no start date is given", async () => {
    const providerId = await providerWithPaidFee();
    const assigned = await assignPackage(db, { providerId, package: "basis" }, recordingPayments().create);
    expect((await packageRow(assigned.providerPackageId)).starts_on).toBe(amsterdamIsoDate(new Date()));
  });

  it("cancels the package again when the payment cannot be started, so a second try gets the credit", async () => {
    const providerId = await providerWithPaidFee();
    const failing: CreatePaymentFn = async () => {
      throw new Error("Mollie did not answer");
    };
    await expect(assignPackage(db, { providerId, package: "basis", startsOn: "2026-03-01" }, failing)).rejects.toThrow("Mollie did not answer");
    expect(await db.selectFrom("provider_packages").select("status").where("provider_id", "=", providerId).execute()).toEqual([{ status: "cancelled" }]);

    const payments = recordingPayments();
    await assignPackage(db, { providerId, package: "basis", startsOn: "2026-03-01" }, payments.create);
    expect(payments.calls[0]?.grossCents).toBe(9000);
  });
});

describe("when the package payment is paid", () => {
  it("activates the package once and invoices the price with the fee taken off", async () => {
    const providerId = await providerWithPaidFee();
    const assigned = await assignPackage(db, { providerId, package: "basis", startsOn: "2026-03-01" }, recordingPayments().create);
    const paidAt = new Date("2026-03-01T09:00:00Z");
    const payment = await db.selectFrom("payments").select("id").where("public_id", "=", assigned.paymentPublicId).executeTakeFirstOrThrow();

    // What the payments module does in the transaction that records `paid`.
    const { number } = await db.transaction().execute(async (trx) => {
      await trx.updateTable("payments").set({ status: "paid", paid_at: paidAt.toISOString() }).where("id", "=", payment.id).execute();
      expect(await activatePackage(trx, assigned.providerPackageId, paidAt)).toBe(true);
      return issueInvoice(trx, payment.id, paidAt);
    });

    expect(await activatePackage(db, assigned.providerPackageId, paidAt)).toBe(false);
    expect(await packageRow(assigned.providerPackageId)).toMatchObject({ status: "active", updated_at: paidAt.toISOString() });
    const invoice = await findProviderInvoice(db, providerId, number);
    expect(invoice?.lines.map((line) => [line.description, line.grossCents])).toEqual([
      ["Basispakket Vivium Services, 1 maart 2026 t/m 28 februari 2027", 10_000],
      ["Tegoed: administratiekosten, al betaald bij uw aanmelding", -1000],
    ]);
    expect(invoice?.totals.grossCents).toBe(9000);
  });

  it("leaves a cancelled package cancelled", async () => {
    const providerId = await providerWithPaidFee();
    const assigned = await assignPackage(db, { providerId, package: "plus", startsOn: "2026-03-01" }, recordingPayments().create);
    await db.updateTable("provider_packages").set({ status: "cancelled" }).where("id", "=", assigned.providerPackageId).execute();

    expect(await activatePackage(db, assigned.providerPackageId)).toBe(false);
    expect((await packageRow(assigned.providerPackageId)).status).toBe("cancelled");
  });
});

async function activePackage(providerId: number, startsOn: string, pkg: "basis" | "plus" = "basis"): Promise<number> {
  const assigned = await assignPackage(db, { providerId, package: pkg, startsOn }, recordingPayments().create);
  await activatePackage(db, assigned.providerPackageId);
  return assigned.providerPackageId;
}

describe("currentPackage and the overview", () => {
  const now = new Date("2026-06-15T10:00:00Z");

  it("is the paid package whose year includes today", async () => {
    const providerId = await providerWithPaidFee();
    await activePackage(providerId, "2025-01-01");
    const current = await activePackage(providerId, "2026-01-01", "plus");

    expect(await currentPackage(db, providerId, now)).toMatchObject({
      id: current,
      package: "plus",
      name: "Pluspakket",
      stars: 2,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      status: "active",
    });
    expect(await currentPackage(db, providerId, new Date("2027-01-01T10:00:00Z"))).toBeNull();
  });

  it("is nothing while the only package still awaits payment", async () => {
    const providerId = await providerWithPaidFee();
    const assigned = await assignPackage(db, { providerId, package: "basis", startsOn: "2026-06-01" }, recordingPayments().create);

    expect(await currentPackage(db, providerId, now)).toBeNull();
    const overview = await packageOverview(db, providerId, now);
    expect(overview.current).toBeNull();
    expect(overview.upcoming).toEqual([]);
    expect(overview.awaitingPayment).toEqual([
      expect.objectContaining({
        id: assigned.providerPackageId,
        priceCents: 10_000,
        creditCents: 1000,
        amountCents: 9000,
        payment: { publicId: assigned.paymentPublicId, status: "open" },
      }),
    ]);
  });

  it("shows a renewal paid in advance as the next period", async () => {
    const providerId = await providerWithPaidFee();
    await activePackage(providerId, "2026-01-01");
    const next = await activePackage(providerId, "2027-01-01");

    const overview = await packageOverview(db, providerId, now);
    expect(overview.current?.startsOn).toBe("2026-01-01");
    expect(overview.upcoming.map((pkg) => pkg.id)).toEqual([next]);
  });

  it("never shows another provider's packages", async () => {
    const owner = await providerWithPaidFee();
    await activePackage(owner, "2026-01-01");
    const other = await providerWithPaidFee();

    expect(await currentPackage(db, other, now)).toBeNull();
    expect(await packageOverview(db, other, now)).toEqual({ current: null, upcoming: [], awaitingPayment: [] });
  });
});

describe("payPackage", () => {
  it("starts nothing for another provider's package or for one that is already paid", async () => {
    const owner = await providerWithPaidFee();
    const other = await providerWithPaidFee();
    const assigned = await assignPackage(db, { providerId: owner, package: "basis", startsOn: "2026-06-01" }, recordingPayments().create);
    const paymentsBefore = await db.selectFrom("payments").select("id").execute();

    expect(await payPackage(db, other, assigned.providerPackageId)).toBeNull();
    await activatePackage(db, assigned.providerPackageId);
    expect(await payPackage(db, owner, assigned.providerPackageId)).toBeNull();
    expect(await db.selectFrom("payments").select("id").execute()).toEqual(paymentsBefore);
  });
});

describe("packagesDueForRenewal", () => {
  it("lists active packages ending within 30 days that have no next package yet, soonest first", async () => {
    // Its own database: other tests' packages would be due too.
    const own = await createTestDatabase({ postcodes: false });
    const ownDb = own.db;
    try {
      const assignActive = async (providerId: number, startsOn: string) => {
        const assigned = await assignPackage(ownDb, { providerId, package: "basis", startsOn }, recordingPayments().create);
        await activatePackage(ownDb, assigned.providerPackageId);
        return assigned.providerPackageId;
      };
      const now = new Date("2026-12-10T10:00:00Z");
      const endsIn21Days = await insertBillableProvider(ownDb, { firstName: "Anna" });
      const endsIn5Days = await insertBillableProvider(ownDb, { firstName: "Bram" });
      const renewed = await insertBillableProvider(ownDb, { firstName: "Cor" });
      const renewalCancelled = await insertBillableProvider(ownDb, { firstName: "Dirk" });
      const endsLater = await insertBillableProvider(ownDb, { firstName: "Els" });
      const unpaid = await insertBillableProvider(ownDb, { firstName: "Fien" });

      const anna = await assignActive(endsIn21Days, "2026-01-01"); // ends 2026-12-31
      const bram = await assignActive(endsIn5Days, "2025-12-16"); // ends 2026-12-15
      await assignActive(renewed, "2026-01-01");
      await assignPackage(ownDb, { providerId: renewed, package: "basis", startsOn: "2027-01-01" }, recordingPayments().create);
      const dirk = await assignActive(renewalCancelled, "2026-01-01");
      const cancelled = await assignPackage(ownDb, { providerId: renewalCancelled, package: "basis", startsOn: "2027-01-01" }, recordingPayments().create);
      await ownDb.updateTable("provider_packages").set({ status: "cancelled" }).where("id", "=", cancelled.providerPackageId).execute();
      await assignActive(endsLater, "2026-02-01"); // ends 2027-01-31
      await assignPackage(ownDb, { providerId: unpaid, package: "basis", startsOn: "2026-01-01" }, recordingPayments().create);

      const due = await packagesDueForRenewal(ownDb, 30, now);
      expect(due.map((row) => [row.providerName, row.endsOn, row.providerPackageId])).toEqual([
        ["Bram de Vries", "2026-12-15", bram],
        ["Anna de Vries", "2026-12-31", anna],
        ["Dirk de Vries", "2026-12-31", dirk],
      ]);
      expect(due[0]).toMatchObject({ providerId: endsIn5Days, package: "basis", name: "Basispakket", renewalRemindedAt: null });
      expect((await packagesDueForRenewal(ownDb, 7, now)).map((row) => row.providerPackageId)).toEqual([bram]);
      expect((await packagesDueForRenewal(ownDb, 60, now)).map((row) => row.providerName)).toContain("Els de Vries");
    } finally {
      await own.cleanup();
    }
  });
});
