/**
 * The provider's side of contact requests: the list, one request with its
 * history, and the status changes. Every query is limited to the signed-in
 * provider's own requests, so another provider's id is simply not found.
 */
import { sql } from "kysely";
import type { ContactMoment, ContactRequestOutcome, ContactRequestStatus } from "#db/schema";
import { invitesReview, isOverdue, transition, type TransitionResult } from "~/domain/contact-request-status";
import type { Db } from "./db.server";
import { inviteReview } from "./reviews.server";

export type ContactRequestListItem = {
  id: number;
  customerName: string;
  locationLabel: string;
  isMember: boolean;
  status: ContactRequestStatus;
  outcome: ContactRequestOutcome | null;
  createdAt: string;
  deadlineAt: string;
  overdue: boolean;
};

/** Newest first. */
export async function listRequestsForProvider(db: Db, providerId: number, now = new Date()): Promise<ContactRequestListItem[]> {
  const rows = await db
    .selectFrom("contact_requests")
    .select(["id", "customer_name", "location_label", "member_id", "status", "outcome", "created_at", "deadline_at"])
    .where("provider_id", "=", providerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    customerName: row.customer_name,
    locationLabel: row.location_label,
    isMember: row.member_id !== null,
    status: row.status,
    outcome: row.outcome,
    createdAt: row.created_at,
    deadlineAt: row.deadline_at,
    overdue: isOverdue({ status: row.status, deadlineAt: row.deadline_at }, now),
  }));
}

export type OpenRequestCounts = { open: number; waiting: number; overdue: number };

/** For the navigation and the welcome page: open requests, how many still wait for a first answer, and how many of those are late. */
export async function countOpenRequests(db: Db, providerId: number, now = new Date()): Promise<OpenRequestCounts> {
  const at = now.toISOString();
  const row = await db
    .selectFrom("contact_requests")
    .select([
      sql<number>`count(*)`.as("open"),
      sql<number>`coalesce(sum(status = 'new'), 0)`.as("waiting"),
      sql<number>`coalesce(sum(status = 'new' AND deadline_at <= ${at}), 0)`.as("overdue"),
    ])
    .where("provider_id", "=", providerId)
    .where("status", "in", ["new", "in_progress"])
    .executeTakeFirstOrThrow();
  return { open: row.open, waiting: row.waiting, overdue: row.overdue };
}

export type HistoryEntry = {
  status: ContactRequestStatus;
  outcome: ContactRequestOutcome | null;
  changedBy: "customer" | "provider" | "staff" | "system";
  note: string | null;
  recordedAt: string;
};

export type ContactRequestDetail = ContactRequestListItem & {
  customerEmail: string;
  customerPhone: string;
  memberNumber: string | null;
  locationInput: string;
  forWhom: "self" | "other";
  otherPersonName: string | null;
  contactPreference: "phone" | "email";
  contactMoments: ContactMoment[];
  message: string | null;
  handledAt: string | null;
  history: HistoryEntry[];
};

const MOMENTS: readonly ContactMoment[] = ["ochtend", "middag", "avond"];

function parseMoments(json: string): ContactMoment[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? MOMENTS.filter((moment) => value.includes(moment)) : [];
  } catch {
    return [];
  }
}

/** One of this provider's requests, or null: also for an id that belongs to someone else. */
export async function findRequestForProvider(db: Db, providerId: number, requestId: number, now = new Date()): Promise<ContactRequestDetail | null> {
  if (!Number.isSafeInteger(requestId) || requestId <= 0) return null;
  const row = await db
    .selectFrom("contact_requests")
    .selectAll()
    .where("id", "=", requestId)
    .where("provider_id", "=", providerId)
    .executeTakeFirst();
  if (!row) return null;
  const history = await db
    .selectFrom("contact_request_history")
    .select(["status", "outcome", "changed_by", "note", "recorded_at"])
    .where("contact_request_id", "=", row.id)
    .orderBy("id")
    .execute();
  return {
    id: row.id,
    customerName: row.customer_name,
    locationLabel: row.location_label,
    isMember: row.member_id !== null,
    status: row.status,
    outcome: row.outcome,
    createdAt: row.created_at,
    deadlineAt: row.deadline_at,
    overdue: isOverdue({ status: row.status, deadlineAt: row.deadline_at }, now),
    customerEmail: row.customer_email,
    customerPhone: row.customer_phone,
    memberNumber: row.member_number,
    locationInput: row.location_input,
    forWhom: row.for_whom,
    otherPersonName: row.other_person_name,
    contactPreference: row.contact_preference,
    contactMoments: parseMoments(row.contact_moments),
    message: row.message,
    handledAt: row.handled_at,
    history: history.map((h) => ({ status: h.status, outcome: h.outcome, changedBy: h.changed_by, note: h.note, recordedAt: h.recorded_at })),
  };
}

export type HandlingResult = { kind: "not-found" } | Exclude<TransitionResult, { ok: true }> | { ok: true; status: ContactRequestStatus };

type ChangeInput = { providerId: number; requestId: number; now?: Date };

/**
 * Applies a status change to one of the provider's requests in one
 * transaction: the row (only if it still has the status the rules were
 * checked against, so two clicks cannot both pass), the history, and for
 * afgehandeld with geholpen the review invitation with its e-mail.
 */
async function change(
  db: Db,
  { providerId, requestId, now = new Date() }: ChangeInput,
  wanted: Parameters<typeof transition>[1],
  baseUrl: string,
): Promise<HandlingResult> {
  if (!Number.isSafeInteger(requestId) || requestId <= 0) return { kind: "not-found" };
  const at = now.toISOString();
  return db.transaction().execute(async (trx): Promise<HandlingResult> => {
    const current = await trx
      .selectFrom("contact_requests")
      .select(["id", "status", "first_response_at"])
      .where("id", "=", requestId)
      .where("provider_id", "=", providerId)
      .executeTakeFirst();
    if (!current) return { kind: "not-found" };
    const next = transition(current.status, wanted);
    if (!next.ok) return next;
    const updated = await trx
      .updateTable("contact_requests")
      .set({
        status: next.status,
        outcome: next.outcome,
        first_response_at: current.first_response_at ?? at,
        handled_at: next.status === "handled" ? at : null,
        updated_at: at,
      })
      .where("id", "=", current.id)
      .where("status", "=", current.status)
      .returning("id")
      .executeTakeFirst();
    if (!updated) {
      // Changed in between by another request: judge the wish against what is stored now.
      const stored = await trx.selectFrom("contact_requests").select("status").where("id", "=", current.id).executeTakeFirstOrThrow();
      const again = transition(stored.status, wanted);
      return again.ok ? { ok: false, reason: "already-in-progress" } : again;
    }
    await trx
      .insertInto("contact_request_history")
      .values({ contact_request_id: current.id, status: next.status, outcome: next.outcome, changed_by: "provider", note: null, recorded_at: at })
      .execute();
    if (next.status === "handled" && next.outcome && invitesReview(next.outcome)) await inviteReview(trx, { contactRequestId: current.id, baseUrl, now });
    return { ok: true, status: next.status };
  });
}

/** "In behandeling nemen". */
export function startHandling(db: Db, input: ChangeInput & { baseUrl: string }): Promise<HandlingResult> {
  return change(db, input, { to: "in_progress" }, input.baseUrl);
}

/** "Afhandelen" with the outcome; geholpen invites the customer to write a review. */
export function finishHandling(
  db: Db,
  input: ChangeInput & { outcome: ContactRequestOutcome | null | undefined; baseUrl: string },
): Promise<HandlingResult> {
  return change(db, input, { to: "handled", outcome: input.outcome }, input.baseUrl);
}
