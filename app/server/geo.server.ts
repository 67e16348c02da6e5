import { sql } from "kysely";
import { distance } from "fastest-levenshtein";
import type { LatLon } from "~/domain/geo";
import { foldPlaceName } from "~/domain/place-name";
import { type LocationQuery, parseLocationQuery, parsePostcode, postcodeBeforePlace } from "~/domain/postcode";
import type { Db } from "./db.server";

export type Place = { id: number; name: string; lat: number; lon: number };
export type Pc4Area = { pc4: number; lat: number; lon: number; place: Place };

/** A customer location: where coverage is measured from. */
export type ResolvedLocation = {
  kind: "postcode" | "place";
  /** What to call it on the page: `3447` / `3447 GT` / `Woerden`. */
  label: string;
  point: LatLon;
  place: Place;
  pc4: number | null;
};

export type LocationLookup =
  | { ok: true; location: ResolvedLocation }
  | { ok: false; reason: "empty" | "postcode-shape" | "unknown-postcode" | "unknown-place"; input: string; suggestions: Place[] };

export async function findPc4Area(db: Db, pc4: number): Promise<Pc4Area | null> {
  const row = await db
    .selectFrom("pc4_areas as a")
    .innerJoin("places as p", "p.id", "a.place_id")
    .select(["a.pc4", "a.lat", "a.lon", "p.id as placeId", "p.name as placeName", "p.lat as placeLat", "p.lon as placeLon"])
    .where("a.pc4", "=", pc4)
    .executeTakeFirst();
  if (!row) return null;
  return {
    pc4: row.pc4,
    lat: row.lat,
    lon: row.lon,
    place: { id: row.placeId, name: row.placeName, lat: row.placeLat, lon: row.placeLon },
  };
}

/** By name, ignoring case, accents and punctuation; also by known aliases (Den Haag). */
export async function findPlaceByName(db: Db, name: string): Promise<Place | null> {
  const folded = foldPlaceName(name);
  if (folded === "") return null;
  const direct = await db
    .selectFrom("places")
    .select(["id", "name", "lat", "lon"])
    .where("name_folded", "=", folded)
    // Spellings that fold alike: the exact spelling first, else the larger place.
    .orderBy(sql`name = ${name.trim()}`, "desc")
    .orderBy("area_count", "desc")
    .executeTakeFirst();
  if (direct) return direct;
  const alias = await db
    .selectFrom("place_aliases as a")
    .innerJoin("places as p", "p.id", "a.place_id")
    .select(["p.id", "p.name", "p.lat", "p.lon"])
    .where("a.alias_folded", "=", folded)
    .executeTakeFirst();
  return alias ?? null;
}

export async function findPlaceById(db: Db, id: number): Promise<Place | null> {
  const place = await db.selectFrom("places").select(["id", "name", "lat", "lon"]).where("id", "=", id).executeTakeFirst();
  return place ?? null;
}

/** Folded keys sort like their prefixes, so a prefix is a range on the unique index. */
const prefixRange = (folded: string) => [folded, `${folded}\u{10FFFF}`] as const;

/**
 * Places whose name (or alias) starts with what was typed, larger places
 * first (more postcode areas), for autocomplete and "did you mean".
 */
export async function suggestPlaces(db: Db, prefix: string, limit = 8): Promise<Place[]> {
  const folded = foldPlaceName(prefix);
  if (folded === "") return [];
  const [from, to] = prefixRange(folded);
  const rows = await db
    .selectFrom("places")
    .select(["id", "name", "lat", "lon", "area_count"])
    .where("name_folded", ">=", from)
    .where("name_folded", "<", to)
    .unionAll(
      db
        .selectFrom("place_aliases as a")
        .innerJoin("places as p", "p.id", "a.place_id")
        .select(["p.id", "p.name", "p.lat", "p.lon", "p.area_count"])
        .where("a.alias_folded", ">=", from)
        .where("a.alias_folded", "<", to),
    )
    .execute();
  const seen = new Set<number>();
  return rows
    .sort((a, b) => b.area_count - a.area_count || a.name.localeCompare(b.name, "nl"))
    .filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)))
    .slice(0, limit)
    .map(({ id, name, lat, lon }) => ({ id, name, lat, lon }));
}

/** Every place name and alias, folded, per database: read once (the postcode data changes only on import). */
type PlaceName = { folded: string; place: Place; areaCount: number };
const placeNames = new WeakMap<Db, Promise<PlaceName[]>>();

function allPlaceNames(db: Db): Promise<PlaceName[]> {
  let names = placeNames.get(db);
  if (!names) {
    names = (async () => {
      const rows = await db
        .selectFrom("places")
        .select(["id", "name", "lat", "lon", "area_count", "name_folded as folded"])
        .unionAll(
          db
            .selectFrom("place_aliases as a")
            .innerJoin("places as p", "p.id", "a.place_id")
            .select(["p.id", "p.name", "p.lat", "p.lon", "p.area_count", "a.alias_folded as folded"]),
        )
        .execute();
      return rows.map((row) => ({ folded: row.folded, areaCount: row.area_count, place: { id: row.id, name: row.name, lat: row.lat, lon: row.lon } }));
    })();
    // An empty list (postcodes not imported yet) is not kept: the import may follow.
    void names.then((list) => list.length === 0 && placeNames.delete(db), () => placeNames.delete(db));
    placeNames.set(db, names);
  }
  return names;
}

/** Place names within a typo or two of what was typed ("Harmlen" → Harmelen), nearest and larger first. */
async function placesWithinTypos(db: Db, folded: string, limit: number): Promise<Place[]> {
  const maxEdits = folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0;
  if (maxEdits === 0) return [];
  const found: { place: Place; edits: number; areaCount: number }[] = [];
  for (const name of await allPlaceNames(db)) {
    if (Math.abs(name.folded.length - folded.length) > maxEdits) continue;
    const edits = distance(folded, name.folded);
    if (edits <= maxEdits) found.push({ place: name.place, edits, areaCount: name.areaCount });
  }
  const seen = new Set<number>();
  return found
    .sort((a, b) => a.edits - b.edits || b.areaCount - a.areaCount)
    .filter((f) => (seen.has(f.place.id) ? false : (seen.add(f.place.id), true)))
    .slice(0, limit)
    .map((f) => f.place);
}

/**
 * Close names for a place that was not found: names within a typo or two
 * first ("Harmlen" → Harmelen), then names with the same first letters,
 * then names that contain the typed word.
 */
export async function similarPlaces(db: Db, name: string, limit = 5): Promise<Place[]> {
  const folded = foldPlaceName(name);
  const typos = await placesWithinTypos(db, folded, limit);
  if (typos.length > 0) return typos;
  for (let length = folded.length; length >= 3; length--) {
    const found = await suggestPlaces(db, folded.slice(0, length), limit);
    if (found.length > 0) return found;
  }
  if (folded.length < 3) return [];
  const rows = await db
    .selectFrom("places")
    .select(["id", "name", "lat", "lon"])
    .where(sql<boolean>`instr(name_folded, ${folded}) > 0`)
    .orderBy("area_count", "desc")
    .limit(limit)
    .execute();
  return rows;
}

/** A postcode with its place written after it counts as the postcode, when the place exists. */
async function readLocationQuery(db: Db, input: string): Promise<LocationQuery | null> {
  const query = parseLocationQuery(input);
  if (query?.kind !== "bad-postcode") return query;
  const parts = postcodeBeforePlace(input);
  if (!parts || !(await findPlaceByName(db, parts.place))) return query;
  const postcode = parseLocationQuery(parts.postcode);
  return postcode?.kind === "postcode" ? postcode : query;
}

/** Turns a typed postcode or place into a point, or says what was not found. */
export async function resolveLocation(db: Db, input: string): Promise<LocationLookup> {
  const query = await readLocationQuery(db, input);
  if (!query) return { ok: false, reason: "empty", input, suggestions: [] };
  if (query.kind === "bad-postcode") {
    return { ok: false, reason: query.problem === "shape" ? "postcode-shape" : "unknown-postcode", input: input.trim(), suggestions: [] };
  }
  if (query.kind === "postcode") {
    const area = await findPc4Area(db, query.pc4);
    if (!area) return { ok: false, reason: "unknown-postcode", input: query.label, suggestions: [] };
    return {
      ok: true,
      location: {
        kind: "postcode",
        label: query.label,
        point: { lat: area.lat, lon: area.lon },
        place: area.place,
        pc4: area.pc4,
      },
    };
  }
  const place = await findPlaceByName(db, query.name);
  if (!place) {
    return { ok: false, reason: "unknown-place", input: query.name, suggestions: await similarPlaces(db, query.name) };
  }
  return {
    ok: true,
    location: { kind: "place", label: place.name, point: { lat: place.lat, lon: place.lon }, place, pc4: null },
  };
}

/**
 * Woonplaats pre-filled from the postcode: when the place field was left
 * empty, the place of the postcode's PC4 area is filled in before validation.
 */
export async function fillCityFromPostcode(db: Db, formData: FormData, postcodeField: string, cityField: string): Promise<void> {
  const city = String(formData.get(cityField) ?? "").trim();
  const postcode = parsePostcode(String(formData.get(postcodeField) ?? ""));
  if (city !== "" || !postcode) return;
  const area = await findPc4Area(db, postcode.pc4);
  if (area) formData.set(cityField, area.place.name);
}
