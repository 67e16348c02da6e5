/**
 * Dutch postcodes as PostNL issues them: four digits not starting with 0,
 * then two letters, where SA, SD and SS are never used.
 */
const POSTCODE_SHAPE = /^([0-9]{4}) ?([A-Z]{2})$/;
const PC4_SHAPE = /^[0-9]{4}$/;
const UNUSED_LETTERS = new Set(["SA", "SD", "SS"]);

export type Postcode = { pc4: number; letters: string; formatted: string };

/**
 * What is wrong with a typed postcode: `shape` when it is not four digits and
 * two letters ("3447 G"), `unknown` when it has that shape but no such
 * postcode is issued ("0000 AA"), so that the message can say which.
 */
export type PostcodeProblem = "shape" | "unknown";

export type PostcodeReading = { ok: true; postcode: Postcode } | { ok: false; problem: PostcodeProblem };

/** `3447gt`, `3447 GT`, ` 3447GT ` → `3447 GT`, or what is wrong with it. */
export function readPostcode(input: string): PostcodeReading {
  const compact = input.trim().toUpperCase().replace(/\s+/g, " ");
  const match = POSTCODE_SHAPE.exec(compact);
  if (!match) return { ok: false, problem: "shape" };
  const [, digits, letters] = match as unknown as [string, string, string];
  if (digits.startsWith("0") || UNUSED_LETTERS.has(letters)) return { ok: false, problem: "unknown" };
  return { ok: true, postcode: { pc4: Number(digits), letters, formatted: `${digits} ${letters}` } };
}

/** `3447gt`, `3447 GT`, ` 3447GT ` → `3447 GT`; anything else → null. */
export function parsePostcode(input: string): Postcode | null {
  const reading = readPostcode(input);
  return reading.ok ? reading.postcode : null;
}

export function normalisePostcode(input: string): string | null {
  return parsePostcode(input)?.formatted ?? null;
}

/** A four-digit area alone (`3447`), as customers often type in a search box. */
export function parsePc4(input: string): number | null {
  const trimmed = input.trim();
  return PC4_SHAPE.test(trimmed) && !trimmed.startsWith("0") ? Number(trimmed) : null;
}

export type LocationQuery =
  | { kind: "postcode"; pc4: number; label: string }
  | { kind: "place"; name: string }
  /** Digits were typed, so a postcode was meant, but it is not one we can use. */
  | { kind: "bad-postcode"; problem: PostcodeProblem };

/**
 * What a customer typed in a "Waar?" box: a full postcode, a PC4 area, or
 * otherwise a place name. Only the first four digits of a postcode matter
 * for coverage. No Dutch place name has digits in it, so text with digits is
 * a postcode typed wrongly rather than an unknown place.
 */
export function parseLocationQuery(input: string): LocationQuery | null {
  const trimmed = input.trim().replace(/\s+/g, " ");
  if (trimmed === "") return null;
  const reading = readPostcode(trimmed);
  if (reading.ok) return { kind: "postcode", pc4: reading.postcode.pc4, label: reading.postcode.formatted };
  if (reading.problem === "unknown") return { kind: "bad-postcode", problem: "unknown" };
  if (PC4_SHAPE.test(trimmed)) {
    const pc4 = parsePc4(trimmed);
    return pc4 === null ? { kind: "bad-postcode", problem: "unknown" } : { kind: "postcode", pc4, label: String(pc4) };
  }
  if (/[0-9]/.test(trimmed)) return { kind: "bad-postcode", problem: "shape" };
  return { kind: "place", name: trimmed };
}

/**
 * "3447 GT Woerden", "3447 GT, Woerden" or "3447 Woerden": people add the
 * place to the postcode out of habit. Split into the two, for the caller to
 * check that the place exists; null when the text is not a postcode followed
 * by a name.
 */
export function postcodeBeforePlace(input: string): { postcode: string; place: string } | null {
  const match = /^([0-9]{4}(?: ?[A-Za-z]{2})?)[ ,]+([^0-9]+)$/.exec(input.trim().replace(/\s+/g, " "));
  return match ? { postcode: match[1]!, place: match[2]! } : null;
}
