/**
 * Dutch phone numbers as providers type them, stored once in E.164
 * (`+31610034891`) so that `tel:` links and duplicate checks need no parsing,
 * and shown the Dutch way (`06 12 34 56 78`, `030 123 45 67`, `0348 41 23 45`).
 */

// Separators people put in numbers: `06-10034891`, `(030) 123 45 67`, `0348/412345`.
const SEPARATORS = /[\s\-./()]/g;
const TYPED = /^\+?[\d\s\-./()]+$/;

// 06-6 is pagers, 06-7/8/9 are data and machine numbers; only 06-1…5 reach a person.
const MOBILE = /^06[1-5]\d{7}$/;
// Area codes start with 01–05 or 07; 06, 08 and 09 are not geographic.
const GEOGRAPHIC = /^0[1-57]\d{8}$/;
// Company numbers a small provider may use as their own line (VoIP 085/084/087, 088, 091).
// 0800 and 090x are toll-free and premium service numbers, never a personal number.
const NON_GEOGRAPHIC = /^(08[4578]|091)\d{7}$/;

const TWO_DIGIT_AREAS = new Set([
  "010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036", "038", "040", "043",
  "045", "046", "050", "053", "055", "058", "070", "071", "072", "073", "074", "075", "076", "077",
  "078", "079",
]);

/** The ten-digit national form (`0610034891`) of what was typed, or null. */
function toNational(input: string): string | null {
  const trimmed = input.trim();
  if (!TYPED.test(trimmed)) return null;
  let digits = trimmed.replace(SEPARATORS, "");
  if (digits.startsWith("+")) digits = `00${digits.slice(1)}`;
  if (digits.startsWith("00")) {
    if (!digits.startsWith("0031")) return null;
    // `+31 (0)6 …` and the common mistake `+31 06 …` both keep the trunk 0.
    const subscriber = digits.slice(4).replace(/^0/, "");
    digits = `0${subscriber}`;
  }
  return /^0\d{9}$/.test(digits) ? digits : null;
}

function isAcceptedNational(national: string): boolean {
  return MOBILE.test(national) || GEOGRAPHIC.test(national) || NON_GEOGRAPHIC.test(national);
}

/**
 * A Dutch fixed, mobile or company number in E.164 (`+31610034891`), or null
 * for anything else: foreign numbers, service numbers (0800, 090x), pagers,
 * wrong lengths, letters.
 */
export function normalisePhone(input: string): string | null {
  const national = toNational(input);
  if (national === null || !isAcceptedNational(national)) return null;
  return `+31${national.slice(1)}`;
}

/** Between the groups of a shown number: a line never breaks inside it. */
const NO_BREAK_SPACE = "\u00a0";

/**
 * The one way a phone number is shown, on pages and in e-mails:
 * `+31612345678` → `06 12 34 56 78`, `+31301234567` → `030 123 45 67`,
 * `+31348412345` → `0348 41 23 45`, `+31851234567` → `085 123 45 67`, the
 * groups joined by no-break spaces. Anything that is not a stored Dutch
 * number comes back unchanged, so showing old data never throws.
 */
export function formatPhone(e164: string): string {
  if (!/^\+31\d{9}$/.test(e164)) return e164;
  const national = `0${e164.slice(3)}`;
  const prefixLength = prefixLengthOf(national);
  return [national.slice(0, prefixLength), ...subscriberGroups(national.slice(prefixLength))].join(NO_BREAK_SPACE);
}

/** Pairs from the end, as Dutch people say them: `12345678` → 12 34 56 78, `1234567` → 123 45 67, `412345` → 41 23 45. */
function subscriberGroups(digits: string): string[] {
  const groups: string[] = [];
  let end = digits.length;
  while (end > 3) {
    groups.unshift(digits.slice(end - 2, end));
    end -= 2;
  }
  groups.unshift(digits.slice(0, end));
  return groups;
}

/** How many leading digits (with the 0) Dutch people write apart: `06`, `030`, `0348`, `085`. */
function prefixLengthOf(national: string): number {
  if (national.startsWith("06")) return 2;
  if (!GEOGRAPHIC.test(national)) return 3;
  // Area codes are two digits for the big cities, three elsewhere.
  return TWO_DIGIT_AREAS.has(national.slice(0, 3)) ? 3 : 4;
}
