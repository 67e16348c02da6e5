import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrator, type Db } from "~/server/db.server";
import { migrations } from "#db/migrations";
import { searchProviders, searchProvidersByScan, type SearchParams } from "~/server/search.server";
import { searchVocabulary } from "~/server/search-vocabulary.server";
import { seedCategories, seedDemoProviders } from "#db/seed/seed";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedCategories(db);
  await seedDemoProviders(db);
});
afterAll(async () => {
  await t.cleanup();
});

/** The indexed search, checked against the full scan. */
async function search(params: SearchParams) {
  const indexed = await searchProviders(db, params);
  expect(indexed).toEqual(await searchProvidersByScan(db, params));
  return indexed;
}

const top = async (params: SearchParams) => (await search(params)).results.slice(0, 3).map((card) => card.name);

describe("search that understands what people type (demo data)", () => {
  it("finds the examples people wrote that found nothing before", async () => {
    expect(await top({ wat: "computer hulp", waar: "Utrecht" })).toEqual(["Annelies de Vries"]);
    expect(await top({ wat: "hulp bij computer", waar: "Utrecht" })).toEqual(["Annelies de Vries"]);
    expect(await top({ wat: "thuiskapper" })).toEqual(["Daphne Rijnders"]);
    expect(await top({ wat: "kapster aan huis" })).toEqual(["Daphne Rijnders"]);
    expect(await top({ wat: "valalarm" })).toEqual(["Ruud Kramer"]);
    expect(await top({ wat: "alarm" })).toEqual(["Ruud Kramer"]);
    expect(await top({ wat: "testament" })).toEqual(["Nicole Dekker"]);
    expect(await top({ wat: "ramen lappen", waar: "Groningen" })).toEqual(["Henk van Dijk"]);
    expect(await top({ wat: "sporten", waar: "Breda" })).toEqual(["Yvonne Peters"]);
    expect(await top({ wat: "huishoudelijke hulp", waar: "Woerden" })).toContain("Bert Klinkenberg");
    expect(await top({ wat: "hulp met mijn laptop", waar: "Tilburg" })).toEqual(["Ahmed Bouzid"]);
    expect(await top({ wat: "ipad", waar: "Utrecht" })).toEqual(["Annelies de Vries"]);
    expect(await top({ wat: "voetverzorging", waar: "Woerden" })).toEqual(["Hanneke Bos"]);
  });

  it("corrects typos and says so", async () => {
    const result = await search({ wat: "pedicuure", waar: "Woerden" });
    expect(result.results.map((card) => card.name)).toEqual(["Hanneke Bos"]);
    expect(result.understood).toMatchObject({ searched: "pedicure", corrections: [{ typed: "pedicuure", shown: "pedicure" }] });
    expect((await search({ wat: "computr", waar: "Utrecht" })).results[0]?.name).toBe("Annelies de Vries");
  });

  it("reads a place or postcode typed in the keyword box when Waar is empty", async () => {
    const woerden = await search({ wat: "pedicure in Woerden" });
    expect(woerden.understood.placeFromKeyword).toBe("Woerden");
    expect(woerden.location).toMatchObject({ ok: true, location: { label: "Woerden" } });
    expect(woerden.results.map((card) => card.name)).toEqual(["Hanneke Bos"]);
    expect((await search({ wat: "kapper harmelen" })).results.map((card) => card.name)).toEqual(["Daphne Rijnders"]);
    const postcode = await search({ wat: "pedicure 3447" });
    expect(postcode.understood.placeFromKeyword).toBe("3447");
    expect(postcode.results.map((card) => card.name)).toEqual(["Hanneke Bos"]);
    // A name that is also a place (Vries, in Drenthe) stays a name; "in Vries" would be the place.
    const name = await search({ wat: "annelies de vries" });
    expect(name.understood.placeFromKeyword).toBeNull();
    expect(name.results.map((card) => card.name)).toEqual(["Annelies de Vries"]);
    // With Waar filled in, the keyword box is only a keyword.
    expect((await search({ wat: "pedicure woerden", waar: "Montfoort" })).understood.placeFromKeyword).toBeNull();
  });

  it("offers the nearest providers of the same search, with where they come, when nobody comes to the place", async () => {
    const harmelen = await search({ wat: "pedicure", waar: "Harmelen" });
    expect(harmelen.total).toBe(0);
    const [nearest] = harmelen.alternatives;
    expect(nearest).toMatchObject({ name: "Hanneke Bos", reach: { mode: "places", places: expect.arrayContaining(["Woerden", "Montfoort"]) } });
    expect(nearest!.distanceKm).toBeGreaterThan(3);
    expect(nearest!.distanceKm).toBeLessThan(8);
    for (const card of harmelen.alternatives) expect(card.categories.some((c) => c.startsWith("Pedicures"))).toBe(true);
    // The contact form's link (place and category) never leads to an empty page: there are alternatives.
    const byCategory = await search({ waar: "Harmelen", categorie: "pedicures-medisch" });
    expect(byCategory.total + byCategory.alternatives.length).toBeGreaterThan(0);
    expect(byCategory.alternatives.every((card) => card.categories.includes("Pedicures (medisch)"))).toBe(true);
  });

  it("suggests the place meant for a misspelt place name", async () => {
    const result = await search({ wat: "kapper", waar: "Harmlen" });
    expect(result.location).toMatchObject({ ok: false, reason: "unknown-place" });
    if (result.location?.ok === false) expect(result.location.suggestions[0]?.name).toBe("Harmelen");
  });

  it("finds nobody for words no provider has, instead of everybody, and asks what was meant", async () => {
    const nonsense = await search({ wat: "xyzzyq" });
    expect(nonsense.total).toBe(0);
    expect(nonsense.understood.unknown).toEqual(["xyzzyq"]);
    const near = await search({ wat: "pdcure" });
    expect(near.total).toBe(0);
    expect(near.understood.didYouMean).toBe("pedicure");
    // Unknown words next to known ones are left out, and the page says so.
    const mixed = await search({ wat: "pedicure blabla", waar: "Woerden" });
    expect(mixed.results.map((card) => card.name)).toEqual(["Hanneke Bos"]);
    expect(mixed.understood.unknown).toEqual(["blabla"]);
  });

  it("when nobody has all the words, shows who has most of them", async () => {
    const result = await search({ wat: "pedicure computer", waar: "Woerden" });
    expect(result.understood.partial).toBe(true);
    expect(result.results.map((card) => card.name)).toEqual(expect.arrayContaining(["Hanneke Bos"]));
  });

  it("ranks category and zoekwoord matches above matches in texts", async () => {
    // "voeten" is a zoekwoord of the pedicures and the podoloog; massage texts may mention feet too.
    const feet = await search({ wat: "voetmassage" });
    expect(feet.results[0]?.categories.join(" ")).toMatch(/Pedicures/);
  });

  it("uses zoekwoorden that staff change at once, typos included", async () => {
    expect((await search({ wat: "eeltknobbel" })).total).toBe(0);
    const before = await searchVocabulary(db);
    await db.updateTable("categories").set({ keywords: sql`keywords || ', eeltknobbel'` }).where("slug", "=", "pedicures-medisch").execute();
    const found = await search({ wat: "eeltknobbel", waar: "Woerden" });
    expect(found.results.map((card) => card.name)).toEqual(["Hanneke Bos"]);
    expect(await searchVocabulary(db)).not.toBe(before);
    expect((await search({ wat: "eeltknobel", waar: "Woerden" })).understood.corrections).toEqual([{ typed: "eeltknobel", shown: "eeltknobbel" }]);
  });
});

describe("migration 0016 on a database in use", () => {
  it("adds Kapper aan huis, moves the demo thuiskapper there and indexes the zoekwoorden", async () => {
    const old = await createTestDatabase({ postcodes: false });
    try {
      const names = Object.keys(migrations);
      const { error } = await migrator(old.db).migrateTo(names[names.indexOf("0016_search_keywords") - 1]!);
      expect(error).toBeUndefined();
      const now = "2026-01-01T00:00:00Z";
      await sql`INSERT INTO categories (slug, name, position, created_at) VALUES
        ('installateur', 'Installateur', 5, ${now}), ('klusjesmannen', 'Klusjesmannen', 6, ${now}), ('overige', 'Overige', 7, ${now})`.execute(old.db);
      await sql`INSERT INTO providers (email, first_name, last_name, status, created_at, updated_at)
        VALUES ('daphne-rijnders@demo.viviumservices.nl', 'Daphne', 'Rijnders', 'live', ${now}, ${now}),
               ('echt@example.nl', 'Echte', 'Kapper', 'live', ${now}, ${now})`.execute(old.db);
      await sql`INSERT INTO provider_categories (provider_id, category_id)
        SELECT p.id, c.id FROM providers p, categories c WHERE c.slug = 'overige'`.execute(old.db);

      await migrator(old.db).migrateToLatest();
      const categories = await old.db.selectFrom("categories").select(["slug", "position"]).orderBy("position").execute();
      expect(categories.map((c) => c.slug)).toEqual(["installateur", "kapper-aan-huis", "klusjesmannen", "overige"]);
      const moved = await sql<{ first_name: string; slug: string }>`
        SELECT p.first_name, c.slug FROM providers p JOIN provider_categories pc ON pc.provider_id = p.id JOIN categories c ON c.id = pc.category_id
        ORDER BY p.id`.execute(old.db);
      // Only the demo provider moves; a real provider in Overige chose that herself.
      expect(moved.rows).toEqual([
        { first_name: "Daphne", slug: "kapper-aan-huis" },
        { first_name: "Echte", slug: "overige" },
      ]);
      expect((await searchProviders(old.db, { wat: "thuiskapper" })).results.map((card) => card.name)).toEqual(["Daphne Rijnders"]);
      expect((await searchProviders(old.db, { wat: "lekkage" })).total).toBe(0);
    } finally {
      await old.cleanup();
    }
  });
});
