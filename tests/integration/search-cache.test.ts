import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { saveCoverage } from "~/server/coverage.server";
import { openDatabase, type AppDatabase, type Db } from "~/server/db.server";
import { pauseProvider, resumeProvider } from "~/server/pause.server";
import { searchProviders, searchProvidersByScan, type SearchParams } from "~/server/search.server";
import { categoryIdFor, placeIdFor } from "../support/search-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Search keeps the pages it found until the data under them changes
// (app/server/search-cache.server.ts). Every kind of change is made after the
// same searches have been asked once, so a kept page that should have been
// forgotten shows up as a difference from the full scan.

let t: TestDatabase;
let db: Db;
let counter = 0;

const SEARCHES: SearchParams[] = [
  { waar: "3447" },
  { waar: "Woerden" },
  { wat: "pedicure", waar: "3447" },
  { wat: "pedicure" },
  { wat: "Voet" },
  { categorie: "pedicure" },
  { waar: "3447", dagdeel: "avond" },
  { wat: "pedicure", waar: "Montfoort" },
];

const categoryId = (slug: string) => categoryIdFor(db, slug, 100);
const placeId = (name: string) => placeIdFor(db, name);

async function pedicurist(firstName: string, lastName: string, coverage: Parameters<typeof saveCoverage>[2], basePc4: number): Promise<number> {
  counter += 1;
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto("providers")
    .values({ first_name: firstName, last_name: lastName, email: `cache${counter}@example.nl`, slug: `cache-${counter}`, status: "live", created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("provider_categories").values({ provider_id: id, category_id: await categoryId("pedicure") }).execute();
  await db.insertInto("provider_services").values({ provider_id: id, position: 0, name: "Pedicure aan huis", price_cents: 3500, unit: "hour", description: null }).execute();
  await db.insertInto("provider_dayparts").values({ provider_id: id, weekday: 0, daypart: 0 }).execute();
  await saveCoverage(db, id, coverage, basePc4);
  return id;
}

/** Every search as the indexed (kept) answer and as the full scan: they must agree. */
async function expectAllAsScan(on: Db = db): Promise<void> {
  for (const params of SEARCHES) {
    const indexed = await searchProviders(on, params);
    const scan = await searchProvidersByScan(on, params);
    expect(indexed, JSON.stringify(params)).toEqual(scan);
  }
}

const names = async (params: SearchParams, on: Db = db) => (await searchProviders(on, params)).results.map((card) => card.name);

let anna: number;
let bram: number;
let carla: number;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  anna = await pedicurist("Anna", "Voet", { mode: "radius", radiusKm: 10 }, 3447);
  bram = await pedicurist("Bram", "Eelt", { mode: "places", placeIds: [await placeId("Woerden")] }, 3417);
  carla = await pedicurist("Carla", "Nagel", { mode: "radius", radiusKm: 25 }, 3511);
});

afterAll(async () => {
  await t.cleanup();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("kept search answers", () => {
  it("give the same page as the full scan when asked again", async () => {
    await expectAllAsScan();
    await expectAllAsScan();
    expect(await names({ waar: "3447" })).toEqual(["Anna Voet", "Bram Eelt", "Carla Nagel"]);
  });

  it("are forgotten when a werkgebied changes, also its list of places", async () => {
    await expectAllAsScan();
    await saveCoverage(db, anna, { mode: "radius", radiusKm: 5 }, 3511);
    await expectAllAsScan();
    expect(await names({ waar: "3447" })).not.toContain("Anna Voet");
    await saveCoverage(db, bram, { mode: "places", placeIds: [await placeId("Montfoort")] }, 3417);
    await expectAllAsScan();
    expect(await names({ waar: "Woerden" })).not.toContain("Bram Eelt");
    expect(await names({ wat: "pedicure", waar: "Montfoort" })).toContain("Bram Eelt");
    await saveCoverage(db, anna, { mode: "radius", radiusKm: 10 }, 3447);
    await saveCoverage(db, bram, { mode: "places", placeIds: [await placeId("Woerden")] }, 3417);
    await expectAllAsScan();
  });

  it("are forgotten when a provider goes offline and comes back", async () => {
    await expectAllAsScan();
    await db.updateTable("providers").set({ status: "suspended" }).where("id", "=", carla).execute();
    await expectAllAsScan();
    expect(await names({ waar: "3447" })).not.toContain("Carla Nagel");
    await db.updateTable("providers").set({ status: "live" }).where("id", "=", carla).execute();
    await expectAllAsScan();
    expect(await names({ waar: "3447" })).toContain("Carla Nagel");
  });

  it("are forgotten when a provider pauses or resumes", async () => {
    await expectAllAsScan();
    await pauseProvider(db, bram, null);
    await expectAllAsScan();
    expect(await names({ wat: "pedicure" })).not.toContain("Bram Eelt");
    await resumeProvider(db, bram);
    await expectAllAsScan();
    expect(await names({ wat: "pedicure" })).toContain("Bram Eelt");
  });

  it("are forgotten the moment a pause ends by itself, with no write at all", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-03-01T10:00:00Z"));
    await pauseProvider(db, anna, "2027-03-02");
    await expectAllAsScan();
    expect(await names({ waar: "3447" })).not.toContain("Anna Voet");
    // 00:00 in Amsterdam after the last day is 23:00 UTC in winter.
    vi.setSystemTime(new Date("2027-03-02T22:59:59Z"));
    expect(await names({ waar: "3447" })).not.toContain("Anna Voet");
    vi.setSystemTime(new Date("2027-03-02T23:00:00Z"));
    expect(await names({ waar: "3447" })).toContain("Anna Voet");
    await expectAllAsScan();
    vi.useRealTimers();
    await resumeProvider(db, anna);
  });

  it("are forgotten when the name, the services, the categories or the dagdelen change", async () => {
    await expectAllAsScan();
    expect(await names({ categorie: "pedicure" })).toEqual(["Anna Voet", "Bram Eelt", "Carla Nagel"]);
    await db.updateTable("providers").set({ first_name: "Aafke" }).where("id", "=", carla).execute();
    await expectAllAsScan();
    // A category page is in order of name.
    expect(await names({ categorie: "pedicure" })).toEqual(["Aafke Nagel", "Anna Voet", "Bram Eelt"]);
    await db.updateTable("providers").set({ first_name: "Carla" }).where("id", "=", carla).execute();

    await db.deleteFrom("provider_services").where("provider_id", "=", anna).execute();
    await db.deleteFrom("provider_categories").where("provider_id", "=", anna).execute();
    await expectAllAsScan();
    expect(await names({ wat: "pedicure" })).not.toContain("Anna Voet");
    expect(await names({ wat: "Voet" })).toContain("Anna Voet");
    await db.insertInto("provider_categories").values({ provider_id: anna, category_id: await categoryId("pedicure") }).execute();
    await expectAllAsScan();
    expect(await names({ categorie: "pedicure" })).toContain("Anna Voet");

    expect(await names({ waar: "3447", dagdeel: "avond" })).toEqual([]);
    await db.insertInto("provider_dayparts").values({ provider_id: bram, weekday: 3, daypart: 2 }).execute();
    await expectAllAsScan();
    expect(await names({ waar: "3447", dagdeel: "avond" })).toEqual(["Bram Eelt"]);
  });

  it("are forgotten when another process changes the database", async () => {
    const other: AppDatabase = openDatabase(`${t.dir}/test.sqlite`);
    try {
      await expectAllAsScan();
      await expectAllAsScan(other.db);
      await other.db.updateTable("providers").set({ status: "suspended" }).where("id", "=", anna).execute();
      expect(await names({ waar: "3447" })).not.toContain("Anna Voet");
      await expectAllAsScan();
      await db.updateTable("providers").set({ status: "live" }).where("id", "=", anna).execute();
      expect(await names({ waar: "3447" }, other.db)).toContain("Anna Voet");
      await expectAllAsScan(other.db);
    } finally {
      await other.close();
    }
  });
});
