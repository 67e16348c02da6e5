/**
 * The Beschikbaarheid step's pure rules: how a saved werkgebied and dagdelen
 * fill the form, how the place list changes with "Voeg nieuwe stad toe" and
 * "Verwijder", and the sentences the provider reads about it.
 */
import { foldPlaceName } from "./place-name";
import { type CoverageModeValue, type Daypart, DAYPARTS, WEEKDAYS, daypartKey } from "./wizard";

/** The form's fields as the browser posts them, so a saved state and a rejected post render alike. */
export type AvailabilityFormValues = {
  coverageMode: CoverageModeValue | "";
  places: string[];
  newPlace: string;
  radiusKm: string;
  dayparts: string[];
};

/** What `loadCoverage` gives back, without the base it also knows. */
export type SavedCoverage =
  | { mode: "nationwide" }
  | { mode: "radius"; radiusKm: number }
  | { mode: "places"; placeIds: readonly number[] };

/**
 * A provider who never saved this step gets no choice made for them: an
 * empty mode and no dagdelen, so "Volgende stap" asks rather than assumes.
 */
export function availabilityFormValues(
  coverage: SavedCoverage | null,
  placeNames: ReadonlyMap<number, string>,
  dayparts: readonly Daypart[],
): AvailabilityFormValues {
  const places =
    coverage?.mode === "places"
      ? coverage.placeIds.map((id) => placeNames.get(id)).filter((name): name is string => name !== undefined)
      : [];
  return {
    coverageMode: coverage?.mode ?? "",
    places,
    newPlace: "",
    radiusKm: coverage?.mode === "radius" ? String(coverage.radiusKm) : "",
    dayparts: [...dayparts]
      .sort((a, b) => a.weekday - b.weekday || a.daypart - b.daypart)
      .map(daypartKey),
  };
}

export type PlaceListChange = { places: string[]; duplicate: boolean };

/**
 * Adds a place (by its canonical name) at the end of the list. The same
 * place spelled another way is already there, so the list stays as it was.
 */
export function addPlaceToList(places: readonly string[], name: string): PlaceListChange {
  const key = foldPlaceName(name);
  if (places.some((place) => foldPlaceName(place) === key)) return { places: [...places], duplicate: true };
  return { places: [...places, name], duplicate: false };
}

/** The place a "Verwijder" button pointed at, from the list as it was posted. */
export function removedPlace(postedPlaces: readonly string[], index: number): string | null {
  return postedPlaces[index] ?? null;
}

/**
 * The names people use for places whose official spelling they may not
 * recognise in a list: 's-Gravenhage is shown as "'s-Gravenhage (Den Haag)".
 */
const EVERYDAY_NAMES: ReadonlyMap<string, string> = new Map([
  ["'s-Gravenhage", "Den Haag"],
  ["'s-Hertogenbosch", "Den Bosch"],
]);

export function placeDisplayName(name: string): string {
  const everyday = EVERYDAY_NAMES.get(name);
  return everyday ? `${name} (${everyday})` : name;
}

export const placeAddedNotice = (name: string) => `${placeDisplayName(name)} is toegevoegd aan uw lijst.`;
export const placeAlreadyListedNotice = (name: string) => `${placeDisplayName(name)} staat al in uw lijst.`;
export const placeRemovedNotice = (name: string) => `${placeDisplayName(name)} is uit uw lijst gehaald.`;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Row and column headers of the dagdelen grid. */
export const WEEKDAY_NAMES = WEEKDAYS.map(capitalise);
export const DAYPART_NAMES = DAYPARTS.map(capitalise);

/** The accessible name of one checkbox of the grid: "Maandag ochtend". */
export function daypartLabel({ weekday, daypart }: Daypart): string {
  return `${WEEKDAY_NAMES[weekday] ?? ""} ${DAYPARTS[daypart] ?? ""}`;
}

/** The address a radius is measured from, as the provider recognises it. */
export type CoverageBase = { pc4: number; placeName: string; isWorkAddress: boolean };

/** "rondom 3447 Woerden (uw werkadres)". */
export function coverageBaseText(base: CoverageBase): string {
  return `rondom ${base.pc4} ${base.placeName} (${base.isWorkAddress ? "uw werkadres" : "uw thuisadres"})`;
}

export const NO_BASE_ADDRESS_MESSAGE =
  "Wij kennen uw adres nog niet, dus wij weten niet waar de afstand vanaf telt. Vul eerst uw adres in bij stap 2 (Persoonlijk), of kies steden of heel Nederland";
