import { sql } from "kysely";
import type { Db } from "./db.server";

export type CategorySummary = { id: number; slug: string; name: string; liveProviderCount: number };

/** The categories offered today, in staff's order, with how many live providers each has. */
export async function listActiveCategories(db: Db): Promise<CategorySummary[]> {
  return db
    .selectFrom("categories as c")
    .leftJoin("provider_categories as pc", "pc.category_id", "c.id")
    .leftJoin("providers as p", (join) => join.onRef("p.id", "=", "pc.provider_id").on("p.status", "=", "live"))
    .select(["c.id", "c.slug", "c.name", sql<number>`count(p.id)`.as("liveProviderCount")])
    .where("c.retired_at", "is", null)
    .groupBy("c.id")
    .orderBy("c.position")
    .execute();
}

export async function findCategoryBySlug(db: Db, slug: string) {
  return db.selectFrom("categories").select(["id", "slug", "name", "retired_at"]).where("slug", "=", slug).executeTakeFirst();
}
