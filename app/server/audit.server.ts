import type { Db } from "./db.server";

/** Who did it: the signed-in staff member (see staff-session.server.ts). */
export type StaffActor = { id: number; name: string };

export type StaffAction = {
  /** A stable key, e.g. "provider.suspend", "verification.check", "member.import". */
  action: string;
  /** The kind of record: "provider", "category", "member", "review", "package", "contact_request", "search_help_request", "video", "video_report", "staff". */
  entityType: string;
  entityId: string | number | null;
  /** Set whenever the action concerns one provider, so the log can be filtered per provider. */
  providerId?: number | null;
  /** Only the fields that changed, before and after. */
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
};

/**
 * Records one staff action. Call it with the transaction that makes the
 * change, so that the log and the data can never disagree.
 */
export async function recordStaffAction(db: Db, actor: StaffActor, entry: StaffAction, now = new Date()): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      staff_id: actor.id,
      staff_name: actor.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      provider_id: entry.providerId ?? null,
      old_values: entry.oldValues ? JSON.stringify(entry.oldValues) : null,
      new_values: entry.newValues ? JSON.stringify(entry.newValues) : null,
      created_at: now.toISOString(),
    })
    .execute();
}

export type AuditFilter = { providerId?: number; action?: string; staffId?: number; limit?: number; offset?: number };

export async function listAuditEntries(db: Db, filter: AuditFilter = {}) {
  let query = db.selectFrom("audit_log").selectAll().orderBy("id", "desc");
  if (filter.providerId !== undefined) query = query.where("provider_id", "=", filter.providerId);
  if (filter.action !== undefined) query = query.where("action", "=", filter.action);
  if (filter.staffId !== undefined) query = query.where("staff_id", "=", filter.staffId);
  return query
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0)
    .execute();
}
