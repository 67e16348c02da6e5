import { distance } from "fastest-levenshtein";

/**
 * Query understanding: what a visitor typed in "Wat zoekt u?" becomes an
 * FTS5 query over the words the index actually holds.
 *
 * - Words are letters and digits; everything else (quotes, `*`, `-`, `:`,
 *   parentheses, emoji) separates words, and accents are folded, so the
 *   query can never be an FTS5 syntax error: every term is quoted.
 * - Stop words ("de", "bij", "mijn") are dropped; filler ("hulp", "iemand",
 *   "thuis", "haar") only while other words remain. Word order is free:
 *   the words are ANDed.
 * - Each word becomes a group of alternatives, ORed: the word as a prefix
 *   (`"pedi"*`), compounds of the index that hold it at a word boundary
 *   ("alarm" → "personenalarmering"), two typed words written as one
 *   ("computer hulp" → "computerhulp"), the meaningful part of a compound
 *   the index lacks ("thuiskapper" → "kapper"), and, only when none of
 *   that exists, the index's nearest words within one typo for 4+ letters
 *   and two for 8+ ("pedicuure" → "pedicure").
 * - A word the index does not know at all is left out, with a "Bedoelde u
 *   …?" when something comes close.
 *
 * The vocabulary comes from the index itself (fts5vocab, migration 0016),
 * so zoekwoorden that staff add take part at once.
 */

/** Words that carry no meaning in a search box ("hulp bij de computer"). */
const STOP_WORDS = new Set([
  "de", "het", "een", "en", "of", "bij", "van", "voor", "met", "in", "op", "aan", "te", "om", "mijn", "ik", "zoek", "zoeken",
  "die", "dat", "er", "is", "wie", "wat", "waar", "hoe", "kan", "kunt", "wil", "wilt", "graag", "ook", "nog", "even", "me", "mij",
  "u", "uw", "onze", "ons", "je", "jij", "we", "wij", "mijnheer", "mevrouw", "a", "naar", "uit", "om", "tot", "per", "dan", "als",
  "zo", "heel", "erg", "iets", "wordt", "worden", "laten", "moet", "moeten", "kunnen", "zou", "willen", "heb", "hebben", "heeft",
  "ben", "bent", "zijn", "was", "had", "welke", "zoekt", "gezocht", "please", "aub", "svp",
]);

/** Words that mean something only when nothing else was typed ("hulp" alone may be Klinkenberg Thuishulp). */
const FILLER_WORDS = new Set([
  "hulp", "help", "helpen", "hulpje", "iemand", "persoon", "thuis", "huis", "huize", "aanhuis", "haar", "zijn", "hun", "goed", "goede",
  "goedkoop", "goedkope", "betrouwbaar", "betrouwbare", "lief", "lieve", "vriendelijk", "vriendelijke", "ervaren", "moeder",
  "vader", "ouders", "oma", "opa", "schoonmoeder", "schoonvader", "man", "vrouw", "echtgenoot", "buurvrouw", "buurman",
  "senior", "senioren", "ouderen", "oudere", "bejaarde", "service", "dienst", "diensten", "komt", "komen", "langs", "snel",
  "dichtbij", "buurt", "omgeving", "regio", "nodig", "hebben", "zoek", "nieuwe", "nieuw", "mensen", "particulier", "thuishulp",
]);

/** Leading parts of compounds that add nothing to what is sought: thuis-kapper, aan-huis-pedicure. */
const FILLER_PARTS = ["thuis", "huis", "aanhuis", "mobiele", "mobiel", "ambulant", "ambulante", "senioren", "ouderen"];

/** More would only slow the query down; nobody types a paragraph to find a pedicure. */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;
/** Index words tried for one typed word: the most frequent first. */
const MAX_ALTERNATIVES = 24;

/** Lower case, accents removed: `Pédicure` → `pedicure`. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The folded words of a text, in order, as the index's tokenizer cuts them. */
export function textWords(input: string): string[] {
  return (foldText(input.slice(0, 1000)).match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.slice(0, MAX_TERM_LENGTH));
}

/** The words of a search text, folded, without stop words and one-letter words, at most MAX_TERMS. */
export function searchTerms(input: string): string[] {
  const terms: string[] = [];
  for (const term of textWords(input)) {
    if (term.length < 2 || STOP_WORDS.has(term) || terms.includes(term)) continue;
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** Typed words that search: stop words gone, filler gone too while a real word remains. */
export function meaningfulTerms(input: string): string[] {
  const terms = searchTerms(input);
  const real = terms.filter((term) => !FILLER_WORDS.has(term));
  return real.length > 0 ? real : terms;
}

/** How many typos a word of this length may hold and still be recognised. */
export function allowedEdits(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

// ---------------------------------------------------------------------------
// The index's vocabulary.

/** The index columns, in the order of provider_search (migration 0006). */
export const SEARCH_COLUMNS = ["name", "categories", "services", "intro", "profile"] as const;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

export type VocabularyEntry = { term: string; docs: number; columns: ReadonlySet<SearchColumn> };

/**
 * The words of the search index, sorted, with how many providers hold each
 * and in which columns. Built from fts5vocab; pure, so it is tested with
 * made-up words.
 */
export class SearchVocabulary {
  private readonly entries: VocabularyEntry[];
  private readonly byTerm: Map<string, VocabularyEntry>;

  constructor(entries: Iterable<VocabularyEntry>) {
    this.entries = [...entries].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    this.byTerm = new Map(this.entries.map((entry) => [entry.term, entry]));
  }

  get size(): number {
    return this.entries.length;
  }

  get(term: string): VocabularyEntry | undefined {
    return this.byTerm.get(term);
  }

  /** Whether any index word starts with `prefix` (binary search). */
  hasPrefix(prefix: string): boolean {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.entries[mid]!.term < prefix) low = mid + 1;
      else high = mid;
    }
    return low < this.entries.length && this.entries[low]!.term.startsWith(prefix);
  }

  /**
   * Longer index words that hold `part` after a leading part of 3+ letters,
   * with nothing or 3+ letters after it: compounds such as
   * "personenalarmering" for "alarm", not "schaar" for "haar".
   */
  compoundsWith(part: string, limit = MAX_ALTERNATIVES): string[] {
    if (part.length < 4) return [];
    const found: VocabularyEntry[] = [];
    for (const entry of this.entries) {
      const { term } = entry;
      if (term.length < part.length + 3) continue;
      const at = term.indexOf(part, 3);
      if (at < 3) continue;
      const rest = term.length - at - part.length;
      if (rest === 0 || rest >= 3) found.push(entry);
    }
    return mostFrequent(found, limit);
  }

  /** The index words nearest to `word` within `maxEdits`, most frequent first among the nearest. */
  nearest(word: string, maxEdits: number, limit = 3): { terms: string[]; edits: number } | null {
    if (maxEdits <= 0) return null;
    let best = maxEdits + 1;
    let found: VocabularyEntry[] = [];
    for (const entry of this.entries) {
      const { term } = entry;
      if (Math.abs(term.length - word.length) > best || term.length < 3) continue;
      // Nearly every typo keeps the first letter; checking it first keeps this fast.
      if (term[0] !== word[0] && term[1] !== word[1]) continue;
      const edits = distance(word, term);
      if (edits < best) {
        best = edits;
        found = [entry];
      } else if (edits === best) found.push(entry);
    }
    if (best > maxEdits || found.length === 0) return null;
    // What people search for is in the categories and their zoekwoorden: "kaper" is a kapper, not a kamer.
    const sought = found.filter((entry) => entry.columns.has("categories"));
    return { terms: mostFrequent(sought.length > 0 ? sought : found, limit), edits: best };
  }

  /** Whether the word names a provider or a category (or a zoekwoord): such words are not read as places. */
  isNameOrCategoryWord(term: string): boolean {
    const entry = this.byTerm.get(term);
    return entry !== undefined && (entry.columns.has("name") || entry.columns.has("categories"));
  }
}

function mostFrequent(entries: VocabularyEntry[], limit: number): string[] {
  return [...entries]
    .sort((a, b) => b.docs - a.docs || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.term);
}

// ---------------------------------------------------------------------------
// Understanding one query.

/** One searched word: what was typed and the FTS5 expression that stands for it. */
export type QueryWord = {
  typed: string;
  /** `exact`: the index has it (or a compound of it); `corrected`: the nearest index word stands in. */
  kind: "exact" | "corrected";
  /** The word shown in "Resultaten voor …": the typed word or its correction. */
  shown: string;
  fts: string;
};

export type UnderstoodQuery = {
  words: QueryWord[];
  /** Typed words the index does not know at all, left out. */
  unknown: string[];
  /** "Bedoelde u …?": the whole query with near words in place of unknown ones. */
  didYouMean: string | null;
};

const quoted = (term: string) => `"${term}"`;
const prefixed = (term: string) => `"${term}"*`;
const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`);

/** A part of a typed compound as the index holds it: a word start, or inside the index's compounds. */
function partFts(part: string, vocabulary: SearchVocabulary): string | null {
  const parts = [...(vocabulary.hasPrefix(part) ? [prefixed(part)] : []), ...vocabulary.compoundsWith(part).map(quoted)];
  return parts.length > 0 ? anyOf(parts) : null;
}

/**
 * A compound the index does not know, by its parts: "thuiskapper" → kapper
 * (a filler head), "klushulp" → klus (a filler tail), "ramenwasser" → ramen
 * and …wasser, "persoonsalarmering" → alarmering (a long known tail).
 */
function splitCompound(word: string, vocabulary: SearchVocabulary): string | null {
  for (const part of FILLER_PARTS) {
    const rest = word.slice(part.length);
    if (word.startsWith(part) && rest.length >= 3 && vocabulary.hasPrefix(rest)) return prefixed(rest);
  }
  // Longest known head first: "voetverzorging" → "voet" + "verzorging".
  for (let at = word.length - 3; at >= 3; at--) {
    const head = word.slice(0, at);
    const tail = word.slice(at);
    if (FILLER_WORDS.has(tail) && head.length >= 4 && vocabulary.hasPrefix(head)) return prefixed(head);
    const headFts = vocabulary.get(head) ? prefixed(head) : null;
    const tailFts = headFts ? partFts(tail, vocabulary) : null;
    if (headFts && tailFts) return `(${headFts} AND ${tailFts})`;
  }
  for (let at = 3; at <= word.length - 6; at++) {
    const tail = word.slice(at);
    if (vocabulary.get(tail)) return prefixed(tail);
  }
  return null;
}

/** Dutch endings that hide the word the index has: "knipt" → knip(pen), "schildert" → schilder. */
function stems(word: string): string[] {
  return ["t", "s", "en", "e", "je", "tje"].filter((end) => word.endsWith(end) && word.length - end.length >= 4).map((end) => word.slice(0, -end.length));
}

/** The alternatives for one typed word, or null when the index holds nothing like it. */
function wordAlternatives(word: string, vocabulary: SearchVocabulary): Omit<QueryWord, "typed"> | null {
  const parts: string[] = [];
  if (vocabulary.hasPrefix(word)) parts.push(prefixed(word));
  parts.push(...vocabulary.compoundsWith(word).map(quoted));
  if (parts.length === 0) {
    const stem = stems(word).find((candidate) => vocabulary.hasPrefix(candidate));
    const split = stem ? prefixed(stem) : splitCompound(word, vocabulary);
    if (split) parts.push(split);
  }
  if (parts.length > 0) return { kind: "exact", shown: word, fts: anyOf(parts) };
  const near = vocabulary.nearest(word, allowedEdits(word));
  if (!near) return null;
  return { kind: "corrected", shown: near.terms[0]!, fts: anyOf(near.terms.map(quoted)) };
}

/** What a search text means against the index's vocabulary. */
export function understandQuery(input: string, vocabulary: SearchVocabulary): UnderstoodQuery {
  const understood = understandTerms(meaningfulTerms(input), vocabulary);
  // The real words mean nothing to the index: the filler may ("wie knipt mijn haar thuis").
  if (understood.words.length === 0) {
    const all = searchTerms(input);
    if (all.length > understood.unknown.length) {
      const withFiller = understandTerms(all, vocabulary);
      if (withFiller.words.length > 0) return withFiller;
    }
  }
  return understood;
}

function understandTerms(terms: string[], vocabulary: SearchVocabulary): UnderstoodQuery {
  const words: QueryWord[] = [];
  const unknown: string[] = [];
  const suggestions = new Map<string, string>();
  for (let i = 0; i < terms.length; i++) {
    const word = terms[i]!;
    const next = terms[i + 1];
    // Two typed words that the index writes as one: "computer hulp", "glazen wasser".
    if (next !== undefined && vocabulary.hasPrefix(word + next)) {
      const single = [wordAlternatives(word, vocabulary), wordAlternatives(next, vocabulary)];
      const both = single.every((alt) => alt?.kind === "exact") ? `(${single.map((alt) => alt!.fts).join(" AND ")})` : null;
      words.push({ typed: `${word} ${next}`, kind: "exact", shown: `${word} ${next}`, fts: anyOf([prefixed(word + next), ...(both ? [both] : [])]) });
      i++;
      continue;
    }
    const alternatives = wordAlternatives(word, vocabulary);
    if (alternatives) {
      words.push({ typed: word, ...alternatives });
      continue;
    }
    unknown.push(word);
    const near = vocabulary.nearest(word, allowedEdits(word) + 1, 1);
    if (near && word.length >= 4) suggestions.set(word, near.terms[0]!);
  }
  const didYouMean = suggestions.size > 0 ? terms.map((term) => suggestions.get(term) ?? term).join(" ") : null;
  return { words, unknown, didYouMean };
}

/** All words: the query as typed (word order free). Null when nothing searchable is left. */
export function allWordsFts(words: readonly QueryWord[]): string | null {
  return words.length === 0 ? null : words.map((word) => word.fts).join(" AND ");
}

/**
 * At least `k` of the words, for when nobody matches them all: every choice
 * of `k` words ORed (bm25 then ranks those with more and rarer words first).
 * MAX_TERMS keeps the number of choices small (at most 70).
 */
export function someWordsFts(words: readonly QueryWord[], k: number): string | null {
  if (k <= 0 || k > words.length) return null;
  const choices: string[] = [];
  const pick = (start: number, chosen: string[]) => {
    if (chosen.length === k) {
      choices.push(chosen.length === 1 ? chosen[0]! : `(${chosen.join(" AND ")})`);
      return;
    }
    for (let i = start; i <= words.length - (k - chosen.length); i++) pick(i + 1, [...chosen, words[i]!.fts]);
  };
  pick(0, []);
  return choices.join(" OR ");
}

/**
 * The old literal form, kept for the tests that pin FTS5 safety: every
 * meaningful word as a quoted prefix term, ANDed.
 */
export function buildFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  return terms.length === 0 ? null : terms.map(prefixed).join(" ");
}

// ---------------------------------------------------------------------------
// Places typed in the keyword box: "pedicure in Woerden", "kapper harmelen".

/** Words before a place: "in Woerden", "omgeving Utrecht", "regio Gouda". */
const PLACE_MARKERS = new Set(["in", "te", "uit", "rond", "rondom", "omgeving", "nabij", "buurt", "regio", "bij", "om"]);
const MAX_PLACE_WORDS = 5;

export type PlaceCandidate = {
  /** The words as typed (original spelling), to look up as a place name or postcode. */
  text: string;
  /** The keyword text without these words (and without a marker before them). */
  rest: string;
  /** Preceded by "in", "te", "omgeving" … */
  marked: boolean;
  /** The folded words of the candidate. */
  words: string[];
};

/**
 * Runs of up to five words that may be a place or a postcode, longest and
 * last first (people put the place at the end). The server looks them up;
 * this only cuts the text.
 */
export function placeCandidates(input: string): PlaceCandidate[] {
  const raw = input.slice(0, 200).trim().split(/\s+/).filter((word) => word !== "");
  const folded = raw.map((word) => textWords(word).join(" "));
  const candidates: PlaceCandidate[] = [];
  // A postcode typed as "3447 GT" is two words; "3447GT" one.
  for (let length = Math.min(MAX_PLACE_WORDS, raw.length); length >= 1; length--) {
    for (let start = raw.length - length; start >= 0; start--) {
      const words = folded.slice(start, start + length);
      if (words.some((word) => word === "") || (length > 1 && STOP_WORDS.has(words[0]!))) continue;
      const markerAt = start > 0 && PLACE_MARKERS.has(folded[start - 1]!) ? start - 1 : start;
      const rest = [...raw.slice(0, markerAt), ...raw.slice(start + length)].join(" ");
      candidates.push({ text: raw.slice(start, start + length).join(" "), rest, marked: markerAt < start, words });
    }
  }
  return candidates;
}
