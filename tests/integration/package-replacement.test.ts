/**
 * Replacing a package that still awaits payment (issue #8): its open payment
 * is cancelled at Mollie, a late payment for it is recorded and flagged for
 * staff, and a Mollie that does not answer does not stop the replacement.
 * The real local Mollie gateway over HTTPS, our webhook served over HTTP on
 * loopback (the gateway calls it as Mollie would), staff routes called with
 * real Requests and a real staff session, and a real SQLite file.
 */
import { MollieApiError } from "@mollie/api-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as returnPage from "~/routes/betaling.$publicId";
import * as providerPage from "~/routes/beheer.dienstverleners.$id";
import * as packagesPage from "~/routes/beheer.pakketten";
import { forgetDatabase, type Db } from "~/server/db.server";
import { clearLocalGateway, mollieClient, setLocalGateway } from "~/server/mollie-client.server";
import { startLocalMollieGateway, type LocalMollieGateway } from "~/server/mollie-gateway/gateway.server";
import type { CreatePaymentFn } from "~/server/packages.server";
import { staffAssignPackage } from "~/server/staff-packages.server";
import { staffSessionCookieFor } from "~/server/staff-session.server";
import { insertBillableProvider, insertTestPayment } from "../support/billing";
import { context, getRequest, postForm, settle, signIn } from "../support/route-calls";
import { startWebhookApp, type WebhookApp } from "../support/webhook-app";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let gateway: LocalMollieGateway;
let hook: WebhookApp;
let base: string;
let staff: { id: number; name: string };
let staffCookie: string;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  hook = await startWebhookApp(context);
  base = hook.base;
  process.env.BASE_URL = base;
  process.env.DATA_DIR = t.dir;
  delete process.env.MOLLIE_API_KEY;
  gateway = await startLocalMollieGateway({ dataDir: t.dir, apiPort: 0, checkoutPort: 0, log: () => {} });
  setLocalGateway(gateway);

  const now = new Date().toISOString();
  staff = await db
    .insertInto("staff")
    .values({ email: "ans@vivium.test", name: "Ans Beheer", password_hash: "x", created_at: now, updated_at: now })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  staffCookie = await staffSessionCookieFor(staff.id);
});

afterAll(async () => {
  clearLocalGateway();
  await gateway?.close();
  await hook?.close();
  forgetDatabase();
  await t?.cleanup();
});

beforeEach(() => {
  hook.down = false;
});

async function providerWithPaidFee(): Promise<number> {
  const providerId = await insertBillableProvider(db);
  await insertTestPayment(db, { providerId, purpose: "admin_fee", status: "paid" });
  return providerId;
}

const paymentRow = (publicId: string) => db.selectFrom("payments").selectAll().where("public_id", "=", publicId).executeTakeFirstOrThrow();
const packageStatus = async (id: number) =>
  (await db.selectFrom("provider_packages").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

async function history(publicId: string): Promise<string[]> {
  const { id } = await paymentRow(publicId);
  const rows = await db.selectFrom("payment_status_history").select(["status", "source"]).where("payment_id", "=", id).orderBy("id").execute();
  return rows.map((row) => `${row.status}:${row.source}`);
}

async function invoiceCount(publicId: string): Promise<number> {
  const { id } = await paymentRow(publicId);
  return (await db.selectFrom("invoices").select("number").where("payment_id", "=", id).execute()).length;
}

const gatewayStatus = async (mollieId: string) => (await mollieClient().payments.get(mollieId)).status as string;

/** The customer's choice on the gateway's checkout page; the HTTP status the checkout answers. */
async function payAtCheckout(checkoutUrl: string, outcome: "paid" | "canceled" = "paid"): Promise<number> {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ status: outcome }).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

const sendWebhook = (mollieId: string) =>
  fetch(`${base}/api/mollie/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: `id=${mollieId}`,
  });

async function auditEntries(action: string, entityId: number) {
  const rows = await db.selectFrom("audit_log").selectAll().where("action", "=", action).where("entity_id", "=", String(entityId)).orderBy("id").execute();
  return rows.map((row) => ({ staff: row.staff_name, providerId: row.provider_id, old: JSON.parse(row.old_values ?? "null"), new: JSON.parse(row.new_values ?? "null") }));
}

describe("the local gateway cancels as Mollie does", () => {
  it("cancels an open payment through DELETE, says so in isCancelable, and refuses to cancel it twice", async () => {
    const providerId = await providerWithPaidFee();
    const first = await staffAssignPackage(db, staff, { providerId, package: "basis" });
    const { mollie_id: mollieId } = await paymentRow(first.paymentPublicId);
    const client = mollieClient();

    expect((await client.payments.get(mollieId!)).isCancelable).toBe(true);
    const canceled = await client.payments.cancel(mollieId!);
    expect(canceled.status).toBe("canceled");
    expect(canceled.canceledAt).toEqual(expect.any(String));
    expect((await client.payments.get(mollieId!)).isCancelable).toBeUndefined();

    const again = await client.payments.cancel(mollieId!).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(MollieApiError);
    expect((again as MollieApiError).statusCode).toBe(422);
    // The customer can no longer pay it.
    expect(await payAtCheckout(first.checkoutUrl)).toBe(409);
  });
});

describe("replacing a package that awaits payment", () => {
  it("cancels the old payment at Mollie, marks ours cancelled, and the new package gets the € 10 credit", async () => {
    const providerId = await providerWithPaidFee();
    const first = await staffAssignPackage(db, staff, { providerId, package: "basis" });
    const old = await paymentRow(first.paymentPublicId);
    expect(old.status).toBe("open");

    const second = await staffAssignPackage(db, staff, { providerId, package: "plus" });

    expect(await gatewayStatus(old.mollie_id!)).toBe("canceled");
    expect(await paymentRow(first.paymentPublicId)).toMatchObject({ status: "canceled", checkout_url: null, attention: null });
    expect(await history(first.paymentPublicId)).toEqual(["created:create", "open:create", "canceled:cancel"]);
    expect(await packageStatus(first.providerPackageId)).toBe("cancelled");
    expect(await packageStatus(second.providerPackageId)).toBe("awaiting_payment");
    expect(await paymentRow(second.paymentPublicId)).toMatchObject({ status: "open", gross_cents: 29_000 });
    expect(await auditEntries("payment.cancel", old.id)).toEqual([
      { staff: "Ans Beheer", providerId, old: { status: "open" }, new: { status: "canceled", result: "canceled" } },
    ]);
    // The old checkout link takes no money any more.
    expect(await payAtCheckout(first.checkoutUrl)).toBe(409);
  });

  it("the webhook for the cancelled payment changes nothing, however often it comes", async () => {
    const providerId = await providerWithPaidFee();
    const first = await staffAssignPackage(db, staff, { providerId, package: "basis" });
    const second = await staffAssignPackage(db, staff, { providerId, package: "luxe" });
    const before = await paymentRow(first.paymentPublicId);
    expect(before.status).toBe("canceled");
    expect(await gatewayStatus(before.mollie_id!)).toBe("canceled");
    const historyBefore = await history(first.paymentPublicId);

    for (let i = 0; i < 3; i++) expect((await sendWebhook(before.mollie_id!)).status).toBe(200);

    expect(await paymentRow(first.paymentPublicId)).toEqual(before);
    expect(await history(first.paymentPublicId)).toEqual(historyBefore);
    expect(await invoiceCount(first.paymentPublicId)).toBe(0);
    expect(await packageStatus(first.providerPackageId)).toBe("cancelled");
    expect(await packageStatus(second.providerPackageId)).toBe("awaiting_payment");

    // "Probeer opnieuw" on the old payment's page starts nothing for the replaced package: on to the package page.
    const cookie = await signIn(providerId);
    const retried = await settle(() =>
      returnPage.action({ request: postForm(`/betaling/${first.paymentPublicId}`, cookie, []), params: { publicId: first.paymentPublicId }, context }),
    );
    expect(retried).toMatchObject({ status: 303, location: "/backoffice/pakket" });
    expect(await db.selectFrom("payments").select("id").where("provider_package_id", "=", first.providerPackageId).execute()).toHaveLength(1);
  });

  it("a payment paid just before the cancel is recorded as paid, activates nothing, and is flagged for staff until handled", async () => {
    const providerId = await providerWithPaidFee();
    const first = await staffAssignPackage(db, staff, { providerId, package: "basis" });
    const old = await paymentRow(first.paymentPublicId);
    // Paid at Mollie, but the webhook did not get through before staff replaced the package.
    hook.down = true;
    expect(await payAtCheckout(first.checkoutUrl)).toBe(303);
    hook.down = false;
    expect((await paymentRow(first.paymentPublicId)).status).toBe("open");

    const second = await staffAssignPackage(db, staff, { providerId, package: "plus" });

    const paid = await paymentRow(first.paymentPublicId);
    expect(paid).toMatchObject({ status: "paid", attention: "package_not_activated", attention_resolved_at: null });
    expect(paid.paid_at).toEqual(expect.any(String));
    expect(await history(first.paymentPublicId)).toEqual(["created:create", "open:create", "paid:cancel"]);
    expect(await invoiceCount(first.paymentPublicId)).toBe(1);
    expect(await packageStatus(first.providerPackageId)).toBe("cancelled");
    expect(await packageStatus(second.providerPackageId)).toBe("awaiting_payment");
    expect(await auditEntries("payment.cancel", old.id)).toEqual([
      { staff: "Ans Beheer", providerId, old: { status: "open" }, new: { status: "paid", result: "final" } },
    ]);
    const mails = await db.selectFrom("outbox_messages").selectAll().where("dedupe_key", "=", `payment:${first.paymentPublicId}:not-activated:staff`).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain("€ 90,00");
    expect(mails[0]!.text_body).toContain("al vervangen of geannuleerd");

    // A late webhook for it changes nothing more: no second invoice, no second e-mail.
    expect((await sendWebhook(old.mollie_id!)).status).toBe(200);
    expect(await invoiceCount(first.paymentPublicId)).toBe(1);
    expect(await db.selectFrom("outbox_messages").select("id").where("dedupe_key", "like", `payment:${first.paymentPublicId}:%`).execute()).toHaveLength(1);

    // Staff see it on the packages page and on the provider's page.
    const page = await settle(() => packagesPage.loader({ request: getRequest("/beheer/pakketten", staffCookie), params: {}, context }));
    const attention = page.data?.attention as Array<{ paymentId: number; amount: string; reason: string }>;
    expect(attention).toContainEqual(expect.objectContaining({ paymentId: old.id, amount: "€ 90,00", reason: expect.stringContaining("vervangen") }));
    const paidLines = page.data?.paid as Array<{ paymentId: number; needsAttention: boolean }>;
    expect(paidLines.find((line) => line.paymentId === old.id)?.needsAttention).toBe(true);
    const detail = await settle(() =>
      providerPage.loader({ request: getRequest(`/beheer/dienstverleners/${providerId}`, staffCookie), params: { id: String(providerId) }, context }),
    );
    expect(JSON.stringify(detail.data)).toContain("package_not_activated");

    // Handled: refunded. Once, with an audit entry; a note is required.
    const resolve = (note: string) =>
      settle(() =>
        packagesPage.action({
          request: postForm("/beheer/pakketten", staffCookie, [["intent", "resolve-payment"], ["paymentId", String(old.id)], ["note", note]]),
          params: {},
          context,
        }),
      );
    expect((await resolve(" ")).status).toBe(400);
    expect((await resolve("Terugbetaald via Mollie")).status).toBe(303);
    expect((await resolve("Nog eens")).status).toBe(303);
    expect(await paymentRow(first.paymentPublicId)).toMatchObject({ attention_resolved_by: staff.id, attention_note: "Terugbetaald via Mollie" });
    expect(await auditEntries("payment.attention_resolve", old.id)).toEqual([
      { staff: "Ans Beheer", providerId, old: { attention: "package_not_activated" }, new: { attention: "handled", note: "Terugbetaald via Mollie" } },
    ]);
    const after = await settle(() => packagesPage.loader({ request: getRequest("/beheer/pakketten", staffCookie), params: {}, context }));
    expect((after.data?.attention as Array<{ paymentId: number }>).map((a) => a.paymentId)).not.toContain(old.id);
  });

  it("goes ahead when Mollie cannot be reached; a late payment of the old checkout is then flagged when its webhook arrives", async () => {
    const providerId = await providerWithPaidFee();
    const providerCookie = await signIn(providerId);
    const first = await staffAssignPackage(db, staff, { providerId, package: "basis" });
    const old = await paymentRow(first.paymentPublicId);
    const newPayments: number[] = [];
    // The new package's payment is recorded as the payments module would; only the cancel meets the outage.
    const recordingCreate: CreatePaymentFn = async (database, input) => {
      newPayments.push(input.grossCents);
      const payment = await insertTestPayment(database, { ...input, providerPackageId: input.providerPackageId ?? null, status: "open" });
      return { publicId: payment.publicId, checkoutUrl: `https://checkout.example/${payment.publicId}` };
    };

    clearLocalGateway();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    let second: Awaited<ReturnType<typeof staffAssignPackage>>;
    try {
      second = await staffAssignPackage(db, staff, { providerId, package: "plus" }, recordingCreate);
      // Meanwhile our own pages no longer send the provider on to the old checkout.
      const page = await settle(() =>
        returnPage.loader({ request: getRequest(`/betaling/${first.paymentPublicId}?start=1`, providerCookie), params: { publicId: first.paymentPublicId }, context }),
      );
      expect(page.data).toMatchObject({ state: "waiting", checkoutUrl: null });
    } finally {
      errors.mockRestore();
      setLocalGateway(gateway);
    }

    expect(newPayments).toEqual([29_000]);
    expect(await packageStatus(first.providerPackageId)).toBe("cancelled");
    expect(await packageStatus(second.providerPackageId)).toBe("awaiting_payment");
    expect(await paymentRow(first.paymentPublicId)).toMatchObject({ status: "open", checkout_url: null, attention: null });
    expect(await auditEntries("payment.cancel", old.id)).toEqual([
      { staff: "Ans Beheer", providerId, old: { status: "open" }, new: { status: "open", result: "unreachable" } },
    ]);

    // Mollie is back; the customer still had the old checkout open and pays it. The gateway calls our webhook.
    expect(await gatewayStatus(old.mollie_id!)).toBe("open");
    expect(await payAtCheckout(first.checkoutUrl)).toBe(303);

    expect(await paymentRow(first.paymentPublicId)).toMatchObject({ status: "paid", attention: "package_not_activated" });
    expect(await history(first.paymentPublicId)).toEqual(["created:create", "open:create", "paid:webhook"]);
    expect(await invoiceCount(first.paymentPublicId)).toBe(1);
    expect(await packageStatus(first.providerPackageId)).toBe("cancelled");
    expect(await packageStatus(second.providerPackageId)).toBe("awaiting_payment");
    // No staff action caused this: the webhook leaves no audit entry of its own.
    expect(await auditEntries("payment.cancel", old.id)).toHaveLength(1);
  });
});
