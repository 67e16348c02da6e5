import { sql } from "kysely";
import { seedDemoMembers } from "#db/seed/members";
import { seedCategories, seedDemoProviders } from "#db/seed/seed";
import { seedDemoStaff } from "#db/seed/staff";
import type { Config } from "./config.server";
import type { AppDatabase } from "./db.server";
import { migrateWithBackup } from "./migrate.server";
import { importPostcodes } from "./postcode-import.server";

type Log = (message: string) => void;

/**
 * Everything an empty or older database needs before the first request:
 * schema, postcode reference data, categories, and demo data outside
 * production. Each part is idempotent, so this runs on every start. Refuses a
 * database from a newer version of the app (SchemaTooNewError).
 */
export async function prepareDatabase(database: AppDatabase, config: Config, log: Log = console.log): Promise<void> {
  const applied = await migrateWithBackup(database, { backupDir: config.backup.dir, uploadsDir: config.uploadsDir }, log);
  for (const migration of applied) log(`migration ${migration.migrationName}: ${migration.status}`);

  const postcodes = await importPostcodes(database.db, config.postcodeDataDir);
  if (postcodes.imported) {
    log(`postcodes: imported ${postcodes.areaCount} areas and ${postcodes.placeCount} places from ${config.postcodeDataDir}`);
  }
  const categories = await seedCategories(database.db);
  if (categories > 0) log(`categories: added the ${categories} standard categories`);
  if (config.seedDemoData) {
    const providers = await seedDemoProviders(database.db);
    if (providers > 0) log(`demo data: added ${providers} demo providers`);
    const members = await seedDemoMembers(database.db);
    if (members > 0) log(`demo data: added ${members} demo lidnummers`);
    const staff = await seedDemoStaff(database.db);
    if (staff > 0) log("demo data: added the demo staff account");
  }
  await adviseFirstStaffAccount(database, config, log);
}

/**
 * A fresh production install has no staff account, and nobody can sign in to
 * the console to make one: the first one comes from the command line. The
 * start-up log is where whoever installs the server looks, so it says how.
 */
export async function adviseFirstStaffAccount(database: AppDatabase, config: Config, log: Log = console.log): Promise<void> {
  if (!config.isProduction) return;
  const staff = await database.db.selectFrom("staff").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  if (staff.n > 0) return;
  log(
    'Er is nog geen medewerkersaccount: maak het eerste aan met `npm run staff:create -- --email naam@viviumservices.nl --name "Voornaam Achternaam"` ' +
      '(zie README, "Installation on a server").',
  );
}
