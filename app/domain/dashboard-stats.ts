/**
 * The dashboard's figures as pure rules: which calendar month (in the
 * Netherlands) an event belongs to, the last twelve months, the totals per
 * month and for the last 30 days, and the geometry of the per-month bar chart
 * that the server draws as SVG.
 */

const TIME_ZONE = "Europe/Amsterdam";
const DAY_MS = 86_400_000;

const amsterdamParts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** `YYYY-MM-DD` of the day in the Netherlands at this instant. */
export function amsterdamDate(at: Date): string {
  return amsterdamParts.format(at);
}

/** `YYYY-MM` of the month in the Netherlands at this instant: 31 January 23:30 UTC is already February there. */
export function amsterdamMonth(at: Date | string): string {
  return amsterdamDate(typeof at === "string" ? new Date(at) : at).slice(0, 7);
}

/** The twelve months ending with the current one, oldest first, as `YYYY-MM`. */
export function lastTwelveMonths(now: Date): string[] {
  const [year, month] = amsterdamMonth(now).split("-").map(Number) as [number, number];
  const months: string[] = [];
  for (let back = 11; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/** The start of the 30-day window: this instant 30 days ago (for timestamps). */
export function thirtyDaysBefore(now: Date): Date {
  return new Date(now.getTime() - 30 * DAY_MS);
}

/** The first calendar day of the 30-day window, for per-day counters: today and the 29 days before it. */
export function firstDayOfLast30(now: Date): string {
  return amsterdamDate(new Date(now.getTime() - 29 * DAY_MS));
}

const DUTCH_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;
const DUTCH_MONTHS_LONG = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"] as const;

/** `2026-03` → `mrt` (axis) or `maart 2026` (table). */
export function monthLabel(month: string, long = false): string {
  const [year, index] = month.split("-").map(Number) as [number, number];
  return long ? `${DUTCH_MONTHS_LONG[index - 1]} ${year}` : DUTCH_MONTHS[index - 1]!;
}

export type MonthStats = {
  month: string;
  contactRequests: number;
  appointments: number;
  /** Average stars of the reviews written that month; null without reviews. */
  averageRating: number | null;
  reviews: number;
  profileViews: number;
  searchAppearances: number;
};

export type StatsTotals = Omit<MonthStats, "month">;

export type StatsInput = {
  /** created_at of every contact request. */
  requests: readonly string[];
  /** handled_at of every request handled with the outcome "appointment". */
  appointments: readonly string[];
  /** Visible reviews only. */
  reviews: readonly { createdAt: string; rating: number }[];
  /** The per-day counters, day as `YYYY-MM-DD` (already a day in the Netherlands). */
  days: readonly { day: string; profileViews: number; searchAppearances: number }[];
};

const average = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

/** Totals per month over the last twelve months; events outside them are left out. */
export function statsPerMonth(input: StatsInput, now: Date): MonthStats[] {
  const months = lastTwelveMonths(now);
  const rows = new Map(months.map((month) => [month, { requests: 0, appointments: 0, ratingSum: 0, reviews: 0, views: 0, appearances: 0 }]));
  for (const at of input.requests) {
    const row = rows.get(amsterdamMonth(at));
    if (row) row.requests += 1;
  }
  for (const at of input.appointments) {
    const row = rows.get(amsterdamMonth(at));
    if (row) row.appointments += 1;
  }
  for (const review of input.reviews) {
    const row = rows.get(amsterdamMonth(review.createdAt));
    if (row) {
      row.reviews += 1;
      row.ratingSum += review.rating;
    }
  }
  for (const day of input.days) {
    const row = rows.get(day.day.slice(0, 7));
    if (row) {
      row.views += day.profileViews;
      row.appearances += day.searchAppearances;
    }
  }
  return months.map((month) => {
    const row = rows.get(month)!;
    return {
      month,
      contactRequests: row.requests,
      appointments: row.appointments,
      averageRating: average(row.ratingSum, row.reviews),
      reviews: row.reviews,
      profileViews: row.views,
      searchAppearances: row.appearances,
    };
  });
}

/** Totals over the last 30 days (timestamps since this instant 30 days ago; counters from the 30 most recent days). */
export function statsLast30Days(input: StatsInput, now: Date): StatsTotals {
  const since = thirtyDaysBefore(now).getTime();
  const firstDay = firstDayOfLast30(now);
  const inWindow = (at: string) => {
    const time = Date.parse(at);
    return time >= since && time <= now.getTime();
  };
  const reviews = input.reviews.filter((review) => inWindow(review.createdAt));
  const days = input.days.filter((day) => day.day >= firstDay);
  return {
    contactRequests: input.requests.filter(inWindow).length,
    appointments: input.appointments.filter(inWindow).length,
    averageRating: average(reviews.reduce((sum, review) => sum + review.rating, 0), reviews.length),
    reviews: reviews.length,
    profileViews: days.reduce((sum, day) => sum + day.profileViews, 0),
    searchAppearances: days.reduce((sum, day) => sum + day.searchAppearances, 0),
  };
}

/** A rating the Dutch way: 4,5; "-" without reviews, as in the manual. */
export function formatRating(rating: number | null): string {
  return rating === null ? "-" : rating.toFixed(1).replace(".", ",");
}

/** Whether there is anything to show: a new provider gets one sentence instead of empty charts and a table of zeros. */
export function hasStats(last30Days: StatsTotals, perMonth: readonly MonthStats[]): boolean {
  const counts = (row: StatsTotals) => row.contactRequests + row.appointments + row.reviews + row.profileViews + row.searchAppearances;
  return counts(last30Days) > 0 || perMonth.some((month) => counts(month) > 0);
}

export type ChartBar = { label: string; value: number; x: number; y: number; width: number; height: number; labelY: number; valueX: number };
export type BarChart = { width: number; height: number; plot: { left: number; top: number; right: number; bottom: number }; bars: ChartBar[]; max: number; fontSize: number };

/**
 * The length a full bar stands for: the smallest "round" number at or above
 * `value` (1, 2, 5 times a power of ten, divisible by 4), at least 4, so a
 * month with one request does not fill its row.
 */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    const candidate = step * power;
    if (candidate >= value && candidate % 4 === 0) return candidate;
  }
  return Math.ceil(value / (4 * power)) * 4 * power;
}

/**
 * Horizontal bars for counts per month, one row per month: the month name on
 * the left, the bar, and its number after it. Drawn in a box `width` units
 * wide, about the width of a phone, so that the 18-unit text stays above
 * 14 px down to a 320 px screen (a column chart of twelve months shrank its
 * labels to 10 px on a phone). Bar lengths are proportional to the value against
 * the axis maximum; a zero is a bar of length 0 with its 0 beside it.
 */
export function barChart(series: readonly { label: string; value: number }[], width = 360): BarChart {
  const fontSize = 18;
  const rowHeight = 30;
  const barHeight = 20;
  const plot = { left: 50, top: 4, right: width - 56, bottom: 4 + rowHeight * series.length };
  const max = niceMax(Math.max(0, ...series.map((item) => item.value)));
  const plotWidth = plot.right - plot.left;
  const bars = series.map((item, index) => {
    const top = plot.top + index * rowHeight;
    const length = Math.round((item.value / max) * plotWidth * 10) / 10;
    return {
      label: item.label,
      value: item.value,
      x: plot.left,
      y: top + (rowHeight - barHeight) / 2,
      width: length,
      height: barHeight,
      labelY: top + rowHeight / 2 + fontSize * 0.35,
      valueX: plot.left + length + 6,
    };
  });
  return { width, height: plot.bottom + 4, plot, bars, max, fontSize };
}
