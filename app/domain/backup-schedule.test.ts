import { describe, expect, it } from "vitest";
import { backupWarning, formatBytes, nextBackupAt, parseBackupSchedule, previousBackupAt } from "./backup-schedule";

describe("backup schedule", () => {
  it("reads a daily time or off, and nothing else", () => {
    expect(parseBackupSchedule("03:30")).toEqual({ kind: "daily", hour: 3, minute: 30 });
    expect(parseBackupSchedule("3:05")).toEqual({ kind: "daily", hour: 3, minute: 5 });
    expect(parseBackupSchedule("OFF")).toEqual({ kind: "off" });
    for (const wrong of ["24:00", "03:60", "3.30", "daily", "", "03:30,15:00"]) expect(parseBackupSchedule(wrong)).toBeNull();
  });

  it("finds the next 03:30 on the Amsterdam clock, in summer and in winter time", () => {
    const at = { hour: 3, minute: 30 };
    expect(nextBackupAt(at, new Date("2026-06-17T00:00:00Z")).toISOString()).toBe("2026-06-17T01:30:00.000Z");
    expect(nextBackupAt(at, new Date("2026-06-17T01:30:00Z")).toISOString()).toBe("2026-06-18T01:30:00.000Z");
    expect(nextBackupAt(at, new Date("2026-01-10T12:00:00Z")).toISOString()).toBe("2026-01-11T02:30:00.000Z");
    // 23:30 Amsterdam on 31 December is 22:30 UTC the same day.
    expect(nextBackupAt({ hour: 23, minute: 30 }, new Date("2026-12-31T22:00:00Z")).toISOString()).toBe("2026-12-31T22:30:00.000Z");
  });

  it("steps over the nights the clocks change", () => {
    const at = { hour: 3, minute: 30 };
    // Sunday 29 March 2026: 02:00 becomes 03:00, so 03:30 is 01:30 UTC.
    expect(nextBackupAt(at, new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Sunday 25 October 2026: 03:00 becomes 02:00, so 03:30 is 02:30 UTC.
    expect(nextBackupAt(at, new Date("2026-10-24T12:00:00Z")).toISOString()).toBe("2026-10-25T02:30:00.000Z");
    // 02:30 does not exist on 29 March: it comes an hour later.
    expect(nextBackupAt({ hour: 2, minute: 30 }, new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("finds the latest scheduled moment that has passed", () => {
    const at = { hour: 3, minute: 30 };
    expect(previousBackupAt(at, new Date("2026-06-17T01:30:00Z")).toISOString()).toBe("2026-06-17T01:30:00.000Z");
    expect(previousBackupAt(at, new Date("2026-06-17T01:29:00Z")).toISOString()).toBe("2026-06-16T01:30:00.000Z");
  });

  it("warns without a good backup, or when the last good one is more than two days old", () => {
    const now = new Date("2026-06-17T12:00:00Z");
    expect(backupWarning(null, now)).toBe("none-yet");
    expect(backupWarning(new Date("2026-06-15T12:00:00Z"), now)).toBeNull();
    expect(backupWarning(new Date("2026-06-15T11:59:00Z"), now)).toBe("stale");
  });

  it("writes sizes the Dutch way", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(12_345_678)).toBe("12,3 MB");
    expect(formatBytes(850_000)).toBe("850,0 kB");
    expect(formatBytes(999_990)).toBe("1,0 MB");
    expect(formatBytes(2_100_000_000)).toBe("2,1 GB");
  });
});
