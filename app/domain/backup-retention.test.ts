import { describe, expect, it } from "vitest";
import { backupsToRemove, isoWeek, parseRetention, type DatedBackup } from "./backup-retention";

/** One backup a day at 03:30 Amsterdam (01:30 UTC in summer) for `count` days up to and including `last`. */
function daily(last: string, count: number): DatedBackup[] {
  const end = Date.parse(`${last}T01:30:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(end - i * 86_400_000);
    return { name: `vivium-${createdAt.toISOString()}`, createdAt };
  });
}

describe("backup retention", () => {
  it("reads 14d,8w and its parts, and explains a wrong value", () => {
    expect(parseRetention("14d,8w")).toEqual({ days: 14, weeks: 8 });
    expect(parseRetention(" 30d ")).toEqual({ days: 30, weeks: 0 });
    expect(parseRetention("12w")).toEqual({ days: 0, weeks: 12 });
    expect(parseRetention("14")).toHaveProperty("error");
    expect(parseRetention("14d,2d")).toHaveProperty("error");
    expect(parseRetention("0d,0w")).toEqual({ error: "must keep at least one backup (e.g. 14d,8w)" });
  });

  it("numbers ISO weeks across the turn of a year", () => {
    expect(isoWeek("2026-01-01")).toBe("2026-W01");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2026-06-14")).toBe("2026-W24");
  });

  it("keeps the newest of each of the last 14 days and of each of the last 8 weeks, and lets the rest go", () => {
    // 100 daily backups ending Wednesday 17 June 2026.
    const backups = daily("2026-06-17", 100);
    const now = new Date("2026-06-17T12:00:00Z");
    const removed = new Set(backupsToRemove(backups, { days: 14, weeks: 8 }, now));
    const kept = backups.filter((b) => !removed.has(b.name)).map((b) => b.createdAt.toISOString().slice(0, 10));
    // 14 days: 4 to 17 June. Then the newest (the Sunday) of each earlier week, for 8 weeks from this one.
    expect(kept).toEqual([
      ...Array.from({ length: 14 }, (_, i) => `2026-06-${String(17 - i).padStart(2, "0")}`),
      "2026-05-31",
      "2026-05-24",
      "2026-05-17",
      "2026-05-10",
      "2026-05-03",
    ]);
    expect(removed.size).toBe(100 - 19);
  });

  it("keeps only the newest of several backups on one day", () => {
    const at = (iso: string) => ({ name: iso, createdAt: new Date(iso) });
    const backups = [at("2026-06-17T01:30:00Z"), at("2026-06-17T09:00:00Z"), at("2026-06-16T01:30:00Z")];
    expect(backupsToRemove(backups, { days: 2, weeks: 0 }, new Date("2026-06-17T10:00:00Z"))).toEqual(["2026-06-17T01:30:00Z"]);
  });

  it("counts days on the Amsterdam clock: 00:30 there is still the previous day in UTC", () => {
    const backups = [
      { name: "late", createdAt: new Date("2026-06-16T22:30:00Z") }, // 17 June 00:30 in Amsterdam
      { name: "early", createdAt: new Date("2026-06-16T05:00:00Z") },
    ];
    expect(backupsToRemove(backups, { days: 2, weeks: 0 }, new Date("2026-06-17T10:00:00Z"))).toEqual([]);
  });

  it("never removes the newest backup, however old, nor one dated after now", () => {
    const old = { name: "old", createdAt: new Date("2025-01-01T00:00:00Z") };
    const older = { name: "older", createdAt: new Date("2024-12-01T00:00:00Z") };
    const future = { name: "future", createdAt: new Date("2026-07-01T00:00:00Z") };
    expect(backupsToRemove([older, old], { days: 14, weeks: 8 }, new Date("2026-06-17T00:00:00Z"))).toEqual(["older"]);
    expect(backupsToRemove([future, old], { days: 1, weeks: 0 }, new Date("2026-06-17T00:00:00Z"))).toEqual(["old"]);
    expect(backupsToRemove([], { days: 1, weeks: 0 }, new Date())).toEqual([]);
  });
});
