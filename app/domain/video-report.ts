/**
 * The "De video tool werkt niet" report: what the provider tells us, plus
 * what their browser is, so staff can reproduce the problem.
 */
import { z } from "zod";

export const VIDEO_REPORT_DESCRIPTION_MAX = 2000;
/** What the page's script adds from `navigator`; a browser never needs more. */
export const CLIENT_DETAILS_MAX = 2000;

export const videoReportLabels = {
  description: "Wat ging er mis?",
} as const;

export const videoReportSchema = z.object({
  description: z
    .string({ error: "Vertel ons in een paar woorden wat er misging" })
    .trim()
    .min(5, "Vertel ons in een paar woorden wat er misging")
    .max(VIDEO_REPORT_DESCRIPTION_MAX, `Gebruik hoogstens ${VIDEO_REPORT_DESCRIPTION_MAX} tekens`),
  clientDetails: z
    .string()
    .optional()
    .transform((value) => value?.slice(0, CLIENT_DETAILS_MAX).trim() || null),
});

export type VideoReportStatus = "nieuw" | "opgepakt" | "opgelost";
export const VIDEO_REPORT_STATUSES: readonly VideoReportStatus[] = ["nieuw", "opgepakt", "opgelost"];
