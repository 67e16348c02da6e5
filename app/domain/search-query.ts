/**
 * Turns what a visitor typed into an FTS5 query that can never be a syntax
 * error: the text is cut into words of letters and digits (everything else —
 * quotes, `*`, `-`, `:`, parentheses, emoji — separates words), accents are
 * folded, and every word becomes a quoted prefix term, `"pedi"*`. Terms are
 * joined by spaces, which FTS5 reads as AND; `AND`/`OR`/`NEAR` typed by the
 * visitor are just words inside quotes.
 */

/** Words that carry no meaning in a search box ("hulp bij de computer"). */
const STOP_WORDS = new Set(["de", "het", "een", "en", "of", "bij", "van", "voor", "met", "in", "op", "aan", "te", "om", "mijn", "ik", "zoek"]);

/** More would only slow the query down; nobody types a paragraph to find a pedicure. */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** Lower case, accents removed: `Pédicure` → `pedicure`. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The words of a search text, folded, without stop words and one-letter words, at most MAX_TERMS. */
export function searchTerms(input: string): string[] {
  const words = foldText(input.slice(0, 1000)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const term = word.slice(0, MAX_TERM_LENGTH);
    if (term.length < 2 || STOP_WORDS.has(term) || terms.includes(term)) continue;
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** `pedi computer` → `"pedi"* "computer"*`; null when nothing searchable is left. */
export function buildFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  return terms.length === 0 ? null : terms.map((term) => `"${term}"*`).join(" ");
}
