import type { Db } from "./db.server";

export type ProviderCard = {
  id: number;
  slug: string;
  name: string;
  introText: string;
  city: string | null;
  categories: string[];
};

export function displayName(p: { first_name: string; infix: string | null; last_name: string | null }): string {
  return [p.first_name, p.infix, p.last_name].filter(Boolean).join(" ");
}

/** Live providers in one category, for the category page, by name. */
export async function listLiveProvidersInCategory(db: Db, categoryId: number): Promise<ProviderCard[]> {
  const rows = await db
    .selectFrom("providers as p")
    .innerJoin("provider_categories as pc", "pc.provider_id", "p.id")
    .select(["p.id", "p.slug", "p.first_name", "p.infix", "p.last_name", "p.intro_text", "p.home_city", "p.work_city", "p.has_work_address"])
    .where("pc.category_id", "=", categoryId)
    .where("p.status", "=", "live")
    .orderBy("p.first_name")
    .orderBy("p.last_name")
    .execute();
  const ids = rows.map((r) => r.id);
  const categoryRows = ids.length
    ? await db
        .selectFrom("provider_categories as pc")
        .innerJoin("categories as c", "c.id", "pc.category_id")
        .select(["pc.provider_id", "c.name"])
        .where("pc.provider_id", "in", ids)
        .orderBy("c.position")
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug ?? String(r.id),
    name: displayName(r),
    introText: r.intro_text ?? "",
    city: r.has_work_address ? r.work_city : r.home_city,
    categories: categoryRows.filter((c) => c.provider_id === r.id).map((c) => c.name),
  }));
}
