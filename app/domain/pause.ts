import { z } from "zod";
import { amsterdamCalendarDate, formatDutchDate, parseDutchDate } from "./age";

/**
 * "Tijdelijk niet beschikbaar": a provider's own pause. While paused they
 * are left out of search and the category pages, their profile stays
 * reachable and says so, and contact requests are refused.
 *
 * A pause has an optional last day. It is stored as the instant the pause
 * ends (`paused_until`: 00:00 Amsterdam time the day after the last day), so
 * a query ends it by comparing with the current time; no job has to run.
 */

/** The two columns on `providers`, as a row selected with them has them. */
export type PauseColumns = { paused_at: string | null; paused_until: string | null };

export function isPaused(provider: PauseColumns, now: Date): boolean {
  if (provider.paused_at === null) return false;
  return provider.paused_until === null || provider.paused_until > now.toISOString();
}

const isoOf = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** `2026-12-15`, 1 → `2026-12-16`. */
function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The instant a pause "tot en met `lastDay`" ends: midnight in Amsterdam at
 * the start of the next day, as a UTC ISO string. Midnight is 22:00 UTC in
 * summer time and 23:00 UTC in winter time (the clocks never change near it).
 */
export function pauseEndsAt(lastDay: string): string {
  const next = addDays(lastDay, 1);
  const [year, month, day] = next.split("-").map(Number) as [number, number, number];
  const summer = new Date(Date.UTC(year, month - 1, day) - 2 * 3_600_000);
  const end = isoOf(amsterdamCalendarDate(summer)) === next ? summer : new Date(summer.getTime() + 3_600_000);
  return end.toISOString();
}

/** The last day of a pause, `2026-12-15`, from the stored end instant. */
export function lastPausedDay(pausedUntil: string): string {
  return isoOf(amsterdamCalendarDate(new Date(Date.parse(pausedUntil) - 1)));
}

/** "tot en met 15 december 2026", or "" for a pause without an end. */
export function pauseEndText(pausedUntil: string | null): string {
  return pausedUntil === null ? "" : `tot en met ${formatDutchDate(lastPausedDay(pausedUntil))}`;
}

/** A pause can be planned at most this far ahead; longer is better done by asking us to take the profile offline. */
export const MAX_PAUSE_DAYS = 365;

export const pauseLabels = { until: "Tot en met welke dag bent u niet beschikbaar? (optioneel)" };

/** The pause form: an optional last day, today or later, at most a year ahead. */
export function pauseSchema(now: Date) {
  const today = isoOf(amsterdamCalendarDate(now));
  const latest = addDays(today, MAX_PAUSE_DAYS);
  return z.object({
    until: z
      .string()
      .trim()
      .max(40, "Vul een datum in, bijvoorbeeld 15-12-2026")
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const iso = parseDutchDate(value);
        if (!iso) {
          ctx.addIssue({ code: "custom", message: "Deze datum klopt niet. Schrijf de datum als dag-maand-jaar, bijvoorbeeld 15-12-2026" });
          return z.NEVER;
        }
        if (iso < today) {
          ctx.addIssue({ code: "custom", message: "Deze datum is al voorbij. Kies vandaag of een dag in de toekomst, of laat het veld leeg" });
          return z.NEVER;
        }
        if (iso > latest) {
          ctx.addIssue({ code: "custom", message: `Kies een dag binnen een jaar, uiterlijk ${formatDutchDate(latest)}` });
          return z.NEVER;
        }
        return iso;
      }),
  });
}
