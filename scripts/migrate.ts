/**
 * `npm run migrate`: brings the database in DATA_DIR to the newest schema,
 * after a backup into BACKUP_DIR when there is something to migrate. Refuses
 * (exit 1) a database that a newer version of the app has migrated.
 */
import { openDatabase } from "../app/server/db.server";
import { migrateWithBackup } from "../app/server/migrate.server";
import { scriptConfig } from "./support/script-config";

const config = scriptConfig();
const database = openDatabase(config.databaseFile);
try {
  const results = await migrateWithBackup(database, { backupDir: config.backup.dir, uploadsDir: config.uploadsDir });
  for (const r of results) console.log(`${r.migrationName}: ${r.status}`);
  if (results.length === 0) console.log("The database is up to date.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
  // A failed migration's own error (SQL, constraint) is in its cause.
  if (error instanceof Error && error.cause) console.error(error.cause);
} finally {
  await database.close();
}
