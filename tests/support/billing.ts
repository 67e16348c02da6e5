import { randomUUID } from "node:crypto";
import type { PaymentPurpose, PaymentStatus } from "#db/schema";
import { vatBreakdown } from "~/domain/money";
import type { Db } from "~/server/db.server";
import type { CreatePaymentFn } from "~/server/packages.server";
import { insertTestProvider } from "./test-database";

/** A provider with the details an invoice is addressed with. */
export async function insertBillableProvider(
  db: Db,
  details: { company?: { name: string; kvk: string }; workAddress?: boolean; firstName?: string } = {},
): Promise<number> {
  const id = await insertTestProvider(db, { firstName: details.firstName ?? "Bert" });
  await db
    .updateTable("providers")
    .set({
      infix: "de",
      last_name: "Vries",
      home_street: "Dorpsstraat",
      home_house_number: "12",
      home_addition: "A",
      home_postcode: "3447 GR",
      home_city: "Woerden",
      has_kvk: details.company ? 1 : 0,
      company_name: details.company?.name ?? null,
      kvk_number: details.company?.kvk ?? null,
      has_work_address: details.workAddress ? 1 : 0,
      work_street: details.workAddress ? "Industrieweg" : null,
      work_house_number: details.workAddress ? "7" : null,
      work_postcode: details.workAddress ? "3442 AB" : null,
      work_city: details.workAddress ? "Woerden" : null,
    })
    .where("id", "=", id)
    .execute();
  return id;
}

export type TestPayment = {
  providerId: number;
  grossCents?: number;
  purpose?: PaymentPurpose;
  status?: PaymentStatus;
  description?: string;
  providerPackageId?: number | null;
  paidAt?: string;
  checkoutUrl?: string | null;
};

/** A payment row as the payments module leaves it once Mollie has answered. */
export async function insertTestPayment(db: Db, payment: TestPayment): Promise<{ id: number; publicId: string }> {
  const { netCents, vatCents, grossCents } = vatBreakdown(payment.grossCents ?? 1000);
  const status = payment.status ?? "paid";
  const now = new Date().toISOString();
  const publicId = randomUUID();
  const row = await db
    .insertInto("payments")
    .values({
      public_id: publicId,
      provider_id: payment.providerId,
      purpose: payment.purpose ?? "admin_fee",
      provider_package_id: payment.providerPackageId ?? null,
      description: payment.description ?? "Vivium Services administratiekosten",
      net_cents: netCents,
      vat_cents: vatCents,
      gross_cents: grossCents,
      mollie_id: `tr_${publicId.replace(/-/g, "").slice(0, 10)}`,
      checkout_url: payment.checkoutUrl === undefined ? `https://checkout.example/${publicId}` : payment.checkoutUrl,
      status,
      idempotency_key: randomUUID(),
      paid_at: status === "paid" ? (payment.paidAt ?? now) : null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, publicId };
}

/**
 * The text a PDF shows, from an uncompressed PDFKit file: every `[<hex> kerning <hex>] TJ`
 * is one run of text in WinAnsi, where 0x80 is the euro sign.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const runs: string[] = [];
  for (const match of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const hexes = [...match[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => hex[1]!);
    runs.push(Buffer.from(hexes.join(""), "hex").toString("latin1").replace(/\x80/g, "€"));
  }
  return runs.join("\n");
}

/**
 * Stands in for the payments module (and Mollie): stores an open payment as
 * createPayment does and gives a checkout address. `onCall` sees each request.
 */
export function openTestPayments(onCall: (input: Parameters<CreatePaymentFn>[1]) => void = () => {}): CreatePaymentFn {
  return async (database, input) => {
    onCall(input);
    const payment = await insertTestPayment(database, {
      providerId: input.providerId,
      purpose: input.purpose,
      description: input.description,
      grossCents: input.grossCents,
      providerPackageId: input.providerPackageId ?? null,
      status: "open",
    });
    return { publicId: payment.publicId, checkoutUrl: `https://checkout.example/${payment.publicId}` };
  };
}
