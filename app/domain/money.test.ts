import { describe, expect, it } from "vitest";
import {
  MAX_PRICE_CENTS,
  formatEuro,
  formatEuroInput,
  memberPriceCents,
  parseEuroAmount,
  vatBreakdown,
} from "~/domain/money";

describe("parseEuroAmount", () => {
  it.each([
    ["15", 1500],
    ["15,00", 1500],
    ["15.5", 1550],
    ["15.50", 1550],
    ["15,5", 1550],
    ["15,05", 1505],
    ["€ 15", 1500],
    ["€15", 1500],
    ["€15,-", 1500],
    ["15,-", 1500],
    ["15,--", 1500],
    ["€ 15, 00", 1500],
    ["35,", 3500],
    ["15 €", 1500],
    ["EUR 15", 1500],
    ["1.250,00", 125_000],
    ["1.250", 125_000],
    ["1.250,5", 125_050],
    ["1250.50", 125_050],
    ["1250,50", 125_050],
    ["0,50", 50],
    [",50", 50],
    ["0.01", 1],
    ["015", 1500],
    [" 9,99 ", 999],
    ["10000", 1_000_000],
    ["10.000", 1_000_000],
    ["10.000,00", 1_000_000],
  ])("reads %s as %i cents", (input, cents) => {
    expect(parseEuroAmount(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["€", "empty"],
    ["abc", "format"],
    ["15 euro 50", "format"],
    ["1,250.50", "format"],
    ["12.50,00", "format"],
    ["1e5", "format"],
    [",", "format"],
    ["15,00,00", "format"],
    ["-15", "zero-or-negative"],
    ["€ -15", "zero-or-negative"],
    ["0", "zero-or-negative"],
    ["0,00", "zero-or-negative"],
    ["0,-", "zero-or-negative"],
    ["15,001", "too-many-decimals"],
    ["15.5555", "too-many-decimals"],
    ["0.125", "too-many-decimals"],
    ["1.2500", "too-many-decimals"],
    ["10000,01", "too-large"],
    ["10.000,01", "too-large"],
    ["10001", "too-large"],
    ["15.500", "too-large"],
    ["99999999999999999999", "too-large"],
  ])("rejects %s as %s", (input, reason) => {
    expect(parseEuroAmount(input)).toEqual({ ok: false, reason });
  });

  it("allows exactly the maximum of € 10.000", () => {
    expect(MAX_PRICE_CENTS).toBe(1_000_000);
  });
});

describe("formatEuro", () => {
  it.each([
    [1500, "€ 15,00"],
    [125_000, "€ 1.250,00"],
    [5, "€ 0,05"],
    [0, "€ 0,00"],
    [99, "€ 0,99"],
    [1_000_000, "€ 10.000,00"],
    [123_456_789, "€ 1.234.567,89"],
    [-250, "− € 2,50"],
  ])("shows %i cents as %s", (cents, expected) => {
    expect(formatEuro(cents)).toBe(expected);
  });

  it("refuses fractions of a cent", () => {
    expect(() => formatEuro(15.5)).toThrow(RangeError);
  });
});

describe("formatEuroInput", () => {
  it.each([
    [1500, "15,00"],
    [1550, "15,50"],
    [125_000, "1250,00"],
    [7, "0,07"],
  ])("puts %i cents back as %s", (cents, expected) => {
    expect(formatEuroInput(cents)).toBe(expected);
  });

  it("reads back as the same amount", () => {
    for (const cents of [1, 99, 1500, 1550, 125_050, 1_000_000]) {
      expect(parseEuroAmount(formatEuroInput(cents))).toEqual({ ok: true, cents });
    }
  });
});

describe("memberPriceCents", () => {
  it.each([
    [1000, 900],
    [1500, 1350],
    [3500, 3150],
    [1005, 905],
    [1004, 904],
    [1006, 905],
    [1, 1],
    [5, 5],
    [4, 4],
    [999, 899],
    [1_000_000, 900_000],
  ])("members pay %i → %i cents", (cents, member) => {
    expect(memberPriceCents(cents)).toBe(member);
  });

  it("is always within half a cent of 90%, with exact halves rounded up", () => {
    const wrong: number[] = [];
    for (let cents = 0; cents <= 100_000; cents++) {
      const tenthsOfACentOff = memberPriceCents(cents) * 10 - cents * 9;
      if (tenthsOfACentOff <= -5 || tenthsOfACentOff > 5) wrong.push(cents);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses fractions and negative prices", () => {
    expect(() => memberPriceCents(10.5)).toThrow(RangeError);
    expect(() => memberPriceCents(-100)).toThrow(RangeError);
  });
});

describe("vatBreakdown", () => {
  it("splits the € 10,00 administration fee into € 8,26 + € 1,74 btw", () => {
    expect(vatBreakdown(1000)).toEqual({ netCents: 826, vatCents: 174, grossCents: 1000 });
  });

  it("uses the given rate", () => {
    expect(vatBreakdown(1090, 9)).toEqual({ netCents: 1000, vatCents: 90, grossCents: 1090 });
    expect(vatBreakdown(1000, 0)).toEqual({ netCents: 1000, vatCents: 0, grossCents: 1000 });
  });

  it("always adds up to the gross amount", () => {
    for (let gross = 0; gross <= 5000; gross += 7) {
      const { netCents, vatCents } = vatBreakdown(gross);
      expect(netCents + vatCents).toBe(gross);
      expect(Number.isInteger(netCents)).toBe(true);
    }
  });
});
