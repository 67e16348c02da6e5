import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haversineKm } from "~/domain/geo";
import { findCoveringProviders, findCoveringProvidersByScan, loadCoverage, saveCoverage } from "~/server/coverage.server";
import type { Db } from "~/server/db.server";
import { findPlaceByName, resolveLocation, type ResolvedLocation } from "~/server/geo.server";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let woerdenRadius: number;
let woerdenMontfoortPlaces: number;
let nationwide: number;

async function locate(input: string): Promise<ResolvedLocation> {
  const result = await resolveLocation(db, input);
  if (!result.ok) throw new Error(`test location ${input} not found`);
  return result.location;
}

async function coveringIds(input: string): Promise<number[]> {
  return (await findCoveringProviders(db, await locate(input))).map((c) => c.providerId);
}

async function placeId(name: string): Promise<number> {
  const place = await findPlaceByName(db, name);
  if (!place) throw new Error(`no place ${name}`);
  return place.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  woerdenRadius = await insertTestProvider(db, { firstName: "Straal" });
  await saveCoverage(db, woerdenRadius, { mode: "radius", radiusKm: 10 }, 3447);
  woerdenMontfoortPlaces = await insertTestProvider(db, { firstName: "Plaatsen" });
  await saveCoverage(db, woerdenMontfoortPlaces, { mode: "places", placeIds: [await placeId("Woerden"), await placeId("Montfoort")] }, 3417);
  nationwide = await insertTestProvider(db, { firstName: "Landelijk" });
  await saveCoverage(db, nationwide, { mode: "nationwide" }, 9999);
});
afterAll(async () => {
  await t.cleanup();
});

describe("coverage", () => {
  it("a Woerden provider with a 10 km radius covers Harmelen (3481) and not Utrecht centrum (3511)", async () => {
    expect(await coveringIds("3481")).toContain(woerdenRadius);
    expect(await coveringIds("3481 AB")).toContain(woerdenRadius);
    expect(await coveringIds("3511")).not.toContain(woerdenRadius);
  });

  it("a places-list provider for Woerden and Montfoort covers 3441 and not 3481", async () => {
    expect(await coveringIds("3441")).toContain(woerdenMontfoortPlaces);
    expect(await coveringIds("Montfoort")).toContain(woerdenMontfoortPlaces);
    expect(await coveringIds("3481")).not.toContain(woerdenMontfoortPlaces);
  });

  it("a nationwide provider covers 9999 and everywhere else", async () => {
    expect(await coveringIds("9999")).toContain(nationwide);
    expect(await coveringIds("1011")).toContain(nationwide);
    expect(await coveringIds("Maastricht")).toContain(nationwide);
  });

  it("reports the distance from the provider's base, nearest first", async () => {
    const found = await findCoveringProviders(db, await locate("3481"));
    const radius = found.find((c) => c.providerId === woerdenRadius);
    // 3447 (Woerden) to 3481 (Harmelen) centres: about 4.9 km.
    expect(radius?.distanceKm).toBeGreaterThan(4.3);
    expect(radius?.distanceKm).toBeLessThan(5.5);
    // 3447 to 3511 (Utrecht centrum) is about 15.5 km: outside 10, inside 20.
    const utrecht = await locate("3511");
    const base = { lat: 52.079744, lon: 4.891134 };
    expect(Math.abs(haversineKm(base, utrecht.point) - 15.5)).toBeLessThan(1);
    const distances = found.map((c) => c.distanceKm ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("follows a change of werkgebied at once", async () => {
    await saveCoverage(db, woerdenRadius, { mode: "radius", radiusKm: 20 }, 3447);
    expect(await coveringIds("3511")).toContain(woerdenRadius);
    expect((await loadCoverage(db, woerdenRadius))).toMatchObject({ mode: "radius", radiusKm: 20, basePc4: 3447 });
    await saveCoverage(db, woerdenRadius, { mode: "places", placeIds: [await placeId("Harmelen")] }, 3447);
    expect(await coveringIds("3511")).not.toContain(woerdenRadius);
    expect(await coveringIds("Harmelen")).toContain(woerdenRadius);
    const boxes = await db.selectFrom("provider_coverage_box").selectAll().where("id", "=", woerdenRadius).execute();
    expect(boxes).toEqual([]);
    await saveCoverage(db, woerdenRadius, { mode: "radius", radiusKm: 10 }, 3447);
  });

  it("gives the same answer as a full scan for providers and places all over the country", async () => {
    const areas = await db.selectFrom("pc4_areas").select(["pc4", "place_id"]).orderBy("pc4").execute();
    // A deterministic spread of providers: every 97th area, radius 1–150 km or a short place list.
    for (let i = 0; i < areas.length; i += 97) {
      const area = areas[i]!;
      const id = await insertTestProvider(db);
      if (i % 3 === 0) {
        const neighbours = areas.slice(i, i + 5).map((a) => a.place_id);
        await saveCoverage(db, id, { mode: "places", placeIds: neighbours }, area.pc4);
      } else {
        await saveCoverage(db, id, { mode: "radius", radiusKm: 1 + ((i * 7) % 150) }, area.pc4);
      }
    }
    for (let i = 0; i < areas.length; i += 53) {
      const location = await locate(String(areas[i]!.pc4));
      expect(await findCoveringProviders(db, location)).toEqual(await findCoveringProvidersByScan(db, location));
    }
  });
});
