import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildCoverageMap,
  buildMapGrid,
  coverageSentence,
  dotsPath,
  joinDutch,
  parseDotsPath,
  type CoverageMapModel,
  type MapArea,
  type MapGrid,
} from "./coverage-map";

// The real PC4 centres, so the tests check the map a visitor sees.
const POSTCODE_DIR = path.resolve(process.env.POSTCODE_DATA_DIR ?? path.join(import.meta.dirname, "../../db/postcodes"));
const placeIds = new Map<string, number>();
const areas: MapArea[] = fs
  .readFileSync(path.join(POSTCODE_DIR, "pc4.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [pc4, place, lat, lon] = line.split(",") as [string, string, string, string];
    if (!placeIds.has(place)) placeIds.set(place, placeIds.size + 1);
    return { pc4: Number(pc4), placeId: placeIds.get(place)!, lat: Number(lat), lon: Number(lon) };
  });
const grid: MapGrid = buildMapGrid(areas);
const area = (pc4: number) => areas.find((a) => a.pc4 === pc4)!;
const dot = (pc4: number) => grid.positions.get(pc4)!;

function groups(map: CoverageMapModel) {
  const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;
  return { covered: new Set(parseDotsPath(map.coveredPath).map(key)), uncovered: new Set(parseDotsPath(map.uncoveredPath).map(key)), key };
}

describe("the werkgebied map", () => {
  it("a radius provider based in 3447 with 10 km covers 3481 (Harmelen) and not 3511 (Utrecht)", () => {
    const map = buildCoverageMap(grid, { mode: "radius", radiusKm: 10, basePc4: 3447, base: area(3447) });
    const { covered, uncovered, key } = groups(map);
    expect(covered.has(key(dot(3481)))).toBe(true);
    expect(uncovered.has(key(dot(3481)))).toBe(false);
    expect(uncovered.has(key(dot(3511)))).toBe(true);
    expect(covered.has(key(dot(3511)))).toBe(false);
    expect(map.base).toEqual(dot(3447));
    expect(map.radius).toBeCloseTo(10 * grid.unitsPerKm, 0);
  });

  it("a places provider for Woerden and Montfoort covers 3441 and not 3481", () => {
    const map = buildCoverageMap(grid, {
      mode: "places",
      placeIds: [placeIds.get("Woerden")!, placeIds.get("Montfoort")!],
      basePc4: 3417,
    });
    const { covered, uncovered, key } = groups(map);
    expect(covered.has(key(dot(3441)))).toBe(true);
    expect(covered.has(key(dot(3417)))).toBe(true);
    expect(uncovered.has(key(dot(3481)))).toBe(true);
    expect(covered.has(key(dot(3481)))).toBe(false);
    expect(map.base).toEqual(dot(3417));
    expect(map.radius).toBeNull();
  });

  it("nationwide covers every dot and leaves none grey", () => {
    const map = buildCoverageMap(grid, { mode: "nationwide", basePc4: null });
    expect(map.uncoveredPath).toBe("");
    expect(parseDotsPath(map.coveredPath).length).toBe(new Set([...grid.positions.values()].map((p) => `${p.x},${p.y}`)).size);
    expect(map.base).toBeNull();
  });

  it("marks the base at the PC4 centre's projected position, not at an address", () => {
    const base = area(3447);
    const projected = grid.project(base);
    const map = buildCoverageMap(grid, { mode: "radius", radiusKm: 15, basePc4: 3447, base: { lat: base.lat, lon: base.lon } });
    expect(map.base).toEqual(projected);
    // North is up and east is right.
    expect(dot(9711).y).toBeLessThan(dot(6211).y); // Groningen above Maastricht
    expect(dot(7511).x).toBeGreaterThan(dot(2511).x); // Enschede right of Den Haag
  });

  it("draws every dot of the country inside the viewBox", () => {
    for (const p of grid.positions.values()) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(grid.width);
      expect(p.y).toBeLessThanOrEqual(grid.height);
    }
    expect(grid.width).toBeLessThan(grid.height);
  });

  it("keeps the paths small", () => {
    const map = buildCoverageMap(grid, { mode: "radius", radiusKm: 15, basePc4: 3447, base: area(3447) });
    expect(map.coveredPath.length + map.uncoveredPath.length).toBeLessThan(45_000);
  });

  it("writes and reads dot paths with relative moves", () => {
    const points = [
      { x: 10, y: 5 },
      { x: 3, y: 9 },
      { x: 12, y: 5 },
    ];
    const path = dotsPath(points);
    expect(path).toBe("m10 5h0m2 0h0m-9 4h0");
    expect(parseDotsPath(path)).toEqual([points[0], points[2], points[1]]);
  });
});

describe("the werkgebied sentence", () => {
  it("says the radius and the base's place", () => {
    expect(coverageSentence("Bert", { mode: "radius", radiusKm: 15, basePlace: "Woerden" })).toBe(
      "Bert komt bij u thuis binnen 15 km van Woerden",
    );
  });
  it("lists the places with commas and 'en'", () => {
    expect(coverageSentence("Bert", { mode: "places", places: ["Woerden", "Montfoort", "Harmelen"] })).toBe(
      "Bert komt bij u thuis in: Woerden, Montfoort en Harmelen",
    );
    expect(joinDutch(["Woerden"])).toBe("Woerden");
    expect(joinDutch(["Woerden", "Montfoort"])).toBe("Woerden en Montfoort");
  });
  it("says heel Nederland for nationwide", () => {
    expect(coverageSentence("Kees", { mode: "nationwide" })).toBe("Kees komt bij u thuis in heel Nederland");
  });
});
