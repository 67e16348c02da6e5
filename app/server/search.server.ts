import { sql } from "kysely";
import { boundingBox, haversineKm, type LatLon } from "~/domain/geo";
import { memberPriceCents } from "~/domain/money";
import { isPaused, type PauseColumns } from "~/domain/pause";
import { allWordsFts, placeCandidates, someWordsFts, understandQuery, type SearchVocabulary } from "~/domain/search-query";
import { parseLocationQuery } from "~/domain/postcode";
import { publicBadges } from "~/domain/verification";
import { DAYPARTS, MAX_RADIUS_KM } from "~/domain/wizard";
import type { CoverageMode, PriceUnit } from "#db/schema";
import type { Db } from "./db.server";
import { findPc4Area, findPlaceByName, resolveLocation, type LocationLookup, type ResolvedLocation } from "./geo.server";
import { notPausedSql } from "./pause.server";
import { displayName } from "./providers.server";
import { ratingsFor } from "./reviews.server";
import { keptAnswer } from "./search-cache.server";
import { searchVocabulary } from "./search-vocabulary.server";
import { providersWithApprovedVideo, verificationKeysFor } from "./verifications.server";

/**
 * Search: keyword through the FTS5 index `provider_search` (migrations 0006
 * and 0016, words understood by app/domain/search-query.ts), location
 * through the coverage lists (ADR 003, migration 0014).
 *
 * Order:
 * - with a keyword: relevance first (bm25 with categories and their
 *   zoekwoorden ×10 above services ×5, the name ×3 and texts ×1, rounded to
 *   whole points so that nearly equal matches are ordered by what follows),
 *   then local before nationwide, then distance, then name;
 * - without a keyword: providers that work in a radius or a place list
 *   around the location first, nearest first; then nationwide providers
 *   (shown as "heel Nederland"), nearest base first; then name.
 * - without a location: relevance (if any), then name.
 * Filters: category slug; dagdeel `ochtend` / `middag` / `avond` (available
 * in that part of the day on at least one weekday). Only live providers
 * that have not paused themselves (app/domain/pause.ts).
 * Keyword text with nothing searchable in it (only stop words or symbols)
 * counts as no keyword.
 *
 * "Name" is the folded display name of migration 0018 (`name_key`).
 *
 * Speed: postcode-only reads live radius providers (with radius and base)
 * from the grid cell of the point (`provider_search_cell`, migration 0014)
 * and the place list, sorts those by distance, and only counts nationwide
 * providers (`provider_search_nationwide`) unless the page reaches them;
 * keyword with a location ranks only the matches whose coverage row fits
 * the location (`rankKeywordNear`); names are read only to break ties on
 * the page shown; without a location SQLite counts and picks the page.
 * Pages found are kept until the data under them changes
 * (search-cache.server.ts). Measured by scripts/bench/search.bench.ts
 * against `searchProvidersByScan`.
 */

export const PAGE_SIZE = 20;
/** name, categories (with zoekwoorden), services, intro, profile: what the provider does weighs more than who they are. */
export const BM25_WEIGHTS = [3, 10, 5, 1, 1] as const;

export type SearchParams = {
  wat?: string | null;
  waar?: string | null;
  categorie?: string | null;
  dagdeel?: string | null;
  pagina?: number | string | null;
};

export type PriceFrom = { cents: number; memberCents: number; unit: PriceUnit };

export type ProviderCard = {
  id: number;
  slug: string;
  name: string;
  categories: string[];
  introText: string;
  photoId: string | null;
  /** km from the provider's base to the searched location; null without a location. */
  distanceKm: number | null;
  nationwide: boolean;
  priceFrom: PriceFrom | null;
  /** Reviews do not exist yet: always null for now. */
  rating: { average: number; count: number } | null;
  /** "Gezien door Vivium Services": the checks staff ticked (app/domain/verification.ts). */
  badges: string[];
};

export type SearchResult = {
  location: LocationLookup | null;
  category: { id: number; slug: string; name: string } | null;
  /** The dagdeel filter as understood (`ochtend`…), or null. */
  dagdeel: string | null;
  keyword: string;
  total: number;
  page: number;
  pageCount: number;
  results: ProviderCard[];
  /** With a location and no results: the nearest providers of the same search (same words and filters). */
  alternatives: AlternativeCard[];
  understood: Understood;
};

/** How the keyword text was read, for "Resultaten voor …" on the page. */
export type Understood = {
  /** The words searched, corrections in place: "pedicure". Empty without a keyword. */
  searched: string;
  corrections: { typed: string; shown: string }[];
  /** Typed words the index does not know, left out of the search. */
  unknown: string[];
  /** A better spelling of the whole keyword text, when words were unknown. */
  didYouMean: string | null;
  /** Nobody matched every word: these results match most of them. */
  partial: boolean;
  /** The place read from the keyword box ("pedicure in Woerden"), when "Waar?" was empty. */
  placeFromKeyword: string | null;
};

/** Where an alternative provider does come. */
export type Reach = { mode: "radius"; km: number; place: string | null } | { mode: "places"; places: string[] };
export type AlternativeCard = ProviderCard & { reach: Reach | null };

type Filters = { categoryId: number | null; daypart: number | null };

/** One provider in the result, before its card is built. `nameKey`: the folded name of migration 0018, read when a tie needs it. */
export type Hit = { id: number; relevance: number; tier: 0 | 1; distanceKm: number | null; nameKey?: string };

/** Nearer first; without distances (no location) they are equal, so the name decides. */
function compareDistance(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** The order without the name: relevance, local before nationwide, distance. */
export function compareKey(a: Hit, b: Hit): number {
  return b.relevance - a.relevance || a.tier - b.tier || compareDistance(a.distanceKm, b.distanceKm);
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/**
 * As SQLite's BINARY order of the same keys (UTF-8 bytes, so code points),
 * so pages from SQL and from JavaScript agree. JavaScript's own `<` compares
 * UTF-16 units, which differs only where a character beyond U+FFFF meets one
 * above U+DFFF.
 */
function compareNameKeys(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function compareHits(a: Hit, b: Hit): number {
  return compareKey(a, b) || compareNameKeys(a.nameKey ?? "", b.nameKey ?? "") || a.id - b.id;
}

/**
 * Sorts the hits and returns one page. Names decide only between hits that
 * are equal on everything else, so they are loaded just for the hits that
 * tie with the first or last hit of the page: reading the name of every
 * covering provider is what made the page slow.
 */
async function sortedPage(db: Db, hits: Hit[], start: number, end: number): Promise<Hit[]> {
  hits.sort((a, b) => compareKey(a, b) || a.id - b.id);
  const last = Math.min(end, hits.length) - 1;
  if (start > last) return [];
  let from = start;
  while (from > 0 && compareKey(hits[from - 1]!, hits[start]!) === 0) from--;
  let to = last + 1;
  while (to < hits.length && compareKey(hits[to]!, hits[last]!) === 0) to++;
  const window = hits.slice(from, to);
  const needNames = window.filter((h) => h.nameKey === undefined).map((h) => h.id);
  const names = new Map<number, string>();
  for (let i = 0; i < needNames.length; i += 5000) {
    const rows = await sql<{ id: number; name_key: string }>`
      SELECT id, name_key FROM provider_search_names WHERE id IN (SELECT value FROM json_each(${JSON.stringify(needNames.slice(i, i + 5000))}))`.execute(db);
    for (const row of rows.rows) names.set(row.id, row.name_key);
  }
  for (const hit of window) hit.nameKey ??= names.get(hit.id) ?? "";
  window.sort(compareHits);
  return window.slice(start - from, start - from + (end - start));
}

type NameColumns = { first_name: string; infix: string | null; last_name: string | null };

const nameOf = (row: NameColumns) => displayName(row);

/** SQL conditions on `p` for status (live and not paused) and filters. */
function filterSql(filters: Filters) {
  return sql`p.status = 'live' AND ${notPausedSql("p")}
    AND (${filters.categoryId} IS NULL OR EXISTS (SELECT 1 FROM provider_categories fc WHERE fc.provider_id = p.id AND fc.category_id = ${filters.categoryId}))
    AND (${filters.daypart} IS NULL OR EXISTS (SELECT 1 FROM provider_dayparts fd WHERE fd.provider_id = p.id AND fd.daypart = ${filters.daypart}))`;
}

/**
 * The grid cell of a point, as migration 0014 lists the radius providers
 * (0.1° latitude by 0.15° longitude). The same IEEE division and floor on
 * both sides, so a point inside a werkgebied box always finds its cell.
 */
export function searchCell(lat: number, lon: number): number {
  return Math.floor(lat / 0.1) * 100_000 + Math.floor(lon / 0.15);
}

/**
 * The filters for ids from the search lists that hold only live providers
 * (the grid cells and the nationwide list of 0014), without reading their
 * providers rows: paused providers are few, so they are read once through
 * the partial index of 0012 instead of checking each candidate.
 */
function listedFilterSql(alias: string, filters: Filters, now: Date, column = "id") {
  const id = sql.ref(`${alias}.${column}`);
  return sql`(${filters.categoryId} IS NULL OR EXISTS (SELECT 1 FROM provider_categories fc WHERE fc.provider_id = ${id} AND fc.category_id = ${filters.categoryId}))
    AND (${filters.daypart} IS NULL OR EXISTS (SELECT 1 FROM provider_dayparts fd WHERE fd.provider_id = ${id} AND fd.daypart = ${filters.daypart}))
    AND ${id} NOT IN (SELECT pa.id FROM providers pa WHERE pa.paused_at IS NOT NULL AND (pa.paused_until IS NULL OR pa.paused_until > ${now.toISOString()}))`;
}

/**
 * bm25 is negative, better is lower: a positive score in whole points, so
 * that nearly equal matches are ordered by what follows. Rounded in SQL on
 * every path, so the indexed and the reference search agree to the bit.
 */
function ftsRelevance() {
  return sql<number>`round(-bm25(provider_search, ${sql.raw(BM25_WEIGHTS.join(", "))}))`;
}

async function keywordRelevance(db: Db, fts: string): Promise<Map<number, number>> {
  const rows = await sql<{ id: number; relevance: number }>`
    SELECT rowid AS id, ${ftsRelevance()} AS relevance FROM provider_search WHERE provider_search MATCH ${fts}`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.relevance]));
}

const distanceFrom = (row: { base_lat: number | null; base_lon: number | null }, point: LatLon) =>
  row.base_lat !== null && row.base_lon !== null ? haversineKm({ lat: row.base_lat, lon: row.base_lon }, point) : null;

type CoverageRow = { id: number; mode: CoverageMode; radius_km: number | null; base_lat: number | null; base_lon: number | null };

/** The page of hits, the total, and the page number actually shown. */
type Ranked = { total: number; page: number; hits: Hit[] };

async function pageOf(db: Db, hits: Hit[], requested: number): Promise<Ranked> {
  const page = clampPage(requested, hits.length);
  return { total: hits.length, page, hits: await sortedPage(db, hits, (page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
}

function clampPage(requested: number, total: number): number {
  return Math.max(1, Math.min(requested, Math.max(1, Math.ceil(total / PAGE_SIZE))));
}

// ---------------------------------------------------------------------------
// The indexed search.

async function rankIndexed(db: Db, fts: string | null, location: ResolvedLocation | null, filters: Filters, requested: number): Promise<Ranked> {
  if (location && !fts) return rankLocationOnly(db, location, filters, requested);
  if (location && fts) return rankKeywordNear(db, fts, location, filters, requested);

  return fts ? rankKeywordOnly(db, fts, filters, requested) : rankAll(db, filters, requested);
}

/**
 * Words without a location: SQLite counts the matches and picks the page
 * (relevance, then name, then id) from the index with the folded names of
 * 0018, so only 20 rows reach JavaScript. The index holds live providers
 * only; pauses and filters are checked without their providers rows.
 */
async function rankKeywordOnly(db: Db, fts: string, filters: Filters, requested: number): Promise<Ranked> {
  const now = new Date();
  const count = await sql<{ n: number }>`
    SELECT count(*) AS n FROM provider_search s WHERE provider_search MATCH ${fts} AND ${listedFilterSql("s", filters, now, "rowid")}`.execute(db);
  const total = count.rows[0]?.n ?? 0;
  const page = clampPage(requested, total);
  if (total === 0) return { total, page, hits: [] };
  // CROSS JOIN keeps the order: the match first, then its name key by id.
  const rows = await sql<{ id: number; relevance: number; name_key: string }>`
    SELECT s.rowid AS id, ${ftsRelevance()} AS relevance, k.name_key
    FROM provider_search s CROSS JOIN provider_search_names k ON k.id = s.rowid
    WHERE provider_search MATCH ${fts} AND ${listedFilterSql("s", filters, now, "rowid")}
    ORDER BY relevance DESC, k.name_key, s.rowid
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`.execute(db);
  return { total, page, hits: rows.rows.map((row): Hit => ({ id: row.id, relevance: row.relevance, tier: 0, distanceKm: null, nameKey: row.name_key })) };
}

/**
 * No words, no location (a category page): every live provider that passes
 * the filters, by name, the page chosen in SQL, from the narrow list of live
 * providers and their names (0018), driven by the category's own index.
 */
async function rankAll(db: Db, filters: Filters, requested: number): Promise<Ranked> {
  const now = new Date();
  const from = filters.categoryId === null
    ? sql`provider_search_names k`
    : sql`provider_categories fc CROSS JOIN provider_search_names k ON k.id = fc.provider_id`;
  const where = filters.categoryId === null
    ? listedFilterSql("k", filters, now)
    : sql`fc.category_id = ${filters.categoryId} AND ${listedFilterSql("k", { ...filters, categoryId: null }, now)}`;
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`.execute(db);
  const total = count.rows[0]?.n ?? 0;
  const page = clampPage(requested, total);
  if (total === 0) return { total, page, hits: [] };
  const rows = await sql<{ id: number; name_key: string }>`
    SELECT k.id, k.name_key FROM ${from} WHERE ${where}
    ORDER BY k.name_key, k.id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`.execute(db);
  return { total, page, hits: rows.rows.map((row): Hit => ({ id: row.id, relevance: 0, tier: 0, distanceKm: null, nameKey: row.name_key })) };
}

/**
 * Keyword and location: the keyword matches drive, and each is first held
 * against its own narrow coverage row: nationwide, a place list that holds
 * the place, or a radius whose box around the base holds the point (a box
 * never smaller than the circle; the exact distance decides after). Only
 * the matches that pass are joined with providers and ranked — bm25 and the
 * wide providers row were what made this slow for the many matches far
 * away. Driving from the R*Tree instead measured slower: a postcode in the
 * middle of the country lies in thousands of boxes, most without the keyword.
 */
async function rankKeywordNear(db: Db, fts: string, location: ResolvedLocation, filters: Filters, requested: number): Promise<Ranked> {
  const { lat, lon } = location.point;
  // Degrees per km of the box around the point that holds every base within the largest radius;
  // the SQL below widens each row's box by about 100 m more for rounding.
  const box = boundingBox(location.point, MAX_RADIUS_KM);
  const latPerKm = (box.maxLat - lat) / MAX_RADIUS_KM;
  const lonPerKm = (box.maxLon - lon) / MAX_RADIUS_KM;
  const now = new Date();
  // CROSS JOIN keeps this order: the match, then its coverage row. The index holds live providers
  // only, so their wide providers rows are not read at all.
  const rows = await sql<CoverageRow & { relevance: number }>`
    SELECT s.rowid AS id, c.mode, c.radius_km, c.base_lat, c.base_lon, ${ftsRelevance()} AS relevance
    FROM provider_search s
    CROSS JOIN provider_coverage c ON c.provider_id = s.rowid
    WHERE provider_search MATCH ${fts}
      AND (c.mode = 'nationwide'
        OR (c.mode = 'radius'
          AND abs(c.base_lat - ${lat}) <= c.radius_km * ${latPerKm} + 1e-3
          AND abs(c.base_lon - ${lon}) <= c.radius_km * ${lonPerKm} + 1e-3)
        OR (c.mode = 'places' AND +c.provider_id IN (SELECT provider_id FROM provider_coverage_places WHERE place_id = ${location.place.id})))
      AND ${listedFilterSql("s", filters, now, "rowid")}`.execute(db);
  const hits: Hit[] = [];
  for (const row of rows.rows) {
    const distanceKm = distanceFrom(row, location.point);
    if (row.mode === "radius" && (distanceKm === null || distanceKm > (row.radius_km ?? 0))) continue;
    hits.push({ id: row.id, relevance: row.relevance, tier: row.mode === "nationwide" ? 1 : 0, distanceKm });
  }
  return pageOf(db, hits, requested);
}

/**
 * Postcode or place only: the local providers (radius providers listed in
 * the point's grid cell and the place list, exact distance after) are
 * sorted in full; nationwide providers come after them, so they are only
 * counted, unless the page reaches past the local ones.
 */
async function rankLocationOnly(db: Db, location: ResolvedLocation, filters: Filters, requested: number): Promise<Ranked> {
  const { lat, lon } = location.point;
  const now = new Date();
  const [candidates, nationwideCount] = await Promise.all([
    // Live radius providers whose box touches the point's grid cell: one range read, radius and base included (0014).
    sql<CoverageRow>`
      SELECT g.id, 'radius' AS mode, g.radius_km, g.base_lat, g.base_lon
      FROM provider_search_cell g
      WHERE g.cell = ${searchCell(lat, lon)} AND ${listedFilterSql("g", filters, now)}
      UNION ALL
      SELECT p.id, c.mode, c.radius_km, c.base_lat, c.base_lon
      FROM provider_coverage_places cp
      JOIN provider_coverage c ON c.provider_id = cp.provider_id
      JOIN providers p ON p.id = cp.provider_id
      WHERE cp.place_id = ${location.place.id} AND c.mode = 'places' AND ${filterSql(filters)}`.execute(db),
    // Counted from the list of live nationwide providers (migration 0014), not from their providers rows.
    sql<{ n: number }>`
      SELECT count(*) AS n FROM provider_search_nationwide n WHERE ${listedFilterSql("n", filters, now)}`.execute(db),
  ]);
  const local: Hit[] = [];
  for (const row of candidates.rows) {
    const distanceKm = distanceFrom(row, location.point);
    if (row.mode === "radius" && (distanceKm === null || distanceKm > (row.radius_km ?? 0))) continue;
    local.push({ id: row.id, relevance: 0, tier: 0, distanceKm });
  }
  const total = local.length + (nationwideCount.rows[0]?.n ?? 0);
  const page = clampPage(requested, total);
  const start = (page - 1) * PAGE_SIZE;
  const end = page * PAGE_SIZE;
  if (end <= local.length) return { total, page, hits: await sortedPage(db, local, start, end) };

  // The page reaches the nationwide providers, which all come after the local ones.
  const nationwide = await sql<CoverageRow>`
    SELECT n.id, c.mode, c.radius_km, c.base_lat, c.base_lon
    FROM provider_search_nationwide n JOIN provider_coverage c ON c.provider_id = n.id
    WHERE ${listedFilterSql("n", filters, now)}`.execute(db);
  const far = nationwide.rows.map((row): Hit => ({ id: row.id, relevance: 0, tier: 1, distanceKm: distanceFrom(row, location.point) }));
  const localPart = start < local.length ? await sortedPage(db, local, start, local.length) : [];
  const farPart = await sortedPage(db, far, Math.max(0, start - local.length), end - local.length);
  return { total, page, hits: [...localPart, ...farPart] };
}

// ---------------------------------------------------------------------------
// The reference: every provider read and checked, haversine for each.

async function rankByScan(db: Db, fts: string | null, location: ResolvedLocation | null, filters: Filters, requested: number): Promise<Ranked> {
  const ranks = fts ? await keywordRelevance(db, fts) : null;
  const placeId = location?.place.id ?? null;
  const now = new Date();
  const rows = await sql<CoverageRow & PauseColumns & { name_key: string | null; status: string; in_category: number; in_daypart: number; lists_place: number; has_coverage: number }>`
    SELECT p.id, k.name_key, p.status, p.paused_at, p.paused_until, c.mode, c.radius_km, c.base_lat, c.base_lon,
      c.provider_id IS NOT NULL AS has_coverage,
      EXISTS (SELECT 1 FROM provider_categories fc WHERE fc.provider_id = p.id AND fc.category_id = ${filters.categoryId}) AS in_category,
      EXISTS (SELECT 1 FROM provider_dayparts fd WHERE fd.provider_id = p.id AND fd.daypart = ${filters.daypart}) AS in_daypart,
      EXISTS (SELECT 1 FROM provider_coverage_places cp WHERE cp.provider_id = p.id AND cp.place_id = ${placeId}) AS lists_place
    FROM providers p LEFT JOIN provider_search_names k ON k.id = p.id LEFT JOIN provider_coverage c ON c.provider_id = p.id`.execute(db);
  const hits: Hit[] = [];
  for (const row of rows.rows) {
    if (row.status !== "live" || isPaused(row, now)) continue;
    if (filters.categoryId !== null && !row.in_category) continue;
    if (filters.daypart !== null && !row.in_daypart) continue;
    const relevance = ranks ? ranks.get(row.id) : 0;
    if (relevance === undefined) continue;
    let distanceKm: number | null = null;
    if (location) {
      if (!row.has_coverage) continue;
      distanceKm = distanceFrom(row, location.point);
      const covers =
        row.mode === "nationwide" ||
        (row.mode === "places" && row.lists_place === 1) ||
        (row.mode === "radius" && distanceKm !== null && distanceKm <= (row.radius_km ?? 0));
      if (!covers) continue;
    }
    hits.push({ id: row.id, relevance, tier: location && row.mode === "nationwide" ? 1 : 0, distanceKm, nameKey: row.name_key ?? "" });
  }
  return pageOf(db, hits, requested);
}

// ---------------------------------------------------------------------------
// Shared: parameters, cards, alternatives.

function parsePage(value: SearchParams["pagina"]): number {
  const page = Number(value ?? 1);
  return Number.isInteger(page) && page >= 1 ? Math.min(page, 100_000) : 1;
}

export function parseDagdeel(value: string | null | undefined): number | null {
  const index = DAYPARTS.indexOf((value ?? "").trim().toLowerCase() as (typeof DAYPARTS)[number]);
  return index >= 0 ? index : null;
}

type Ranker = typeof rankIndexed;

/**
 * A place or postcode typed in the keyword box while "Waar?" is empty:
 * "pedicure in Woerden", "kapper harmelen", "pedicure 3447". Words that name
 * a provider or a category ("Vries", "haren") count as a place only after
 * "in", "te", "omgeving" and the like.
 */
async function placeInKeyword(db: Db, typed: string, vocabulary: SearchVocabulary): Promise<{ text: string; rest: string; location: ResolvedLocation } | null> {
  for (const candidate of placeCandidates(typed)) {
    const query = parseLocationQuery(candidate.text);
    if (!query) continue;
    if (query.kind === "postcode") {
      const area = await findPc4Area(db, query.pc4);
      if (!area) continue;
      return {
        text: query.label,
        rest: candidate.rest,
        location: { kind: "postcode", label: query.label, point: { lat: area.lat, lon: area.lon }, place: area.place, pc4: area.pc4 },
      };
    }
    if (!candidate.marked && candidate.words.every((word) => vocabulary.isNameOrCategoryWord(word))) continue;
    if (candidate.words.every((word) => /^\d+$/.test(word))) continue;
    const place = await findPlaceByName(db, candidate.text);
    if (!place) continue;
    return {
      text: place.name,
      rest: candidate.rest,
      location: { kind: "place", label: place.name, point: { lat: place.lat, lon: place.lon }, place, pc4: null },
    };
  }
  return null;
}

const NOTHING_UNDERSTOOD: Understood = { searched: "", corrections: [], unknown: [], didYouMean: null, partial: false, placeFromKeyword: null };

async function search(db: Db, params: SearchParams, rank: Ranker): Promise<SearchResult> {
  const keyword = (params.wat ?? "").trim().slice(0, 200);
  const waar = (params.waar ?? "").trim().slice(0, 100);
  const vocabulary = await searchVocabulary(db);
  let location = waar === "" ? null : await resolveLocation(db, waar);
  let keywordText = keyword;
  let placeFromKeyword: string | null = null;
  if (location === null && keyword !== "") {
    const found = await placeInKeyword(db, keyword, vocabulary);
    if (found) {
      location = { ok: true, location: found.location };
      keywordText = found.rest;
      placeFromKeyword = found.text;
    }
  }
  const query = understandQuery(keywordText, vocabulary);
  const slug = (params.categorie ?? "").trim();
  const category = slug
    ? ((await db.selectFrom("categories").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst()) ?? null)
    : null;
  const daypart = parseDagdeel(params.dagdeel);
  const understood: Understood = {
    ...NOTHING_UNDERSTOOD,
    searched: query.words.map((word) => word.shown).join(" "),
    corrections: query.words.filter((word) => word.kind === "corrected").map(({ typed, shown }) => ({ typed, shown })),
    unknown: query.unknown,
    didYouMean: query.didYouMean,
    placeFromKeyword,
  };
  const base = { location, category, dagdeel: daypart === null ? null : DAYPARTS[daypart]!, keyword, understood };
  const requested = parsePage(params.pagina);
  const none = { ...base, total: 0, page: 1, pageCount: 0, results: [], alternatives: [] };

  if ((location && !location.ok) || (slug && !category)) return none;
  const point = location?.ok ? location.location : null;
  const filters: Filters = { categoryId: category?.id ?? null, daypart };
  // Typed words of which the index knows none: nobody can match them.
  if (query.words.length === 0 && query.unknown.length > 0) return none;

  let fts = allWordsFts(query.words);
  let ranked = await rank(db, fts, point, filters, requested);
  // Nobody matches every word: those who match the most of them, if any.
  for (let k = query.words.length - 1; ranked.total === 0 && k >= 1; k--) {
    const some = someWordsFts(query.words, k);
    const relaxed = await rank(db, some, point, filters, requested);
    if (relaxed.total > 0) {
      fts = some;
      ranked = relaxed;
      understood.partial = true;
    }
  }
  const results = await buildCards(db, ranked.hits);
  const alternatives = ranked.total === 0 && point ? await nearestAlternatives(db, point, fts, filters) : [];
  return { ...base, total: ranked.total, page: ranked.page, pageCount: Math.ceil(ranked.total / PAGE_SIZE), results, alternatives };
}

/** The indexed ranking, kept per search until the data under it changes. */
const rankKept: Ranker = (db, fts, location, filters, requested) => {
  const key = JSON.stringify([fts, location?.point.lat ?? null, location?.point.lon ?? null, location?.place.id ?? null, filters.categoryId, filters.daypart, requested]);
  return keptAnswer(db, key, () => rankIndexed(db, fts, location, filters, requested));
};

/** The search behind /zoeken and the category pages, through the FTS and coverage indexes. */
export function searchProviders(db: Db, params: SearchParams): Promise<SearchResult> {
  return search(db, params, rankKept);
}

/** The same answer by reading every provider: the reference for tests and the benchmark. */
export function searchProvidersByScan(db: Db, params: SearchParams): Promise<SearchResult> {
  return search(db, params, rankByScan);
}

/** The mini profile cards for these hits, in their order. */
async function buildCards(db: Db, hits: Hit[]): Promise<ProviderCard[]> {
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.id);
  const [providers, categories, prices, modes, ratings] = await Promise.all([
    db
      .selectFrom("providers")
      .select(["id", "slug", "first_name", "infix", "last_name", "intro_text", "photo_upload_id"])
      .where("id", "in", ids)
      .execute(),
    db
      .selectFrom("provider_categories as pc")
      .innerJoin("categories as c", "c.id", "pc.category_id")
      .select(["pc.provider_id", "c.name"])
      .where("pc.provider_id", "in", ids)
      .orderBy("c.position")
      .execute(),
    db
      .selectFrom("provider_services")
      .select(["provider_id", "price_cents", "unit"])
      .where("provider_id", "in", ids)
      .orderBy("price_cents")
      .orderBy("position")
      .execute(),
    db.selectFrom("provider_coverage").select(["provider_id", "mode"]).where("provider_id", "in", ids).execute(),
    ratingsFor(db, ids),
  ]);
  const [verified, withVideo] = await Promise.all([verificationKeysFor(db, ids), providersWithApprovedVideo(db, ids)]);
  const byId = new Map(providers.map((p) => [p.id, p]));
  return hits.flatMap((hit): ProviderCard[] => {
    const p = byId.get(hit.id);
    if (!p) return [];
    const cheapest = prices.find((s) => s.provider_id === hit.id);
    return [
      {
        id: p.id,
        slug: p.slug ?? String(p.id),
        name: nameOf(p),
        categories: categories.filter((c) => c.provider_id === hit.id).map((c) => c.name),
        introText: p.intro_text ?? "",
        photoId: p.photo_upload_id,
        distanceKm: hit.distanceKm,
        nationwide: modes.some((m) => m.provider_id === hit.id && m.mode === "nationwide"),
        priceFrom: cheapest ? { cents: cheapest.price_cents, memberCents: memberPriceCents(cheapest.price_cents), unit: cheapest.unit } : null,
        rating: ratings.get(hit.id) ?? null,
        badges: publicBadges(verified.get(hit.id) ?? new Set(), withVideo.has(hit.id)),
      },
    ];
  });
}

/**
 * Nobody covers the location: the live providers of the same search (the
 * same words and filters) whose base is nearest, with where they do come.
 * Their werkgebied does not reach the location; the page says so.
 */
async function nearestAlternatives(db: Db, location: ResolvedLocation, fts: string | null, filters: Filters, limit = 3): Promise<AlternativeCard[]> {
  const rows = await sql<{ id: number; name_key: string; base_lat: number; base_lon: number }>`
    SELECT p.id, k.name_key, c.base_lat, c.base_lon
    FROM providers p JOIN provider_coverage c ON c.provider_id = p.id JOIN provider_search_names k ON k.id = p.id
    WHERE ${filterSql(filters)} AND c.mode <> 'nationwide' AND c.base_lat IS NOT NULL AND c.base_lon IS NOT NULL
      AND (${fts} IS NULL OR p.id IN (SELECT rowid FROM provider_search WHERE provider_search MATCH ${fts ?? ""}))`.execute(db);
  const hits = rows.rows
    .map((row): Hit => ({ id: row.id, relevance: 0, tier: 0, distanceKm: distanceFrom(row, location.point), nameKey: row.name_key }))
    .sort(compareHits)
    .slice(0, limit);
  const [cards, reach] = await Promise.all([buildCards(db, hits), reachOf(db, hits.map((hit) => hit.id))]);
  // An alternative's distance is to its base, not a promise to come: never "heel Nederland" here.
  return cards.map((card) => ({ ...card, nationwide: false, reach: reach.get(card.id) ?? null }));
}

/** Where these providers come: a radius around their base place, or their list of places. */
async function reachOf(db: Db, ids: number[]): Promise<Map<number, Reach>> {
  const reach = new Map<number, Reach>();
  if (ids.length === 0) return reach;
  const [coverage, places] = await Promise.all([
    db
      .selectFrom("provider_coverage as c")
      .leftJoin("pc4_areas as a", "a.pc4", "c.base_pc4")
      .leftJoin("places as pl", "pl.id", "a.place_id")
      .select(["c.provider_id", "c.mode", "c.radius_km", "pl.name as place"])
      .where("c.provider_id", "in", ids)
      .execute(),
    db
      .selectFrom("provider_coverage_places as cp")
      .innerJoin("places as pl", "pl.id", "cp.place_id")
      .select(["cp.provider_id", "pl.name"])
      .where("cp.provider_id", "in", ids)
      .orderBy("cp.position")
      .execute(),
  ]);
  for (const row of coverage) {
    if (row.mode === "radius" && row.radius_km !== null) reach.set(row.provider_id, { mode: "radius", km: row.radius_km, place: row.place });
    if (row.mode === "places") reach.set(row.provider_id, { mode: "places", places: places.filter((p) => p.provider_id === row.provider_id).map((p) => p.name) });
  }
  return reach;
}
