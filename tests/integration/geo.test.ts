import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPc4Area, findPlaceByName, resolveLocation, suggestPlaces } from "~/server/geo.server";
import { importPostcodes, PostcodeDataMissingError } from "~/server/postcode-import.server";
import { createTestDatabase, POSTCODE_DIR, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

describe("postcode import", () => {
  it("loads every area and place from the shared data", async () => {
    const areas = await t.db.selectFrom("pc4_areas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const places = await t.db.selectFrom("places").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(areas.n).toBe(4796);
    expect(places.n).toBe(2426);
  });

  it("is idempotent: a second run changes nothing, a forced one keeps place ids", async () => {
    const woerdenBefore = await findPlaceByName(t.db, "Woerden");
    expect(await importPostcodes(t.db, POSTCODE_DIR)).toEqual({ imported: false, areaCount: 4796, placeCount: 2426 });
    expect(await importPostcodes(t.db, POSTCODE_DIR, { force: true })).toEqual({ imported: true, areaCount: 4796, placeCount: 2426 });
    expect((await findPlaceByName(t.db, "Woerden"))?.id).toBe(woerdenBefore?.id);
    const areas = await t.db.selectFrom("pc4_areas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(areas.n).toBe(4796);
  });

  it("names the folder when the files are missing", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-postcodes-"));
    const fresh = await createTestDatabase({ postcodes: false });
    try {
      await expect(importPostcodes(fresh.db, empty)).rejects.toThrow(PostcodeDataMissingError);
      await expect(importPostcodes(fresh.db, empty)).rejects.toThrow(empty);
    } finally {
      await fresh.cleanup();
      fs.rmSync(empty, { recursive: true });
    }
  });
});

describe("lookups", () => {
  it("finds a PC4 area with its place", async () => {
    const area = await findPc4Area(t.db, 3447);
    expect(area?.place.name).toBe("Woerden");
    expect(area?.lat).toBeCloseTo(52.0797, 3);
    expect(await findPc4Area(t.db, 1)).toBeNull();
  });

  it("finds places regardless of case, accents and aliases", async () => {
    expect((await findPlaceByName(t.db, "woerden"))?.name).toBe("Woerden");
    expect((await findPlaceByName(t.db, "Den Haag"))?.name).toBe("'s-Gravenhage");
    expect((await findPlaceByName(t.db, "s-gravenhage"))?.name).toBe("'s-Gravenhage");
    expect((await findPlaceByName(t.db, "Den Bosch"))?.name).toBe("'s-Hertogenbosch");
    expect((await findPlaceByName(t.db, "'S-HERTOGENBOSCH"))?.name).toBe("'s-Hertogenbosch");
    expect((await findPlaceByName(t.db, "Kapel-Avezaath"))?.name).toBe("Kapel-Avezaath");
    expect(await findPlaceByName(t.db, "Atlantis")).toBeNull();
  });

  it("suggests places by prefix, larger places first", async () => {
    const names = (await suggestPlaces(t.db, "amster")).map((p) => p.name);
    expect(names[0]).toBe("Amsterdam");
    expect(names.every((name) => name.toLowerCase().startsWith("amster"))).toBe(true);
    expect((await suggestPlaces(t.db, "den h")).map((p) => p.name)).toEqual(expect.arrayContaining(["'s-Gravenhage", "Den Helder"]));
    expect(await suggestPlaces(t.db, "")).toEqual([]);
  });

  it("resolves what a customer types, or says what was not found", async () => {
    const byPostcode = await resolveLocation(t.db, "3447gt");
    expect(byPostcode.ok && byPostcode.location.label).toBe("3447 GT");
    expect(byPostcode.ok && byPostcode.location.place.name).toBe("Woerden");

    const byPlace = await resolveLocation(t.db, "den haag");
    expect(byPlace.ok && byPlace.location.place.name).toBe("'s-Gravenhage");

    const unknownArea = await resolveLocation(t.db, "1050 ZZ");
    expect(unknownArea).toMatchObject({ ok: false, reason: "unknown-postcode", input: "1050 ZZ" });

    const typo = await resolveLocation(t.db, "Woerdn");
    expect(typo).toMatchObject({ ok: false, reason: "unknown-place" });
    expect(!typo.ok && typo.suggestions.map((p) => p.name)).toContain("Woerden");
  });
});
