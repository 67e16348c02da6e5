/**
 * The dashboard's statistics from the real tables: contact requests,
 * appointments, visible reviews and the daily counters of one provider,
 * never another's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amsterdamMonth } from "~/domain/dashboard-stats";
import * as dashboard from "~/routes/backoffice._index";
import { dashboardStats } from "~/server/dashboard.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { insertContactRequest } from "../support/contact-requests";
import { context, getRequest, settle, signIn } from "../support/route-calls";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
const now = new Date("2026-03-15T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

async function handled(requestId: number, outcome: "appointment" | "no_appointment", at: string) {
  await db.updateTable("contact_requests").set({ status: "handled", outcome, handled_at: at }).where("id", "=", requestId).execute();
}

describe("dashboard statistics", () => {
  it("counts the provider's requests, appointments, visible reviews, views and appearances, for 30 days and per month", async () => {
    const owner = await insertTestProvider(db);
    const other = await insertTestProvider(db);
    const recent = await insertContactRequest(db, { providerId: owner, createdAt: new Date("2026-03-10T09:00:00Z") });
    await handled(recent, "appointment", "2026-03-11T09:00:00Z");
    const older = await insertContactRequest(db, { providerId: owner, createdAt: new Date("2026-01-05T09:00:00Z") });
    await handled(older, "no_appointment", "2026-01-06T09:00:00Z");
    await insertContactRequest(db, { providerId: other, createdAt: new Date("2026-03-12T09:00:00Z") });
    const review = (providerId: number, rating: number, hidden: boolean) =>
      db
        .insertInto("reviews")
        .values({ provider_id: providerId, rating, body: "Prima", display_name: "Truus", hidden_at: hidden ? "2026-03-13T00:00:00Z" : null, created_at: "2026-03-12T10:00:00Z" })
        .execute();
    await review(owner, 4, false);
    await review(owner, 1, true);
    await review(other, 1, false);
    await db
      .insertInto("provider_daily_stats")
      .values([
        { provider_id: owner, day: "2026-03-14", profile_views: 5, search_appearances: 20 },
        { provider_id: other, day: "2026-03-14", profile_views: 100, search_appearances: 100 },
      ])
      .execute();

    const stats = await dashboardStats(db, owner, now);
    expect(stats.last30Days).toEqual({ contactRequests: 1, appointments: 1, averageRating: 4, reviews: 1, profileViews: 5, searchAppearances: 20 });
    expect(stats.perMonth).toHaveLength(12);
    expect(stats.perMonth.at(-1)).toMatchObject({ month: amsterdamMonth(now), contactRequests: 1, appointments: 1, averageRating: 4 });
    expect(stats.perMonth.find((month) => month.month === "2026-01")).toMatchObject({ contactRequests: 1, appointments: 0 });
  });

  it("shows the page only with a session, with the statistics of the signed-in provider", async () => {
    const anonymous = await settle(() => dashboard.loader({ request: getRequest("/backoffice"), params: {}, context }));
    expect(anonymous.location).toBe(`/inloggen?${new URLSearchParams({ redirectTo: "/backoffice" })}`);
    const cookie = await signIn(await insertTestProvider(db));
    const page = await settle(() => dashboard.loader({ request: getRequest("/backoffice", cookie), params: {}, context }));
    expect(page.data).toMatchObject({ stats: { last30Days: { contactRequests: 0, averageRating: null } } });
  });
});
