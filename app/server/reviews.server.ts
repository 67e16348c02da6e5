/**
 * Reviews: the invitation a customer gets when a request is afgehandeld with geholpen, the
 * review written through its single-use link, what the profile and search
 * cards show, and the provider's one public reply.
 */
import { sql } from "kysely";
import { formatDay } from "~/domain/contact-request-status";
import { reviewInvitationMail } from "~/domain/mail/review-templates";
import { averageRating, firstNameOf, type ReviewInput } from "~/domain/review";
import type { Db } from "./db.server";
import { enqueueMail } from "./outbox.server";
import { displayName } from "./providers.server";
import { hashReviewToken, isWellFormedReviewToken, newReviewToken, reviewLinkExpiry, reviewUrl } from "./review-tokens.server";

/**
 * Creates the invitation for a request that just became afgehandeld (geholpen) and puts
 * the e-mail with the link in the outbox. Call inside the transaction that
 * changes the status, so both happen or neither. At most one per request.
 */
export async function inviteReview(
  trx: Db,
  { contactRequestId, baseUrl, now }: { contactRequestId: number; baseUrl: string; now: Date },
): Promise<void> {
  const request = await trx
    .selectFrom("contact_requests as r")
    .innerJoin("providers as p", "p.id", "r.provider_id")
    .select(["r.customer_name", "r.customer_email", "p.first_name", "p.infix", "p.last_name"])
    .where("r.id", "=", contactRequestId)
    .executeTakeFirstOrThrow();
  const token = newReviewToken();
  const expiresAt = reviewLinkExpiry(now).toISOString();
  const inserted = await trx
    .insertInto("review_invitations")
    .values({ contact_request_id: contactRequestId, token_hash: hashReviewToken(token), expires_at: expiresAt, created_at: now.toISOString() })
    .onConflict((oc) => oc.column("contact_request_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return;
  await enqueueMail(trx, {
    to: request.customer_email,
    ...reviewInvitationMail({
      customerName: request.customer_name,
      providerName: displayName(request),
      reviewUrl: reviewUrl(baseUrl, token),
      expiresAt,
    }),
    dedupeKey: `contact-request:${contactRequestId}:review-invitation`,
  });
}

export type ReviewInvitation = {
  providerName: string;
  providerSlug: string | null;
  /** When the customer sent the request, `4 maart 2026`. */
  requestedOn: string;
  /** What the form suggests as the name to show: the customer's first name. */
  suggestedName: string;
};

function validInvitationQuery(db: Db, token: string, now: Date) {
  return db
    .selectFrom("review_invitations as i")
    .innerJoin("contact_requests as r", "r.id", "i.contact_request_id")
    .innerJoin("providers as p", "p.id", "r.provider_id")
    .where("i.token_hash", "=", hashReviewToken(token))
    .where("i.used_at", "is", null)
    .where("i.expires_at", ">", now.toISOString());
}

/** The invitation behind a link, or null when the link is unknown, used or expired: the page does not say which. */
export async function findReviewInvitation(db: Db, token: string | undefined, now = new Date()): Promise<ReviewInvitation | null> {
  if (!isWellFormedReviewToken(token)) return null;
  const row = await validInvitationQuery(db, token, now)
    .select(["r.customer_name", "r.created_at", "p.slug", "p.first_name", "p.infix", "p.last_name"])
    .executeTakeFirst();
  if (!row) return null;
  return {
    providerName: displayName(row),
    providerSlug: row.slug,
    requestedOn: formatDay(row.created_at),
    suggestedName: firstNameOf(row.customer_name),
  };
}

export type SubmitReviewResult = { kind: "saved"; providerSlug: string | null } | { kind: "invalid" };

/**
 * Publishes the review and uses up the link in one transaction. The
 * conditional UPDATE decides: of two submissions with the same link only one
 * finds it unused; the unique contact_request_id on reviews backs that up.
 */
export async function submitReview(db: Db, token: string | undefined, input: ReviewInput, now = new Date()): Promise<SubmitReviewResult> {
  if (!isWellFormedReviewToken(token)) return { kind: "invalid" };
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable("review_invitations")
      .set({ used_at: at })
      .where("token_hash", "=", hashReviewToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .returning("contact_request_id")
      .executeTakeFirst();
    if (!used) return { kind: "invalid" };
    const request = await trx
      .selectFrom("contact_requests as r")
      .innerJoin("providers as p", "p.id", "r.provider_id")
      .select(["r.provider_id", "p.slug"])
      .where("r.id", "=", used.contact_request_id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("reviews")
      .values({
        provider_id: request.provider_id,
        contact_request_id: used.contact_request_id,
        rating: input.rating,
        body: input.body,
        display_name: input.displayName,
        created_at: at,
      })
      .execute();
    return { kind: "saved", providerSlug: request.slug };
  });
}

export type PublicReview = {
  author: string;
  stars: number;
  text: string;
  /** `4 maart 2026`. */
  date: string;
  reply: { text: string; date: string } | null;
};

export type ReviewSummary = { average: number | null; count: number; items: PublicReview[] };

/** The reviews a profile shows: not the ones staff hid, newest first, with the average over the same set. */
export async function publicReviews(db: Db, providerId: number, limit = 50): Promise<ReviewSummary> {
  const [totals, rows] = await Promise.all([
    db
      .selectFrom("reviews")
      .select([sql<number>`count(*)`.as("count"), sql<number>`coalesce(sum(rating), 0)`.as("total")])
      .where("provider_id", "=", providerId)
      .where("hidden_at", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("reviews")
      .select(["display_name", "rating", "body", "created_at", "reply", "replied_at"])
      .where("provider_id", "=", providerId)
      .where("hidden_at", "is", null)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
  ]);
  return {
    average: averageRating(totals.total, totals.count),
    count: totals.count,
    items: rows.map((row) => ({
      author: row.display_name,
      stars: row.rating,
      text: row.body,
      date: formatDay(row.created_at),
      reply: row.reply && row.replied_at ? { text: row.reply, date: formatDay(row.replied_at) } : null,
    })),
  };
}

/** Average and count of visible reviews for a page of search results: one grouped query over just these providers. */
export async function ratingsFor(db: Db, providerIds: readonly number[]): Promise<Map<number, { average: number; count: number }>> {
  if (providerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("reviews")
    .select(["provider_id", sql<number>`count(*)`.as("count"), sql<number>`sum(rating)`.as("total")])
    .where("provider_id", "in", providerIds)
    .where("hidden_at", "is", null)
    .groupBy("provider_id")
    .execute();
  return new Map(rows.map((row) => [row.provider_id, { average: averageRating(row.total, row.count) ?? 0, count: row.count }]));
}

export type OwnReview = PublicReview & { id: number; hidden: boolean };

/** Every review of this provider, for the backoffice: also the hidden ones, marked as such. */
export async function reviewsForProvider(db: Db, providerId: number): Promise<OwnReview[]> {
  const rows = await db
    .selectFrom("reviews")
    .select(["id", "display_name", "rating", "body", "created_at", "reply", "replied_at", "hidden_at"])
    .where("provider_id", "=", providerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    author: row.display_name,
    stars: row.rating,
    text: row.body,
    date: formatDay(row.created_at),
    reply: row.reply && row.replied_at ? { text: row.reply, date: formatDay(row.replied_at) } : null,
    hidden: row.hidden_at !== null,
  }));
}

export type ReplyResult = "saved" | "not-found" | "already-replied";

/**
 * The provider's one public reply. It cannot be changed afterwards: a
 * customer who read it must be able to trust that it still says the same.
 */
export async function replyToReview(
  db: Db,
  { providerId, reviewId, reply, now = new Date() }: { providerId: number; reviewId: number; reply: string; now?: Date },
): Promise<ReplyResult> {
  const updated = await db
    .updateTable("reviews")
    .set({ reply, replied_at: now.toISOString() })
    .where("id", "=", reviewId)
    .where("provider_id", "=", providerId)
    .where("reply", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (updated) return "saved";
  const exists = await db.selectFrom("reviews").select("id").where("id", "=", reviewId).where("provider_id", "=", providerId).executeTakeFirst();
  return exists ? "already-replied" : "not-found";
}
