import { describe, expect, it } from "vitest";
import { formatPhone, normalisePhone } from "~/domain/phone";

describe("normalisePhone", () => {
  it.each([
    ["0610034891", "+31610034891"],
    ["06-10034891", "+31610034891"],
    ["06 1003 4891", "+31610034891"],
    ["+31 6 10034891", "+31610034891"],
    ["+31 (0)6 10034891", "+31610034891"],
    ["+31 06 10034891", "+31610034891"],
    ["0031610034891", "+31610034891"],
    ["  0610034891  ", "+31610034891"],
    ["030-1234567", "+31301234567"],
    ["(030) 123 45 67", "+31301234567"],
    ["0348 412345", "+31348412345"],
    ["0348/412345", "+31348412345"],
    ["+31 348 412345", "+31348412345"],
    ["020 123 4567", "+31201234567"],
    ["070-3456789", "+31703456789"],
    ["058 2123456", "+31582123456"],
    ["085 1234567", "+31851234567"],
    ["088 1234567", "+31881234567"],
    ["084 1234567", "+31841234567"],
    ["087 1234567", "+31871234567"],
    ["091 1234567", "+31911234567"],
    ["0651234567", "+31651234567"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["061003489", "one digit short"],
    ["06100348911", "one digit long"],
    ["+31 6 1003489", "international, one digit short"],
    ["06-1003489a", "a letter"],
    ["bel mij maar", "words"],
    ["0800 1234567", "toll-free"],
    ["0800-1234", "short toll-free"],
    ["0900 1234567", "premium"],
    ["0906 1234567", "premium"],
    ["0909 1234567", "premium"],
    ["0661234567", "pager 06-6"],
    ["0612 345678 9", "too long with spaces"],
    ["+32 470 12 34 56", "Belgian"],
    ["0032470123456", "Belgian with 00"],
    ["+49 30 1234567", "German"],
    ["+31 800 1234567", "toll-free in international form"],
    ["1234567890", "no leading zero"],
    ["6 10034891", "mobile without 0"],
    ["06+10034891", "a plus in the middle"],
    ["0820 123456", "082 is not a personal number"],
    ["0971 23456789", "machine numbers"],
  ])("rejects %s (%s)", (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe("formatPhone", () => {
  // Written with ordinary spaces for reading; every space in the result is a no-break space.
  it.each([
    ["+31610034891", "06 10 03 48 91"],
    ["+31612345678", "06 12 34 56 78"],
    ["+31301234567", "030 123 45 67"],
    ["+31201234567", "020 123 45 67"],
    ["+31101234567", "010 123 45 67"],
    ["+31791234567", "079 123 45 67"],
    ["+31348412345", "0348 41 23 45"],
    ["+31318123456", "0318 12 34 56"],
    ["+31851234567", "085 123 45 67"],
    ["+31911234567", "091 123 45 67"],
  ])("shows %s as %s", (e164, expected) => {
    expect(formatPhone(e164)).toBe(expected.replaceAll(" ", "\u00a0"));
  });

  it("never gives a line a place to break inside the number", () => {
    for (const e164 of ["+31612345678", "+31301234567", "+31348412345"]) {
      expect(formatPhone(e164)).not.toMatch(/[ \t\n-]/);
      expect(formatPhone(e164).replace(/\D/g, "")).toBe(`0${e164.slice(3)}`);
    }
  });

  it("round-trips: the displayed form is accepted again as the same number", () => {
    for (const input of ["0610034891", "030-1234567", "0348 412345", "085 1234567", "06 12 34 56 78"]) {
      const stored = normalisePhone(input)!;
      expect(normalisePhone(formatPhone(stored))).toBe(stored);
    }
  });

  it("leaves anything that is not a stored Dutch number unchanged", () => {
    expect(formatPhone("+3247012345")).toBe("+3247012345");
    expect(formatPhone("030-1234567")).toBe("030-1234567");
  });
});
