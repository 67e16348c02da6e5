import { sql } from "kysely";
import type { Db } from "./db.server";
import { notPausedSql } from "./pause.server";

export type CategorySummary = { id: number; slug: string; name: string; liveProviderCount: number };

/** The categories offered today, in staff's order, with how many live providers each has (a paused one not counted). */
export async function listActiveCategories(db: Db): Promise<CategorySummary[]> {
  return db
    .selectFrom("categories as c")
    .leftJoin("provider_categories as pc", "pc.category_id", "c.id")
    .leftJoin("providers as p", (join) => join.onRef("p.id", "=", "pc.provider_id").on("p.status", "=", "live").on(notPausedSql("p")))
    .select(["c.id", "c.slug", "c.name", sql<number>`count(p.id)`.as("liveProviderCount")])
    .where("c.retired_at", "is", null)
    .groupBy("c.id")
    .orderBy("c.position")
    .execute();
}

export async function findCategoryBySlug(db: Db, slug: string) {
  return db.selectFrom("categories").select(["id", "slug", "name", "retired_at"]).where("slug", "=", slug).executeTakeFirst();
}

/** The current slug of a category that used to be at `slug` (it was renamed), or null. */
export async function findRenamedCategorySlug(db: Db, slug: string): Promise<string | null> {
  const row = await db
    .selectFrom("category_slug_history as h")
    .innerJoin("categories as c", "c.id", "h.category_id")
    .select("c.slug")
    .where("h.slug", "=", slug)
    .executeTakeFirst();
  return row?.slug ?? null;
}
