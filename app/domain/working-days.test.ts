import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  amsterdamDay,
  contactDeadline,
  formatDeadline,
  formatDueDay,
  holidayName,
  isWorkingDay,
  workingDayAfter,
} from "./working-days";

/** The deadline as Amsterdam wall-clock text, to read the cases below at a glance. */
function due(createdAtUtc: string): string {
  return formatDeadline(contactDeadline(new Date(createdAtUtc)));
}

describe("contactDeadline: the end of the second working day after the day of the request", () => {
  it.each([
    ["Monday morning → Wednesday", "2026-11-30T09:00:00Z", "woensdag 2 december om 23:59"],
    ["Thursday → Monday", "2026-12-03T14:00:00Z", "maandag 7 december om 23:59"],
    ["Friday → Tuesday", "2026-12-04T10:00:00Z", "dinsdag 8 december om 23:59"],
    ["Saturday → Tuesday", "2026-12-05T10:00:00Z", "dinsdag 8 december om 23:59"],
    ["Sunday → Tuesday", "2026-12-06T20:00:00Z", "dinsdag 8 december om 23:59"],
  ])("%s", (_case, createdAt, expected) => {
    expect(due(createdAt)).toBe(expected);
  });

  it("gives an exact instant at 23:59:59.999 Amsterdam time, in winter and in summer", () => {
    expect(contactDeadline(new Date("2026-11-30T09:00:00Z")).toISOString()).toBe("2026-12-02T22:59:59.999Z");
    expect(contactDeadline(new Date("2026-06-15T09:00:00Z")).toISOString()).toBe("2026-06-17T21:59:59.999Z");
  });

  describe("skips Dutch public holidays", () => {
    it.each([
      ["Koningsdag on a Monday (27 April 2026)", "2026-04-24T10:00:00Z", "woensdag 29 april om 23:59"],
      ["Koningsdag on a Tuesday (27 April 2027)", "2027-04-26T10:00:00Z", "donderdag 29 april om 23:59"],
      ["Easter Monday; Good Friday is a working day (2026)", "2026-04-02T10:00:00Z", "dinsdag 7 april om 23:59"],
      ["Christmas on Friday and Saturday (2026)", "2026-12-24T10:00:00Z", "dinsdag 29 december om 23:59"],
      ["Christmas on Thursday and Friday (2025)", "2025-12-24T10:00:00Z", "dinsdag 30 december om 23:59"],
      ["New Year's Day; New Year's Eve is a working day", "2026-12-30T10:00:00Z", "maandag 4 januari om 23:59"],
      ["New Year's Day, asked on New Year's Eve", "2026-12-31T10:00:00Z", "dinsdag 5 januari om 23:59"],
      ["Ascension Day (14 May 2026)", "2026-05-13T10:00:00Z", "maandag 18 mei om 23:59"],
      ["Whit Monday (25 May 2026)", "2026-05-22T10:00:00Z", "woensdag 27 mei om 23:59"],
      ["Bevrijdingsdag every year, as the Algemene termijnenwet has it (5 May 2026)", "2026-05-04T10:00:00Z", "donderdag 7 mei om 23:59"],
    ])("%s", (_case, createdAt, expected) => {
      expect(due(createdAt)).toBe(expected);
    });

    it("knows Koningsdag moves to Saturday 26 April when the 27th is a Sunday (2025)", () => {
      expect(holidayName({ year: 2025, month: 4, day: 26 })).toBe("Koningsdag");
      expect(holidayName({ year: 2025, month: 4, day: 27 })).toBeNull();
      expect(holidayName({ year: 2026, month: 4, day: 27 })).toBe("Koningsdag");
      expect(holidayName({ year: 2026, month: 4, day: 26 })).toBeNull();
    });

    it("lists exactly these non-working weekdays in 2026", () => {
      const closed: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 86_400_000) {
        const date = new Date(ms);
        const day = { year: 2026, month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6 && !isWorkingDay(day)) closed.push(`${day.month}-${day.day}`);
      }
      expect(closed).toEqual(["1-1", "4-6", "4-27", "5-5", "5-14", "5-25", "12-25"]);
    });
  });

  describe("midnight in Amsterdam decides the day, not midnight in UTC", () => {
    it("in winter (UTC+1)", () => {
      // Monday 23:59:59 in Amsterdam is still Monday; one second later it is Tuesday.
      expect(due("2026-11-30T22:59:59Z")).toBe("woensdag 2 december om 23:59");
      expect(due("2026-11-30T23:00:00Z")).toBe("donderdag 3 december om 23:59");
      // 00:30 UTC on Monday is already Monday 01:30 in Amsterdam, not Sunday.
      expect(due("2026-11-29T23:30:00Z")).toBe("woensdag 2 december om 23:59");
    });

    it("in summer (UTC+2)", () => {
      expect(due("2026-06-15T21:59:59Z")).toBe("woensdag 17 juni om 23:59");
      expect(due("2026-06-15T22:00:00Z")).toBe("donderdag 18 juni om 23:59");
    });
  });

  describe("across the nights the clocks change", () => {
    it("spring forward (29 March 2026): a winter request gets a summer deadline", () => {
      expect(contactDeadline(new Date("2026-03-26T10:00:00Z")).toISOString()).toBe("2026-03-30T21:59:59.999Z");
      // Saturday night 23:30 and Sunday 03:30 (just after the change) are both in the weekend.
      expect(contactDeadline(new Date("2026-03-28T22:30:00Z")).toISOString()).toBe("2026-03-31T21:59:59.999Z");
      expect(contactDeadline(new Date("2026-03-29T01:30:00Z")).toISOString()).toBe("2026-03-31T21:59:59.999Z");
    });

    it("fall back (25 October 2026): both 02:30s of the night are Sunday, and the deadline is in winter time", () => {
      expect(contactDeadline(new Date("2026-10-22T10:00:00Z")).toISOString()).toBe("2026-10-26T22:59:59.999Z");
      expect(contactDeadline(new Date("2026-10-25T00:30:00Z")).toISOString()).toBe("2026-10-27T22:59:59.999Z");
      expect(contactDeadline(new Date("2026-10-25T01:30:00Z")).toISOString()).toBe("2026-10-27T22:59:59.999Z");
      // Saturday 23:59 summer time, just before that night.
      expect(due("2026-10-24T21:59:00Z")).toBe("dinsdag 27 oktober om 23:59");
    });
  });

  it("for any moment: after the request, on a working day, at 23:59:59.999 Amsterdam, exactly two working days later", () => {
    const from = new Date("2024-01-01T00:00:00Z").getTime();
    const to = new Date("2031-12-31T00:00:00Z").getTime();
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const createdAt = new Date(ms);
        const deadline = contactDeadline(createdAt);
        const dueDay = amsterdamDay(deadline);
        expect(deadline.getTime()).toBeGreaterThan(createdAt.getTime());
        expect(isWorkingDay(dueDay)).toBe(true);
        expect(amsterdamDay(new Date(deadline.getTime() + 1))).not.toEqual(dueDay);
        expect(workingDayAfter(amsterdamDay(createdAt), 2)).toEqual(dueDay);
        // Two working days never take more than a long holiday weekend plus two days.
        expect(deadline.getTime() - createdAt.getTime()).toBeLessThan(7 * 86_400_000);
      }),
      { numRuns: 500 },
    );
  });
});

describe("addWorkingDays", () => {
  it("counts n working days after the day of the instant", () => {
    expect(addWorkingDays(new Date("2026-11-30T09:00:00Z"), 1).toISOString()).toBe("2026-12-01T22:59:59.999Z");
    expect(addWorkingDays(new Date("2026-11-30T09:00:00Z"), 5).toISOString()).toBe("2026-12-07T22:59:59.999Z");
  });

  it.each([0, -1, 1.5])("refuses n = %s", (n) => {
    expect(() => addWorkingDays(new Date(), n)).toThrow(RangeError);
  });
});

describe("formatDeadline", () => {
  it("writes day, date and time in Dutch, Amsterdam time", () => {
    expect(formatDeadline(new Date("2026-12-01T22:59:59.999Z"))).toBe("dinsdag 1 december om 23:59");
    expect(formatDeadline("2026-07-01T08:05:00Z")).toBe("woensdag 1 juli om 10:05");
  });
});

describe("formatDueDay: the day a deadline falls on, as the office says it", () => {
  it("names weekday, day and month, without a clock time", () => {
    // The example: a request on Friday 4 December 2026 is due on Tuesday.
    expect(formatDueDay(contactDeadline(new Date("2026-12-04T10:00:00Z")))).toBe("dinsdag 8 december");
    expect(formatDueDay("2026-12-02T22:59:59.999Z")).toBe("woensdag 2 december");
  });

  it("takes the day in Amsterdam, in winter and in summer, so a deadline at the end of a day keeps that day", () => {
    expect(formatDueDay("2026-12-01T22:59:59.999Z")).toBe("dinsdag 1 december");
    expect(formatDueDay("2026-12-01T23:00:00Z")).toBe("woensdag 2 december");
    expect(formatDueDay("2026-06-17T21:59:59.999Z")).toBe("woensdag 17 juni");
    expect(formatDueDay("2026-06-17T22:00:00Z")).toBe("donderdag 18 juni");
  });

  it("never shows a time, for any deadline", () => {
    fc.assert(
      fc.property(fc.integer({ min: new Date("2024-01-01T00:00:00Z").getTime(), max: new Date("2031-12-31T00:00:00Z").getTime() }), (ms) => {
        expect(formatDueDay(contactDeadline(new Date(ms)))).toMatch(/^(maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} [a-z]+$/);
      }),
      { numRuns: 200 },
    );
  });
});
