/**
 * Birth dates are calendar dates (`1962-09-07`), not instants, so they are
 * kept as ISO strings and compared field by field; no time zone can move them.
 */

export const MONTHS = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
] as const;

// What people write for a month besides its full name; `sept` and `okt` are the Dutch habits.
const MONTH_ALIASES: Record<string, number> = {
  jan: 1, feb: 2, mrt: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
};

export type CalendarDate = { year: number; month: number; day: number };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const WRITTEN = /^(\d{1,2})\.?\s+([a-z]+)\.?\s+(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toIso({ year, month, day }: CalendarDate): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function monthNumber(word: string): number | null {
  const full = MONTHS.indexOf(word as (typeof MONTHS)[number]);
  if (full >= 0) return full + 1;
  return MONTH_ALIASES[word] ?? null;
}

function readIso(iso: string): CalendarDate | null {
  const match = ISO.exec(iso);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : null;
}

/**
 * `7-9-1962`, `07-09-1962`, `7/9/1962`, `7 september 1962`, `7 sept. 1962`
 * and `1962-09-07` (what `<input type="date">` posts) → `1962-09-07`.
 * Numeric dates are day first, as in the Netherlands. Two-digit years are
 * refused: `62` could be 1962 or 2062. Dates that do not exist
 * (`31-02-1990`) → null.
 */
export function parseDutchDate(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const iso = readIso(text);
  if (iso) return toIso(iso);

  let date: CalendarDate | null = null;
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    date = { day: Number(numeric[1]), month: Number(numeric[2]), year: Number(numeric[3]) };
  }
  const written = WRITTEN.exec(text);
  if (written) {
    const month = monthNumber(written[2]!);
    if (month !== null) date = { day: Number(written[1]), month, year: Number(written[3]) };
  }
  return date && isRealDate(date) ? toIso(date) : null;
}

/**
 * `1962-09-07` → `7 september 1962`: the one way a date is shown, on pages
 * and in e-mails. Throws on a value that is not a stored ISO date.
 */
export function formatDutchDate(iso: string): string {
  const date = readIso(iso);
  if (!date) throw new RangeError(`Not an ISO calendar date: ${iso}`);
  return writtenDate(date);
}

function writtenDate({ year, month, day }: CalendarDate): string {
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** `1962-09-07` → `07-09-1962`, to put a stored date back into a text input. */
export function formatDutchDateInput(iso: string): string {
  const date = readIso(iso);
  if (!date) throw new RangeError(`Not an ISO calendar date: ${iso}`);
  return `${String(date.day).padStart(2, "0")}-${String(date.month).padStart(2, "0")}-${date.year}`;
}

const amsterdamDate = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** The date it is in the Netherlands at that instant: 23:30 UTC on 6 September is already 7 September there. */
export function amsterdamCalendarDate(instant: Date): CalendarDate {
  const parts = Object.fromEntries(amsterdamDate.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** The day of an instant as `formatDutchDate` writes it: `2026-03-04T23:30:00Z` → `5 maart 2026`, the day it was in the Netherlands. */
export function formatDutchDay(instant: Date | string): string {
  return writtenDate(amsterdamCalendarDate(typeof instant === "string" ? new Date(instant) : instant));
}

/**
 * Completed years on the Dutch calendar date of `today`. Someone born on
 * 29 February has their birthday on 1 March in years without one: on
 * 28 February they are still the younger age. Throws on an invalid birth date.
 */
export function ageOn(birthDate: string, today: Date): number {
  const birth = readIso(birthDate);
  if (!birth) throw new RangeError(`Not an ISO calendar date: ${birthDate}`);
  const now = amsterdamCalendarDate(today);
  const hadBirthday = now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthday ? 0 : 1);
}

export const ADULT_AGE = 18;

export function isAdult(birthDate: string, today: Date): boolean {
  return ageOn(birthDate, today) >= ADULT_AGE;
}
