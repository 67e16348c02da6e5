import { z } from "zod";
import { countOf, NOUNS } from "./plural";

/** The review form of /beoordeling/:token; one schema for the page and the server. */

export const REVIEW_TEXT_MIN = 10;
export const REVIEW_TEXT_MAX = 1000;
export const DISPLAY_NAME_MAX = 60;
export const REPLY_MAX = 1000;

export const reviewSchema = z.object({
  rating: z.coerce
    .number({ error: "Kies hoeveel sterren u geeft" })
    .int({ error: "Kies hoeveel sterren u geeft" })
    .min(1, { error: "Kies hoeveel sterren u geeft" })
    .max(5, { error: "Kies hoeveel sterren u geeft" }),
  body: z
    .string({ error: "Schrijf in een paar woorden hoe het ging" })
    .trim()
    .min(REVIEW_TEXT_MIN, { error: `Schrijf minstens ${REVIEW_TEXT_MIN} tekens` })
    .max(REVIEW_TEXT_MAX, { error: `Gebruik hoogstens ${REVIEW_TEXT_MAX} tekens` }),
  displayName: z
    .string({ error: "Vul de naam in die wij bij uw beoordeling tonen" })
    .trim()
    .min(1, { error: "Vul de naam in die wij bij uw beoordeling tonen" })
    .max(DISPLAY_NAME_MAX, { error: `Gebruik hoogstens ${DISPLAY_NAME_MAX} tekens` }),
});

export type ReviewInput = z.infer<typeof reviewSchema>;

export const replySchema = z.object({
  reviewId: z.coerce.number().int().positive(),
  reply: z
    .string({ error: "Schrijf uw reactie" })
    .trim()
    .min(2, { error: "Schrijf uw reactie" })
    .max(REPLY_MAX, { error: `Gebruik hoogstens ${REPLY_MAX} tekens` }),
});

/** `1 ster`, `4 sterren`: the accessible name of a star choice and of a single review's rating. */
export function starsWord(stars: number): string {
  return countOf(stars, NOUNS.ster);
}

/** `4,5`: one decimal at most, Dutch comma. */
const AT_MOST_ONE_DECIMAL = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

export function formatAverage(average: number): string {
  return AT_MOST_ONE_DECIMAL.format(average);
}

/** `4,5 van 5 sterren, 2 beoordelingen`: what the stars say, for screen readers and as visible text. */
export function ratingSentence(average: number, count: number): string {
  return `${formatAverage(average)} van 5 sterren, ${countOf(count, NOUNS.beoordeling)}`;
}

/** Rounded to one decimal, as shown; null without reviews. */
export function averageRating(total: number, count: number): number | null {
  return count > 0 ? Math.round((total / count) * 10) / 10 : null;
}

/** The first word of the customer's name: what the review form suggests to show. */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? "";
}
