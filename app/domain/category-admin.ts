/**
 * Staff keep the category list at /beheer/categorieen: names, their order,
 * which are retired and their zoekwoorden. The form schemas, the reorder rule
 * and the rules for zoekwoorden live here.
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

/** One zoekwoord: at most this many characters. */
export const KEYWORD_MAX = 40;
/** At most this many zoekwoorden per category. */
export const KEYWORDS_MAX_COUNT = 60;
/** All zoekwoorden of a category together, as stored ("kapper, knippen"): at most this many characters. */
export const KEYWORDS_MAX_TOTAL = 2000;

/** Letters (with their accents), digits, spaces, hyphens and apostrophes: what names of help are made of. */
const KEYWORD_CHARACTERS = /^[\p{L}\p{M}\p{N} '’-]+$/u;
const NOT_A_KEYWORD_CHARACTER = /[^\p{L}\p{M}\p{N} '’-]/u;
/** How many refused zoekwoorden a message names before "en nog …". */
const NAMED_MAX = 3;

export type KeywordsResult = { ok: true; keywords: string[] } | { ok: false; message: string };

/** Two zoekwoorden that differ only in capitals, accents or the kind of apostrophe are one: `Föhnen` = `fohnen`. */
function keywordKey(keyword: string): string {
  return keyword.normalize("NFKD").replace(/\p{M}+/gu, "").replace(/’/g, "'").toLowerCase();
}

function named(keywords: readonly string[]): string {
  const shown = keywords.slice(0, NAMED_MAX).map((keyword) => `"${keyword}"`);
  const rest = keywords.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} en nog ${rest}`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} en ${shown.at(-1)}`;
}

/**
 * The zoekwoorden as staff type them (separated by commas or on lines of
 * their own) as the list to store: each trimmed, with single spaces, empty
 * ones and repeats left out (the first spelling stays). Refused, with one
 * message for the person who typed them, when a zoekwoord has a character
 * that is not a letter, digit, space, hyphen or apostrophe, or is longer
 * than KEYWORD_MAX, or when there are more than KEYWORDS_MAX_COUNT, or more
 * than KEYWORDS_MAX_TOTAL characters together. No zoekwoorden at all is
 * allowed: then the category is found by its name alone.
 */
export function normalizeCategoryKeywords(text: string): KeywordsResult {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const part of text.normalize("NFC").split(/[,\r\n]/)) {
    const keyword = part.replace(/\s+/gu, " ").trim();
    if (keyword === "") continue;
    const key = keywordKey(keyword);
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }

  const badCharacters = keywords.filter((keyword) => !KEYWORD_CHARACTERS.test(keyword));
  if (badCharacters.length > 0) {
    const character = NOT_A_KEYWORD_CHARACTER.exec(badCharacters[0]!)?.[0] ?? "";
    const which = badCharacters.length === 1 ? `Het zoekwoord ${named(badCharacters)} heeft` : `De zoekwoorden ${named(badCharacters)} hebben`;
    return {
      ok: false,
      message: `${which} een teken dat niet kan (zoals "${character}"). Gebruik alleen letters, cijfers, spaties, streepjes en apostrofs, en zet een komma tussen twee zoekwoorden`,
    };
  }
  const wordless = keywords.filter((keyword) => !/[\p{L}\p{N}]/u.test(keyword));
  if (wordless.length > 0) {
    const which = wordless.length === 1 ? `${named(wordless)} is geen woord` : `${named(wordless)} zijn geen woorden`;
    return { ok: false, message: `${which}: een zoekwoord heeft letters of cijfers` };
  }
  const tooLong = keywords.filter((keyword) => [...keyword].length > KEYWORD_MAX);
  if (tooLong.length > 0) {
    const which = tooLong.length === 1 ? `Het zoekwoord ${named(tooLong)} is` : `De zoekwoorden ${named(tooLong)} zijn`;
    return { ok: false, message: `${which} te lang: een zoekwoord heeft hoogstens ${KEYWORD_MAX} tekens. Zet een komma tussen twee zoekwoorden` };
  }
  if (keywords.length > KEYWORDS_MAX_COUNT) {
    return { ok: false, message: `Gebruik hoogstens ${KEYWORDS_MAX_COUNT} zoekwoorden; dit zijn er ${keywords.length}` };
  }
  const total = [...keywordsText(keywords)].length;
  if (total > KEYWORDS_MAX_TOTAL) {
    return { ok: false, message: `De zoekwoorden samen hebben hoogstens ${KEYWORDS_MAX_TOTAL} tekens; dit zijn er ${total}` };
  }
  return { ok: true, keywords };
}

/** The list as it is stored in categories.keywords and shown in the form: `kapper, knippen, haar`. */
export function keywordsText(keywords: readonly string[]): string {
  return keywords.join(", ");
}

/** The stored text back as a list. */
export function storedKeywords(text: string): string[] {
  return text
    .split(",")
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== "");
}

/** The form field: the text as typed in, the list to store out (see normalizeCategoryKeywords). */
export const categoryKeywordsField = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const result = normalizeCategoryKeywords(text ?? "");
    if (result.ok) return result.keywords;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });

export const categoryKeywordsSchema = z.object({
  intent: z.literal("keywords"),
  id: z.coerce.number().int().positive(),
  keywords: categoryKeywordsField,
});

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
