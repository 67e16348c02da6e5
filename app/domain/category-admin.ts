/**
 * Staff keep the category list at /beheer/categorieen: names, their order
 * and which are retired. The form schemas and the reorder rule live here.
 */
import { z } from "zod";

export const CATEGORY_NAME_MAX = 60;

export const categoryNameField = z
  .string({ error: "Vul de naam van de categorie in" })
  .trim()
  .min(2, "Vul de naam van de categorie in (minstens 2 tekens)")
  .max(CATEGORY_NAME_MAX, `Gebruik hoogstens ${CATEGORY_NAME_MAX} tekens`)
  .refine((name) => /\p{L}/u.test(name), "Een categorienaam heeft letters");

export const categoryLabels = { name: "Naam van de nieuwe categorie" } as const;

export const addCategorySchema = z.object({ intent: z.literal("add"), name: categoryNameField });
export const renameCategorySchema = z.object({ intent: z.literal("rename"), id: z.coerce.number().int().positive(), name: categoryNameField });

export type MoveDirection = "up" | "down";

/**
 * The category to swap places with when `id` moves one place up or down in
 * the list (sorted by position): null at the top or bottom, or for an
 * unknown id.
 */
export function swapPartner<T extends { id: number }>(ordered: readonly T[], id: number, direction: MoveDirection): T | null {
  const index = ordered.findIndex((item) => item.id === id);
  if (index === -1) return null;
  return ordered[direction === "up" ? index - 1 : index + 1] ?? null;
}
