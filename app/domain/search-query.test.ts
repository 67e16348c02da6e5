import { describe, expect, it } from "vitest";
import { buildFtsQuery, foldText, MAX_TERMS, searchTerms } from "./search-query";

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
