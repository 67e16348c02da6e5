/**
 * Packages in the staff console: assigning one (through assignPackage, which
 * starts the payment; the provider is told by e-mail), the package payments that are open or paid, those
 * that were paid but activated nothing, and the payment reminder e-mail. Every action is audited in its own transaction.
 */
import { sql } from "kysely";
import { packageAssignedMail, packageNotActivatedReason, packagePaymentReminderMail } from "~/domain/mail/package-templates";
import { amsterdamIsoDate, getPackage, type PackageKey } from "~/domain/packages";
import type { PaymentStatus, ProviderStatus } from "#db/schema";
import { recordStaffAction, type StaffActor } from "./audit.server";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { enqueueMail } from "./outbox.server";
import { assignPackage, type AssignedPackage, type CreatePaymentFn } from "./packages.server";
import { cancelPackagePayments, createPayment, withdrawPackageCheckouts } from "./payments.server";
import { displayName } from "./providers.server";

export type ProviderChoice = { id: number; name: string; email: string; status: ProviderStatus };

/** Providers staff can assign a package to: everyone who finished signing up (not those still in the wizard). */
export async function providersForPackages(db: Db): Promise<ProviderChoice[]> {
  const rows = await db
    .selectFrom("providers")
    .select(["id", "first_name", "infix", "last_name", "email", "status"])
    .where("status", "!=", "draft")
    .orderBy(sql`lower(first_name)`)
    .orderBy(sql`lower(coalesce(last_name, ''))`)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ id: row.id, name: displayName(row), email: row.email, status: row.status }));
}

/**
 * Staff assign (or change) a provider's package. A package of this provider
 * that is still awaiting payment is replaced: it is cancelled first, which
 * also frees the € 10 credit for the new one, and its payment is cancelled at
 * Mollie so the old checkout link can no longer be paid. When Mollie does not
 * cancel it (unreachable, or the payment can no longer be canceled) the
 * replacement goes ahead all the same; should the old payment be paid after
 * all, it is flagged for staff (ADR 014). The package cancellation, what
 * became of its payment, and the assignment each have their audit entry, the
 * last in assignPackage's own transaction.
 */
export async function staffAssignPackage(
  db: Db,
  actor: StaffActor,
  input: { providerId: number; package: PackageKey; priceCents?: number; startsOn?: string },
  createPaymentFn: CreatePaymentFn = createPayment,
): Promise<AssignedPackage> {
  const replacedRows = await db.transaction().execute(async (trx) => {
    const awaiting = await trx
      .selectFrom("provider_packages")
      .select(["id", "package", "price_cents", "credit_cents"])
      .where("provider_id", "=", input.providerId)
      .where("status", "=", "awaiting_payment")
      .execute();
    const now = new Date();
    for (const row of awaiting) {
      await trx.updateTable("provider_packages").set({ status: "cancelled", updated_at: now.toISOString() }).where("id", "=", row.id).execute();
      await recordStaffAction(
        trx,
        actor,
        {
          action: "package.cancel",
          entityType: "package",
          entityId: row.id,
          providerId: input.providerId,
          oldValues: { package: row.package, price_cents: row.price_cents, status: "awaiting_payment" },
          newValues: { package: row.package, price_cents: row.price_cents, status: "cancelled" },
        },
        now,
      );
    }
    await withdrawPackageCheckouts(
      trx,
      awaiting.map((row) => row.id),
      now,
    );
    return awaiting;
  });
  await cancelReplacedPayments(db, actor, replacedRows.map((row) => row.id));
  const replaced = replacedRows[0] ?? null;
  const assigned = await assignPackage(
    db,
    {
      ...input,
      onAssigned: async (trx, assigned) => {
        await recordStaffAction(trx, actor, {
          action: "package.assign",
          entityType: "package",
          entityId: assigned.providerPackageId,
          providerId: input.providerId,
          oldValues: replaced ? { package: replaced.package, price_cents: replaced.price_cents } : null,
          newValues: {
            package: input.package,
            price_cents: assigned.priceCents,
            credit_cents: assigned.creditCents,
            amount_cents: assigned.grossCents,
            starts_on: assigned.startsOn,
            ends_on: assigned.endsOn,
          },
        });
      },
    },
    createPaymentFn,
  );
  await tellProviderPackageAssigned(db, assigned.providerPackageId);
  return assigned;
}

/**
 * The provider hears by e-mail what was assigned, what it costs after the
 * credit and where to pay. Sent once the payment exists: an assignment whose
 * payment could not be started is cancelled again and must not be announced.
 */
async function tellProviderPackageAssigned(db: Db, providerPackageId: number): Promise<void> {
  const row = await db
    .selectFrom("provider_packages as pp")
    .innerJoin("providers as p", "p.id", "pp.provider_id")
    .select(["pp.id", "pp.package", "pp.price_cents", "pp.credit_cents", "pp.starts_on", "pp.ends_on", "p.first_name", "p.email"])
    .where("pp.id", "=", providerPackageId)
    .executeTakeFirstOrThrow();
  await enqueueMail(db, {
    to: row.email,
    dedupeKey: `package:${row.id}:assigned`,
    ...packageAssignedMail({
      firstName: row.first_name,
      packageName: getPackage(row.package).name,
      priceCents: row.price_cents,
      creditCents: row.credit_cents,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      payUrl: `${config().baseUrl}/backoffice/pakket`,
    }),
  });
}

/** Cancels the replaced packages' payments at Mollie and records per payment what came of it. */
async function cancelReplacedPayments(db: Db, actor: StaffActor, providerPackageIds: number[]): Promise<void> {
  const cancellations = await cancelPackagePayments(db, providerPackageIds);
  if (cancellations.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const c of cancellations) {
      await recordStaffAction(trx, actor, {
        action: "payment.cancel",
        entityType: "payment",
        entityId: c.paymentId,
        providerId: c.providerId,
        oldValues: { status: c.statusBefore },
        newValues: { status: c.statusAfter, result: c.outcome },
      });
    }
  });
}

export type PackagePaymentLine = {
  paymentId: number;
  providerId: number;
  providerName: string;
  providerPackageId: number | null;
  packageName: string | null;
  grossCents: number;
  status: PaymentStatus;
  createdAt: string;
  paidAt: string | null;
  /** The package is still awaiting payment: a reminder makes sense. */
  canRemind: boolean;
  /** The package was replaced or cancelled while this payment was running. */
  packageCancelled: boolean;
  /** Paid, but it activated nothing, and staff have not marked it handled yet. */
  needsAttention: boolean;
};

const OPEN_STATUSES: PaymentStatus[] = ["created", "open", "pending", "authorized"];

/** Package payments, newest first: the open ones (not yet paid or ended) or the paid ones. */
export async function packagePayments(db: Db, which: "open" | "paid", limit = 100): Promise<PackagePaymentLine[]> {
  const base = db
    .selectFrom("payments as pay")
    .innerJoin("providers as p", "p.id", "pay.provider_id")
    .leftJoin("provider_packages as pp", "pp.id", "pay.provider_package_id")
    .select([
      "pay.id",
      "pay.provider_id",
      "pay.provider_package_id",
      "pay.gross_cents",
      "pay.status",
      "pay.created_at",
      "pay.paid_at",
      "pay.attention",
      "pay.attention_resolved_at",
      "pp.package",
      "pp.status as package_status",
      "p.first_name",
      "p.infix",
      "p.last_name",
    ])
    .where("pay.purpose", "=", "package");
  const rows = await (which === "paid" ? base.where("pay.status", "=", "paid") : base.where("pay.status", "in", OPEN_STATUSES))
    .orderBy("pay.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    paymentId: row.id,
    providerId: row.provider_id,
    providerName: displayName(row),
    providerPackageId: row.provider_package_id,
    packageName: row.package ? getPackage(row.package).name : null,
    grossCents: row.gross_cents,
    status: row.status,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    canRemind: row.package_status === "awaiting_payment",
    packageCancelled: row.package_status === "cancelled",
    needsAttention: row.attention !== null && row.attention_resolved_at === null,
  }));
}

export type PaymentNeedingAttention = {
  paymentId: number;
  providerId: number;
  providerName: string;
  description: string;
  grossCents: number;
  paidAt: string | null;
  packageName: string | null;
  /** Why nothing was activated, in Dutch. */
  reason: string;
};

/** Paid package payments that activated nothing and are not yet handled (ADR 014), oldest first. */
export async function paymentsNeedingAttention(db: Db, providerId?: number): Promise<PaymentNeedingAttention[]> {
  let query = db
    .selectFrom("payments as pay")
    .innerJoin("providers as p", "p.id", "pay.provider_id")
    .leftJoin("provider_packages as pp", "pp.id", "pay.provider_package_id")
    .select(["pay.id", "pay.provider_id", "pay.description", "pay.gross_cents", "pay.paid_at", "pp.package", "pp.status as package_status", "p.first_name", "p.infix", "p.last_name"])
    .where("pay.attention", "is not", null)
    .where("pay.attention_resolved_at", "is", null);
  if (providerId !== undefined) query = query.where("pay.provider_id", "=", providerId);
  const rows = await query.orderBy("pay.attention_at").orderBy("pay.id").execute();
  return rows.map((row) => ({
    paymentId: row.id,
    providerId: row.provider_id,
    providerName: displayName(row),
    description: row.description,
    grossCents: row.gross_cents,
    paidAt: row.paid_at,
    packageName: row.package ? getPackage(row.package).name : null,
    reason: packageNotActivatedReason(row.package_status),
  }));
}

/**
 * Staff mark a flagged payment as handled (refunded or settled with the
 * provider), with a short note of what was done. False when it is not
 * flagged or already handled, so a double click records it once.
 */
export async function resolvePaymentAttention(db: Db, actor: StaffActor, paymentId: number, note: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("payments")
      .select(["id", "provider_id", "attention", "attention_resolved_at"])
      .where("id", "=", paymentId)
      .executeTakeFirst();
    if (!row || row.attention === null || row.attention_resolved_at !== null) return false;
    const at = now.toISOString();
    await trx
      .updateTable("payments")
      .set({ attention_resolved_at: at, attention_resolved_by: actor.id, attention_note: note, updated_at: at })
      .where("id", "=", row.id)
      .where("attention_resolved_at", "is", null)
      .execute();
    await recordStaffAction(
      trx,
      actor,
      {
        action: "payment.attention_resolve",
        entityType: "payment",
        entityId: row.id,
        providerId: row.provider_id,
        oldValues: { attention: row.attention },
        newValues: { attention: "handled", note },
      },
      now,
    );
    return true;
  });
}

/**
 * Puts a payment reminder for a package awaiting payment in the outbox, with
 * a link to the provider's package page. At most one per package per day, so
 * a double click sends one e-mail. False when the package is not awaiting payment.
 */
export async function sendPackagePaymentReminder(db: Db, actor: StaffActor, providerPackageId: number, baseUrl: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("provider_packages as pp")
      .innerJoin("providers as p", "p.id", "pp.provider_id")
      .select(["pp.id", "pp.provider_id", "pp.package", "pp.price_cents", "pp.credit_cents", "pp.starts_on", "pp.ends_on", "pp.status", "p.first_name", "p.email"])
      .where("pp.id", "=", providerPackageId)
      .executeTakeFirst();
    if (!row || row.status !== "awaiting_payment") return false;
    const amountCents = row.price_cents - row.credit_cents;
    await enqueueMail(trx, {
      to: row.email,
      ...packagePaymentReminderMail({
        firstName: row.first_name,
        packageName: getPackage(row.package).name,
        amountCents,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        packagePageUrl: `${baseUrl}/backoffice/pakket`,
      }),
      dedupeKey: `package:${row.id}:payment-reminder:${amsterdamIsoDate(now)}`,
    });
    await recordStaffAction(
      trx,
      actor,
      {
        action: "package.payment_reminder",
        entityType: "package",
        entityId: row.id,
        providerId: row.provider_id,
        newValues: { to: row.email, amount_cents: amountCents },
      },
      now,
    );
    return true;
  });
}

/** One assigned package with what the provider pays, for the confirmation after assigning. */
export async function findAssignedPackage(db: Db, providerPackageId: number) {
  const row = await db
    .selectFrom("provider_packages as pp")
    .innerJoin("providers as p", "p.id", "pp.provider_id")
    .select(["pp.id", "pp.package", "pp.price_cents", "pp.credit_cents", "pp.starts_on", "pp.ends_on", "pp.status", "p.first_name", "p.infix", "p.last_name"])
    .where("pp.id", "=", providerPackageId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    providerName: displayName(row),
    packageName: getPackage(row.package).name,
    priceCents: row.price_cents,
    creditCents: row.credit_cents,
    amountCents: row.price_cents - row.credit_cents,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
  };
}
