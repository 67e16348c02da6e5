import { describe, expect, it } from "vitest";
import { isPaused, lastPausedDay, MAX_PAUSE_DAYS, pauseEndsAt, pauseEndText, pauseSchema } from "./pause";

describe("isPaused", () => {
  const now = new Date("2026-12-10T12:00:00.000Z");

  it("is false without a pause and true for a pause without an end", () => {
    expect(isPaused({ paused_at: null, paused_until: null }, now)).toBe(false);
    expect(isPaused({ paused_at: "2026-12-01T08:00:00.000Z", paused_until: null }, now)).toBe(true);
  });

  it("ends by itself at the stored instant, not a millisecond later", () => {
    const pause = { paused_at: "2026-12-01T08:00:00.000Z", paused_until: "2026-12-15T23:00:00.000Z" };
    expect(isPaused(pause, now)).toBe(true);
    expect(isPaused(pause, new Date("2026-12-15T22:59:59.999Z"))).toBe(true);
    expect(isPaused(pause, new Date("2026-12-15T23:00:00.000Z"))).toBe(false);
    expect(isPaused(pause, new Date("2027-01-01T00:00:00.000Z"))).toBe(false);
  });

  it("ignores an end without a start (a resumed provider)", () => {
    expect(isPaused({ paused_at: null, paused_until: "2099-01-01T00:00:00.000Z" }, now)).toBe(false);
  });
});

describe("pauseEndsAt and lastPausedDay", () => {
  it("ends at midnight in Amsterdam after the last day, in winter and in summer time", () => {
    expect(pauseEndsAt("2026-12-15")).toBe("2026-12-15T23:00:00.000Z");
    expect(pauseEndsAt("2026-07-15")).toBe("2026-07-15T22:00:00.000Z");
    expect(pauseEndsAt("2026-12-31")).toBe("2026-12-31T23:00:00.000Z");
  });

  it("handles the nights the clocks change", () => {
    // Summer time starts on 29 March 2026 and ends on 25 October 2026.
    expect(pauseEndsAt("2026-03-28")).toBe("2026-03-28T23:00:00.000Z");
    expect(pauseEndsAt("2026-03-29")).toBe("2026-03-29T22:00:00.000Z");
    expect(pauseEndsAt("2026-10-24")).toBe("2026-10-24T22:00:00.000Z");
    expect(pauseEndsAt("2026-10-25")).toBe("2026-10-25T23:00:00.000Z");
  });

  it("gives the last day back from the stored end", () => {
    for (const day of ["2026-12-15", "2026-07-15", "2026-03-29", "2026-10-25", "2027-02-28", "2028-02-29"]) {
      expect(lastPausedDay(pauseEndsAt(day))).toBe(day);
    }
    expect(pauseEndText(pauseEndsAt("2026-12-15"))).toBe("tot en met 15 december 2026");
    expect(pauseEndText(null)).toBe("");
  });
});

describe("pauseSchema", () => {
  // 23:30 UTC on 9 December is already 10 December in the Netherlands.
  const now = new Date("2026-12-09T23:30:00.000Z");
  const parse = (until?: string) => pauseSchema(now).safeParse(until === undefined ? {} : { until });

  it("takes no date as a pause without an end", () => {
    expect(parse()).toMatchObject({ success: true, data: { until: null } });
    expect(parse("  ")).toMatchObject({ success: true, data: { until: null } });
  });

  it("reads Dutch dates, from today (Amsterdam) on", () => {
    expect(parse("15-12-2026")).toMatchObject({ success: true, data: { until: "2026-12-15" } });
    expect(parse("15 december 2026")).toMatchObject({ success: true, data: { until: "2026-12-15" } });
    expect(parse("2026-12-10")).toMatchObject({ success: true, data: { until: "2026-12-10" } });
  });

  it("says what is wrong with a date in the past, too far ahead or that does not exist", () => {
    const message = (until: string) => {
      const result = parse(until);
      return result.success ? null : result.error.issues[0]?.message;
    };
    expect(message("09-12-2026")).toMatch(/al voorbij/);
    expect(message("31-02-2027")).toMatch(/klopt niet/);
    expect(message("volgende week")).toMatch(/klopt niet/);
    expect(message("11-12-2027")).toMatch(/binnen een jaar, uiterlijk 10 december 2027/);
    expect(MAX_PAUSE_DAYS).toBe(365);
    expect(parse("10-12-2027").success).toBe(true);
  });
});
