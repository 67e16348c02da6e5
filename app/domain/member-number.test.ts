import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseMemberNumber } from "./member-number";

describe("normaliseMemberNumber", () => {
  it.each([
    ["VIV100001", "VIV100001"],
    ["viv100001", "VIV100001"],
    ["viv-100 001", "VIV100001"],
    [" VIV.100.001 ", "VIV100001"],
    ["123456", "123456"],
    ["ab12cd34ef", "AB12CD34EF"],
  ])("reads %j as %j", (typed, expected) => {
    expect(normaliseMemberNumber(typed)).toBe(expected);
  });

  it.each([
    ["too short", "VIV12"],
    ["too long", "VIV12345678"],
    ["letters only", "ABCDEFG"],
    ["other characters", "VIV_10001"],
    ["accented letters", "VÍV100001"],
    ["empty", ""],
    ["only separators", " - - "],
  ])("refuses %s: %j", (_case, typed) => {
    expect(normaliseMemberNumber(typed)).toBeNull();
  });

  it("is idempotent: a normalised number normalises to itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (typed) => {
        const once = normaliseMemberNumber(typed);
        if (once !== null) expect(normaliseMemberNumber(once)).toBe(once);
      }),
    );
  });
});
