/**
 * `npm run import-postcodes [-- --force]`: loads pc4.csv and places.csv from
 * POSTCODE_DATA_DIR (default db/postcodes, shipped with the project). Without --force it
 * leaves an existing import alone; the server also runs it on an empty table.
 */
import { scriptConfig } from "./support/script-config";
import { migrateToLatest, openDatabase } from "../app/server/db.server";
import { importPostcodes, PostcodeDataMissingError } from "../app/server/postcode-import.server";

const config = scriptConfig();
const database = openDatabase(config.databaseFile);
try {
  await migrateToLatest(database.db);
  const result = await importPostcodes(database.db, config.postcodeDataDir, { force: process.argv.includes("--force") });
  console.log(
    result.imported
      ? `Imported ${result.areaCount} postcode areas and ${result.placeCount} places from ${config.postcodeDataDir}.`
      : `Postcodes already imported (${result.areaCount} areas, ${result.placeCount} places); use --force to re-import.`,
  );
} catch (error) {
  console.error(error instanceof PostcodeDataMissingError ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
