import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "#db/migrations/index";
import { migrateToLatest, migrator, openDatabase, type AppDatabase } from "~/server/db.server";

const opened: Array<{ database: AppDatabase; dir: string }> = [];
function freshDatabase(): AppDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-migrate-"));
  const database = openDatabase(path.join(dir, "db.sqlite"));
  opened.push({ database, dir });
  return database;
}
afterEach(async () => {
  for (const { database, dir } of opened.splice(0)) {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("database", () => {
  it("opens with WAL, foreign keys, a busy timeout and synchronous=NORMAL", () => {
    const { sqlite } = freshDatabase();
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(1);
  });

  it("applies every migration to an empty database", async () => {
    const { db, sqlite } = freshDatabase();
    const results = await migrateToLatest(db);
    expect(results.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
    expect(results.every((r) => r.status === "Success")).toBe(true);
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["providers", "pc4_areas", "provider_coverage_box"]));
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    // A second run finds nothing to do.
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("applies the newest migration to a database at the previous version with data in it", async () => {
    const { db, sqlite } = freshDatabase();
    const names = Object.keys(migrations);
    const previous = names[names.length - 2];
    if (!previous) return; // Only one migration: nothing to upgrade from.
    const { error } = await migrator(db).migrateTo(previous);
    expect(error).toBeUndefined();
    // Data as an older version would have written it.
    await sql`INSERT INTO places (id, name, name_folded, lat, lon, area_count) VALUES (1, 'Woerden', 'woerden', 52.03, 4.87, 1)`.execute(db);
    await sql`INSERT INTO pc4_areas (pc4, place_id, lat, lon, has_addresses) VALUES (3447, 1, 52.08, 4.89, 1)`.execute(db);
    await sql`INSERT INTO categories (slug, name, position, created_at) VALUES ('computerhulp', 'Computerhulp', 0, '2026-01-01T00:00:00Z')`.execute(db);
    await sql`INSERT INTO providers (email, first_name, created_at, updated_at) VALUES ('a@example.nl', 'Bert', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(db);

    const results = await migrateToLatest(db);
    expect(results.map((r) => r.status)).toEqual(names.slice(names.indexOf(previous) + 1).map(() => "Success"));
    expect(sqlite.prepare("SELECT first_name FROM providers").all()).toEqual([{ first_name: "Bert" }]);
    expect(sqlite.prepare("SELECT name FROM places").all()).toEqual([{ name: "Woerden" }]);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("treats e-mail addresses as one login name regardless of case", async () => {
    const { db } = freshDatabase();
    await migrateToLatest(db);
    const row = { first_name: "Bert", created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" };
    await db.insertInto("providers").values({ ...row, email: "Bert@Example.nl" }).execute();
    await expect(db.insertInto("providers").values({ ...row, email: "bert@example.NL" }).execute()).rejects.toThrow(/UNIQUE/);
  });
});
