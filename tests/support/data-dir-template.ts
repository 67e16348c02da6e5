import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "~/server/config.server";
import { openDatabase } from "~/server/db.server";
import { prepareDatabase } from "~/server/startup.server";

/**
 * A DATA_DIR as the server leaves it after its first start with demo data
 * (schema, postcodes, categories, demo providers, members and staff), made
 * once per test run. Servers started by the e2e and reliability tests begin
 * from a copy, so each start skips the migrations and the postcode import;
 * the start from an empty folder is tested on its own (fresh-clone.spec.ts).
 */
export async function buildDataDirTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-data-template-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dir,
    SESSION_SECRET: "template-only-session-secret-0123456789abcdef",
    DEMO_DATA: "true",
    ...(process.env.POSTCODE_DATA_DIR ? { POSTCODE_DATA_DIR: process.env.POSTCODE_DATA_DIR } : {}),
  });
  const database = openDatabase(config.databaseFile);
  try {
    await prepareDatabase(database, config, () => {});
  } finally {
    // Closing checkpoints the WAL into the file, so the folder alone is the whole data.
    await database.close();
  }
  return dir;
}

/** A new folder holding a copy of the template's files. */
export function copyDataDirTemplate(template: string, tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vivium-${tag}-`));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}
