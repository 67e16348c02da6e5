import { describe, expect, it } from "vitest";
import { normalisePostcode, parseLocationQuery, parsePc4, parsePostcode, postcodeBeforePlace, readPostcode } from "./postcode";

describe("normalisePostcode", () => {
  it.each([
    ["3447gt", "3447 GT"],
    ["3447 GT", "3447 GT"],
    [" 3447GT ", "3447 GT"],
    ["1000aa", "1000 AA"],
    ["9999 zz", "9999 ZZ"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    ["0123 AB", "no postcode starts with 0"],
    ["3447 SA", "SA is never issued"],
    ["3447 SD", "SD is never issued"],
    ["3447 ss", "SS is never issued"],
    ["ABCD", "letters only"],
    ["344 GT", "three digits"],
    ["34477 GT", "five digits"],
    ["3447 G", "one letter"],
    ["3447 GTX", "three letters"],
    ["3447-GT", "a dash"],
    ["3447  GT", "two spaces are folded, so this one is fine"],
    ["", "empty"],
  ])("rejects %j (%s)", (input, why) => {
    if (why.startsWith("two spaces")) expect(normalisePostcode(input)).toBe("3447 GT");
    else expect(normalisePostcode(input)).toBeNull();
  });

  it("keeps the four digits for area lookups", () => {
    expect(parsePostcode("3447gt")).toEqual({ pc4: 3447, letters: "GT", formatted: "3447 GT" });
  });
});

describe("readPostcode", () => {
  it.each(["3447 G", "344 GT", "34477 GT", "3447 GTX", "3447-GT", "AB 1234", "3447", ""])("calls %j the wrong shape", (input) => {
    expect(readPostcode(input)).toEqual({ ok: false, problem: "shape" });
  });

  it.each(["0000 AA", "0123 ab", "3447 SA", "3447 SD", "3447 SS"])("calls %j unknown: the right shape, but never issued", (input) => {
    expect(readPostcode(input)).toEqual({ ok: false, problem: "unknown" });
  });

  it("reads a good one", () => {
    expect(readPostcode(" 3447gt ")).toEqual({ ok: true, postcode: { pc4: 3447, letters: "GT", formatted: "3447 GT" } });
  });
});

describe("parsePc4", () => {
  it("accepts a bare four-digit area and nothing else", () => {
    expect(parsePc4(" 3481 ")).toBe(3481);
    expect(parsePc4("0481")).toBeNull();
    expect(parsePc4("348")).toBeNull();
    expect(parsePc4("3481 AB")).toBeNull();
  });
});

describe("parseLocationQuery", () => {
  it("reads a full postcode, a PC4 area or a place name", () => {
    expect(parseLocationQuery("3447 gt")).toEqual({ kind: "postcode", pc4: 3447, label: "3447 GT" });
    expect(parseLocationQuery("3511")).toEqual({ kind: "postcode", pc4: 3511, label: "3511" });
    expect(parseLocationQuery("  Den   Haag ")).toEqual({ kind: "place", name: "Den Haag" });
    expect(parseLocationQuery("   ")).toBeNull();
  });

  it("reads text with digits as a postcode typed wrongly, not as an unknown place", () => {
    expect(parseLocationQuery("3447 G")).toEqual({ kind: "bad-postcode", problem: "shape" });
    expect(parseLocationQuery("34477")).toEqual({ kind: "bad-postcode", problem: "shape" });
    expect(parseLocationQuery("0000 AA")).toEqual({ kind: "bad-postcode", problem: "unknown" });
    expect(parseLocationQuery("0999")).toEqual({ kind: "bad-postcode", problem: "unknown" });
  });
});

describe("postcodeBeforePlace", () => {
  it("splits a postcode with its place written after it", () => {
    expect(postcodeBeforePlace("3447 GT Woerden")).toEqual({ postcode: "3447 GT", place: "Woerden" });
    expect(postcodeBeforePlace("3447gt, Woerden")).toEqual({ postcode: "3447gt", place: "Woerden" });
    expect(postcodeBeforePlace("3447 Den Haag")).toEqual({ postcode: "3447", place: "Den Haag" });
  });

  it("is only a split: whether the place exists is for the caller to check", () => {
    expect(postcodeBeforePlace("3447 GTX")).toEqual({ postcode: "3447", place: "GTX" });
  });

  it("finds nothing in text that is not a postcode followed by a name", () => {
    expect(postcodeBeforePlace("Woerden")).toBeNull();
    expect(postcodeBeforePlace("Woerden 3447")).toBeNull();
    expect(postcodeBeforePlace("3447 G 12")).toBeNull();
  });
});
