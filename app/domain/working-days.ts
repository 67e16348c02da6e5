import Holidays from "date-holidays";

/**
 * Working days in the Netherlands, for the rule that a provider must act on a
 * contact request within two working days.
 *
 * The rule, precisely: a request made at any moment of Amsterdam calendar day
 * D is due at the END of the second working day after D, i.e. at
 * 23:59:59.999 Europe/Amsterdam on that day. D itself never counts, whether it
 * is a working day or not, so a request on Monday at 00:01 and one on Monday
 * at 23:59 are both due on Wednesday at 23:59; a request on Friday, Saturday
 * or Sunday is due on Tuesday at 23:59. "End of the day" rather than "start of
 * the next working day" because that is what providers read in the e-mail
 * ("uiterlijk woensdag 2 december om 23:59") and the reminder then goes out
 * the next morning, not on a Saturday.
 *
 * Working days are Monday to Friday except Dutch public holidays. Holidays
 * come from the maintained `date-holidays` library (type "public":
 * Nieuwjaarsdag, Tweede paasdag, Koningsdag — 26 April when the 27th is a
 * Sunday —, Hemelvaartsdag, Tweede pinksterdag, both Christmas days; Easter
 * and Whit Sunday fall on Sundays anyway). The library types Bevrijdingsdag
 * (5 May) as "school", because most collective agreements give it off only
 * every five years; we still treat it as a holiday every year, because the
 * Algemene termijnenwet (art. 3), the Dutch law on statutory deadlines, lists
 * 5 May among the days a deadline does not end on. Goede Vrijdag is not in
 * that law and stays a working day.
 */

const TIME_ZONE = "Europe/Amsterdam";

/** A calendar day in Amsterdam; month 1–12. */
export type CalendarDay = { year: number; month: number; day: number };

const holidays = new Holidays("NL");
const holidaysByYear = new Map<number, Set<string>>();

function dayKey({ year, month, day }: CalendarDay): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function holidayKeys(year: number): Set<string> {
  let keys = holidaysByYear.get(year);
  if (!keys) {
    keys = new Set(
      holidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        // `date` is the local calendar date: "2026-04-27 00:00:00".
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    keys.add(dayKey({ year, month: 5, day: 5 }));
    holidaysByYear.set(year, keys);
  }
  return keys;
}

/** The name of the holiday on this day, or null (for tests and explanations). */
export function holidayName(day: CalendarDay): string | null {
  if (!holidayKeys(day.year).has(dayKey(day))) return null;
  const found = holidays.getHolidays(day.year).find((h) => h.date.startsWith(dayKey(day)));
  return found?.name ?? null;
}

/** 0 = Sunday … 6 = Saturday, for a calendar day (no time zone involved). */
function weekday({ year, month, day }: CalendarDay): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWorkingDay(day: CalendarDay): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6 && !holidayKeys(day.year).has(dayKey(day));
}

function nextDay({ year, month, day }: CalendarDay): CalendarDay {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const amsterdamParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** The date and time on the clock in the Netherlands at this instant. */
export function wallClock(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(amsterdamParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The Amsterdam calendar day an instant falls on. */
export function amsterdamDay(instant: Date): CalendarDay {
  const { year, month, day } = wallClock(instant);
  return { year, month, day };
}

/** Amsterdam's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function offsetMs(instant: Date): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * 00:00 Amsterdam time on a calendar day. Midnight always exists and is
 * unique there: the clocks change at 02:00/03:00, never around midnight.
 */
export function startOfAmsterdamDay(day: CalendarDay): Date {
  const utcMidnight = Date.UTC(day.year, day.month - 1, day.day);
  // The offset at the guess equals the offset at the answer, since no change happens near midnight.
  const guess = utcMidnight - offsetMs(new Date(utcMidnight));
  return new Date(utcMidnight - offsetMs(new Date(guess)));
}

/** The n-th working day after a calendar day (the day itself does not count); n ≥ 1. */
export function workingDayAfter(day: CalendarDay, n: number): CalendarDay {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number of at least 1, got ${n}`);
  let current = day;
  let counted = 0;
  while (counted < n) {
    current = nextDay(current);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

/**
 * The end (23:59:59.999 Amsterdam time) of the n-th working day after the
 * Amsterdam calendar day on which `instant` falls. See the rule above.
 */
export function addWorkingDays(instant: Date, n: number): Date {
  const due = workingDayAfter(amsterdamDay(instant), n);
  return new Date(startOfAmsterdamDay(nextDay(due)).getTime() - 1);
}

/** When a provider must have acted on a contact request made at `createdAt`: two working days. */
export function contactDeadline(createdAt: Date): Date {
  return addWorkingDays(createdAt, 2);
}

const deadlineParts = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * `dinsdag 1 december om 23:59`, Amsterdam time, for pages and e-mails.
 * Without the year: a deadline is never more than a week or two away.
 */
export function formatDeadline(date: Date | string): string {
  const instant = typeof date === "string" ? new Date(date) : date;
  const parts = Object.fromEntries(deadlineParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} om ${parts.hour}:${parts.minute}`;
}

const dayParts = new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long" });

/**
 * `dinsdag 8 december`: the Amsterdam day a deadline falls on, as a customer
 * hears it from the office. A deadline is the end of its day, so the clock
 * time would only add a "23:59" nobody says out loud.
 */
export function formatDueDay(date: Date | string): string {
  const instant = typeof date === "string" ? new Date(date) : date;
  const parts = Object.fromEntries(dayParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month}`;
}
