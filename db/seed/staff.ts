import { sql } from "kysely";
import type { Db } from "~/server/db.server";
import { createStaff, DEMO_STAFF } from "~/server/staff.server";
import { DEMO_PASSWORD } from "./seed";

/** One staff account for the console (/beheer), only while there is none. */
export async function seedDemoStaff(db: Db): Promise<number> {
  const existing = await db.selectFrom("staff").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  if (existing.n > 0) return 0;
  await createStaff(db, { ...DEMO_STAFF, password: DEMO_PASSWORD });
  return 1;
}
