/**
 * When staff assign a package, the provider hears of it: an e-mail with the
 * amount due after the € 10 credit and a link to pay, and a notice on the
 * welcome page and on Pakket en facturen until it is paid. A real SQLite
 * file and a real SMTP server on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as home from "~/routes/backoffice._index";
import * as pakket from "~/routes/backoffice.pakket";
import { forgetDatabase, type Db } from "~/server/db.server";
import type { CreatePaymentFn } from "~/server/packages.server";
import { staffAssignPackage } from "~/server/staff-packages.server";
import { insertBillableProvider, insertTestPayment, openTestPayments } from "../support/billing";
import { deliverOutbox } from "../support/outbox";
import { BASE_URL, context, getRequest, signIn } from "../support/route-calls";
import { decodeSubject, mailParts, parseMail, startSmtpServer } from "../support/smtp-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let staff: { id: number; name: string };

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.BASE_URL = BASE_URL;
  process.env.DATA_DIR = t.dir;
  const now = new Date().toISOString();
  staff = await db
    .insertInto("staff")
    .values({ email: "ans@vivium.test", name: "Ans Beheer", password_hash: "x", created_at: now, updated_at: now })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

/** Stands in for Mollie: an open payment in our table. */
const openPayment = openTestPayments();

async function providerWithPaidFee(): Promise<{ id: number; email: string; cookie: string }> {
  const id = await insertBillableProvider(db);
  await insertTestPayment(db, { providerId: id, purpose: "admin_fee", status: "paid" });
  const { email } = await db.selectFrom("providers").select("email").where("id", "=", id).executeTakeFirstOrThrow();
  return { id, email, cookie: await signIn(id) };
}

const assignedMails = (providerPackageId: number) =>
  db.selectFrom("outbox_messages").select(["template", "to_address", "subject", "text_body", "html_body"]).where("dedupe_key", "=", `package:${providerPackageId}:assigned`).execute();

const loadHome = (cookie: string) => home.loader({ request: getRequest("/backoffice", cookie), params: {}, context });

describe("a package staff assign", () => {
  it("is announced by e-mail with the amount after the € 10 credit and a link to pay, once", async () => {
    const provider = await providerWithPaidFee();
    const assigned = await staffAssignPackage(db, staff, { providerId: provider.id, package: "plus", startsOn: "2026-03-01" }, openPayment);

    const mails = await assignedMails(assigned.providerPackageId);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "package-assigned", to_address: provider.email, subject: "Uw Pluspakket staat klaar" });
    expect(mails[0]!.text_body).toContain("Beste Bert,");
    expect(mails[0]!.text_body).toContain("van 1 maart 2026 tot en met 28 februari 2027");
    expect(mails[0]!.text_body).toContain("Te betalen: € 290,00 (€ 300,00 min € 10,00 tegoed van uw aanmelding), inclusief btw.");
    expect(mails[0]!.text_body).toContain(`€ 290,00 betalen met iDEAL:\n${BASE_URL}/backoffice/pakket`);
    expect(mails[0]!.html_body).toContain(`href="${BASE_URL}/backoffice/pakket"`);

    const smtp = await startSmtpServer();
    try {
      await deliverOutbox(db, smtp.url);
    } finally {
      await smtp.close();
    }
    const received = smtp.received.filter((mail) => decodeSubject(parseMail(mail.raw).headers.get("subject") ?? "") === "Uw Pluspakket staat klaar");
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([provider.email]);
    expect(mailParts(parseMail(received[0]!.raw)).get("text/plain")).toContain("Te betalen: € 290,00");
  });

  it("says the full price when there is no credit", async () => {
    const id = await insertBillableProvider(db);
    const assigned = await staffAssignPackage(db, staff, { providerId: id, package: "basis" }, openPayment);
    const [mail] = await assignedMails(assigned.providerPackageId);
    expect(mail!.text_body).toContain("Te betalen: € 100,00, inclusief btw.");
    expect(mail!.text_body).not.toContain("tegoed");
  });

  it("sends nothing when the payment cannot be started, for the assignment is undone", async () => {
    const provider = await providerWithPaidFee();
    const failing: CreatePaymentFn = () => Promise.reject(new Error("Mollie is down"));
    await expect(staffAssignPackage(db, staff, { providerId: provider.id, package: "luxe" }, failing)).rejects.toThrow("Mollie is down");
    const templates = await db.selectFrom("outbox_messages").select("template").where("to_address", "=", provider.email).execute();
    expect(templates).toEqual([]);
  });

  it("shows a notice with the amount due on the welcome page and on Pakket en facturen until it is paid", async () => {
    const provider = await providerWithPaidFee();
    expect((await loadHome(provider.cookie)).duePackages).toEqual([]);

    const assigned = await staffAssignPackage(db, staff, { providerId: provider.id, package: "plus" }, openPayment);
    const due = { id: assigned.providerPackageId, name: "Pluspakket", priceCents: 30_000, creditCents: 1000 };
    expect((await loadHome(provider.cookie)).duePackages).toEqual([due]);
    const page = await pakket.loader({ request: getRequest("/backoffice/pakket", provider.cookie), params: {}, context });
    expect(page.packages.awaitingPayment).toEqual([expect.objectContaining({ ...due, amountCents: 29_000, payment: expect.objectContaining({ status: "open" }) })]);

    // Paid: the bank has it; there is nothing left for the provider to do.
    await db.updateTable("payments").set({ status: "paid" }).where("public_id", "=", assigned.paymentPublicId).execute();
    expect((await loadHome(provider.cookie)).duePackages).toEqual([]);
  });
});
