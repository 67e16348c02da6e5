/**
 * Which backups to keep: the newest of each of the last `days` calendar days
 * and the newest of each of the last `weeks` ISO weeks, in Amsterdam time
 * (a backup at 00:30 belongs to the day the staff see on the clock). The
 * newest backup of all is always kept, so a long outage of the schedule
 * never leaves zero backups, and so is anything dated after `now` (a clock
 * that jumped back is no reason to delete).
 */
import { amsterdamDate } from "./dashboard-stats";

export type RetentionRule = { days: number; weeks: number };

export const DEFAULT_RETENTION = "14d,8w";

const PART = /^(\d{1,4})([dw])$/;

/**
 * `14d,8w` → 14 days and 8 weeks; `30d` or `12w` alone are fine too.
 * Returns an English explanation instead when the text is not a rule.
 */
export function parseRetention(text: string): RetentionRule | { error: string } {
  const rule: RetentionRule = { days: 0, weeks: 0 };
  const seen = new Set<string>();
  for (const part of text.split(",").map((p) => p.trim().toLowerCase())) {
    const match = PART.exec(part);
    if (!match || seen.has(match[2]!)) return { error: `must look like "14d,8w" (daily and weekly backups to keep), got "${text}"` };
    seen.add(match[2]!);
    if (match[2] === "d") rule.days = Number(match[1]);
    else rule.weeks = Number(match[1]);
  }
  if (rule.days + rule.weeks === 0) return { error: "must keep at least one backup (e.g. 14d,8w)" };
  return rule;
}

/** `2026-W05`: the ISO week (Monday to Sunday; week 1 holds the year's first Thursday) of a calendar day. */
export function isoWeek(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date));
  const weekday = utc.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  const thursday = new Date(utc.getTime() + (4 - weekday) * 86_400_000);
  const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - firstOfYear) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function calendarDaysBack(today: string, n: number): string {
  const [year, month, date] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - n)).toISOString().slice(0, 10);
}

export type DatedBackup = { name: string; createdAt: Date };

/** The names of the backups the rule lets go; everything else is kept. */
export function backupsToRemove(backups: DatedBackup[], rule: RetentionRule, now: Date): string[] {
  if (backups.length === 0) return [];
  const today = amsterdamDate(now);
  const keptDays = new Set(Array.from({ length: rule.days }, (_, i) => calendarDaysBack(today, i)));
  const keptWeeks = new Set(Array.from({ length: rule.weeks }, (_, i) => isoWeek(calendarDaysBack(today, 7 * i))));

  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<string>([newestFirst[0]!.name]);
  const dayTaken = new Set<string>();
  const weekTaken = new Set<string>();
  for (const backup of newestFirst) {
    if (backup.createdAt.getTime() > now.getTime()) {
      keep.add(backup.name);
      continue;
    }
    const day = amsterdamDate(backup.createdAt);
    const week = isoWeek(day);
    if (keptDays.has(day) && !dayTaken.has(day)) {
      dayTaken.add(day);
      keep.add(backup.name);
    }
    if (keptWeeks.has(week) && !weekTaken.has(week)) {
      weekTaken.add(week);
      keep.add(backup.name);
    }
  }
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
