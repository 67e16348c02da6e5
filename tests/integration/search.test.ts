import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haversineKm } from "~/domain/geo";
import { buildFtsQuery } from "~/domain/search-query";
import { MAX_RADIUS_KM } from "~/domain/wizard";
import { saveCoverage } from "~/server/coverage.server";
import type { Db } from "~/server/db.server";
import { PAGE_SIZE, searchProviders, searchProvidersByScan, type SearchParams } from "~/server/search.server";
import { categoryIdFor, placeIdFor } from "../support/search-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let counter = 0;
const ids: Record<string, number> = {};

const categoryId = (slug: string) => categoryIdFor(db, slug, 100 + counter);
const placeId = (name: string) => placeIdFor(db, name);

type ProviderSpec = {
  firstName: string;
  lastName?: string;
  status?: "live" | "draft" | "paused";
  categories?: string[];
  services?: { name: string; cents: number; description?: string }[];
  intro?: string;
  profile?: string;
  dayparts?: number[];
  coverage: Parameters<typeof saveCoverage>[2];
  basePc4: number | null;
};

async function provider(spec: ProviderSpec): Promise<number> {
  counter += 1;
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto("providers")
    .values({
      first_name: spec.firstName,
      last_name: spec.lastName ?? null,
      email: `search${counter}@example.nl`,
      slug: `zoek-${counter}`,
      status: spec.status ?? "live",
      intro_text: spec.intro ?? null,
      profile_text: spec.profile ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const slug of spec.categories ?? []) {
    await db.insertInto("provider_categories").values({ provider_id: id, category_id: await categoryId(slug) }).execute();
  }
  for (const [position, service] of (spec.services ?? []).entries()) {
    await db
      .insertInto("provider_services")
      .values({ provider_id: id, position, name: service.name, price_cents: service.cents, unit: "hour", description: service.description ?? null })
      .execute();
  }
  for (const daypart of spec.dayparts ?? []) await db.insertInto("provider_dayparts").values({ provider_id: id, weekday: 0, daypart }).execute();
  await saveCoverage(db, id, spec.coverage, spec.basePc4);
  return id;
}

async function search(params: SearchParams) {
  const indexed = await searchProviders(db, params);
  const scan = await searchProvidersByScan(db, params);
  expect(indexed).toEqual(scan);
  return indexed;
}

/**
 * Around the centre of `pc4`, per direction (east, west, north, south) the
 * postcode area whose distance lies just below a whole number of km: a radius
 * of that many km (rounded up) just reaches the centre, one km less does not.
 */
async function edgeBases(pc4: number): Promise<{ pc4: number; km: number }[]> {
  const point = await db.selectFrom("pc4_areas").select(["lat", "lon"]).where("pc4", "=", pc4).executeTakeFirstOrThrow();
  const areas = await db.selectFrom("pc4_areas").select(["pc4", "lat", "lon"]).where("has_addresses", "=", 1).execute();
  const directions = {
    east: (a: typeof point) => a.lon > point.lon && Math.abs(a.lat - point.lat) < 0.05,
    west: (a: typeof point) => a.lon < point.lon && Math.abs(a.lat - point.lat) < 0.05,
    north: (a: typeof point) => a.lat > point.lat && Math.abs(a.lon - point.lon) < 0.05,
    south: (a: typeof point) => a.lat < point.lat && Math.abs(a.lon - point.lon) < 0.05,
  };
  return Object.entries(directions).map(([direction, inDirection]) => {
    const edge = areas
      .filter(inDirection)
      .map((a) => ({ pc4: a.pc4, km: haversineKm(a, point) }))
      .filter((a) => a.km > 5 && a.km < MAX_RADIUS_KM)
      .sort((a, b) => Math.ceil(a.km) - a.km - (Math.ceil(b.km) - b.km))[0]!;
    expect(Math.ceil(edge.km) - edge.km, direction).toBeLessThan(0.1);
    return edge;
  });
}

const names = (r: { results: { name: string }[] }) => r.results.map((c) => c.name);

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  ids.pedicure = await provider({
    firstName: "Petra",
    lastName: "Voet",
    categories: ["pedicure"],
    services: [{ name: "Pédicure aan huis", cents: 3500, description: "Nagels knippen en eelt verwijderen" }, { name: "Voetmassage", cents: 2500 }],
    intro: "Medisch pedicure in Woerden.",
    dayparts: [0],
    coverage: { mode: "radius", radiusKm: 10 },
    basePc4: 3447,
  });
  ids.computer = await provider({
    firstName: "Karel",
    lastName: "Bits",
    categories: ["computerhulp"],
    services: [{ name: "Hulp bij de computer", cents: 3000 }],
    intro: "Ik help u geduldig met uw computer en tablet.",
    dayparts: [1],
    coverage: { mode: "places", placeIds: [await placeId("Woerden"), await placeId("Montfoort")] },
    basePc4: 3417,
  });
  ids.nationwide = await provider({
    firstName: "Landelijke",
    lastName: "Hulplijn",
    categories: ["computerhulp"],
    services: [{ name: "Computerhulp op afstand", cents: 1500 }],
    profile: "Wij helpen door het hele land via de telefoon.",
    dayparts: [2],
    coverage: { mode: "nationwide" },
    basePc4: 9999,
  });
  ids.draft = await provider({
    firstName: "Dora",
    lastName: "Concept",
    status: "draft",
    categories: ["pedicure"],
    services: [{ name: "Pedicure", cents: 2000 }],
    coverage: { mode: "radius", radiusKm: 50 },
    basePc4: 3447,
  });
  ids.utrecht = await provider({
    firstName: "Ursula",
    lastName: "Stad",
    categories: ["pedicure"],
    services: [{ name: "Voetverzorging", cents: 4000 }],
    coverage: { mode: "radius", radiusKm: 5 },
    basePc4: 3511,
  });
});
afterAll(async () => {
  await t.cleanup();
});

describe("search", () => {
  it("finds by keyword near a postcode, with prefix and accent folding", async () => {
    const found = await search({ wat: "pedi", waar: "3447 GT" });
    expect(names(found)).toEqual(["Petra Voet"]);
    expect(found.location).toMatchObject({ ok: true });
    expect((await search({ wat: "PEDICURE", waar: "Woerden" })).results[0]?.id).toBe(ids.pedicure);
    expect((await search({ wat: "pédicüre" })).results.map((c) => c.id)).toEqual([ids.pedicure, ids.utrecht]);
    expect((await search({ wat: "eelt" })).results.map((c) => c.id)).toEqual([ids.pedicure]);
  });

  it("covers by radius, place list and nationwide; nationwide after local ones", async () => {
    const woerden = await search({ waar: "3441" });
    expect(woerden.results.map((c) => c.id)).toEqual([ids.pedicure, ids.computer, ids.nationwide]);
    expect(woerden.results[2]?.nationwide).toBe(true);
    expect(woerden.results[0]?.distanceKm).toBeGreaterThan(0);
    const maastricht = await search({ waar: "Maastricht" });
    expect(maastricht.results.map((c) => c.id)).toEqual([ids.nationwide]);
    const utrecht = await search({ waar: "3511 AB" });
    expect(utrecht.results.map((c) => c.id)).toEqual([ids.utrecht, ids.nationwide]);
  });

  it("finds a provider by name and ranks name matches above text matches", async () => {
    expect(names(await search({ wat: "karel bits" }))).toEqual(["Karel Bits"]);
    const computer = await search({ wat: "computer", waar: "Woerden" });
    expect(computer.results.map((c) => c.id).sort()).toEqual([ids.computer, ids.nationwide].sort());
  });

  it("filters by category and dagdeel", async () => {
    expect((await search({ waar: "3441", categorie: "computerhulp" })).results.map((c) => c.id)).toEqual([ids.computer, ids.nationwide]);
    expect((await search({ waar: "3441", dagdeel: "ochtend" })).results.map((c) => c.id)).toEqual([ids.pedicure]);
    expect((await search({ waar: "3441", dagdeel: "avond" })).results.map((c) => c.id)).toEqual([ids.nationwide]);
    expect((await search({ categorie: "pedicure" })).results.map((c) => c.id).sort()).toEqual([ids.pedicure, ids.utrecht].sort());
    expect((await search({ categorie: "bestaat-niet" })).total).toBe(0);
  });

  it("shows the card details: lowest price with member price, categories, no rating yet", async () => {
    const card = (await search({ wat: "Petra" })).results[0]!;
    expect(card).toMatchObject({
      name: "Petra Voet",
      categories: ["Pedicure"],
      priceFrom: { cents: 2500, memberCents: 2250, unit: "hour" },
      rating: null,
      badges: [],
      distanceKm: null,
    });
  });

  it("never shows unpublished providers", async () => {
    for (const params of [{ wat: "concept" }, { wat: "dora" }, { waar: "3447" }, { categorie: "pedicure" }, { wat: "pedicure", waar: "3447" }]) {
      expect((await search(params)).results.map((c) => c.id)).not.toContain(ids.draft);
    }
    await db.updateTable("providers").set({ status: "live" }).where("id", "=", ids.draft!).execute();
    expect((await search({ wat: "dora" })).results.map((c) => c.id)).toEqual([ids.draft]);
    await db.updateTable("providers").set({ status: "paused" }).where("id", "=", ids.draft!).execute();
    expect((await search({ wat: "dora" })).total).toBe(0);
  });

  it("names an unknown postcode or place and suggests close place names", async () => {
    const postcode = await search({ waar: "1004 AB" });
    expect(postcode.location).toMatchObject({ ok: false, reason: "unknown-postcode" });
    expect((await search({ waar: "0000 AA" })).location).toMatchObject({ ok: false, reason: "unknown-postcode", input: "0000 AA" });
    const shape = await search({ waar: "3447 G" });
    expect(shape.location).toMatchObject({ ok: false, reason: "postcode-shape", input: "3447 G" });
    expect(shape.results).toEqual([]);
    const place = await search({ wat: "pedicure", waar: "Woerdn" });
    expect(place.location).toMatchObject({ ok: false, reason: "unknown-place", input: "Woerdn" });
    if (place.location?.ok === false) expect(place.location.suggestions.map((s) => s.name)).toContain("Woerden");
    expect(place.results).toEqual([]);
  });

  it("reads a postcode with the place written after it as that postcode", async () => {
    expect((await search({ waar: "3447 GT Woerden" })).location).toMatchObject({ ok: true, location: { kind: "postcode", label: "3447 GT" } });
    expect((await search({ waar: "3447 GTX" })).location).toMatchObject({ ok: false, reason: "postcode-shape" });
  });

  it("offers the nearest providers in the category when nobody covers the location", async () => {
    const none = await search({ waar: "Maastricht", categorie: "pedicure" });
    expect(none.total).toBe(0);
    expect(none.alternatives.map((c) => c.id)).toEqual([ids.utrecht, ids.pedicure]);
  });

  it("without a location orders equal matches by name, not by the order they signed up, on every page", async () => {
    // Signed up Y, X, W … A: the ids run against the alphabet.
    const letters = Array.from({ length: 25 }, (_, i) => String.fromCharCode(89 - i));
    for (const letter of letters) {
      await provider({
        firstName: "Pianoleraar",
        lastName: `${letter}${letter.toLowerCase()}`,
        categories: ["muziek"],
        services: [{ name: "Pianoles aan huis", cents: 3000 }],
        coverage: { mode: "radius", radiusKm: 10 },
        basePc4: 3447,
      });
    }
    const alphabetical = [...letters].reverse().map((letter) => `Pianoleraar ${letter}${letter.toLowerCase()}`);
    for (const params of [{ wat: "pianoles" }, { categorie: "muziek" }]) {
      const first = await search(params);
      const second = await search({ ...params, pagina: 2 });
      expect([...names(first), ...names(second)]).toEqual(alphabetical);
      // A page past the end is the last page, with the same total.
      const beyond = await search({ ...params, pagina: 99 });
      expect(beyond.page).toBe(2);
      expect(beyond.total).toBe(25);
      expect(names(beyond)).toEqual(names(second));
    }
  });

  it("orders names with accents among the others, and odd characters the same way in SQL and in the full scan", async () => {
    // Names that the folded key of migration 0018 orders: accents off, case off; beyond U+FFFF after U+FFxx.
    const lastNames = ["Çelik", "Zwart", "Özdemir", "de Boer", "Ärmel", "\uff3a Breed", "\u{1F600} Lach", "Oost"];
    for (const lastName of lastNames) {
      await provider({
        firstName: "Vioolleraar",
        lastName,
        categories: ["viool"],
        services: [{ name: "Vioolles aan huis", cents: 3000 }],
        coverage: { mode: "radius", radiusKm: 10 },
        basePc4: 3447,
      });
    }
    const expected = ["Ärmel", "Çelik", "de Boer", "Oost", "Özdemir", "Zwart", "\uff3a Breed", "\u{1F600} Lach"].map((last) => `Vioolleraar ${last}`);
    for (const params of [{ wat: "vioolles" }, { categorie: "viool" }, { wat: "vioolles", waar: "3447" }]) {
      const found = await search(params);
      // With a place, the distance comes first: all share one base, so the name decides there too.
      expect(names(found)).toEqual(expected);
    }
  });

  it("paginates by 20, identical to the full scan", async () => {
    for (let i = 0; i < 45; i++) {
      await provider({
        firstName: `Tuinman${String(i).padStart(2, "0")}`,
        categories: ["tuin"],
        services: [{ name: "Tuinonderhoud", cents: 2000 + i }],
        coverage: i % 5 === 0 ? { mode: "nationwide" } : { mode: "radius", radiusKm: 25 },
        basePc4: [3447, 3511, 3481, 3417, 3452][i % 5]!,
      });
    }
    const first = await search({ waar: "3481", categorie: "tuin" });
    expect(first.total).toBe(45);
    expect(first.pageCount).toBe(3);
    expect(first.results).toHaveLength(PAGE_SIZE);
    const third = await search({ waar: "3481", categorie: "tuin", pagina: 3 });
    expect(third.page).toBe(3);
    expect(third.results).toHaveLength(5);
    expect(third.results.every((c) => c.nationwide)).toBe(true);
    const second = await search({ waar: "3481", categorie: "tuin", pagina: "2" });
    const all = [...first.results, ...second.results, ...third.results].map((c) => c.id);
    expect(new Set(all).size).toBe(45);
    expect((await search({ wat: "tuin", pagina: 99 })).page).toBe(3);
    expect((await search({ wat: "tuin", waar: "3481", pagina: 2 })).results).toHaveLength(20);
  });

  it("finds with keyword and location exactly the keyword matches that cover the location", async () => {
    async function allIds(params: SearchParams): Promise<number[]> {
      const ids: number[] = [];
      for (let pagina = 1; ; pagina++) {
        const result = await search({ ...params, pagina });
        ids.push(...result.results.map((c) => c.id));
        if (pagina >= result.pageCount) return ids;
      }
    }
    for (const [wat, waar] of [["tuin", "3481"], ["tuin", "Utrecht"], ["computer", "3441"], ["pedicure", "3447 GT"], ["hulp", "Montfoort"], ["tuin", "9711"]] as const) {
      const matches = new Set(await allIds({ wat }));
      const covering = new Set(await allIds({ waar }));
      const both = await allIds({ wat, waar });
      expect(new Set(both).size, `${wat} near ${waar}`).toBe(both.length);
      expect([...both].sort(), `${wat} near ${waar}`).toEqual([...matches].filter((id) => covering.has(id)).sort());
    }
  });

  it("finds a keyword match at the edge of its radius in every direction, and not just past it", async () => {
    const inside: number[] = [];
    for (const edge of await edgeBases(3447)) {
      const spec = { categories: ["rand"], services: [{ name: "Randgevalhulp", cents: 2000 }], basePc4: edge.pc4 };
      inside.push(await provider({ ...spec, firstName: `Binnen${edge.pc4}`, coverage: { mode: "radius", radiusKm: Math.ceil(edge.km) } }));
      await provider({ ...spec, firstName: `Buiten${edge.pc4}`, coverage: { mode: "radius", radiusKm: Math.floor(edge.km) } });
    }
    const found = await search({ wat: "randgeval", waar: "3447" });
    expect(found.results.map((c) => c.id).sort()).toEqual(inside.sort());
    expect(found.results.every((c) => c.distanceKm !== null && c.name.startsWith("Binnen"))).toBe(true);
  });

  it("keeps the index in sync when texts, services and categories change", async () => {
    const id = ids.utrecht!;
    expect((await search({ wat: "rijbewijskeuring" })).total).toBe(0);
    await db.updateTable("providers").set({ intro_text: "Ook rijbewijskeuring aan huis." }).where("id", "=", id).execute();
    expect((await search({ wat: "rijbewijs" })).results.map((c) => c.id)).toEqual([id]);

    await db.insertInto("provider_services").values({ provider_id: id, position: 5, name: "Steunzolen", price_cents: 5000, unit: "service", description: null }).execute();
    expect((await search({ wat: "steunzo" })).results.map((c) => c.id)).toEqual([id]);
    await db.updateTable("provider_services").set({ name: "Orthopedische zolen" }).where("provider_id", "=", id).where("position", "=", 5).execute();
    expect((await search({ wat: "steunzool" })).total).toBe(0);
    expect((await search({ wat: "orthoped" })).results.map((c) => c.id)).toEqual([id]);
    await db.deleteFrom("provider_services").where("provider_id", "=", id).where("position", "=", 5).execute();
    expect((await search({ wat: "orthoped" })).total).toBe(0);

    const kapper = await categoryId("kapper");
    await db.insertInto("provider_categories").values({ provider_id: id, category_id: kapper }).execute();
    expect((await search({ wat: "kapper" })).results.map((c) => c.id)).toEqual([id]);
    await db.updateTable("categories").set({ name: "Haarverzorging" }).where("id", "=", kapper).execute();
    expect((await search({ wat: "kapper" })).total).toBe(0);
    expect((await search({ wat: "haarverz" })).results.map((c) => c.id)).toEqual([id]);
    await db.deleteFrom("provider_categories").where("provider_id", "=", id).where("category_id", "=", kapper).execute();
    expect((await search({ wat: "haarverz" })).total).toBe(0);

    await db.updateTable("providers").set({ last_name: "Nieuwenhuis" }).where("id", "=", id).execute();
    expect((await search({ wat: "nieuwenh" })).results.map((c) => c.id)).toEqual([id]);
    await db.deleteFrom("providers").where("id", "=", id).execute();
    expect((await search({ wat: "nieuwenh" })).total).toBe(0);
    const count = await db.selectFrom("provider_search").select((eb) => eb.fn.countAll<number>().as("n")).where("rowid", "=", id).executeTakeFirst();
    expect(count?.n).toBe(0);
  });

  it("answers hostile keyword input without errors", async () => {
    for (const wat of ['"', 'pedi" OR "x', "NEAR(a b)", "*", "-", "()", "😀", "a AND b", "x".repeat(1000), "^pedi", "name:petra"]) {
      const result = await search({ wat, waar: "3447" });
      expect(result.total).toBeGreaterThanOrEqual(0);
      const fts = buildFtsQuery(wat);
      // The query itself must be valid FTS5 syntax: this throws on a syntax error.
      if (fts) await sql`SELECT rowid FROM provider_search WHERE provider_search MATCH ${fts}`.execute(db);
    }
  });
  it("by postcode only, finds a radius provider at the edge of its radius in every direction, and not just past it", async () => {
    const inside: number[] = [];
    const outside: number[] = [];
    for (const edge of await edgeBases(3811)) {
      const spec = { categories: ["randpostcode"], basePc4: edge.pc4 };
      inside.push(await provider({ ...spec, firstName: `Rand${edge.pc4}`, coverage: { mode: "radius", radiusKm: Math.ceil(edge.km) } }));
      outside.push(await provider({ ...spec, firstName: `Net${edge.pc4}`, coverage: { mode: "radius", radiusKm: Math.floor(edge.km) } }));
    }
    const found: number[] = [];
    for (let pagina = 1; ; pagina++) {
      const page = await search({ waar: "3811", categorie: "randpostcode", pagina });
      found.push(...page.results.map((c) => c.id));
      if (pagina >= page.pageCount) break;
    }
    expect(found.sort()).toEqual(inside.sort());
    expect(found.some((id) => outside.includes(id))).toBe(false);
  });

  it("keeps the location lists in step when the werkgebied or the status changes", async () => {
    const id = await provider({ firstName: "Wisselend", lastName: "Gebied", categories: ["klusjesman"], coverage: { mode: "radius", radiusKm: 8 }, basePc4: 9711 });
    const near = (waar: string) => search({ waar, categorie: "klusjesman" }).then((r) => r.results.some((c) => c.id === id));
    expect(await near("9711")).toBe(true);
    expect(await near("3447")).toBe(false);
    await saveCoverage(db, id, { mode: "radius", radiusKm: 150 }, 9711);
    expect(await near("8011")).toBe(true);
    await saveCoverage(db, id, { mode: "nationwide" }, 9711);
    expect(await near("3447")).toBe(true);
    expect(await near("6211")).toBe(true);
    await saveCoverage(db, id, { mode: "places", placeIds: [await placeId("Montfoort")] }, 9711);
    expect(await near("9711")).toBe(false);
    expect(await near("Montfoort")).toBe(true);
    await saveCoverage(db, id, { mode: "radius", radiusKm: 5 }, 3447);
    expect(await near("3447")).toBe(true);
    expect(await near("9711")).toBe(false);
    await db.updateTable("providers").set({ status: "suspended" }).where("id", "=", id).execute();
    expect(await near("3447")).toBe(false);
    await db.updateTable("providers").set({ status: "live" }).where("id", "=", id).execute();
    expect(await near("3447")).toBe(true);
    await saveCoverage(db, id, { mode: "nationwide" }, 3447);
    await db.updateTable("providers").set({ status: "draft" }).where("id", "=", id).execute();
    expect(await near("6211")).toBe(false);
    await db.updateTable("providers").set({ status: "live" }).where("id", "=", id).execute();
    expect(await near("6211")).toBe(true);
    await db.deleteFrom("providers").where("id", "=", id).execute();
    expect(await near("6211")).toBe(false);
    for (const table of ["provider_search_cell", "provider_search_nationwide"] as const) {
      const left = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
      expect(left.rows[0]?.n, table).toBe(0);
    }
  });

  it("by postcode only, answers exactly as the full scan for werkgebieden of every size across the country", async () => {
    const areas = await db.selectFrom("pc4_areas").select(["pc4"]).where("has_addresses", "=", 1).orderBy("pc4").execute();
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pc4 = () => areas[Math.floor(random() * areas.length)]!.pc4;
    for (let i = 0; i < 60; i++) {
      const radiusKm = i % 6 === 0 ? 60 + Math.floor(random() * 91) : 1 + Math.floor(random() * 30);
      await provider({ firstName: `Verspreid${i}`, categories: ["oppas"], coverage: { mode: "radius", radiusKm }, basePc4: pc4() });
    }
    let covered = 0;
    for (let i = 0; i < 40; i++) {
      // search() compares every answer with the full scan.
      const result = await search({ waar: String(pc4()), categorie: "oppas" });
      if (result.total > 0) covered += 1;
    }
    expect(covered).toBeGreaterThan(10);
  });
});
