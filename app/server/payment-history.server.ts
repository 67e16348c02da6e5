import type { PaymentStatus } from "#db/schema";
import { amsterdamIsoDate } from "~/domain/packages";
import type { Db } from "./db.server";

export type PaymentListItem = {
  publicId: string;
  /** The day in the Netherlands: the payment's day when paid, else the day it was started. */
  date: string;
  description: string;
  grossCents: number;
  status: PaymentStatus;
  invoiceNumber: string | null;
};

/** Every payment of one provider, newest first, with the number of its invoice when it has one. */
export async function listProviderPayments(db: Db, providerId: number): Promise<PaymentListItem[]> {
  const rows = await db
    .selectFrom("payments as p")
    .leftJoin("invoices as i", "i.payment_id", "p.id")
    .select(["p.public_id", "p.description", "p.gross_cents", "p.status", "p.paid_at", "p.created_at", "i.number"])
    .where("p.provider_id", "=", providerId)
    .orderBy("p.created_at", "desc")
    .orderBy("p.id", "desc")
    .execute();
  return rows.map((row) => ({
    publicId: row.public_id,
    date: amsterdamIsoDate(new Date(row.paid_at ?? row.created_at)),
    description: row.description,
    grossCents: row.gross_cents,
    status: row.status,
    invoiceNumber: row.number,
  }));
}
