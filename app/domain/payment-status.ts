import type { PaymentStatus } from "#db/schema";

/** A payment's state as the provider reads it in the list of payments. */
export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = {
  created: "Nog niet gestart",
  open: "Nog niet betaald",
  pending: "Wordt verwerkt door uw bank",
  authorized: "Wordt verwerkt door uw bank",
  paid: "Betaald",
  failed: "Mislukt",
  canceled: "Geannuleerd",
  expired: "Verlopen",
};
