import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUNDLED_POSTCODE_DIR } from "~/server/config.server";
import { afterAll, beforeAll } from "vitest";
import { forgetDatabase, migrateToLatest, openDatabase, type AppDatabase } from "~/server/db.server";
import { importPostcodes } from "~/server/postcode-import.server";

export const POSTCODE_DIR = path.resolve(process.env.POSTCODE_DATA_DIR ?? BUNDLED_POSTCODE_DIR);

export type TestDatabase = AppDatabase & { dir: string; cleanup: () => Promise<void> };

/**
 * A real SQLite file in a fresh temporary folder, migrated, optionally with
 * the postcode data: a copy of the template that tests/support/global-setup.ts
 * built for this run, or built here when there is none (a run without it).
 */
export async function createTestDatabase(options: { postcodes?: boolean } = {}): Promise<TestDatabase> {
  const withPostcodes = options.postcodes ?? true;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-test-"));
  const file = path.join(dir, "test.sqlite");
  const templates = process.env.VIVIUM_TEST_TEMPLATES;
  const template = templates ? path.join(templates, withPostcodes ? "with-postcodes.sqlite" : "schema-only.sqlite") : null;
  const copied = template !== null && fs.existsSync(template);
  if (copied) fs.copyFileSync(template, file);
  const database = openDatabase(file);
  // On a copy this finds nothing to do; it keeps a stale template from hiding a new migration.
  await migrateToLatest(database.db);
  if (withPostcodes && !copied) await importPostcodes(database.db, POSTCODE_DIR);
  return {
    ...database,
    dir,
    cleanup: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a file of route tests: a test database without the postcode data,
 * opened before the file's tests as the one the app's code finds, with
 * DATA_DIR in its folder, and removed after them. `opened` is handed it
 * once it is open.
 */
export function setUpAppTestDatabase(opened: (t: TestDatabase) => void): void {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase({ postcodes: false });
    (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
    process.env.DATA_DIR = t.dir;
    opened(t);
  });
  afterAll(async () => {
    forgetDatabase();
    await t?.cleanup();
  });
}

let providerCounter = 0;

/** A minimal provider row, for tests that need one to hang data on. */
export async function insertTestProvider(
  db: AppDatabase["db"],
  values: { firstName?: string; status?: "draft" | "live" } = {},
): Promise<number> {
  providerCounter += 1;
  const now = new Date().toISOString();
  const row = await db
    .insertInto("providers")
    .values({
      first_name: values.firstName ?? `Test${providerCounter}`,
      email: `test${providerCounter}-${Date.now()}@example.nl`,
      slug: `test-${providerCounter}-${Date.now()}`,
      status: values.status ?? "live",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
