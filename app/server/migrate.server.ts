/**
 * Migrating a database that holds data, as the server does at start-up and
 * `npm run migrate` does: refuse a database migrated by a newer version of
 * the code, and make a backup before the first pending migration, so an
 * upgrade that goes wrong can be undone with `npm run restore`.
 */
import path from "node:path";
import type { MigrationResult } from "kysely";
import { restoreHint } from "./backup-runs.server";
import { backupDirName, createBackup } from "./backup.server";
import { migrateToLatest, migrationState, SchemaTooNewError, type AppDatabase } from "./db.server";

type Log = (message: string) => void;

export async function migrateWithBackup(
  database: AppDatabase,
  { backupDir, uploadsDir, now = () => new Date() }: { backupDir: string; uploadsDir: string; now?: () => Date },
  log: Log = console.log,
): Promise<MigrationResult[]> {
  const { applied, pending, unknown } = await migrationState(database.db);
  if (unknown.length > 0) throw new SchemaTooNewError(unknown, restoreHint(backupDir, unknown));
  // A new database (nothing applied yet) has nothing worth a backup.
  if (applied.length > 0 && pending.length > 0) {
    const target = path.join(backupDir, backupDirName(now(), `before-${pending[0]}`));
    await createBackup({ databaseFile: database.file, uploadsDir, target, now: now() });
    log(`backup before migration ${pending[0]}: ${target}`);
  }
  return migrateToLatest(database.db);
}
