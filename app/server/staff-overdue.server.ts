/**
 * Overdue contact requests for staff: requests still without a status after
 * their two-working-day deadline, oldest first, with everything needed to
 * call both sides, and the "gebeld" note staff leave after calling.
 */
import type { Db } from "./db.server";
import { recordStaffAction, type StaffActor } from "./audit.server";
import { displayName } from "./providers.server";

export type OverdueRequest = {
  id: number;
  createdAt: string;
  deadlineAt: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  locationLabel: string;
  providerId: number;
  providerName: string;
  providerEmail: string;
  providerPhone: string | null;
  staffCalledAt: string | null;
  staffNote: string | null;
};

export async function listOverdueRequests(db: Db, now = new Date(), limit = 200): Promise<OverdueRequest[]> {
  const rows = await db
    .selectFrom("contact_requests as r")
    .innerJoin("providers as p", "p.id", "r.provider_id")
    .select([
      "r.id",
      "r.created_at",
      "r.deadline_at",
      "r.customer_name",
      "r.customer_email",
      "r.customer_phone",
      "r.location_label",
      "r.staff_called_at",
      "r.staff_note",
      "p.id as provider_id",
      "p.first_name",
      "p.infix",
      "p.last_name",
      "p.email",
      "p.phone",
    ])
    .where("r.status", "=", "new")
    .where("r.deadline_at", "<", now.toISOString())
    .orderBy("r.deadline_at")
    .orderBy("r.id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    deadlineAt: row.deadline_at,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    customerPhone: row.customer_phone,
    locationLabel: row.location_label,
    providerId: row.provider_id,
    providerName: displayName(row),
    providerEmail: row.email,
    providerPhone: row.phone,
    staffCalledAt: row.staff_called_at,
    staffNote: row.staff_note,
  }));
}

/** Staff called about an overdue request: when, and what was said. False for an unknown request. */
export async function recordStaffCall(db: Db, actor: StaffActor, requestId: number, note: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("contact_requests")
      .select(["provider_id", "staff_called_at", "staff_note"])
      .where("id", "=", requestId)
      .executeTakeFirst();
    if (!current) return false;
    const at = now.toISOString();
    await trx.updateTable("contact_requests").set({ staff_called_at: at, staff_note: note }).where("id", "=", requestId).execute();
    await recordStaffAction(
      trx,
      actor,
      {
        action: "contact_request.called",
        entityType: "contact_request",
        entityId: requestId,
        providerId: current.provider_id,
        oldValues: { staff_called_at: current.staff_called_at, staff_note: current.staff_note },
        newValues: { staff_called_at: at, staff_note: note },
      },
      now,
    );
    return true;
  });
}
