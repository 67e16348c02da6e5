import { describe, expect, it } from "vitest";
import { countOf, formatCount, NOUNS, pluralForm, thereAre } from "./plural";

describe("countOf", () => {
  it.each(Object.entries(NOUNS))("counts %s with 0, 1 and 2", (_, noun) => {
    expect(countOf(0, noun)).toBe(`0 ${noun.other}`);
    expect(countOf(0, noun, { none: true })).toBe(`geen ${noun.other}`);
    expect(countOf(1, noun)).toBe(`1 ${noun.one}`);
    expect(countOf(2, noun)).toBe(`2 ${noun.other}`);
  });

  it("groups digits from five on, as Dutch text does", () => {
    expect(formatCount(1005)).toBe("1005");
    expect(countOf(12345, NOUNS.dienstverlener)).toBe("12.345 dienstverleners");
  });
});

describe("pluralForm and thereAre", () => {
  it("agree the verb with the count", () => {
    expect(pluralForm(1, { one: "wacht", other: "wachten" })).toBe("wacht");
    expect(pluralForm(0, { one: "wacht", other: "wachten" })).toBe("wachten");
    expect(thereAre(0, NOUNS.ding)).toBe("Er zijn geen dingen");
    expect(thereAre(1, NOUNS.ding)).toBe("Er is 1 ding");
    expect(thereAre(2, NOUNS.ding)).toBe("Er zijn 2 dingen");
  });
});
