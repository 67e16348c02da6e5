import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUNDLED_POSTCODE_DIR } from "~/server/config.server";
import { migrateToLatest, openDatabase } from "~/server/db.server";
import { importPostcodes } from "~/server/postcode-import.server";

/**
 * Vitest's global setup for the integration tests: the migrated database is
 * built once per run, without and with the postcode areas, and each test's
 * createTestDatabase copies the file instead of running every migration and
 * importing 7,200 postcode rows again.
 */
export default async function setup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-templates-"));
  for (const withPostcodes of [false, true]) {
    const file = path.join(dir, withPostcodes ? "with-postcodes.sqlite" : "schema-only.sqlite");
    const database = openDatabase(file);
    await migrateToLatest(database.db);
    if (withPostcodes) await importPostcodes(database.db, path.resolve(process.env.POSTCODE_DATA_DIR ?? BUNDLED_POSTCODE_DIR));
    // Closing checkpoints the WAL into the file, so the file alone is the whole database.
    await database.close();
  }
  process.env.VIVIUM_TEST_TEMPLATES = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
