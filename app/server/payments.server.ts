/**
 * Payments through Mollie. Our row is written before Mollie is asked, so
 * every payment Mollie knows has a row here; its status is only ever learned
 * by fetching the payment from Mollie (webhook, return page, poll), never
 * from what a caller sends.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Locale, MollieApiError, PaymentMethod, type Payment as MolliePayment } from "@mollie/api-client";
import type { Selectable } from "kysely";
import type { PaymentPurpose, PaymentsTable, PaymentStatus } from "#db/schema";
import { invoiceMail } from "~/domain/mail/invoice-templates";
import { staffPackagePaymentNotActivatedMail } from "~/domain/mail/package-templates";
import { providerLiveMail, staffProviderLiveMail } from "~/domain/mail/templates";
import { vatBreakdown } from "~/domain/money";
import { getPackage } from "~/domain/packages";
import {
  ADMINISTRATION_FEE_CENTS,
  ADMINISTRATION_FEE_DESCRIPTION,
  centsToMollieValue,
  isFinalStatus,
  mapMollieStatus,
  shouldApplyStatus,
  webhookUrlFor,
} from "~/domain/payments";
import { slugify, uniqueSlug } from "~/domain/slug";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { invoiceFileName, issueInvoice } from "./invoices.server";
import { mollieClient } from "./mollie-client.server";
import { enqueueMail } from "./outbox.server";
import { activatePackage } from "./packages.server";
import { displayName } from "./providers.server";
import { completeStep, parseCompletedSteps } from "./wizard.server";
import { log } from "./log.server";

export type PaymentRow = Selectable<PaymentsTable>;
export type SyncSource = "webhook" | "return" | "poll" | "cancel";

/** Mollie could not be reached or refused the request; the provider may simply try again. */
export class PaymentGatewayError extends Error {
  override name = "PaymentGatewayError";
}

export type NewPayment = {
  providerId: number;
  purpose: PaymentPurpose;
  description: string;
  grossCents: number;
  providerPackageId?: number | null;
};

/**
 * Starts a payment: our row first (status `created`), then the payment at
 * Mollie with our idempotency key, then Mollie's id and checkout URL on our
 * row. Throws PaymentGatewayError when Mollie does not answer; the row then
 * stays `created` and is never shown as a payment in progress.
 */
export async function createPayment(db: Db, input: NewPayment): Promise<{ publicId: string; checkoutUrl: string }> {
  const now = new Date().toISOString();
  const { netCents, vatCents, grossCents } = vatBreakdown(input.grossCents);
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("payments")
      .values({
        public_id: randomBytes(18).toString("base64url"),
        provider_id: input.providerId,
        purpose: input.purpose,
        provider_package_id: input.providerPackageId ?? null,
        description: input.description,
        net_cents: netCents,
        vat_cents: vatCents,
        gross_cents: grossCents,
        idempotency_key: randomUUID(),
        status: "created",
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStatus(trx, inserted.id, "created", "create", now);
    if (input.purpose === "admin_fee") {
      // The staff console tells "still filling in" from "got as far as paying".
      await trx.updateTable("providers").set({ status: "awaiting_payment", updated_at: now }).where("id", "=", input.providerId).where("status", "=", "draft").execute();
    }
    return inserted;
  });

  const { baseUrl, mollie } = config();
  let created: MolliePayment;
  try {
    created = await mollieClient().payments.create({
      amount: { currency: "EUR", value: centsToMollieValue(row.gross_cents) },
      description: row.description,
      redirectUrl: `${baseUrl}${paymentPath(row.public_id)}`,
      webhookUrl: webhookUrlFor(baseUrl, !mollie.useLocalGateway),
      metadata: { paymentId: row.public_id },
      method: PaymentMethod.ideal,
      locale: Locale.nl_NL,
      idempotencyKey: row.idempotency_key,
    });
  } catch (error) {
    log.error(`payment ${row.public_id}: Mollie did not create it:`, error);
    throw new PaymentGatewayError("Mollie did not create the payment", { cause: error });
  }

  const checkoutUrl = created.getCheckoutUrl();
  const status = mapMollieStatus(created.status) ?? "open";
  const later = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("payments")
      .set({ mollie_id: created.id, checkout_url: checkoutUrl, status, updated_at: later })
      .where("id", "=", row.id)
      .where("status", "=", "created")
      .execute();
    await recordStatus(trx, row.id, status, "create", later);
  });
  if (!checkoutUrl) throw new PaymentGatewayError(`Mollie gave payment ${created.id} no checkout URL (status ${created.status})`);
  return { publicId: row.public_id, checkoutUrl };
}

export type SyncResult = { payment: PaymentRow; changed: boolean };

/**
 * Asks Mollie for a payment's status and applies it. Idempotent and safe in
 * any order: the status is re-read inside the transaction that writes it, a
 * final status (paid, failed, canceled, expired) never changes again, a stale
 * answer never moves a payment back, and what follows from `paid` (going live,
 * invoice, e-mails, package) happens only in the transaction that records the
 * change to `paid`. Returns null for a Mollie id we never created.
 * Throws when Mollie cannot be asked, so the webhook answers 500 and Mollie retries.
 */
export async function syncPayment(db: Db, mollieId: string, source: SyncSource): Promise<SyncResult | null> {
  const row = await db.selectFrom("payments").selectAll().where("mollie_id", "=", mollieId).executeTakeFirst();
  if (!row) {
    log.warn(`payment sync (${source}): unknown Mollie id ${mollieId}; nothing changed`);
    return null;
  }
  if (isFinalStatus(row.status)) return { payment: row, changed: false };

  let remote: MolliePayment;
  try {
    remote = await mollieClient().payments.get(mollieId);
  } catch (error) {
    if (error instanceof MollieApiError && error.statusCode === 404) {
      log.warn(`payment sync (${source}): Mollie does not know ${mollieId} (payment ${row.public_id}); nothing changed`);
      return { payment: row, changed: false };
    }
    throw new PaymentGatewayError(`Mollie did not answer for ${mollieId}`, { cause: error });
  }

  return applyRemoteStatus(db, row, remote, source);
}

/** Applies what Mollie says about one of our payments (fetched, or the answer to a cancel): see syncPayment. */
async function applyRemoteStatus(db: Db, row: PaymentRow, remote: MolliePayment, source: SyncSource): Promise<SyncResult> {
  const problem = mismatch(row, remote);
  if (problem) {
    log.error(`payment sync (${source}): ${remote.id} does not belong to payment ${row.public_id}: ${problem}; nothing changed`);
    return { payment: row, changed: false };
  }
  const status = mapMollieStatus(remote.status);
  if (!status) {
    log.warn(`payment sync (${source}): unknown Mollie status ${JSON.stringify(remote.status)} for ${remote.id}; nothing changed`);
    return { payment: row, changed: false };
  }

  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("payments").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    if (!shouldApplyStatus(current.status, status)) return { payment: current, changed: false };
    const now = new Date().toISOString();
    const paidAt = status === "paid" ? isoOrNow(remote.paidAt, now) : current.paid_at;
    await trx
      .updateTable("payments")
      .set({ status, paid_at: paidAt, updated_at: now })
      .where("id", "=", current.id)
      .where("status", "=", current.status)
      .execute();
    await recordStatus(trx, current.id, status, source, now);
    const updated = { ...current, status, paid_at: paidAt, updated_at: now };
    if (status === "paid") await onPaid(trx, updated, new Date(now));
    return { payment: updated, changed: true };
  });
}

/** Mollie's copy must carry our id and our amount: a swapped or forged id changes nothing. */
function mismatch(row: PaymentRow, remote: MolliePayment): string | null {
  const metadata = remote.metadata as { paymentId?: unknown } | null | undefined;
  if (metadata?.paymentId !== row.public_id) return `metadata.paymentId is ${JSON.stringify(metadata?.paymentId)}`;
  if (remote.amount.currency !== "EUR" || remote.amount.value !== centsToMollieValue(row.gross_cents)) {
    return `amount is ${remote.amount.currency} ${remote.amount.value}`;
  }
  return null;
}

function isoOrNow(value: string | null | undefined, now: string): string {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? now : new Date(time).toISOString();
}

async function recordStatus(db: Db, paymentId: number, status: PaymentStatus, source: string, at: string): Promise<void> {
  await db.insertInto("payment_status_history").values({ payment_id: paymentId, status, source, recorded_at: at }).execute();
}

/**
 * Runs once per payment, inside the transaction that records `paid`. The
 * money is in, so the invoice is always issued; a package payment that
 * activates nothing (its package was replaced or cancelled before the
 * payment came in, or was paid already) is flagged for staff (ADR 014).
 */
async function onPaid(trx: Db, payment: PaymentRow, now: Date): Promise<void> {
  const invoice = await issueInvoice(trx, payment.id, now);
  if (payment.purpose === "admin_fee") {
    await goLive(trx, payment, now);
  } else if (payment.provider_package_id === null || !(await activatePackage(trx, payment.provider_package_id, now))) {
    log.warn(`payment ${payment.public_id}: paid, but package ${payment.provider_package_id ?? "(none)"} could not be activated; flagged for staff`);
    await flagForStaff(trx, payment, now);
  }
  await sendInvoiceMail(trx, payment, invoice.number);
}

/**
 * "U ontvangt een factuur per e-mail": the invoice goes to the provider with
 * its PDF attached. Keyed by the invoice number, so however many syncs see
 * the payment paid (webhook and return page), the invoice is mailed once.
 */
async function sendInvoiceMail(trx: Db, payment: PaymentRow, invoiceNumber: string): Promise<void> {
  const provider = await trx.selectFrom("providers").select(["first_name", "email"]).where("id", "=", payment.provider_id).executeTakeFirstOrThrow();
  await enqueueMail(trx, {
    to: provider.email,
    dedupeKey: `invoice:${invoiceNumber}`,
    attachment: { invoice: invoiceNumber },
    ...invoiceMail({
      firstName: provider.first_name,
      invoiceNumber,
      description: payment.description,
      amountCents: payment.gross_cents,
      fileName: invoiceFileName(invoiceNumber),
      invoicesUrl: `${config().baseUrl}/backoffice/pakket`,
    }),
  });
}

/** Marks a paid payment that activated nothing, and tells staff by e-mail (once). */
async function flagForStaff(trx: Db, payment: PaymentRow, now: Date): Promise<void> {
  const at = now.toISOString();
  await trx
    .updateTable("payments")
    .set({ attention: "package_not_activated", attention_at: at, updated_at: at })
    .where("id", "=", payment.id)
    .where("attention", "is", null)
    .execute();
  const provider = await trx.selectFrom("providers").selectAll().where("id", "=", payment.provider_id).executeTakeFirstOrThrow();
  const pkg =
    payment.provider_package_id === null
      ? undefined
      : await trx.selectFrom("provider_packages").select(["package", "status"]).where("id", "=", payment.provider_package_id).executeTakeFirst();
  const { baseUrl, mail } = config();
  await enqueueMail(trx, {
    to: mail.staffAddress,
    dedupeKey: `payment:${payment.public_id}:not-activated:staff`,
    ...staffPackagePaymentNotActivatedMail({
      providerName: displayName(provider),
      packageName: pkg ? getPackage(pkg.package).name : null,
      packageStatus: pkg?.status ?? null,
      amountCents: payment.gross_cents,
      description: payment.description,
      staffUrl: `${baseUrl}/beheer/dienstverleners/${provider.id}`,
    }),
  });
}

/**
 * The administration fee is paid: the profile is published at once with its
 * public address, the Betaling step is done, and the provider and staff hear
 * of it. A paused or suspended provider stays so; staff decide about them.
 */
async function goLive(trx: Db, payment: PaymentRow, now: Date): Promise<void> {
  const provider = await trx.selectFrom("providers").selectAll().where("id", "=", payment.provider_id).executeTakeFirstOrThrow();
  await completeStep(trx, provider.id, parseCompletedSteps(provider.completed_steps), "betaling");
  if (provider.status !== "draft" && provider.status !== "awaiting_payment") return;

  const slug = provider.slug ?? (await freeSlug(trx, slugify(displayName(provider))));
  const at = now.toISOString();
  await trx
    .updateTable("providers")
    .set({ status: "live", slug, published_at: provider.published_at ?? at, updated_at: at })
    .where("id", "=", provider.id)
    .execute();

  const { baseUrl, mail } = config();
  const backofficeUrl = `${baseUrl}/backoffice`;
  const profileUrl = `${baseUrl}/dienstverlener/${slug}`;
  const toProvider = providerLiveMail({ firstName: provider.first_name, profileUrl, backofficeUrl });
  await enqueueMail(trx, { to: provider.email, dedupeKey: `payment:${payment.public_id}:live`, ...toProvider });
  const toStaff = staffProviderLiveMail({ providerName: displayName(provider), email: provider.email, phone: provider.phone, backofficeUrl: `${baseUrl}/beheer/dienstverleners/${provider.id}` });
  await enqueueMail(trx, { to: mail.staffAddress, dedupeKey: `payment:${payment.public_id}:live:staff`, ...toStaff });
}

/** `jan-de-vries`, or `jan-de-vries-2` when that is taken. */
async function freeSlug(trx: Db, base: string): Promise<string> {
  const root = base === "" ? "dienstverlener" : base;
  // Old slugs of renamed providers still redirect, so they are not free either.
  const taken = new Set(
    (
      await trx
        .selectFrom("providers")
        .select("slug")
        .where((eb) => eb.or([eb("slug", "=", root), eb("slug", "like", `${root}-%`)]))
        .unionAll(
          trx
            .selectFrom("provider_slug_history")
            .select("slug")
            .where((eb) => eb.or([eb("slug", "=", root), eb("slug", "like", `${root}-%`)])),
        )
        .execute()
    ).map((row) => row.slug),
  );
  return uniqueSlug(root, (slug) => taken.has(slug));
}

/** The newest payment for the same thing (the fee, or one package) that reached Mollie, if any. */
async function latestPaymentFor(db: Db, providerId: number, purpose: PaymentPurpose, providerPackageId: number | null): Promise<PaymentRow | null> {
  let query = db
    .selectFrom("payments")
    .selectAll()
    .where("provider_id", "=", providerId)
    .where("purpose", "=", purpose)
    .where("mollie_id", "is not", null);
  query = providerPackageId === null ? query.where("provider_package_id", "is", null) : query.where("provider_package_id", "=", providerPackageId);
  return (await query.orderBy("id", "desc").executeTakeFirst()) ?? null;
}

/** The provider's newest administration fee payment that reached Mollie, if any. */
export function latestAdminFeePayment(db: Db, providerId: number): Promise<PaymentRow | null> {
  return latestPaymentFor(db, providerId, "admin_fee", null);
}

/** Whether the provider ever paid the administration fee. */
export async function hasPaidAdminFee(db: Db, providerId: number): Promise<boolean> {
  const row = await db
    .selectFrom("payments")
    .select("id")
    .where("provider_id", "=", providerId)
    .where("purpose", "=", "admin_fee")
    .where("status", "=", "paid")
    .executeTakeFirst();
  return row !== undefined;
}

/** A payment by its public id, only for the provider it belongs to. */
export async function findProviderPayment(db: Db, providerId: number, publicId: string): Promise<PaymentRow | null> {
  return (
    (await db
      .selectFrom("payments")
      .selectAll()
      .where("public_id", "=", publicId)
      .where("provider_id", "=", providerId)
      .executeTakeFirst()) ?? null
  );
}

/**
 * Brings a payment up to date when it may still change; a Mollie that does
 * not answer leaves it as stored (the page then says it is still waiting).
 */
export async function refreshPayment(db: Db, payment: PaymentRow, source: SyncSource): Promise<PaymentRow> {
  if (!payment.mollie_id || isFinalStatus(payment.status)) return payment;
  try {
    return (await syncPayment(db, payment.mollie_id, source))?.payment ?? payment;
  } catch (error) {
    log.error(`payment ${payment.public_id}: status check (${source}) failed:`, error);
    return payment;
  }
}

/** Where the provider goes once a payment is paid. */
export function afterPaidPath(payment: Pick<PaymentRow, "purpose">): string {
  return payment.purpose === "admin_fee" ? "/aanmelden/voltooiing" : "/backoffice/pakket";
}

/**
 * Where the provider goes to pay: always a path on this site. An earlier
 * payment for the same thing that Mollie still has open is continued instead
 * of starting a second one (a double click, the back button, "Probeer
 * opnieuw" twice); one already paid goes on to the next page; otherwise a new
 * payment is started. Mollie's checkout is reached through `checkoutPath`:
 * our CSP (`form-action 'self'`) rightly stops a form post from being
 * redirected to another site, so the POST lands on our page, which sends the
 * browser on with a link and an instant refresh.
 */
export async function startPayment(db: Db, input: NewPayment): Promise<string> {
  const latest = await latestPaymentFor(db, input.providerId, input.purpose, input.providerPackageId ?? null);
  if (latest) {
    const current = await refreshPayment(db, latest, "poll");
    if (current.status === "paid") return afterPaidPath(current);
    if (current.status === "open" && current.checkout_url) return checkoutPath(current.public_id);
    // Pending or authorized: the bank is still busy with it; a second payment could be paid twice.
    if (!isFinalStatus(current.status)) return paymentPath(current.public_id);
  }
  return checkoutPath((await createPayment(db, input)).publicId);
}

/** The return page of a payment (Mollie's redirectUrl). */
export function paymentPath(publicId: string): string {
  return `/betaling/${publicId}`;
}

/** The return page in its "on to your bank" form, for a payment that is open. */
export function checkoutPath(publicId: string): string {
  return `/betaling/${publicId}?start=1`;
}

/** "Betalen met iDEAL" on the Betaling step. */
export function startAdminFeePayment(db: Db, providerId: number): Promise<string> {
  return startPayment(db, { providerId, purpose: "admin_fee", description: ADMINISTRATION_FEE_DESCRIPTION, grossCents: ADMINISTRATION_FEE_CENTS });
}

/**
 * "Probeer opnieuw": a new payment for the same thing as one that ended
 * unpaid. A package that no longer awaits payment (replaced by staff, say)
 * gets none: the provider goes to the package page, which shows what is to
 * be paid now.
 */
export async function retryPayment(db: Db, ended: PaymentRow): Promise<string> {
  if (ended.purpose === "package") {
    const pkg =
      ended.provider_package_id === null
        ? undefined
        : await db.selectFrom("provider_packages").select("status").where("id", "=", ended.provider_package_id).executeTakeFirst();
    if (pkg?.status !== "awaiting_payment") return afterPaidPath(ended);
  }
  return startPayment(db, {
    providerId: ended.provider_id,
    purpose: ended.purpose,
    description: ended.description,
    grossCents: ended.gross_cents,
    providerPackageId: ended.provider_package_id,
  });
}

/** What became of a payment whose package was replaced: see cancelPackagePayments. */
export type PaymentCancellation = {
  paymentId: number;
  publicId: string;
  providerId: number;
  statusBefore: PaymentStatus;
  statusAfter: PaymentStatus;
  /**
   * `canceled`: Mollie canceled it. `final`: it had ended already (paid,
   * failed, expired) and that is now applied. `not-cancelable`: Mollie keeps
   * it open (it will expire). `unreachable`: Mollie did not answer; the
   * webhook will tell. `not-started`: it never reached Mollie.
   */
  outcome: "canceled" | "final" | "not-cancelable" | "unreachable" | "not-started";
};

/**
 * A replaced package's payment must no longer be offered by our pages: its
 * checkout link is forgotten (the return page then never sends anyone on to
 * it). Call in the transaction that cancels the package, before
 * cancelPackagePayments.
 */
export async function withdrawPackageCheckouts(trx: Db, providerPackageIds: number[], now = new Date()): Promise<void> {
  if (providerPackageIds.length === 0) return;
  await trx
    .updateTable("payments")
    .set({ checkout_url: null, updated_at: now.toISOString() })
    .where("provider_package_id", "in", providerPackageIds)
    .where("status", "in", NOT_FINAL_STATUSES)
    .execute();
}

const NOT_FINAL_STATUSES: PaymentStatus[] = ["created", "open", "pending", "authorized"];

/**
 * Cancels at Mollie the payments still running for packages that were just
 * cancelled (replaced), so that the old checkout link can no longer be paid.
 * Call with the database, after the transaction that cancelled the packages:
 * it talks to Mollie. Never throws for Mollie: a payment Mollie does not
 * cancel (not cancelable, or Mollie unreachable) stays as it is, and when it
 * is paid after all, syncPayment flags it for staff (ADR 014). One that
 * turns out to be paid already is applied (and flagged) here.
 */
export async function cancelPackagePayments(db: Db, providerPackageIds: number[]): Promise<PaymentCancellation[]> {
  if (providerPackageIds.length === 0) return [];
  const rows = await db
    .selectFrom("payments")
    .selectAll()
    .where("provider_package_id", "in", providerPackageIds)
    .where("status", "in", NOT_FINAL_STATUSES)
    .orderBy("id")
    .execute();
  const results: PaymentCancellation[] = [];
  for (const row of rows) {
    const base = { paymentId: row.id, publicId: row.public_id, providerId: row.provider_id, statusBefore: row.status };
    if (!row.mollie_id) {
      results.push({ ...base, statusAfter: row.status, outcome: "not-started" });
      continue;
    }
    const { payment, reached } = await cancelAtMollie(db, row, row.mollie_id);
    const outcome = !reached ? "unreachable" : payment.status === "canceled" ? "canceled" : isFinalStatus(payment.status) ? "final" : "not-cancelable";
    results.push({ ...base, statusAfter: payment.status, outcome });
  }
  return results;
}

/** Asks Mollie to cancel one payment when it can be canceled, and applies what Mollie then says it is. */
async function cancelAtMollie(db: Db, row: PaymentRow, mollieId: string): Promise<{ payment: PaymentRow; reached: boolean }> {
  let remote: MolliePayment;
  try {
    const client = mollieClient();
    remote = await client.payments.get(mollieId);
    if (remote.isCancelable) {
      try {
        remote = await client.payments.cancel(mollieId);
      } catch (error) {
        // Refused: it changed between the two requests (paid just now, say). What it is now decides.
        if (!(error instanceof MollieApiError) || error.statusCode === undefined || error.statusCode >= 500) throw error;
        remote = await client.payments.get(mollieId);
      }
    }
  } catch (error) {
    log.error(`payment ${row.public_id}: could not cancel ${mollieId} at Mollie; its webhook will decide:`, error);
    return { payment: row, reached: false };
  }
  return { payment: (await applyRemoteStatus(db, row, remote, "cancel")).payment, reached: true };
}
