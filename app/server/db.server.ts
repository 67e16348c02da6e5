import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type MigrationResult, type SqliteDatabase } from "kysely";
import { migrations } from "#db/migrations/index";
import type { DB } from "#db/schema";

export type Db = Kysely<DB>;

export type AppDatabase = {
  /** The typed query builder used by all server modules. */
  db: Db;
  /** The raw connection, for pragmas, backups and the health check. */
  sqlite: Database.Database;
  file: string;
  close: () => Promise<void>;
};

/**
 * Opens the SQLite file with the pragmas the whole app relies on: WAL so that
 * readers never wait for the writer, foreign keys on, a busy timeout instead
 * of SQLITE_BUSY errors, and synchronous=NORMAL (safe with WAL, much faster).
 */
export function openDatabase(file: string): AppDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    sqlite,
    file,
    // Kysely's destroy closes the better-sqlite3 handle too.
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query anew, and preparing was the largest single
 * cost of a search page under load. Queries carry their values as
 * parameters, so the same texts come back: the last 500 statements are kept
 * by their SQL. Safe because Kysely runs each statement to the end at once
 * (all or run); a streamed query (`.stream()`, an open iterator) could not
 * share its statement, and the app has none.
 */
function withStatementCache(sqlite: Database.Database, kept = 500): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the oldest is the one to let go.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= kept) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

export function migrator(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Brings the schema to the newest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResult[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return results ?? [];
}

const globalKey = Symbol.for("vivium.database");
type GlobalWithDatabase = typeof globalThis & { [globalKey]?: AppDatabase };

/**
 * The one connection of this process. server.ts opens it before the Remix
 * build is loaded; the build has its own copy of this module, so the handle
 * lives on globalThis to make both copies share it.
 */
export function openSharedDatabase(file: string): AppDatabase {
  const g = globalThis as GlobalWithDatabase;
  g[globalKey] ??= openDatabase(file);
  return g[globalKey];
}

export function database(): AppDatabase {
  const current = (globalThis as GlobalWithDatabase)[globalKey];
  if (!current) throw new Error("The database is not open yet: server.ts opens it at start-up.");
  return current;
}

export function forgetDatabase(): void {
  delete (globalThis as GlobalWithDatabase)[globalKey];
}
