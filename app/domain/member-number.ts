/**
 * Vivium lidnummers as members type them: `viv-100 001`, `VIV100001`. Stored
 * and compared in one normal form: upper case, without spaces, dashes, dots
 * or slashes. A lidnummer is 6 to 10 letters and digits with at least one
 * digit; the member registry (table `members`) decides whether it exists.
 */

const SEPARATORS = /[\s\-./]/g;
const NORMALISED = /^(?=.*\d)[A-Z0-9]{6,10}$/;

export const MEMBER_NUMBER_INVALID =
  "Dit lidnummer klopt niet. Een lidnummer heeft 6 tot 10 letters en cijfers, bijvoorbeeld VIV100001. U vindt het op uw ledenpas.";

/** The normal form of a typed lidnummer, or null when it cannot be one. */
export function normaliseMemberNumber(input: string): string | null {
  const normalised = input.replace(SEPARATORS, "").toUpperCase();
  return NORMALISED.test(normalised) ? normalised : null;
}
