import { lastTwelveMonths, statsLast30Days, statsPerMonth, type StatsInput } from "~/domain/dashboard-stats";
import type { Db } from "./db.server";

/**
 * The dashboard's statistics of one provider: the last 30 days and each of
 * the last twelve months. Only the rows of that period are read (indexed by
 * provider and date); the domain module does the counting.
 */
export async function dashboardStats(db: Db, providerId: number, now = new Date()) {
  // A day before the first month starts in the Netherlands is early enough for any time zone offset.
  const firstMonth = lastTwelveMonths(now)[0]!;
  const since = new Date(Date.parse(`${firstMonth}-01T00:00:00Z`) - 86_400_000).toISOString();
  const requests = await db
    .selectFrom("contact_requests")
    .select(["created_at"])
    .where("provider_id", "=", providerId)
    .where("created_at", ">=", since)
    .execute();
  const appointments = await db
    .selectFrom("contact_requests")
    .select(["handled_at"])
    .where("provider_id", "=", providerId)
    .where("status", "=", "handled")
    .where("outcome", "=", "appointment")
    .where("handled_at", ">=", since)
    .execute();
  const reviews = await db
    .selectFrom("reviews")
    .select(["created_at", "rating"])
    .where("provider_id", "=", providerId)
    .where("hidden_at", "is", null)
    .where("created_at", ">=", since)
    .execute();
  const days = await db
    .selectFrom("provider_daily_stats")
    .select(["day", "profile_views", "search_appearances"])
    .where("provider_id", "=", providerId)
    .where("day", ">=", since.slice(0, 10))
    .execute();
  const input: StatsInput = {
    requests: requests.map((row) => row.created_at),
    appointments: appointments.flatMap((row) => (row.handled_at ? [row.handled_at] : [])),
    reviews: reviews.map((row) => ({ createdAt: row.created_at, rating: row.rating })),
    days: days.map((row) => ({ day: row.day, profileViews: row.profile_views, searchAppearances: row.search_appearances })),
  };
  return { last30Days: statsLast30Days(input, now), perMonth: statsPerMonth(input, now) };
}
