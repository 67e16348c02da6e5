/**
 * When the server makes its backups: once a day at a fixed time on the
 * clock in the Netherlands (`BACKUP_SCHEDULE=03:30`), or never (`off`).
 * And when staff should be warned that backups are not happening.
 */
import { wallClock } from "./working-days";

export type BackupSchedule = { kind: "off" } | { kind: "daily"; hour: number; minute: number };

export const DEFAULT_BACKUP_SCHEDULE = "03:30";

/** A last good backup older than this gets a warning on the staff page. */
export const BACKUP_STALE_MS = 2 * 24 * 3_600_000;

/** `03:30` or `3:30` daily, `off` for none; null for anything else. */
export function parseBackupSchedule(text: string): BackupSchedule | null {
  const value = text.trim().toLowerCase();
  if (value === "off") return { kind: "off" };
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { kind: "daily", hour, minute };
}

/** The Dutch wall-clock time of an instant, written as if it were UTC (for arithmetic on clock times). */
function wallClockAsUtc(instant: number): number {
  const p = wallClock(new Date(instant));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/**
 * The instant the Amsterdam clock shows `hour:minute` on a calendar day.
 * Times inside the spring-forward gap (02:00–03:00 on one Sunday in March)
 * come out an hour later, which is what a person setting the clock expects.
 */
function amsterdamInstant(year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - (wallClockAsUtc(wall) - wall);
  return wall - (wallClockAsUtc(first) - first);
}

function amsterdamCalendarDay(instant: number): [number, number, number] {
  const wall = new Date(wallClockAsUtc(instant));
  return [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
}

/** The first scheduled moment strictly after `after`. */
export function nextBackupAt(schedule: { hour: number; minute: number }, after: Date): Date {
  const [year, month, day] = amsterdamCalendarDay(after.getTime());
  // Today, tomorrow, or (around a clock change) the day after.
  for (let add = 0; add < 3; add++) {
    const at = amsterdamInstant(year, month, day + add, schedule.hour, schedule.minute);
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error("unreachable: a daily time always comes within three days");
}

/** The latest scheduled moment at or before `atOrBefore`. */
export function previousBackupAt(schedule: { hour: number; minute: number }, atOrBefore: Date): Date {
  const [year, month, day] = amsterdamCalendarDay(atOrBefore.getTime());
  for (let back = 0; back < 3; back++) {
    const at = amsterdamInstant(year, month, day - back, schedule.hour, schedule.minute);
    if (at <= atOrBefore.getTime()) return new Date(at);
  }
  throw new Error("unreachable: a daily time always came within three days");
}

export type BackupWarning = "none-yet" | "stale" | null;

/** What the staff page warns about: no good backup at all, or the last good one older than two days. */
export function backupWarning(lastGoodAt: Date | null, now: Date): BackupWarning {
  if (lastGoodAt === null) return "none-yet";
  return now.getTime() - lastGoodAt.getTime() > BACKUP_STALE_MS ? "stale" : null;
}

const sizeFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** `12,3 MB`, `850,0 kB`, `2,1 GB` (powers of 1000, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${sizeFormat.format(value)} ${units[unit]}`;
}
