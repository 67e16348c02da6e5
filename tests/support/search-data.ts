import type { Db } from "~/server/db.server";
import { findPlaceByName } from "~/server/geo.server";

/** The id of the category with this slug, made (named after the slug) when the test database has none. */
export async function categoryIdFor(db: Db, slug: string, position = 100): Promise<number> {
  const row = await db.selectFrom("categories").select("id").where("slug", "=", slug).executeTakeFirst();
  if (row) return row.id;
  const inserted = await db
    .insertInto("categories")
    .values({ slug, name: slug[0]!.toUpperCase() + slug.slice(1), position, created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The id of a place of the postcode data, by name; a test that names an unknown place fails at once. */
export async function placeIdFor(db: Db, name: string): Promise<number> {
  const place = await findPlaceByName(db, name);
  if (!place) throw new Error(`no place ${name}`);
  return place.id;
}
