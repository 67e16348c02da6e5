/**
 * Dutch postcodes as PostNL issues them: four digits not starting with 0,
 * then two letters, where SA, SD and SS are never used.
 */
const POSTCODE = /^([1-9][0-9]{3})\s?([A-Z]{2})$/;
const PC4 = /^[1-9][0-9]{3}$/;
const UNUSED_LETTERS = new Set(["SA", "SD", "SS"]);

export type Postcode = { pc4: number; letters: string; formatted: string };

/** `3447gt`, `3447 GT`, ` 3447GT ` → `3447 GT`; anything else → null. */
export function parsePostcode(input: string): Postcode | null {
  const compact = input.trim().toUpperCase().replace(/\s+/g, " ");
  const match = POSTCODE.exec(compact);
  if (!match) return null;
  const [, digits, letters] = match as unknown as [string, string, string];
  if (UNUSED_LETTERS.has(letters)) return null;
  return { pc4: Number(digits), letters, formatted: `${digits} ${letters}` };
}

export function normalisePostcode(input: string): string | null {
  return parsePostcode(input)?.formatted ?? null;
}

/** A four-digit area alone (`3447`), as customers often type in a search box. */
export function parsePc4(input: string): number | null {
  const trimmed = input.trim();
  return PC4.test(trimmed) ? Number(trimmed) : null;
}

export type LocationQuery =
  | { kind: "postcode"; pc4: number; label: string }
  | { kind: "place"; name: string };

/**
 * What a customer typed in a "Waar?" box: a full postcode, a PC4 area, or
 * otherwise a place name. Only the first four digits of a postcode matter
 * for coverage.
 */
export function parseLocationQuery(input: string): LocationQuery | null {
  const trimmed = input.trim().replace(/\s+/g, " ");
  if (trimmed === "") return null;
  const postcode = parsePostcode(trimmed);
  if (postcode) return { kind: "postcode", pc4: postcode.pc4, label: postcode.formatted };
  const pc4 = parsePc4(trimmed);
  if (pc4 !== null) return { kind: "postcode", pc4, label: String(pc4) };
  return { kind: "place", name: trimmed };
}
