import { describe, expect, it } from "vitest";
import {
  allowedEdits,
  allWordsFts,
  buildFtsQuery,
  foldText,
  MAX_TERMS,
  meaningfulTerms,
  placeCandidates,
  type SearchColumn,
  SearchVocabulary,
  searchTerms,
  someWordsFts,
  understandQuery,
} from "./search-query";

describe("buildFtsQuery", () => {
  it("makes quoted prefix terms", () => {
    expect(buildFtsQuery("pedi")).toBe('"pedi"*');
    expect(buildFtsQuery("  Computer   hulp ")).toBe('"computer"* "hulp"*');
  });

  it("folds accents and case", () => {
    expect(buildFtsQuery("Pédicure")).toBe('"pedicure"*');
    expect(foldText("Ĳsselstein Één")).toBe("ijsselstein een");
  });

  it("drops stop words and one-letter words, and repeats", () => {
    expect(buildFtsQuery("hulp bij de computer")).toBe('"hulp"* "computer"*');
    expect(buildFtsQuery("a b c")).toBeNull();
    expect(buildFtsQuery("hulp hulp")).toBe('"hulp"*');
  });

  it("returns null for empty or symbol-only input", () => {
    for (const input of ["", "   ", "***", '""', "()", "😀🎉", "- + :"]) expect(buildFtsQuery(input)).toBeNull();
  });

  it("never lets FTS syntax through", () => {
    const hostile = [
      'pedi" OR "x',
      "NEAR(a b)",
      "a AND b OR NOT c",
      "voet*",
      "-pedicure",
      "name:pedicure",
      "(computer",
      "^start",
      "{name}: x",
      'he said "hello',
      "😀 pedicure 😀",
      "x".repeat(1000),
      "pedicure ".repeat(200),
    ];
    for (const input of hostile) {
      const query = buildFtsQuery(input);
      if (query === null) continue;
      // Only quoted words of letters/digits, each followed by *, separated by single spaces.
      expect(query).toMatch(/^"[\p{L}\p{N}]+"\*( "[\p{L}\p{N}]+"\*)*$/u);
    }
    expect(buildFtsQuery("a AND b OR NOT c")).toBe('"and"* "or"* "not"*');
    expect(buildFtsQuery("NEAR(pedicure voet)")).toBe('"near"* "pedicure"* "voet"*');
  });

  it("limits the number and length of terms", () => {
    const many = Array.from({ length: 50 }, (_, i) => `woord${i}`).join(" ");
    expect(searchTerms(many)).toHaveLength(MAX_TERMS);
    expect(searchTerms("x".repeat(1000))[0]).toHaveLength(40);
  });
});

/** A vocabulary as fts5vocab would give it: word → providers holding it, in the given columns. */
function vocabularyOf(words: Record<string, number>, columns: Record<string, SearchColumn[]> = {}): SearchVocabulary {
  return new SearchVocabulary(Object.entries(words).map(([term, docs]) => ({ term, docs, columns: new Set(columns[term] ?? ["profile"]) })));
}

const vocabulary = vocabularyOf(
  {
    kapper: 3, knippen: 3, computerhulp: 4, computer: 2, tablet: 2, pedicure: 6, pedicures: 6, medisch: 3, voeten: 5,
    voetverzorging: 2, personenalarmering: 1, valalarm: 1, alarmknop: 1, glazenwasser: 2, ramen: 2, lappen: 2,
    schaar: 1, vries: 1, annelies: 1, haren: 1, woerden: 2, thuishulp: 1, klinkenberg: 1,
  },
  { vries: ["name"], annelies: ["name"], haren: ["categories"], kapper: ["categories"], klinkenberg: ["name"] },
);
const read = (input: string) => understandQuery(input, vocabulary);
const shown = (input: string) => read(input).words.map((w) => w.shown).join(" ");

describe("understandQuery", () => {
  it("drops stop words and filler while real words remain, in any word order", () => {
    expect(shown("hulp bij de computer")).toBe("computer");
    expect(shown("ik zoek iemand die mijn ramen kan lappen")).toBe("ramen lappen");
    expect(shown("lappen ramen")).toBe("lappen ramen");
    expect(allWordsFts(read("ramen lappen").words)).toBe('"ramen"* AND "lappen"*');
    // Filler alone still searches: "thuishulp" is somebody's company.
    expect(shown("hulp")).toBe("hulp");
    expect(read("de het een").words).toEqual([]);
  });

  it("finds a typed word inside the index's compounds, at a word boundary only", () => {
    const alarm = read("alarm").words[0]!;
    expect(alarm.kind).toBe("exact");
    expect(alarm.fts).toContain('"personenalarmering"');
    expect(alarm.fts).toContain('"valalarm"');
    // The word itself as a prefix: alarmknop.
    expect(alarm.fts).toContain('"alarm"*');
    // "schaar" holds "haar", but "sc" is no word: no match for hair.
    expect(read("haar").words[0]?.fts ?? "").not.toContain("schaar");
  });

  it("reads compounds the index lacks by their meaningful part, and two typed words as the index's one", () => {
    expect(read("thuiskapper").words[0]!.fts).toBe('"kapper"*');
    expect(read("aanhuiskapper").words[0]!.fts).toBe('"kapper"*');
    expect(read("ramenlappen").words[0]!.fts).toBe('("ramen"* AND "lappen"*)');
    const joined = read("computer hulp wat").words;
    // "hulp" is filler here, so only "computer" is left, which is a prefix of computerhulp.
    expect(joined.map((w) => w.typed)).toEqual(["computer"]);
    const glass = read("glazen wasser").words;
    expect(glass).toHaveLength(1);
    expect(glass[0]!.fts.startsWith('("glazenwasser"* OR ')).toBe(true);
  });

  it("corrects one typo from 4 letters and two from 8, to the most common nearest word", () => {
    const typo = read("pedicuure").words[0]!;
    expect(typo).toMatchObject({ typed: "pedicuure", kind: "corrected", shown: "pedicure" });
    expect(read("computr").words[0]).toMatchObject({ kind: "corrected", shown: "computer" });
    expect(read("glazewaser").words[0]).toMatchObject({ kind: "corrected", shown: "glazenwasser" });
    // Three letters: no typo allowed; two typos in a short word: none either.
    expect(read("kap").words[0]?.kind).toBe("exact");
    expect(read("kpaer").words).toEqual([]);
    expect(allowedEdits("abc")).toBe(0);
    expect(allowedEdits("abcd")).toBe(1);
    expect(allowedEdits("abcdefgh")).toBe(2);
  });

  it("leaves out words the index does not know, with a suggestion when one comes close", () => {
    const unknown = read("pedicure xyzzyq");
    expect(unknown.words.map((w) => w.shown)).toEqual(["pedicure"]);
    expect(unknown.unknown).toEqual(["xyzzyq"]);
    expect(unknown.didYouMean).toBeNull();
    // "kpaer" is two edits from "kapper": too far to search, near enough to ask.
    expect(read("kpaer").didYouMean).toBe("kapper");
  });

  it("asks for at least k of the words when nobody has them all", () => {
    const words = read("pedicure tablet ramen").words;
    expect(someWordsFts(words, 3)).toBe('("pedicure"* AND "tablet"* AND "ramen"*)');
    expect(someWordsFts(words, 2)).toBe('("pedicure"* AND "tablet"*) OR ("pedicure"* AND "ramen"*) OR ("tablet"* AND "ramen"*)');
    expect(someWordsFts(words, 1)).toBe('"pedicure"* OR "tablet"* OR "ramen"*');
    expect(someWordsFts(words, 0)).toBeNull();
    expect(someWordsFts(words, 4)).toBeNull();
  });

  it("keeps every term quoted, whatever was typed", () => {
    for (const input of ['pedi" OR "x', "NEAR(a b)", "voet* -pedicure name:x", "(computer", "😀 pedicuure 😀"]) {
      const fts = allWordsFts(read(input).words);
      if (fts === null) continue;
      // Outside quotes only parentheses, AND, OR and *.
      expect(fts.replace(/"[\p{L}\p{N}]+"/gu, "").replace(/AND|OR|[()*\s]/g, "")).toBe("");
    }
  });
});

describe("SearchVocabulary", () => {
  it("knows prefixes, names and category words", () => {
    expect(vocabulary.hasPrefix("pedi")).toBe(true);
    expect(vocabulary.hasPrefix("zz")).toBe(false);
    expect(vocabulary.isNameOrCategoryWord("vries")).toBe(true);
    expect(vocabulary.isNameOrCategoryWord("haren")).toBe(true);
    expect(vocabulary.isNameOrCategoryWord("woerden")).toBe(false);
    expect(vocabulary.isNameOrCategoryWord("onbekend")).toBe(false);
  });
});

describe("placeCandidates", () => {
  it("offers runs of words, longest and last first, with what is left and whether 'in' came before", () => {
    const candidates = placeCandidates("pedicure in Bergen op Zoom");
    expect(candidates[0]).toMatchObject({ text: "pedicure in Bergen op Zoom", rest: "" });
    const bergen = candidates.find((c) => c.text === "Bergen op Zoom")!;
    expect(bergen).toMatchObject({ rest: "pedicure", marked: true, words: ["bergen", "op", "zoom"] });
    // Runs that start with a stop word are no place: "in Bergen".
    expect(candidates.some((c) => c.text.startsWith("in "))).toBe(false);
    expect(placeCandidates("kapper harmelen").find((c) => c.text === "harmelen")).toMatchObject({ rest: "kapper", marked: false });
    expect(placeCandidates("pedicure 3447 GT").find((c) => c.text === "3447 GT")).toMatchObject({ rest: "pedicure" });
    expect(placeCandidates("")).toEqual([]);
  });

  it("keeps the words people type", () => {
    expect(meaningfulTerms("Hulp met mijn laptop")).toEqual(["laptop"]);
    expect(meaningfulTerms("hulp")).toEqual(["hulp"]);
  });
});
