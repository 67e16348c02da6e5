/**
 * The public profile page on the server: the route loader called with real
 * Requests against a real SQLite file with the postcode data, the old-slug
 * redirects, what never leaves the server, and the daily view counts.
 */
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as route from "~/routes/dienstverlener.$slug";
import { saveCoverage } from "~/server/coverage.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { findPlaceByName } from "~/server/geo.server";
import { findPublicProfile, forgetMapGrid, renameProviderSlug } from "~/server/profile.server";
import {
  amsterdamDay,
  flushStats,
  pendingStatsCount,
  recordProfileView,
  recordSearchAppearances,
  startStatsFlusher,
} from "~/server/stats.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

let t: TestDatabase;
let db: Db;
let bert: number;
let counter = 0;

async function insertProvider(status: "draft" | "awaiting_payment" | "live" | "paused" | "suspended", slug: string): Promise<number> {
  counter += 1;
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto("providers")
    .values({
      slug,
      email: `geheim${counter}@voorbeeld.nl`,
      status,
      first_name: "Bert",
      last_name: "Klinkenberg",
      phone: "0612345678",
      birth_date: "1961-04-17",
      home_postcode: "3447 GH",
      home_house_number: "12",
      home_street: "Geheimstraat",
      home_city: "Woerden",
      has_work_address: 0,
      intro_text: "Ik help u graag met boodschappen en gezelschap.",
      profile_text: "Eerste alinea.\n\nTweede alinea.",
      price_note: "Reiskosten binnen 5 km inbegrepen.",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function load(slug: string): Promise<unknown> {
  const request = new Request(`http://localhost/dienstverlener/${slug}`, { headers: { "User-Agent": BROWSER } });
  try {
    return await route.loader({ request, params: { slug }, context: { cspNonce: "", clientIp: "127.0.0.1" } as AppLoadContext });
  } catch (thrown) {
    return thrown;
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  forgetMapGrid();
  bert = await insertProvider("live", "bert-klinkenberg");
  const category = await db.selectFrom("categories").select("id").where("slug", "=", "thuiskeepers").executeTakeFirst();
  if (category) await db.insertInto("provider_categories").values({ provider_id: bert, category_id: category.id }).execute();
  await db
    .insertInto("provider_services")
    .values([{ provider_id: bert, position: 0, name: "Boodschappen doen", price_cents: 2250, unit: "hour", description: "Samen naar de winkel." }])
    .execute();
  await db.insertInto("provider_dayparts").values([{ provider_id: bert, weekday: 0, daypart: 0 }]).execute();
  await saveCoverage(db, bert, { mode: "radius", radiusKm: 15 }, 3447);
});
afterAll(async () => {
  await flushStats(db);
  forgetDatabase();
  forgetMapGrid();
  await t.cleanup();
});
beforeEach(async () => {
  await flushStats(db);
});

describe("the profile loader", () => {
  it("shows a live provider with the werkgebied sentence and map", async () => {
    const data = (await load("bert-klinkenberg")) as Awaited<ReturnType<typeof route.loader>>;
    expect(data.profile.name).toBe("Bert Klinkenberg");
    expect(data.profile.coverage?.sentence).toBe("Bert komt bij u thuis binnen 15 km van Woerden");
    expect(data.profile.coverage?.map.coveredCount).toBeGreaterThan(10);
    expect(data.profile.profileParagraphs).toEqual(["Eerste alinea.", "Tweede alinea."]);
    expect(data.profile.services).toEqual([{ name: "Boodschappen doen", priceCents: 2250, unit: "hour", description: "Samen naar de winkel." }]);
    expect(data.profile.paused).toBe(false);
  });

  it("never sends the address, phone, e-mail or birth date", async () => {
    const json = JSON.stringify(await load("bert-klinkenberg"));
    for (const secret of ["Geheimstraat", "3447 GH", "0612345678", "1961-04-17", "geheim", "@voorbeeld.nl", "password"]) {
      expect(json).not.toContain(secret);
    }
    expect(json).not.toMatch(/home_|work_|birth|phone|email/);
  });

  it.each(["draft", "awaiting_payment", "suspended"] as const)("answers 404 for a %s provider", async (status) => {
    await insertProvider(status, `verborgen-${status}`);
    const response = (await load(`verborgen-${status}`)) as Response;
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(404);
  });

  it("answers 404 for an unknown slug", async () => {
    expect(((await load("bestaat-niet")) as Response).status).toBe(404);
  });

  it("shows a paused provider with the notice flag", async () => {
    await insertProvider("paused", "bert-op-pauze");
    const data = (await load("bert-op-pauze")) as Awaited<ReturnType<typeof route.loader>>;
    expect(data.profile.paused).toBe(true);
  });

  it("redirects an old slug with 301 to the current one, also after two renames", async () => {
    const id = await insertProvider("live", "jan-oud");
    await renameProviderSlug(db, id, "jan-middel");
    await renameProviderSlug(db, id, "jan-nieuw");
    for (const old of ["jan-oud", "jan-middel"]) {
      const response = (await load(old)) as Response;
      expect(response.status).toBe(301);
      expect(response.headers.get("Location")).toBe("/dienstverlener/jan-nieuw");
    }
    expect(((await load("jan-nieuw")) as { profile: unknown }).profile).toBeTruthy();

    // Taking an old slug back: it is current again, not a redirect to itself.
    await renameProviderSlug(db, id, "jan-oud");
    expect((await findPublicProfile(db, "jan-oud")).kind).toBe("found");
    expect(await findPublicProfile(db, "jan-nieuw")).toEqual({ kind: "redirect", slug: "jan-oud" });
  });

  it("does not redirect an old slug of a provider who is no longer public", async () => {
    const id = await insertProvider("live", "piet-oud");
    await renameProviderSlug(db, id, "piet-nieuw");
    await db.updateTable("providers").set({ status: "suspended" }).where("id", "=", id).execute();
    expect(((await load("piet-oud")) as Response).status).toBe(404);
  });

  it("shows the places of a places werkgebied in order", async () => {
    const id = await insertProvider("live", "plaatsen-test");
    const woerden = await findPlaceByName(db, "Woerden");
    const montfoort = await findPlaceByName(db, "Montfoort");
    await saveCoverage(db, id, { mode: "places", placeIds: [woerden!.id, montfoort!.id] }, 3447);
    const lookup = await findPublicProfile(db, "plaatsen-test");
    expect(lookup.kind === "found" && lookup.profile.coverage?.sentence).toBe("Bert komt bij u thuis in: Woerden en Montfoort");
  });
});

describe("profile views and search appearances", () => {
  async function stats(providerId: number) {
    return db.selectFrom("provider_daily_stats").selectAll().where("provider_id", "=", providerId).orderBy("day").execute();
  }

  it("counts a page view through the loader, in memory until flushed", async () => {
    const before = (await stats(bert)).reduce((n, r) => n + r.profile_views, 0);
    await load("bert-klinkenberg");
    expect(pendingStatsCount()).toBe(1);
    expect((await stats(bert)).reduce((n, r) => n + r.profile_views, 0)).toBe(before);
    expect(await flushStats(db)).toBe(1);
    expect((await stats(bert)).reduce((n, r) => n + r.profile_views, 0)).toBe(before + 1);
  });

  it("ignores bots and requests without a user agent", async () => {
    const id = await insertProvider("live", "bots-test");
    expect(recordProfileView(id, GOOGLEBOT)).toBe(false);
    expect(recordProfileView(id, "")).toBe(false);
    expect(recordProfileView(id, null)).toBe(false);
    expect(recordSearchAppearances([id], "curl/8.5.0")).toBe(false);
    expect(pendingStatsCount()).toBe(0);
    await flushStats(db);
    expect(await stats(id)).toEqual([]);
  });

  it("batches many counts into one row per provider per Amsterdam day", async () => {
    const id = await insertProvider("live", "tel-test");
    const other = await insertProvider("live", "tel-test-2");
    // 23:30 UTC on 1 March is already 2 March in Amsterdam (UTC+1).
    const lateEvening = new Date("2026-03-01T22:30:00Z");
    const afterMidnight = new Date("2026-03-01T23:30:00Z");
    for (let i = 0; i < 5; i++) recordProfileView(id, BROWSER, lateEvening);
    recordProfileView(id, BROWSER, afterMidnight);
    recordSearchAppearances([id, other, id], BROWSER, afterMidnight);
    recordSearchAppearances([id], BROWSER, afterMidnight);
    expect(await flushStats(db)).toBe(3);
    expect(pendingStatsCount()).toBe(0);
    expect(await stats(id)).toEqual([
      { provider_id: id, day: "2026-03-01", profile_views: 5, search_appearances: 0 },
      { provider_id: id, day: "2026-03-02", profile_views: 1, search_appearances: 2 },
    ]);
    expect(await stats(other)).toEqual([{ provider_id: other, day: "2026-03-02", profile_views: 0, search_appearances: 1 }]);

    // A second flush adds to the day's row.
    recordProfileView(id, BROWSER, afterMidnight);
    await flushStats(db);
    expect((await stats(id))[1]?.profile_views).toBe(2);
  });

  it("uses the Dutch calendar day in summer time too", () => {
    expect(amsterdamDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(amsterdamDay(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });

  it("drops the counts of a provider deleted before the flush", async () => {
    const id = await insertProvider("draft", "weg-test");
    recordProfileView(id, BROWSER);
    await db.deleteFrom("providers").where("id", "=", id).execute();
    expect(await flushStats(db)).toBe(0);
    expect(pendingStatsCount()).toBe(0);
  });

  it("the flusher writes on its interval and what is left on stop", async () => {
    const id = await insertProvider("live", "flusher-test");
    const flusher = startStatsFlusher(db, { intervalMs: 20 });
    recordProfileView(id, BROWSER);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await stats(id))[0]?.profile_views).toBe(1);
    recordProfileView(id, BROWSER);
    await flusher.stop();
    expect((await stats(id))[0]?.profile_views).toBe(2);
  });
});
