/**
 * The category list as staff keep it: add, rename (the old address keeps
 * working through category_slug_history), reorder, retire and bring back,
 * and the zoekwoorden. Every change is one transaction together with its
 * audit entry. The search index follows a rename or new zoekwoorden by itself
 * (triggers of migrations 0006 and 0016).
 */
import { sql } from "kysely";
import { keywordsText, storedKeywords, swapPartner, type MoveDirection } from "~/domain/category-admin";
import { slugify, uniqueSlug } from "~/domain/slug";
import { recordStaffAction, type StaffActor } from "./audit.server";
import type { Db } from "./db.server";

export type StaffCategory = {
  id: number;
  slug: string;
  name: string;
  position: number;
  retiredAt: string | null;
  providerCount: number;
  keywords: string[];
};

export async function listCategoriesForStaff(db: Db): Promise<StaffCategory[]> {
  const rows = await db
    .selectFrom("categories as c")
    .leftJoin("provider_categories as pc", "pc.category_id", "c.id")
    .select(["c.id", "c.slug", "c.name", "c.position", "c.retired_at", "c.keywords", sql<number>`count(pc.provider_id)`.as("providerCount")])
    .groupBy("c.id")
    .orderBy("c.position")
    .orderBy("c.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    position: row.position,
    retiredAt: row.retired_at,
    providerCount: row.providerCount,
    keywords: storedKeywords(row.keywords),
  }));
}

export type CategoryChangeResult = { ok: true; id: number; slug: string } | { ok: false; reason: "duplicate-name" | "not-found" };

async function nameTaken(trx: Db, name: string, exceptId: number | null): Promise<boolean> {
  let query = trx.selectFrom("categories").select("id").where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** A slug for the name that no other category uses now. An old slug may be taken over: the live category wins. */
async function freeSlug(trx: Db, name: string, exceptId: number | null): Promise<string> {
  const taken = new Set(
    (await trx.selectFrom("categories").select(["id", "slug"]).execute()).filter((c) => c.id !== exceptId).map((c) => c.slug),
  );
  return uniqueSlug(slugify(name) || "categorie", (slug) => taken.has(slug));
}

export async function addCategory(db: Db, actor: StaffActor, name: string, now = new Date()): Promise<CategoryChangeResult> {
  return db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, name, null)) return { ok: false, reason: "duplicate-name" };
    const slug = await freeSlug(trx, name, null);
    const { max } = await trx.selectFrom("categories").select(sql<number>`coalesce(max(position), -1)`.as("max")).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("categories")
      .values({ slug, name, position: max + 1, created_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The new category now owns this address, even if another category once had it.
    await trx.deleteFrom("category_slug_history").where("slug", "=", slug).execute();
    await recordStaffAction(trx, actor, { action: "category.add", entityType: "category", entityId: row.id, newValues: { name, slug, position: max + 1 } }, now);
    return { ok: true, id: row.id, slug };
  });
}

export async function renameCategory(db: Db, actor: StaffActor, id: number, name: string, now = new Date()): Promise<CategoryChangeResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("categories").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirst();
    if (!current) return { ok: false, reason: "not-found" };
    if (current.name === name) return { ok: true, id, slug: current.slug };
    if (await nameTaken(trx, name, id)) return { ok: false, reason: "duplicate-name" };
    const slug = slugify(name) === current.slug ? current.slug : await freeSlug(trx, name, id);
    await trx.updateTable("categories").set({ name, slug }).where("id", "=", id).execute();
    if (slug !== current.slug) {
      await trx.deleteFrom("category_slug_history").where("slug", "=", slug).execute();
      await trx
        .insertInto("category_slug_history")
        .values({ slug: current.slug, category_id: id, replaced_at: now.toISOString() })
        .onConflict((oc) => oc.column("slug").doUpdateSet({ category_id: id, replaced_at: now.toISOString() }))
        .execute();
    }
    await recordStaffAction(
      trx,
      actor,
      { action: "category.rename", entityType: "category", entityId: id, oldValues: { name: current.name, slug: current.slug }, newValues: { name, slug } },
      now,
    );
    return { ok: true, id, slug };
  });
}

/** Swaps the category with its neighbour above or below; false at the top or bottom or for an unknown id. */
export async function moveCategory(db: Db, actor: StaffActor, id: number, direction: MoveDirection, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ordered = await trx.selectFrom("categories").select(["id", "name", "position"]).orderBy("position").orderBy("id").execute();
    const partner = swapPartner(ordered, id, direction);
    const moving = ordered.find((c) => c.id === id);
    if (!partner || !moving) return false;
    // Positions may have ties from older data; renumbering first makes the swap exact.
    const positions = new Map(ordered.map((c, index) => [c.id, index] as const));
    const from = positions.get(id)!;
    const to = positions.get(partner.id)!;
    positions.set(id, to);
    positions.set(partner.id, from);
    for (const category of ordered) {
      const position = positions.get(category.id)!;
      if (position !== category.position) await trx.updateTable("categories").set({ position }).where("id", "=", category.id).execute();
    }
    await recordStaffAction(
      trx,
      actor,
      { action: direction === "up" ? "category.move_up" : "category.move_down", entityType: "category", entityId: id, oldValues: { position: from }, newValues: { position: to } },
      now,
    );
    return true;
  });
}

/**
 * Retires a category (it stays on the providers that have it, but the wizard
 * no longer offers it and the home page no longer lists it) or brings it back.
 */
export async function setCategoryRetired(db: Db, actor: StaffActor, id: number, retired: boolean, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("categories").select(["retired_at", "name"]).where("id", "=", id).executeTakeFirst();
    if (!current) return false;
    if ((current.retired_at !== null) === retired) return true;
    const retiredAt = retired ? now.toISOString() : null;
    await trx.updateTable("categories").set({ retired_at: retiredAt }).where("id", "=", id).execute();
    await recordStaffAction(
      trx,
      actor,
      {
        action: retired ? "category.retire" : "category.unretire",
        entityType: "category",
        entityId: id,
        oldValues: { name: current.name, retired_at: current.retired_at },
        newValues: { name: current.name, retired_at: retiredAt },
      },
      now,
    );
    return true;
  });
}

export type KeywordsChangeResult = { ok: true; id: number; keywords: string[] } | { ok: false; reason: "not-found" };

/**
 * Stores the category's zoekwoorden, already normalised (normalizeCategoryKeywords).
 * The index trigger re-indexes every provider of the category in the same
 * transaction, so search finds them by the new words at once. The same words
 * again change nothing and leave no audit entry.
 */
export async function setCategoryKeywords(
  db: Db,
  actor: StaffActor,
  id: number,
  keywords: readonly string[],
  now = new Date(),
): Promise<KeywordsChangeResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("categories").select(["name", "keywords"]).where("id", "=", id).executeTakeFirst();
    if (!current) return { ok: false, reason: "not-found" };
    const text = keywordsText(keywords);
    if (current.keywords === text) return { ok: true, id, keywords: [...keywords] };
    await trx.updateTable("categories").set({ keywords: text }).where("id", "=", id).execute();
    // As text, not a list: the log shows every word, where a list is cut short after ten.
    await recordStaffAction(
      trx,
      actor,
      {
        action: "category.keywords",
        entityType: "category",
        entityId: id,
        oldValues: { name: current.name, keywords: current.keywords },
        newValues: { name: current.name, keywords: text },
      },
      now,
    );
    return { ok: true, id, keywords: [...keywords] };
  });
}
