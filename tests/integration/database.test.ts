import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { sql, type Migration } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "#db/migrations/index";
import { backupDirName, createBackup, listBackups } from "~/server/backup.server";
import { loadConfig } from "~/server/config.server";
import { migrateToLatest, migrator, openDatabase, SchemaTooNewError, type AppDatabase } from "~/server/db.server";
import { migrateWithBackup } from "~/server/migrate.server";
import { prepareDatabase } from "~/server/startup.server";

const run = promisify(execFile);

const opened: Array<{ database: AppDatabase; dir: string }> = [];
function freshDatabase(file = "db.sqlite"): AppDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-migrate-"));
  const database = openDatabase(path.join(dir, file));
  opened.push({ database, dir });
  return database;
}
const cleanupsAfter: Array<() => void> = [];
afterEach(async () => {
  for (const { database, dir } of opened.splice(0)) {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const cleanup of cleanupsAfter.splice(0)) cleanup();
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

  it("keeps every statement of the schema shallow enough for a stock sqlite3 to read the file", async () => {
    const { db, sqlite } = freshDatabase();
    await migrateToLatest(db);
    // Debian's sqlite3 3.40 refused a trigger with some 90 nested replace() calls ("parser stack overflow").
    const depth = (text: string) => {
      let deepest = 0;
      let open = 0;
      for (const char of text.replace(/'[^']*'/g, "''")) {
        if (char === "(") deepest = Math.max(deepest, ++open);
        if (char === ")") open--;
      }
      return deepest;
    };
    const statements = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
    const deepest = statements.map((s) => ({ name: s.name, depth: depth(s.sql) })).sort((a, b) => b.depth - a.depth)[0]!;
    expect(deepest.depth, deepest.name).toBeLessThanOrEqual(24);
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
    await sql`INSERT INTO providers (email, first_name, last_name, status, created_at, updated_at) VALUES ('e@example.nl', 'Éva', 'Çelik', 'live', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(db);

    const results = await migrateToLatest(db);
    expect(results.map((r) => r.status)).toEqual(names.slice(names.indexOf(previous) + 1).map(() => "Success"));
    expect(sqlite.prepare("SELECT first_name FROM providers ORDER BY id").all()).toEqual([{ first_name: "Bert" }, { first_name: "Éva" }]);
    // Search orders by the folded names of the live providers.
    expect(sqlite.prepare("SELECT name_key FROM provider_search_names").all()).toEqual([{ name_key: "eva celik" }]);
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

/** Everything that makes up the schema and the rows of the tables people fill, to compare before and after. */
function snapshot(sqlite: Database.Database) {
  return {
    schema: sqlite.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").all(),
    providers: sqlite.prepare("SELECT * FROM providers ORDER BY id").all(),
    categories: sqlite.prepare("SELECT * FROM categories ORDER BY id").all(),
    migrations: sqlite.prepare("SELECT name FROM kysely_migration ORDER BY name").pluck().all(),
  };
}

const previousName = () => Object.keys(migrations).at(-2)!;

async function atPreviousVersionWithData(database: AppDatabase): Promise<void> {
  const { error } = await migrator(database.db).migrateTo(previousName());
  expect(error).toBeUndefined();
  await sql`INSERT INTO categories (slug, name, position, created_at) VALUES ('computerhulp', 'Computerhulp', 0, '2026-01-01T00:00:00Z')`.execute(database.db);
  await sql`INSERT INTO providers (email, first_name, created_at, updated_at) VALUES ('a@example.nl', 'Bert', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(database.db);
}

describe("a migration that fails", () => {
  // Creates a table, changes data and the schema of an existing table, adds an index, then fails.
  const failing: Migration = {
    async up(db) {
      await db.schema.createTable("half_done").addColumn("id", "integer", (c) => c.primaryKey()).execute();
      await sql`INSERT INTO half_done (id) VALUES (1)`.execute(db);
      await sql`UPDATE providers SET first_name = 'Overwritten'`.execute(db);
      await sql`DELETE FROM categories`.execute(db);
      await db.schema.alterTable("providers").addColumn("half_done_note", "text").execute();
      await sql`CREATE INDEX providers_half_done ON providers (half_done_note)`.execute(db);
      throw new Error("the data did not look as this migration expected");
    },
  };

  it("leaves the schema and the data as they were, together with the real migration pending before it, and is not recorded", async () => {
    const database = freshDatabase();
    await atPreviousVersionWithData(database);
    const before = snapshot(database.sqlite);
    const newest = Object.keys(migrations).at(-1)!;

    const attempt = migrateToLatest(database.db, { known: { ...migrations, "9999_fails": failing } });
    await expect(attempt).rejects.toThrow("Database migration 9999_fails failed, and no migration of this run was applied: Error: the data did not look as this migration expected");

    const after = snapshot(database.sqlite);
    expect(after).toEqual(before);
    // The real pending migration ran first in the same transaction, and was rolled back with the failing one.
    expect(after.migrations).not.toContain(newest);
    expect(after.migrations).not.toContain("9999_fails");
    expect(database.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(database.sqlite.inTransaction).toBe(false);

    // Without the broken migration, the same database upgrades normally afterwards.
    expect((await migrateToLatest(database.db)).map((r) => r.migrationName)).toEqual([newest]);
  });
});

describe("a database from a newer version of the app", () => {
  async function migratedByTheFuture(): Promise<{ database: AppDatabase; dataDir: string }> {
    const database = freshDatabase("vivium.sqlite");
    await migrateToLatest(database.db);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0099_from_the_future', '2027-01-01T00:00:00.000Z')`.execute(database.db);
    return { database, dataDir: path.dirname(database.file) };
  }

  it("is refused before anything changes, naming the unknown migration and the backup to restore", async () => {
    const { database, dataDir } = await migratedByTheFuture();
    const backupDir = path.join(dataDir, "backups");
    const made = path.join(backupDir, backupDirName(new Date("2026-12-31T23:00:00Z"), "before-0099_from_the_future"));
    await createBackup({ databaseFile: database.file, uploadsDir: path.join(dataDir, "uploads"), target: made });
    // A newer regular backup exists too, but it already has the newer schema: the pre-upgrade one is the one to name.
    await createBackup({ databaseFile: database.file, uploadsDir: path.join(dataDir, "uploads"), target: path.join(backupDir, backupDirName(new Date("2027-01-02T01:30:00Z"))) });
    const before = snapshot(database.sqlite);

    await expect(migrateToLatest(database.db)).rejects.toThrow(SchemaTooNewError);
    const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, DEMO_DATA: "false" });
    const refusal = await prepareDatabase(database, config, () => undefined).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SchemaTooNewError);
    expect((refusal as Error).message).toContain("migration(s) this version of Vivium Services does not know: 0099_from_the_future");
    expect((refusal as Error).message).toContain(`npm run restore -- ${made} --force`);
    expect(snapshot(database.sqlite)).toEqual(before);
  });

  it("stops the server and `npm run migrate` with exit code 1 and the message", async () => {
    const { database, dataDir } = await migratedByTheFuture();
    await database.close();
    opened.splice(opened.findIndex((o) => o.database === database), 1);
    cleanupsAfter.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", DATA_DIR: dataDir, PORT: "0", MOLLIE_GATEWAY_PORT: "0", MOLLIE_CHECKOUT_PORT: "0", DEMO_DATA: "false" };

    for (const script of ["server.ts", "scripts/migrate.ts"]) {
      const result = await run(process.execPath, ["--import", "tsx", script], { env, timeout: 60_000 }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect(result, script).toMatchObject({ code: 1 });
      const { stderr } = result as { stderr: string };
      expect(stderr, script).toContain("does not know: 0099_from_the_future");
      expect(stderr, script).toContain(`No backup was found in ${path.join(dataDir, "backups")}`);
      // Our message, not a stack trace or Kysely's "corrupted migrations".
      expect(stderr, script).not.toMatch(/corrupted migrations|\n\s+at /);
    }
  }, 120_000);
});

describe("upgrading a database with data in it", () => {
  it("makes a backup before the first pending migration, and none for a new database", async () => {
    const fresh = freshDatabase();
    const freshBackups = path.join(path.dirname(fresh.file), "backups");
    const logged: string[] = [];
    await migrateWithBackup(fresh, { backupDir: freshBackups, uploadsDir: path.join(path.dirname(fresh.file), "uploads") }, (m) => logged.push(m));
    expect(fs.existsSync(freshBackups)).toBe(false);
    expect(logged).toEqual([]);
    // Up to date: nothing pending, no backup either.
    await migrateWithBackup(fresh, { backupDir: freshBackups, uploadsDir: path.join(path.dirname(fresh.file), "uploads") }, (m) => logged.push(m));
    expect(fs.existsSync(freshBackups)).toBe(false);

    const database = freshDatabase();
    await atPreviousVersionWithData(database);
    const backupDir = path.join(path.dirname(database.file), "backups");
    const newest = Object.keys(migrations).at(-1)!;
    const now = new Date("2026-06-17T08:00:00Z");
    const results = await migrateWithBackup(database, { backupDir, uploadsDir: path.join(path.dirname(database.file), "uploads"), now: () => now }, (m) => logged.push(m));
    expect(results.map((r) => r.migrationName)).toEqual([newest]);

    const [backup] = listBackups(backupDir);
    expect(backup).toMatchObject({ name: `vivium-2026-06-17T08-00-00-000Z-before-${newest}`, madeBefore: newest });
    expect(logged).toEqual([`backup before migration ${newest}: ${backup!.path}`]);
    // The copy is the database as it was before the migration, data included.
    const copy = new Database(path.join(backup!.path, "vivium.sqlite"), { readonly: true });
    try {
      expect(copy.prepare("SELECT name FROM kysely_migration ORDER BY name").pluck().all()).toEqual(Object.keys(migrations).slice(0, -1));
      expect(copy.prepare("SELECT first_name FROM providers").pluck().all()).toEqual(["Bert"]);
    } finally {
      copy.close();
    }
  });
});
