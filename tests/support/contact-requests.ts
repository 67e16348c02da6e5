import { randomBytes } from "node:crypto";
import type { ContactRequestStatus } from "#db/schema";
import type { Db } from "~/server/db.server";

export type TestRequestValues = {
  providerId: number;
  createdAt?: Date;
  /** Default: two days after createdAt (the exact working-day rule is not what these tests are about). */
  deadlineAt?: Date;
  customerName?: string;
  customerEmail?: string;
  memberNumber?: string | null;
  status?: ContactRequestStatus;
  forWhom?: "self" | "other";
  otherPersonName?: string | null;
  message?: string | null;
};

let counter = 0;

/**
 * A contact request as the customer's form stores it, written straight into
 * the tables (with its first history entry), so that the provider's side can
 * be tested without going through the form.
 */
export async function insertContactRequest(db: Db, values: TestRequestValues): Promise<number> {
  counter += 1;
  const createdAt = values.createdAt ?? new Date();
  const deadlineAt = values.deadlineAt ?? new Date(createdAt.getTime() + 2 * 86_400_000);
  let memberId: number | null = null;
  if (values.memberNumber) {
    const at = createdAt.toISOString();
    const member = await db
      .insertInto("members")
      .values({ number: values.memberNumber, active: 1, name: null, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column("number").doUpdateSet({ updated_at: at }))
      .returning("id")
      .executeTakeFirstOrThrow();
    memberId = member.id;
  }
  const status = values.status ?? "new";
  const row = await db
    .insertInto("contact_requests")
    .values({
      public_id: randomBytes(16).toString("base64url"),
      provider_id: values.providerId,
      customer_name: values.customerName ?? `Truus Klant${counter}`,
      customer_email: values.customerEmail ?? `klant${counter}@example.nl`,
      customer_phone: "+31612345678",
      member_id: memberId,
      member_number: memberId ? (values.memberNumber ?? null) : null,
      location_input: "3441 AB",
      location_label: "3441 Woerden",
      location_pc4: 3441,
      location_place_id: null,
      for_whom: values.forWhom ?? "self",
      other_person_name: values.forWhom === "other" ? (values.otherPersonName ?? "Opa Jan") : null,
      contact_preference: "phone",
      contact_moments: JSON.stringify(["ochtend", "avond"]),
      message: values.message === undefined ? "Mijn dakgoot lekt, kunt u komen kijken?" : values.message,
      consent_at: createdAt.toISOString(),
      status,
      outcome: status === "handled" ? "appointment" : null,
      deadline_at: deadlineAt.toISOString(),
      handled_at: status === "handled" ? createdAt.toISOString() : null,
      created_at: createdAt.toISOString(),
      updated_at: createdAt.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("contact_request_history")
    .values({ contact_request_id: row.id, status: "new", outcome: null, changed_by: "customer", note: null, recorded_at: createdAt.toISOString() })
    .execute();
  return row.id;
}
