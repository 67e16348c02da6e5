/**
 * Payment rules without I/O: how our cents become Mollie's amount strings and
 * back, how Mollie's statuses map to ours, and which status changes count.
 */
import type { PaymentStatus } from "#db/schema";

/** The one-off administration fee, gross (€ 8,26 + 21% btw € 1,74), in cents. */
export const ADMINISTRATION_FEE_CENTS = 1000;
export const ADMINISTRATION_FEE_DESCRIPTION = "Vivium Services administratiekosten";

/** `1000` → `"10.00"`: Mollie wants a string with exactly two decimals and a dot. */
export function centsToMollieValue(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Not a whole, non-negative number of cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** `"10.00"` → `1000`. Read as text, never through a float, so no cent is lost. */
export function mollieValueToCents(value: string): number {
  const match = /^(\d{1,12})\.(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`Not a Mollie amount value: ${JSON.stringify(value)}`);
  return Number(match[1]) * 100 + Number(match[2]);
}

const MOLLIE_STATUSES = ["open", "pending", "authorized", "paid", "failed", "canceled", "expired"] as const;
export type MollieStatus = (typeof MOLLIE_STATUSES)[number];

/** Mollie's status as ours; null for anything Mollie might add later, which we then leave alone. */
export function mapMollieStatus(status: string): Exclude<PaymentStatus, "created"> | null {
  return (MOLLIE_STATUSES as readonly string[]).includes(status) ? (status as MollieStatus) : null;
}

const FINAL: readonly PaymentStatus[] = ["paid", "failed", "canceled", "expired"];

/** Paid, failed, canceled and expired never change again (refunds and chargebacks are separate objects at Mollie). */
export function isFinalStatus(status: PaymentStatus): boolean {
  return FINAL.includes(status);
}

// Mollie moves a payment forward only: created (ours) → open → pending → authorized → a final status.
const RANK: Record<PaymentStatus, number> = {
  created: 0,
  open: 1,
  pending: 2,
  authorized: 3,
  paid: 4,
  failed: 4,
  canceled: 4,
  expired: 4,
};

/**
 * Whether a status learned from Mollie replaces the stored one. Webhooks and
 * the return page may fetch at the same time and answer in any order, so a
 * stale answer (`open` after `paid`, `open` after `pending`) changes nothing
 * and the same status twice is not a change.
 */
export function shouldApplyStatus(current: PaymentStatus, next: PaymentStatus): boolean {
  if (current === next || isFinalStatus(current)) return false;
  return RANK[next] > RANK[current];
}

/** What a page tells the provider: still waiting for the bank, paid, or one of the three ways it ended unpaid. */
export type PaymentOutcome = "waiting" | "paid" | "failed" | "canceled" | "expired";

export function paymentOutcome(status: PaymentStatus): PaymentOutcome {
  switch (status) {
    case "paid":
    case "failed":
    case "canceled":
    case "expired":
      return status;
    default:
      return "waiting";
  }
}

/**
 * Mollie refuses a webhook URL it cannot reach, such as a loopback address:
 * with the real Mollie and a local BASE_URL the payment is created without
 * one and its status is learned on the return page instead.
 */
export function webhookUrlFor(baseUrl: string, realMollie: boolean): string | undefined {
  if (realMollie && isLoopbackHost(new URL(baseUrl).hostname)) return undefined;
  return `${baseUrl}/api/mollie/webhook`;
}

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\./.test(host);
}

/** The shape of Mollie payment ids, checked before anything is looked up. */
export const MOLLIE_PAYMENT_ID = /^tr_[A-Za-z0-9]+$/;
