import { describe, expect, it } from "vitest";
import { amsterdamMonth, barChart, firstDayOfLast30, formatRating, hasStats, lastTwelveMonths, monthLabel, niceMax, statsLast30Days, statsPerMonth } from "./dashboard-stats";

describe("months in the Netherlands", () => {
  it("puts an event late on the last day of a month (UTC) in the next month when it is already past midnight in Amsterdam", () => {
    expect(amsterdamMonth("2026-01-31T23:30:00.000Z")).toBe("2026-02");
    expect(amsterdamMonth("2026-01-31T22:59:00.000Z")).toBe("2026-01");
    // Summer time: UTC+2.
    expect(amsterdamMonth("2026-06-30T22:30:00.000Z")).toBe("2026-07");
    expect(amsterdamMonth("2026-06-30T21:30:00.000Z")).toBe("2026-06");
  });

  it("lists the twelve months up to and including the current one, across a year boundary", () => {
    expect(lastTwelveMonths(new Date("2026-03-15T12:00:00Z"))).toEqual([
      "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
    ]);
    expect(lastTwelveMonths(new Date("2026-12-31T23:30:00Z")).at(-1)).toBe("2027-01");
  });

  it("names months in Dutch", () => {
    expect(monthLabel("2026-03")).toBe("mrt");
    expect(monthLabel("2026-03", true)).toBe("maart 2026");
  });
});

const now = new Date("2026-03-15T12:00:00Z");

describe("statistics per month and for the last 30 days", () => {
  const input = {
    requests: ["2026-03-14T10:00:00Z", "2026-03-01T10:00:00Z", "2026-02-10T10:00:00Z", "2025-03-01T10:00:00Z"],
    appointments: ["2026-03-10T10:00:00Z", "2026-01-31T23:30:00Z"],
    reviews: [
      { createdAt: "2026-03-02T10:00:00Z", rating: 5 },
      { createdAt: "2026-03-03T10:00:00Z", rating: 4 },
      { createdAt: "2026-01-05T10:00:00Z", rating: 2 },
    ],
    days: [
      { day: "2026-03-15", profileViews: 3, searchAppearances: 10 },
      { day: "2026-02-14", profileViews: 1, searchAppearances: 2 },
      { day: "2026-02-13", profileViews: 7, searchAppearances: 9 },
    ],
  };

  it("counts each event in its month and leaves out what is older than twelve months", () => {
    const months = statsPerMonth(input, now);
    expect(months).toHaveLength(12);
    const march = months.at(-1)!;
    expect(march).toEqual({ month: "2026-03", contactRequests: 2, appointments: 1, averageRating: 4.5, reviews: 2, profileViews: 3, searchAppearances: 10 });
    const february = months.find((m) => m.month === "2026-02")!;
    expect(february).toMatchObject({ contactRequests: 1, appointments: 1, averageRating: null, profileViews: 8, searchAppearances: 11 });
    expect(months.find((m) => m.month === "2026-01")).toMatchObject({ appointments: 0, averageRating: 2 });
    // 1 March 2025 is thirteen months back.
    expect(months.reduce((sum, m) => sum + m.contactRequests, 0)).toBe(3);
  });

  it("sums the last 30 days: timestamps since this moment 30 days ago, counters from the 30 latest days", () => {
    expect(firstDayOfLast30(now)).toBe("2026-02-14");
    expect(statsLast30Days(input, now)).toEqual({
      contactRequests: 2,
      appointments: 1,
      averageRating: 4.5,
      reviews: 2,
      profileViews: 4,
      searchAppearances: 12,
    });
  });

  it("shows a rating with a decimal comma, and a dash without reviews", () => {
    expect(formatRating(4.5)).toBe("4,5");
    expect(formatRating(4)).toBe("4,0");
    expect(formatRating(null)).toBe("-");
  });
});

describe("the bar chart", () => {
  it("rounds the axis up to a number the four gridlines divide evenly", () => {
    expect(niceMax(0)).toBe(4);
    expect(niceMax(3)).toBe(4);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(17)).toBe(20);
    expect(niceMax(45)).toBe(100);
    expect(niceMax(100)).toBe(100);
    for (const value of [5, 9, 13, 33, 99, 101, 999, 1234]) {
      const max = niceMax(value);
      expect(max).toBeGreaterThanOrEqual(value);
      expect(max % 4).toBe(0);
    }
  });

  it("draws one row per month in order, bars proportional to their value from the axis, each number beside its bar", () => {
    const chart = barChart([
      { label: "jan", value: 0 },
      { label: "feb", value: 2 },
      { label: "mrt", value: 4 },
    ]);
    expect(chart.max).toBe(4);
    const [jan, feb, mrt] = chart.bars as [typeof chart.bars[0], typeof chart.bars[0], typeof chart.bars[0]];
    expect(jan.width).toBe(0);
    expect(mrt.width).toBeCloseTo(chart.plot.right - chart.plot.left, 1);
    expect(feb.width).toBeCloseTo(mrt.width / 2, 1);
    for (const bar of chart.bars) {
      expect(bar.x).toBe(chart.plot.left);
      expect(bar.valueX).toBeGreaterThan(bar.x + bar.width);
      expect(bar.labelY).toBeGreaterThan(bar.y);
      expect(bar.labelY).toBeLessThanOrEqual(bar.y + bar.height);
    }
    expect(jan.y).toBeLessThan(feb.y);
    expect(feb.y + feb.height).toBeLessThanOrEqual(mrt.y);
    expect(mrt.y + mrt.height).toBeLessThanOrEqual(chart.height);
    // Room for a four-digit number after the longest bar.
    expect(chart.width - (mrt.x + mrt.width)).toBeGreaterThanOrEqual(chart.fontSize * 2.5 + 6);
  });

  it("keeps the text at least 14 px on a 320 px phone, where the chart is about 290 px wide", () => {
    const chart = barChart(lastTwelveMonths(new Date("2026-12-07T10:00:00Z")).map((month) => ({ label: monthLabel(month), value: 3 })));
    expect(chart.bars).toHaveLength(12);
    expect((chart.fontSize * 290) / chart.width).toBeGreaterThanOrEqual(14);
  });
});

describe("whether there is anything to show", () => {
  const none = { contactRequests: 0, appointments: 0, averageRating: null, reviews: 0, profileViews: 0, searchAppearances: 0 };
  const months = lastTwelveMonths(new Date("2026-12-07T10:00:00Z")).map((month) => ({ month, ...none }));

  it("is no for a provider with only zeros, yes as soon as one count is there, in the last 30 days or any month", () => {
    expect(hasStats(none, months)).toBe(false);
    expect(hasStats({ ...none, searchAppearances: 1 }, months)).toBe(true);
    for (const key of ["contactRequests", "appointments", "reviews", "profileViews", "searchAppearances"] as const) {
      expect(hasStats(none, months.map((month, i) => (i === 3 ? { ...month, [key]: 1 } : month))), key).toBe(true);
    }
  });
});
