import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { foldPlaceName, PLACE_ALIASES } from "~/domain/place-name";
import type { Db } from "./db.server";

export class PostcodeDataMissingError extends Error {
  override name = "PostcodeDataMissingError";
}

type Pc4Row = { pc4: number; place: string; lat: number; lon: number; hasAddresses: number };
type PlaceRow = { name: string; lat: number; lon: number };

/** The files are simple comma-separated tables without quoted fields. */
function readCsv(file: string, expectedHeader: string): string[][] {
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines.shift();
  if (header?.trim() !== expectedHeader) {
    throw new Error(`${file}: expected the header "${expectedHeader}", found "${header ?? ""}"`);
  }
  return lines.map((line) => line.split(","));
}

function toNumber(value: string | undefined, file: string, line: number): number {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isFinite(n)) {
    throw new Error(`${file}:${line + 2}: "${value ?? ""}" is not a number`);
  }
  return n;
}

export function readPostcodeFiles(dir: string): { areas: Pc4Row[]; places: PlaceRow[] } {
  const pc4File = path.join(dir, "pc4.csv");
  const placesFile = path.join(dir, "places.csv");
  for (const file of [pc4File, placesFile]) {
    if (!fs.existsSync(file)) {
      throw new PostcodeDataMissingError(
        `Postcode data not found: ${file} is missing. The project ships pc4.csv and places.csv in ` +
          `db/postcodes; restore them from git, or set POSTCODE_DATA_DIR to a folder that has them.`,
      );
    }
  }
  const places = readCsv(placesFile, "place,lat,lon").map(([name, lat, lon], i) => ({
    name: (name ?? "").trim(),
    lat: toNumber(lat, placesFile, i),
    lon: toNumber(lon, placesFile, i),
  }));
  const areas = readCsv(pc4File, "pc4,place,lat,lon,has_addresses").map(([pc4, place, lat, lon, has], i) => ({
    pc4: toNumber(pc4, pc4File, i),
    place: (place ?? "").trim(),
    lat: toNumber(lat, pc4File, i),
    lon: toNumber(lon, pc4File, i),
    hasAddresses: toNumber(has, pc4File, i) === 1 ? 1 : 0,
  }));
  return { areas, places };
}

export type ImportResult = { imported: boolean; areaCount: number; placeCount: number };

/**
 * Loads the PC4 areas and places into the database in one transaction.
 * Idempotent: with `force` off it does nothing when the data is already
 * there; with it on it replaces the reference data and keeps the ids of
 * places that still exist (providers' place lists refer to them).
 */
export async function importPostcodes(db: Db, dir: string, options: { force?: boolean } = {}): Promise<ImportResult> {
  const existing = await db.selectFrom("postcode_import").selectAll().executeTakeFirst();
  if (existing && !options.force) {
    return { imported: false, areaCount: existing.area_count, placeCount: existing.place_count };
  }
  const { areas, places } = readPostcodeFiles(dir);
  const areaCountByPlace = new Map<string, number>();
  for (const area of areas) areaCountByPlace.set(area.place, (areaCountByPlace.get(area.place) ?? 0) + 1);

  await db.transaction().execute(async (trx) => {
    for (const place of places) {
      await trx
        .insertInto("places")
        .values({
          name: place.name,
          name_folded: foldPlaceName(place.name),
          lat: place.lat,
          lon: place.lon,
          area_count: areaCountByPlace.get(place.name) ?? 0,
        })
        .onConflict((oc) =>
          oc.column("name").doUpdateSet({
            name_folded: foldPlaceName(place.name),
            lat: place.lat,
            lon: place.lon,
            area_count: areaCountByPlace.get(place.name) ?? 0,
          }),
        )
        .execute();
    }
    const placeIds = new Map(
      (await trx.selectFrom("places").select(["id", "name"]).execute()).map((p) => [p.name, p.id] as const),
    );

    await trx.deleteFrom("pc4_areas").execute();
    for (const area of areas) {
      const placeId = placeIds.get(area.place);
      if (placeId === undefined) throw new Error(`pc4.csv: ${area.pc4} names "${area.place}", which places.csv lacks`);
      await trx
        .insertInto("pc4_areas")
        .values({ pc4: area.pc4, place_id: placeId, lat: area.lat, lon: area.lon, has_addresses: area.hasAddresses })
        .execute();
    }

    await trx.deleteFrom("place_aliases").execute();
    const folded = new Set(places.map((p) => foldPlaceName(p.name)));
    for (const [alias, target] of PLACE_ALIASES) {
      const placeId = placeIds.get(target);
      const aliasFolded = foldPlaceName(alias);
      // An alias that is itself a real place name would hide that place.
      if (placeId === undefined || folded.has(aliasFolded)) continue;
      await trx
        .insertInto("place_aliases")
        .values({ alias_folded: aliasFolded, alias, place_id: placeId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    await trx
      .insertInto("postcode_import")
      .values({
        id: 1,
        source_dir: dir,
        area_count: areas.length,
        place_count: places.length,
        imported_at: new Date().toISOString(),
      })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({
          source_dir: dir,
          area_count: areas.length,
          place_count: places.length,
          imported_at: sql`excluded.imported_at`,
        }),
      )
      .execute();
  });
  return { imported: true, areaCount: areas.length, placeCount: places.length };
}
