/** `npm run migrate`: brings the database in DATA_DIR to the newest schema. */
import { scriptConfig } from "./support/script-config";
import { migrateToLatest, openDatabase } from "../app/server/db.server";

const config = scriptConfig();
const database = openDatabase(config.databaseFile);
try {
  const results = await migrateToLatest(database.db);
  for (const r of results) console.log(`${r.migrationName}: ${r.status}`);
  if (results.length === 0) console.log("The database is up to date.");
} finally {
  await database.close();
}
