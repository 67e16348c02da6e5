/**
 * The werkgebied map on the profile page, drawn without tiles or JavaScript:
 * every PC4 area of the Netherlands is a dot at its centre, the areas the
 * provider covers are highlighted, and the base is marked at its PC4 centre
 * (never the street address). Pure: the server loads the areas, this module
 * projects them and decides per area; the component only renders the result.
 *
 * The dots of one colour are one `<path>` of zero-length segments drawn with
 * a round line cap (`m dx dy h0` per dot, relative moves, sorted by row), so
 * some 4,800 dots cost a few tens of KB of HTML instead of hundreds.
 */
import { haversineKm, type LatLon } from "./geo";

/** One PC4 area as the map needs it. */
export type MapArea = { pc4: number; placeId: number; lat: number; lon: number };

export type MapPoint = { x: number; y: number };

/** The projected positions of all areas: the same for every provider, so computed once per process. */
export type MapGrid = {
  width: number;
  height: number;
  areas: readonly MapArea[];
  /** pc4 → its dot, in viewBox units (whole numbers). */
  positions: ReadonlyMap<number, MapPoint>;
  /** viewBox units per km (for the radius circle). */
  unitsPerKm: number;
  project: (point: LatLon) => MapPoint;
};

export type MapCoverage =
  | { mode: "nationwide"; basePc4: number | null }
  | { mode: "radius"; radiusKm: number; basePc4: number | null; base: LatLon | null }
  | { mode: "places"; placeIds: readonly number[]; basePc4: number | null };

export type CoverageMapModel = {
  width: number;
  height: number;
  /** `m dx dy h0` per dot; the first move is absolute from the origin. */
  coveredPath: string;
  uncoveredPath: string;
  /** The base's PC4 centre, projected; null when unknown. */
  base: MapPoint | null;
  /** For a radius: the circle around the base, in viewBox units. */
  radius: number | null;
  coveredCount: number;
};

/** The latitude the projection is true at: the middle of the Netherlands. */
const REFERENCE_LATITUDE = 52.2;
/** viewBox units per degree of latitude; the country becomes about 600 × 700. */
const UNITS_PER_DEGREE = 250;
const MARGIN = 8;
const KM_PER_DEGREE_LAT = 111.195;

/**
 * Projects every area with a simple equirectangular projection (longitude
 * scaled by cos 52.2°) and fits the result into a viewBox with a margin.
 * Positions are rounded to whole units: at ~0.45 km per unit that is far finer
 * than a dot, and it keeps the path short.
 */
export function buildMapGrid(areas: readonly MapArea[]): MapGrid {
  const lonScale = Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const area of areas) {
    minLat = Math.min(minLat, area.lat);
    maxLat = Math.max(maxLat, area.lat);
    minLon = Math.min(minLon, area.lon);
    maxLon = Math.max(maxLon, area.lon);
  }
  if (areas.length === 0) [minLat, maxLat, minLon, maxLon] = [50.75, 53.55, 3.35, 7.23];
  const project = ({ lat, lon }: LatLon): MapPoint => ({
    x: Math.round(MARGIN + (lon - minLon) * lonScale * UNITS_PER_DEGREE),
    y: Math.round(MARGIN + (maxLat - lat) * UNITS_PER_DEGREE),
  });
  const positions = new Map<number, MapPoint>();
  for (const area of areas) positions.set(area.pc4, project(area));
  return {
    width: Math.ceil((maxLon - minLon) * lonScale * UNITS_PER_DEGREE + 2 * MARGIN),
    height: Math.ceil((maxLat - minLat) * UNITS_PER_DEGREE + 2 * MARGIN),
    areas,
    positions,
    unitsPerKm: UNITS_PER_DEGREE / KM_PER_DEGREE_LAT,
    project,
  };
}

/** Whether the werkgebied includes this area; the same rules as the search (coverage.server.ts). */
export function coversArea(coverage: MapCoverage, area: MapArea, placeIds?: ReadonlySet<number>): boolean {
  switch (coverage.mode) {
    case "nationwide":
      return true;
    case "places":
      return (placeIds ?? new Set(coverage.placeIds)).has(area.placeId);
    case "radius":
      return coverage.base !== null && haversineKm(coverage.base, area) <= coverage.radiusKm;
  }
}

function pointKey(p: MapPoint): number {
  return p.y * 100_000 + p.x;
}

/** The dots as one path: sorted by row, each a relative move to the dot and a zero-length line. */
export function dotsPath(points: Iterable<MapPoint>): string {
  const sorted = [...points].sort((a, b) => a.y - b.y || a.x - b.x);
  let x = 0;
  let y = 0;
  let path = "";
  for (const p of sorted) {
    const dx = p.x - x;
    const dy = p.y - y;
    path += `m${dx}${dy < 0 ? "" : " "}${dy}h0`;
    x = p.x;
    y = p.y;
  }
  return path;
}

/** The dots a path from dotsPath draws, back as absolute points (for tests and tools). */
export function parseDotsPath(path: string): MapPoint[] {
  const points: MapPoint[] = [];
  let x = 0;
  let y = 0;
  for (const match of path.matchAll(/m(-?\d+) ?(-?\d+)h0/g)) {
    x += Number(match[1]);
    y += Number(match[2]);
    points.push({ x, y });
  }
  return points;
}

/**
 * The map for one provider. A position shared by a covered and an uncovered
 * area is drawn as covered, so the werkgebied never looks smaller than it is.
 */
export function buildCoverageMap(grid: MapGrid, coverage: MapCoverage): CoverageMapModel {
  const placeIds = coverage.mode === "places" ? new Set(coverage.placeIds) : undefined;
  const covered = new Map<number, MapPoint>();
  const uncovered = new Map<number, MapPoint>();
  for (const area of grid.areas) {
    const point = grid.positions.get(area.pc4);
    if (!point) continue;
    (coversArea(coverage, area, placeIds) ? covered : uncovered).set(pointKey(point), point);
  }
  for (const key of covered.keys()) uncovered.delete(key);

  let base: MapPoint | null = coverage.basePc4 !== null ? (grid.positions.get(coverage.basePc4) ?? null) : null;
  if (!base && coverage.mode === "radius" && coverage.base) base = grid.project(coverage.base);
  return {
    width: grid.width,
    height: grid.height,
    coveredPath: dotsPath(covered.values()),
    uncoveredPath: dotsPath(uncovered.values()),
    base,
    radius: coverage.mode === "radius" && base ? Math.round(coverage.radiusKm * grid.unitsPerKm * 10) / 10 : null,
    coveredCount: covered.size,
  };
}

/** `Woerden`, `Woerden en Montfoort`, `Woerden, Montfoort en Harmelen`. */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

export type SentenceCoverage =
  | { mode: "nationwide" }
  | { mode: "radius"; radiusKm: number; basePlace: string | null }
  | { mode: "places"; places: readonly string[] };

/** The werkgebied in one sentence, beside the map (and as the map's description). */
export function coverageSentence(firstName: string, coverage: SentenceCoverage): string {
  switch (coverage.mode) {
    case "nationwide":
      return `${firstName} komt bij u thuis in heel Nederland`;
    case "radius": {
      const km = Number.isInteger(coverage.radiusKm)
        ? String(coverage.radiusKm)
        : coverage.radiusKm.toLocaleString("nl-NL", { maximumFractionDigits: 1 });
      return coverage.basePlace
        ? `${firstName} komt bij u thuis binnen ${km} km van ${coverage.basePlace}`
        : `${firstName} komt bij u thuis binnen ${km} km`;
    }
    case "places":
      return coverage.places.length > 0
        ? `${firstName} komt bij u thuis in: ${joinDutch(coverage.places)}`
        : `${firstName} heeft nog geen plaatsen in het werkgebied opgegeven`;
  }
}
