/**
 * Review moderation: staff hide a review (it leaves the profile and the
 * average, see publicReviews) or show it again, always with a reason.
 */
import type { Db } from "./db.server";
import { recordStaffAction, type StaffActor } from "./audit.server";
import { displayName } from "./providers.server";

export type ReviewFilter = "all" | "visible" | "hidden";

export type StaffReview = {
  id: number;
  providerId: number;
  providerName: string;
  providerSlug: string | null;
  rating: number;
  body: string;
  displayName: string;
  createdAt: string;
  hiddenAt: string | null;
  hiddenReason: string | null;
};

export async function listReviewsForStaff(db: Db, filter: ReviewFilter, limit = 50, offset = 0): Promise<{ reviews: StaffReview[]; total: number }> {
  let query = db.selectFrom("reviews as r").innerJoin("providers as p", "p.id", "r.provider_id");
  if (filter === "visible") query = query.where("r.hidden_at", "is", null);
  if (filter === "hidden") query = query.where("r.hidden_at", "is not", null);
  const [rows, count] = await Promise.all([
    query
      .select([
        "r.id",
        "r.provider_id",
        "r.rating",
        "r.body",
        "r.display_name",
        "r.created_at",
        "r.hidden_at",
        "r.hidden_reason",
        "p.first_name",
        "p.infix",
        "p.last_name",
        "p.slug",
      ])
      .orderBy("r.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    reviews: rows.map((row) => ({
      id: row.id,
      providerId: row.provider_id,
      providerName: displayName(row),
      providerSlug: row.slug,
      rating: row.rating,
      body: row.body,
      displayName: row.display_name,
      createdAt: row.created_at,
      hiddenAt: row.hidden_at,
      hiddenReason: row.hidden_reason,
    })),
  };
}

/**
 * Hides (`hidden: true`) or shows again a review, with the reason. Showing it
 * again clears the hiding reason; the reason for showing is in the audit log.
 * False for an unknown review.
 */
export async function setReviewHidden(db: Db, actor: StaffActor, reviewId: number, hidden: boolean, reason: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("reviews").select(["provider_id", "hidden_at", "hidden_reason"]).where("id", "=", reviewId).executeTakeFirst();
    if (!current) return false;
    const values = hidden ? { hidden_at: now.toISOString(), hidden_reason: reason } : { hidden_at: null, hidden_reason: null };
    await trx.updateTable("reviews").set(values).where("id", "=", reviewId).execute();
    await recordStaffAction(
      trx,
      actor,
      {
        action: hidden ? "review.hide" : "review.unhide",
        entityType: "review",
        entityId: reviewId,
        providerId: current.provider_id,
        oldValues: { hidden_at: current.hidden_at, hidden_reason: current.hidden_reason },
        newValues: hidden ? values : { ...values, reason },
      },
      now,
    );
    return true;
  });
}
