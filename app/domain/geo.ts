/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_KM) / 180;

export type LatLon = { lat: number; lon: number };

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type BoundingBox = { minLat: number; maxLat: number; minLon: number; maxLon: number };

/**
 * A box that contains every point within `radiusKm` of `centre`. Longitude
 * degrees shrink towards the pole, so the width is taken at the box's
 * poleward edge, where a degree is shortest; the box is then never too small.
 */
export function boundingBox(centre: LatLon, radiusKm: number): BoundingBox {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const poleward = Math.min(89, Math.abs(centre.lat) + dLat);
  const dLon = radiusKm / (KM_PER_DEGREE_LAT * Math.cos(toRadians(poleward)));
  return {
    minLat: centre.lat - dLat,
    maxLat: centre.lat + dLat,
    minLon: centre.lon - dLon,
    maxLon: centre.lon + dLon,
  };
}

/** `3,2 km`, `15 km`: one decimal below 10 km, whole km above. */
// Formatters are made once: toLocaleString with options builds a new one per call, which showed in the search page's profile.
const ONE_DECIMAL = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });

export function formatDistanceKm(km: number): string {
  if (km < 10) return `${ONE_DECIMAL.format(km)} km`;
  return `${WHOLE.format(Math.round(km))} km`;
}
