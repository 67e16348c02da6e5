import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, sql, type Migration, type MigrationResult, type SqliteDatabase } from "kysely";
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
  const db = new Kysely<DB>({ dialect: new TransactionalDdlSqliteDialect({ database: withStatementCache(sqlite) }) });
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

/**
 * SQLite can roll back CREATE, ALTER and DROP like any other change, but
 * Kysely's SqliteAdapter says it cannot (supportsTransactionalDdl = false,
 * because a migration that needs `PRAGMA foreign_keys = OFF` cannot do that
 * inside a transaction). Its Migrator then runs each migration bare, and a
 * migration that fails halfway leaves half a schema. Claiming the support
 * makes the Migrator run all pending migrations in one transaction: either
 * all of them apply, or the database stays as it was. The Migrator is the
 * only reader of this flag. A future migration that needs foreign keys off
 * must do its table rebuild with `PRAGMA defer_foreign_keys` instead.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** `known` replaces the app's list of migrations: tests add one that fails. */
export function migrator(db: Kysely<DB>, known: Record<string, Migration> = migrations): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => known } });
}

/**
 * The database was migrated by a newer version of the app: it lists
 * migrations this code does not have. Running on it could corrupt data the
 * newer code wrote, so the server and `npm run migrate` refuse to start.
 */
export class SchemaTooNewError extends Error {
  override name = "SchemaTooNewError";
  constructor(
    readonly unknownMigrations: string[],
    hint: string,
  ) {
    super(
      `The database has migration(s) this version of Vivium Services does not know: ${unknownMigrations.join(", ")}. ` +
        `It was upgraded by a newer version. Run that newer version again, or restore a backup made before the upgrade. ${hint}`,
    );
  }
}

/** Names in the migration table, oldest first; empty for a new database. */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const table = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY timestamp, name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** The migrations migrateToLatest would apply, and those applied that this code does not know. */
export async function migrationState(
  db: Kysely<DB>,
  known: Record<string, Migration> = migrations,
): Promise<{ applied: string[]; pending: string[]; unknown: string[] }> {
  const applied = await appliedMigrations(db);
  const names = Object.keys(known).sort();
  return { applied, pending: names.filter((name) => !applied.includes(name)), unknown: applied.filter((name) => !(name in known)) };
}

/**
 * Brings the schema to the newest version, all pending migrations in one
 * transaction; throws with the failing migration's name, and with
 * SchemaTooNewError (whose `hint` says where backups are) before Kysely's
 * own "corrupted migrations" message would.
 */
export async function migrateToLatest(
  db: Kysely<DB>,
  { known = migrations, tooNewHint = "" }: { known?: Record<string, Migration>; tooNewHint?: string } = {},
): Promise<MigrationResult[]> {
  const { unknown } = await migrationState(db, known);
  if (unknown.length > 0) throw new SchemaTooNewError(unknown, tooNewHint);
  const { error, results } = await migrator(db, known).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed, and no migration of this run was applied: ${String(error)}`, { cause: error });
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

const BUSY = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT"]);
const MAX_ATTEMPTS = 50;

function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && BUSY.has(String(error.code));
}

/**
 * Runs a transaction again when another connection to the file was writing
 * (a deferred transaction that read before another connection's commit
 * cannot write, and SQLite fails it at once without a busy wait).
 * The wait is asynchronous, so a writer on another handle in this same
 * process gets the chance to commit (SQLite's own busy wait would block it).
 */
export async function retryWhenBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * Math.min(100, 2 ** attempt)));
    }
  }
}
