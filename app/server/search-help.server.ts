/**
 * "Help mij zoeken": the requests customers send when they found nobody,
 * and the staff console's list of them. Staff call the customer back and
 * mark the request handled; that is recorded in the audit log in the same
 * transaction.
 */
import { sql } from "kysely";
import type { SearchHelpValues } from "~/domain/search-help";
import { recordStaffAction, type StaffActor } from "./audit.server";
import type { Db } from "./db.server";
import { hitRateLimit, searchHelpLimit } from "./rate-limit.server";

export type SubmittedSearchHelp = { ok: true; id: number } | { ok: false; retryAfterSeconds: number };

/** Stores the request, unless this client address sent too many this hour (counted only for valid forms, as contact requests). */
export async function submitSearchHelpRequest(db: Db, clientIp: string, values: SearchHelpValues, now = new Date()): Promise<SubmittedSearchHelp> {
  const limit = await hitRateLimit(db, searchHelpLimit(), clientIp, now.getTime());
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };
  const row = await db
    .insertInto("search_help_requests")
    .values({ name: values.name, phone: values.phone, what: values.what, place: values.place, created_at: now.toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, id: row.id };
}

export type OpenSearchHelpRequest = { id: number; name: string; phone: string; what: string; place: string; createdAt: string };

/** The requests nobody handled yet, the longest waiting first. */
export async function listOpenSearchHelpRequests(db: Db, limit = 200): Promise<OpenSearchHelpRequest[]> {
  const rows = await db
    .selectFrom("search_help_requests")
    .select(["id", "name", "phone", "what", "place", "created_at"])
    .where("handled_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, phone: row.phone, what: row.what, place: row.place, createdAt: row.created_at }));
}

export async function countOpenSearchHelpRequests(db: Db): Promise<number> {
  const row = await db.selectFrom("search_help_requests").select(sql<number>`count(*)`.as("n")).where("handled_at", "is", null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type HandledSearchHelp = { id: number; name: string; handledAt: string; handledBy: string | null };

/** A handled request, for the message after the button: whose it was, when and by whom. Null while it is open or unknown. */
export async function findHandledSearchHelpRequest(db: Db, id: number): Promise<HandledSearchHelp | null> {
  const row = await db
    .selectFrom("search_help_requests as r")
    .leftJoin("staff as s", "s.id", "r.handled_by_staff_id")
    .select(["r.id", "r.name", "r.handled_at", "s.name as staff_name"])
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!row || row.handled_at === null) return null;
  return { id: row.id, name: row.name, handledAt: row.handled_at, handledBy: row.staff_name };
}

export type MarkHandledResult = "handled" | "already-handled" | "not-found";

/**
 * Marks the request handled by `actor`. A second press (or a colleague who
 * was just as quick) changes and logs nothing.
 */
export async function markSearchHelpRequestHandled(db: Db, actor: StaffActor, id: number, now = new Date()): Promise<MarkHandledResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("search_help_requests").select(["name", "handled_at"]).where("id", "=", id).executeTakeFirst();
    if (!current) return "not-found";
    if (current.handled_at !== null) return "already-handled";
    const handledAt = now.toISOString();
    await trx.updateTable("search_help_requests").set({ handled_at: handledAt, handled_by_staff_id: actor.id }).where("id", "=", id).execute();
    await recordStaffAction(
      trx,
      actor,
      {
        action: "search_help_request.handle",
        entityType: "search_help_request",
        entityId: id,
        oldValues: { name: current.name, handled_at: null },
        newValues: { name: current.name, handled_at: handledAt },
      },
      now,
    );
    return "handled";
  });
}
