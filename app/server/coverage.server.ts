import { sql } from "kysely";
import { boundingBox, haversineKm, type LatLon } from "~/domain/geo";
import type { CoverageMode } from "#db/schema";
import type { Db } from "./db.server";
import type { ResolvedLocation } from "./geo.server";

export type CoverageInput =
  | { mode: "nationwide" }
  | { mode: "radius"; radiusKm: number }
  | { mode: "places"; placeIds: number[] };

export type Coverage = CoverageInput & { basePc4: number | null; base: LatLon | null };

export type CoveringProvider = {
  providerId: number;
  mode: CoverageMode;
  /** From the provider's base to the location; null when the base is unknown. */
  distanceKm: number | null;
};

/** R*Tree keeps 32-bit floats; a margin of about 10 m keeps boxes from shrinking by rounding. */
const BOX_MARGIN_DEGREES = 1e-4;

/**
 * Saves a provider's werkgebied. `basePc4` is the PC4 area of the work
 * address, else of the home address. Call inside the transaction that saves
 * the rest of the step, so that search never sees half a werkgebied.
 */
export async function saveCoverage(
  db: Db,
  providerId: number,
  coverage: CoverageInput,
  basePc4: number | null,
): Promise<void> {
  const base = basePc4 === null
    ? undefined
    : await db.selectFrom("pc4_areas").select(["lat", "lon"]).where("pc4", "=", basePc4).executeTakeFirst();
  if (basePc4 !== null && !base) throw new Error(`Unknown base postcode area ${basePc4}`);
  if (coverage.mode === "radius" && !base) throw new Error("A radius werkgebied needs a base address");

  await db.deleteFrom("provider_coverage_places").where("provider_id", "=", providerId).execute();
  await db.deleteFrom("provider_coverage_box").where("id", "=", providerId).execute();
  const row = {
    mode: coverage.mode,
    radius_km: coverage.mode === "radius" ? coverage.radiusKm : null,
    base_pc4: base ? basePc4 : null,
    base_lat: base?.lat ?? null,
    base_lon: base?.lon ?? null,
  };
  await db
    .insertInto("provider_coverage")
    .values({ provider_id: providerId, ...row })
    .onConflict((oc) => oc.column("provider_id").doUpdateSet(row))
    .execute();

  if (coverage.mode === "radius" && base) {
    const box = boundingBox(base, coverage.radiusKm);
    await db
      .insertInto("provider_coverage_box")
      .values({
        id: providerId,
        min_lat: box.minLat - BOX_MARGIN_DEGREES,
        max_lat: box.maxLat + BOX_MARGIN_DEGREES,
        min_lon: box.minLon - BOX_MARGIN_DEGREES,
        max_lon: box.maxLon + BOX_MARGIN_DEGREES,
      })
      .execute();
  }
  if (coverage.mode === "places") {
    const unique = [...new Set(coverage.placeIds)];
    if (unique.length > 0) {
      await db
        .insertInto("provider_coverage_places")
        .values(unique.map((placeId, position) => ({ provider_id: providerId, place_id: placeId, position })))
        .execute();
    }
  }
}

export async function loadCoverage(db: Db, providerId: number): Promise<Coverage | null> {
  const row = await db.selectFrom("provider_coverage").selectAll().where("provider_id", "=", providerId).executeTakeFirst();
  if (!row) return null;
  const base = row.base_lat !== null && row.base_lon !== null ? { lat: row.base_lat, lon: row.base_lon } : null;
  if (row.mode === "nationwide") return { mode: "nationwide", basePc4: row.base_pc4, base };
  if (row.mode === "radius") return { mode: "radius", radiusKm: row.radius_km ?? 0, basePc4: row.base_pc4, base };
  const places = await db
    .selectFrom("provider_coverage_places")
    .select("place_id")
    .where("provider_id", "=", providerId)
    .orderBy("position")
    .execute();
  return { mode: "places", placeIds: places.map((p) => p.place_id), basePc4: row.base_pc4, base };
}

type Candidate = { provider_id: number; mode: CoverageMode; radius_km: number | null; base_lat: number | null; base_lon: number | null };

/**
 * Which providers cover this location, nearest first. Candidates come from
 * three indexed lookups (nationwide rows, the place list by place id, radius
 * boxes in the R*Tree that contain the point); the exact haversine distance
 * then decides for radius providers. See ADR 003.
 */
export async function findCoveringProviders(db: Db, location: ResolvedLocation): Promise<CoveringProvider[]> {
  const { lat, lon } = location.point;
  const columns = ["c.provider_id", "c.mode", "c.radius_km", "c.base_lat", "c.base_lon"] as const;
  const candidates: Candidate[] = await db
    .selectFrom("provider_coverage as c")
    .select(columns)
    .where("c.mode", "=", "nationwide")
    .unionAll(
      db
        .selectFrom("provider_coverage_places as cp")
        .innerJoin("provider_coverage as c", "c.provider_id", "cp.provider_id")
        .select(columns)
        .where("cp.place_id", "=", location.place.id)
        .where("c.mode", "=", "places"),
    )
    .unionAll(
      db
        .selectFrom("provider_coverage_box as b")
        .innerJoin("provider_coverage as c", "c.provider_id", "b.id")
        .select(columns)
        .where("b.min_lat", "<=", lat)
        .where("b.max_lat", ">=", lat)
        .where("b.min_lon", "<=", lon)
        .where("b.max_lon", ">=", lon)
        .where("c.mode", "=", "radius"),
    )
    .execute();

  const result: CoveringProvider[] = [];
  for (const c of candidates) {
    const distanceKm = c.base_lat !== null && c.base_lon !== null ? haversineKm({ lat: c.base_lat, lon: c.base_lon }, location.point) : null;
    if (c.mode === "radius" && (distanceKm === null || distanceKm > (c.radius_km ?? 0))) continue;
    result.push({ providerId: c.provider_id, mode: c.mode, distanceKm });
  }
  return result.sort(compareByDistance);
}

function compareByDistance(a: CoveringProvider, b: CoveringProvider): number {
  return (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.providerId - b.providerId;
}

/**
 * The same answer by reading every werkgebied: the obviously-correct
 * reference the index is tested and benchmarked against.
 */
export async function findCoveringProvidersByScan(db: Db, location: ResolvedLocation): Promise<CoveringProvider[]> {
  const rows = await db
    .selectFrom("provider_coverage as c")
    .select([
      "c.provider_id",
      "c.mode",
      "c.radius_km",
      "c.base_lat",
      "c.base_lon",
      sql<number>`EXISTS (SELECT 1 FROM provider_coverage_places cp WHERE cp.provider_id = c.provider_id AND cp.place_id = ${location.place.id})`.as(
        "lists_place",
      ),
    ])
    .execute();
  const result: CoveringProvider[] = [];
  for (const row of rows) {
    const distanceKm = row.base_lat !== null && row.base_lon !== null ? haversineKm({ lat: row.base_lat, lon: row.base_lon }, location.point) : null;
    const covers =
      row.mode === "nationwide" ||
      (row.mode === "places" && row.lists_place === 1) ||
      (row.mode === "radius" && distanceKm !== null && distanceKm <= (row.radius_km ?? 0));
    if (covers) result.push({ providerId: row.provider_id, mode: row.mode, distanceKm });
  }
  return result.sort(compareByDistance);
}

/** The PC4 area coverage is measured from: the work address when there is one, else home. */
export function basePc4Of(provider: { has_work_address: number | null; work_postcode: string | null; home_postcode: string | null }): number | null {
  const postcode = provider.has_work_address ? provider.work_postcode : provider.home_postcode;
  const pc4 = postcode ? Number(postcode.slice(0, 4)) : NaN;
  return Number.isInteger(pc4) && pc4 >= 1000 ? pc4 : null;
}

/**
 * After an address change: move the werkgebied's base along, so a radius
 * keeps meaning "around my (work) address". Call in the same transaction.
 */
export async function refreshCoverageBase(db: Db, providerId: number): Promise<void> {
  const coverage = await loadCoverage(db, providerId);
  if (!coverage) return;
  const provider = await db
    .selectFrom("providers")
    .select(["has_work_address", "work_postcode", "home_postcode"])
    .where("id", "=", providerId)
    .executeTakeFirstOrThrow();
  const { basePc4: _old, base: _oldPoint, ...input } = coverage;
  await saveCoverage(db, providerId, input, basePc4Of(provider));
}
