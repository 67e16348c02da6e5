/**
 * Promotion packages of providers: staff assign one after the intake call,
 * the provider pays the yearly price (minus the administration fee on their
 * first package) through a payment, and the paid payment activates it.
 */
import type { Selectable } from "kysely";
import type { PaymentStatus, ProviderPackagesTable, ProviderPackageStatus } from "#db/schema";
import {
  addDays,
  amsterdamIsoDate,
  FIRST_PACKAGE_CREDIT_CENTS,
  getPackage,
  isIsoDate,
  packageDescription,
  packagePaymentAmount,
  packagePeriodEnd,
  resolvePackagePrice,
  type PackageKey,
  type PackagePaymentAmount,
  type PackagePriceError,
} from "~/domain/packages";
import type { Db } from "./db.server";
import { createPayment, hasPaidAdminFee, startPayment } from "./payments.server";
import { displayName } from "./providers.server";

export type CreatePaymentFn = (
  db: Db,
  input: { providerId: number; purpose: "admin_fee" | "package"; description: string; grossCents: number; providerPackageId?: number },
) => Promise<{ publicId: string; checkoutUrl: string }>;

export type PackageAssignmentErrorReason = PackagePriceError | "invalid-start-date" | "unknown-provider";

export class PackageAssignmentError extends Error {
  override name = "PackageAssignmentError";
  constructor(readonly reason: PackageAssignmentErrorReason) {
    super(`The package cannot be assigned: ${reason}`);
  }
}

export type AssignPackageInput = {
  providerId: number;
  package: PackageKey;
  /** Required for the Fee-pakket (at least € 500,00); for the others it must be the list price if given. */
  priceCents?: number;
  /** The first day of the year the package runs; today in the Netherlands when not given. */
  startsOn?: string;
  /** Runs in the transaction that records the package, e.g. the staff console's audit entry. */
  onAssigned?: (trx: Db, assigned: { providerPackageId: number; startsOn: string; endsOn: string } & PackagePaymentAmount) => Promise<void>;
};

export type AssignedPackage = { providerPackageId: number; paymentPublicId: string; checkoutUrl: string };

export type ProviderPackage = {
  id: number;
  providerId: number;
  package: PackageKey;
  name: string;
  stars: number;
  priceCents: number;
  creditCents: number;
  /** What the provider pays for it: the price minus the credit. */
  amountCents: number;
  startsOn: string;
  endsOn: string;
  status: ProviderPackageStatus;
};

function toProviderPackage(row: Selectable<ProviderPackagesTable>): ProviderPackage {
  const pkg = getPackage(row.package);
  return {
    id: row.id,
    providerId: row.provider_id,
    package: row.package,
    name: pkg.name,
    stars: pkg.stars,
    priceCents: row.price_cents,
    creditCents: row.credit_cents,
    amountCents: row.price_cents - row.credit_cents,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
  };
}

/**
 * What is still to be credited to this provider: the administration fee, once
 * they have paid it and as long as no package (other than a cancelled one)
 * has had it deducted. In effect: on the first package after signup.
 */
async function creditAvailableCents(db: Db, providerId: number): Promise<number> {
  if (!(await hasPaidAdminFee(db, providerId))) return 0;
  const credited = await db
    .selectFrom("provider_packages")
    .select("id")
    .where("provider_id", "=", providerId)
    .where("credit_cents", ">", 0)
    .where("status", "!=", "cancelled")
    .executeTakeFirst();
  return credited ? 0 : FIRST_PACKAGE_CREDIT_CENTS;
}

/**
 * Staff assign a package: it is recorded for one year from `startsOn`,
 * awaiting payment, and a payment is started for the price minus any credit.
 * Call with the database, not inside a transaction: starting the payment
 * talks to Mollie. When that fails the package is cancelled again (so the
 * credit is free for the next try) and the error is passed on.
 */
export async function assignPackage(db: Db, input: AssignPackageInput, createPaymentFn: CreatePaymentFn = createPayment): Promise<AssignedPackage> {
  const price = resolvePackagePrice(input.package, input.priceCents);
  if (!price.ok) throw new PackageAssignmentError(price.reason);
  const startsOn = input.startsOn ?? amsterdamIsoDate(new Date());
  if (!isIsoDate(startsOn)) throw new PackageAssignmentError("invalid-start-date");
  const endsOn = packagePeriodEnd(startsOn);

  const assigned = await db.transaction().execute(async (trx) => {
    const provider = await trx.selectFrom("providers").select("id").where("id", "=", input.providerId).executeTakeFirst();
    if (!provider) throw new PackageAssignmentError("unknown-provider");
    const amount = packagePaymentAmount({ priceCents: price.priceCents, creditAvailableCents: await creditAvailableCents(trx, input.providerId) });
    const now = new Date().toISOString();
    const row = await trx
      .insertInto("provider_packages")
      .values({
        provider_id: input.providerId,
        package: input.package,
        price_cents: amount.priceCents,
        credit_cents: amount.creditCents,
        starts_on: startsOn,
        ends_on: endsOn,
        status: "awaiting_payment",
        renewal_reminded_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await input.onAssigned?.(trx, { providerPackageId: row.id, startsOn, endsOn, ...amount });
    return { id: row.id, grossCents: amount.grossCents };
  });

  try {
    const payment = await createPaymentFn(db, {
      providerId: input.providerId,
      purpose: "package",
      description: packageDescription(input.package, startsOn, endsOn),
      grossCents: assigned.grossCents,
      providerPackageId: assigned.id,
    });
    return { providerPackageId: assigned.id, paymentPublicId: payment.publicId, checkoutUrl: payment.checkoutUrl };
  } catch (error) {
    await db
      .updateTable("provider_packages")
      .set({ status: "cancelled", updated_at: new Date().toISOString() })
      .where("id", "=", assigned.id)
      .where("status", "=", "awaiting_payment")
      .execute();
    throw error;
  }
}

/**
 * The package's payment is paid: it becomes active. Idempotent; a package
 * that is already active, or was cancelled or has expired, stays as it is.
 * Returns whether this call activated it.
 */
export async function activatePackage(db: Db, providerPackageId: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("provider_packages")
    .set({ status: "active", updated_at: now.toISOString() })
    .where("id", "=", providerPackageId)
    .where("status", "=", "awaiting_payment")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The paid package whose year includes today (Dutch date), if any. */
export async function currentPackage(db: Db, providerId: number, now = new Date()): Promise<ProviderPackage | null> {
  const today = amsterdamIsoDate(now);
  const row = await db
    .selectFrom("provider_packages")
    .selectAll()
    .where("provider_id", "=", providerId)
    .where("status", "=", "active")
    .where("starts_on", "<=", today)
    .where("ends_on", ">=", today)
    .orderBy("starts_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? toProviderPackage(row) : null;
}

export type PackageAwaitingPayment = ProviderPackage & {
  /** The newest payment started for it, if any. */
  payment: { publicId: string; status: PaymentStatus } | null;
};

export type PackageOverview = {
  current: ProviderPackage | null;
  /** Paid packages whose year has not begun yet (a renewal paid in advance). */
  upcoming: ProviderPackage[];
  awaitingPayment: PackageAwaitingPayment[];
};

/** Everything the provider's "Pakket en facturen" page shows about packages. */
export async function packageOverview(db: Db, providerId: number, now = new Date()): Promise<PackageOverview> {
  const today = amsterdamIsoDate(now);
  const rows = await db
    .selectFrom("provider_packages")
    .selectAll()
    .where("provider_id", "=", providerId)
    .where("status", "in", ["active", "awaiting_payment"])
    .orderBy("starts_on")
    .orderBy("id")
    .execute();
  const awaiting = rows.filter((row) => row.status === "awaiting_payment");
  const payments =
    awaiting.length === 0
      ? []
      : await db
          .selectFrom("payments")
          .select(["public_id", "status", "provider_package_id"])
          .where("provider_id", "=", providerId)
          .where(
            "provider_package_id",
            "in",
            awaiting.map((row) => row.id),
          )
          // A payment Mollie never heard of was not started as far as the provider is concerned.
          .where("mollie_id", "is not", null)
          .orderBy("id", "desc")
          .execute();
  return {
    current: await currentPackage(db, providerId, now),
    upcoming: rows.filter((row) => row.status === "active" && row.starts_on > today).map(toProviderPackage),
    awaitingPayment: awaiting.map((row) => {
      const payment = payments.find((p) => p.provider_package_id === row.id);
      return { ...toProviderPackage(row), payment: payment ? { publicId: payment.public_id, status: payment.status } : null };
    }),
  };
}

/**
 * "Betalen" for a package awaiting payment: the path on this site where the
 * provider goes next (see startPayment: on to Mollie's checkout of the open
 * payment, or of a new one when the last one ended unpaid). Null when the
 * package is not this provider's or is not awaiting payment, so another
 * provider's id reveals nothing.
 */
export async function payPackage(db: Db, providerId: number, providerPackageId: number): Promise<string | null> {
  const row = await db
    .selectFrom("provider_packages")
    .selectAll()
    .where("id", "=", providerPackageId)
    .where("provider_id", "=", providerId)
    .where("status", "=", "awaiting_payment")
    .executeTakeFirst();
  if (!row) return null;
  return startPayment(db, {
    providerId,
    purpose: "package",
    description: packageDescription(row.package, row.starts_on, row.ends_on),
    grossCents: row.price_cents - row.credit_cents,
    providerPackageId: row.id,
  });
}

export type RenewalDue = {
  providerPackageId: number;
  providerId: number;
  providerName: string;
  email: string;
  phone: string | null;
  package: PackageKey;
  name: string;
  endsOn: string;
  renewalRemindedAt: string | null;
};

/**
 * Active packages that end within `withinDays` days (or have ended and are
 * still marked active) and have no next package assigned yet: the providers
 * staff should call about renewing. Soonest end first.
 */
export async function packagesDueForRenewal(db: Db, withinDays = 30, now = new Date()): Promise<RenewalDue[]> {
  const until = addDays(amsterdamIsoDate(now), withinDays);
  const rows = await db
    .selectFrom("provider_packages as pp")
    .innerJoin("providers as p", "p.id", "pp.provider_id")
    .select([
      "pp.id",
      "pp.provider_id",
      "pp.package",
      "pp.ends_on",
      "pp.renewal_reminded_at",
      "p.first_name",
      "p.infix",
      "p.last_name",
      "p.email",
      "p.phone",
    ])
    .where("pp.status", "=", "active")
    .where("pp.ends_on", "<=", until)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("provider_packages as next")
            .select("next.id")
            .whereRef("next.provider_id", "=", "pp.provider_id")
            .whereRef("next.starts_on", ">", "pp.starts_on")
            .where("next.status", "!=", "cancelled"),
        ),
      ),
    )
    .orderBy("pp.ends_on")
    .orderBy("pp.id")
    .execute();
  return rows.map((row) => ({
    providerPackageId: row.id,
    providerId: row.provider_id,
    providerName: displayName(row),
    email: row.email,
    phone: row.phone,
    package: row.package,
    name: getPackage(row.package).name,
    endsOn: row.ends_on,
    renewalRemindedAt: row.renewal_reminded_at,
  }));
}
