import { describe, expect, it } from "vitest";
import { parseKvkNumber } from "~/domain/kvk";

describe("parseKvkNumber", () => {
  it.each([
    ["12345678", "12345678"],
    ["1234 5678", "12345678"],
    ["12.34.56.78", "12345678"],
    [" 12 345 678 ", "12345678"],
    ["01234567", "01234567"],
  ])("accepts %s as %s", (input, expected) => {
    expect(parseKvkNumber(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["1234567", "seven digits"],
    ["123456789", "nine digits"],
    ["1234567890", "the ten digits from the manual's example"],
    ["1234567a", "a letter"],
    ["1234-5678", "a hyphen"],
    ["NL12345678", "a prefix"],
  ])("rejects %s (%s)", (input) => {
    expect(parseKvkNumber(input)).toBeNull();
  });
});
