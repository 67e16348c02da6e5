import { describe, expect, it } from "vitest";
import {
  ageOn,
  amsterdamCalendarDate,
  formatDutchDate,
  formatDutchDateInput,
  formatDutchDay,
  isAdult,
  parseDutchDate,
} from "~/domain/age";

describe("parseDutchDate", () => {
  it.each([
    ["7-9-1962", "1962-09-07"],
    ["07-09-1962", "1962-09-07"],
    ["7 september 1962", "1962-09-07"],
    ["1962-09-07", "1962-09-07"],
    ["7/9/1962", "1962-09-07"],
    ["7.9.1962", "1962-09-07"],
    ["7 September 1962", "1962-09-07"],
    ["  7  september  1962 ", "1962-09-07"],
    ["7 sep 1962", "1962-09-07"],
    ["7 sept. 1962", "1962-09-07"],
    ["1 mrt 1950", "1950-03-01"],
    ["31 december 1999", "1999-12-31"],
    ["29-02-2000", "2000-02-29"],
    ["29 februari 1964", "1964-02-29"],
    ["15 mei 1970", "1970-05-15"],
    ["3 okt 1980", "1980-10-03"],
  ])("reads %s as %s", (input, iso) => {
    expect(parseDutchDate(input)).toBe(iso);
  });

  it.each([
    ["", "empty"],
    ["31-02-1990", "31 February"],
    ["29-02-1900", "1900 was not a leap year"],
    ["29-02-2023", "2023 was not a leap year"],
    ["31-04-1990", "April has 30 days"],
    ["0-9-1962", "day 0"],
    ["7-13-1962", "month 13"],
    ["7-9-62", "two-digit year"],
    ["1962-9-7", "ISO without padding"],
    ["1962-02-30", "ISO date that does not exist"],
    ["7 septober 1962", "unknown month"],
    ["september 7 1962", "month first"],
    ["gisteren", "words"],
    ["7-9-1962 12:00", "a time"],
  ])("rejects %s (%s)", (input) => {
    expect(parseDutchDate(input)).toBeNull();
  });
});

describe("formatDutchDate", () => {
  it.each([
    ["1958-09-07", "7 september 1958"],
    ["1962-09-07", "7 september 1962"],
    ["2000-01-01", "1 januari 2000"],
    ["1975-03-15", "15 maart 1975"],
    ["1999-12-31", "31 december 1999"],
  ])("shows %s as %s", (iso, text) => {
    expect(formatDutchDate(iso)).toBe(text);
  });

  it("reads back as the same date", () => {
    expect(parseDutchDate(formatDutchDate("1962-09-07"))).toBe("1962-09-07");
  });

  it("throws on a value that is not a stored date", () => {
    expect(() => formatDutchDate("07-09-1962")).toThrow(RangeError);
    expect(() => formatDutchDate("1990-02-31")).toThrow(RangeError);
  });
});

describe("formatDutchDay", () => {
  it("writes the day of an instant as it was in the Netherlands, the same way as a stored date", () => {
    expect(formatDutchDay("1958-09-07T10:00:00Z")).toBe("7 september 1958");
    expect(formatDutchDay(new Date("2026-03-04T23:30:00Z"))).toBe("5 maart 2026");
    expect(formatDutchDay("2026-07-31T22:30:00Z")).toBe("1 augustus 2026");
    expect(formatDutchDay("2026-12-31T12:00:00Z")).toBe(formatDutchDate("2026-12-31"));
  });
});

describe("formatDutchDateInput", () => {
  it("writes the day first with two digits, as the form asks", () => {
    expect(formatDutchDateInput("1962-09-07")).toBe("07-09-1962");
    expect(parseDutchDate(formatDutchDateInput("1962-09-07"))).toBe("1962-09-07");
  });
});

describe("amsterdamCalendarDate", () => {
  it("uses the Dutch date, not the UTC date", () => {
    // 23:30 UTC on 6 September is 01:30 on 7 September in summer time.
    expect(amsterdamCalendarDate(new Date("2024-09-06T23:30:00Z"))).toEqual({ year: 2024, month: 9, day: 7 });
    // 23:30 UTC on 31 December is 00:30 on 1 January in winter time.
    expect(amsterdamCalendarDate(new Date("2024-12-31T23:30:00Z"))).toEqual({ year: 2025, month: 1, day: 1 });
    expect(amsterdamCalendarDate(new Date("2024-12-31T22:30:00Z"))).toEqual({ year: 2024, month: 12, day: 31 });
  });
});

describe("ageOn", () => {
  it("counts completed years", () => {
    expect(ageOn("1962-09-07", new Date("2024-09-06T12:00:00Z"))).toBe(61);
    expect(ageOn("1962-09-07", new Date("2024-09-07T12:00:00Z"))).toBe(62);
    expect(ageOn("1962-09-07", new Date("2024-12-01T12:00:00Z"))).toBe(62);
    expect(ageOn("1962-09-07", new Date("2025-01-01T12:00:00Z"))).toBe(62);
  });

  it("turns a year older at midnight Dutch time, not UTC", () => {
    // 22:30 UTC on 6 September 2024 is 00:30 on 7 September in Amsterdam.
    expect(ageOn("1962-09-07", new Date("2024-09-06T22:30:00Z"))).toBe(62);
    expect(ageOn("1962-09-07", new Date("2024-09-06T21:30:00Z"))).toBe(61);
  });

  it("gives a 29 February birthday on 1 March in a year without 29 February", () => {
    expect(ageOn("2004-02-29", new Date("2022-02-28T12:00:00Z"))).toBe(17);
    expect(ageOn("2004-02-29", new Date("2022-03-01T12:00:00Z"))).toBe(18);
  });

  it("gives a 29 February birthday on 29 February in a leap year", () => {
    expect(ageOn("2004-02-29", new Date("2024-02-28T12:00:00Z"))).toBe(19);
    expect(ageOn("2004-02-29", new Date("2024-02-29T12:00:00Z"))).toBe(20);
  });

  it("is negative for a birth date after today", () => {
    expect(ageOn("2030-01-01", new Date("2025-06-01T12:00:00Z"))).toBe(-5);
  });

  it("throws on an invalid birth date", () => {
    expect(() => ageOn("1990-02-31", new Date())).toThrow(RangeError);
  });
});

describe("isAdult", () => {
  const today = new Date("2025-06-15T10:00:00Z");

  it("is true from the 18th birthday on", () => {
    expect(isAdult("2007-06-15", today)).toBe(true);
    expect(isAdult("1962-09-07", today)).toBe(true);
  });

  it("is false the day before the 18th birthday", () => {
    expect(isAdult("2007-06-16", today)).toBe(false);
    expect(isAdult("2010-01-01", today)).toBe(false);
  });
});
