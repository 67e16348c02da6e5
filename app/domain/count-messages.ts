/**
 * Every sentence on the pages that says how many of something there are,
 * worded for 0, 1 and more through ./plural, so that a single result reads
 * "1 dienstverlener … die bij 3447 GT komt" and none reads "Er zijn geen
 * dienstverleners". Kept together so that one test walks them all.
 */
import { countOf, formatCount, NOUNS, pluralForm, thereAre } from "./plural";

const COMES = { one: "komt", other: "komen" };

/** ", die bij 3447 GT komt" / "komen": the place a count of providers is about. */
function comingTo(n: number, place: string | null): string {
  return place ? ` die bij ${place} ${pluralForm(n, COMES)}` : "";
}

/** The heading of a form's error summary. */
export function errorSummaryHeading(n: number): string {
  return n === 0 ? "Er is niets om aan te passen" : `${thereAre(n, NOUNS.ding)} om aan te passen`;
}

/** The search page's count: "Er is 1 dienstverlener gevonden voor “kapper” die bij 3447 GT komt." */
export function searchCountSentence(total: number, about: { wat: string; categoryName: string | null; place: string | null }): string {
  const what = about.wat ? ` voor “${about.wat}”` : about.categoryName ? ` in ${about.categoryName}` : "";
  return `${thereAre(total, NOUNS.dienstverlener)} gevonden${what}${comingTo(total, about.place)}.`;
}

/** A category page's count, with or without a place. */
export function categoryCountSentence(total: number, place: string | null): string {
  if (total === 0) {
    return place
      ? `Er zijn op dit moment geen dienstverleners in deze categorie die bij ${place} komen.`
      : "Er zijn op dit moment nog geen dienstverleners in deze categorie. Kijk later nog eens, of kies een andere categorie.";
  }
  return `${countOf(total, NOUNS.dienstverlener)} in deze categorie${comingTo(total, place)}.`;
}

/** The provider's dashboard: requests without a first answer. */
export function waitingRequestsSentence(n: number): string {
  if (n === 0) return "Er wachten geen aanvragen op uw reactie.";
  return `${countOf(n, NOUNS.aanvraag)} ${pluralForm(n, { one: "wacht", other: "wachten" })} op uw reactie.`;
}

/** The provider's dashboard: requests past their two working days. */
export function overdueRequestsSentence(n: number): string {
  if (n === 0) return "Bij geen enkele aanvraag is de termijn van twee werkdagen verstreken.";
  return `Bij ${countOf(n, NOUNS.aanvraag)} is de termijn van twee werkdagen verstreken.`;
}

/** The provider's list of requests. */
export function openRequestsSentence(n: number): string {
  return `U heeft ${countOf(n, { one: "open aanvraag", other: "open aanvragen" }, { none: true })}.`;
}

/** The settings overview: a werkgebied of listed places. */
export function coveragePlacesSummary(n: number): string {
  return n === 0 ? "Nog geen plaatsen" : countOf(n, NOUNS.plaats);
}

/** What the place autocomplete announces to screen readers. */
export function placesFoundMessage(n: number): string {
  if (n === 0) return "Geen plaatsen gevonden die zo beginnen.";
  return `${countOf(n, NOUNS.plaats)} gevonden. Kies met pijltje omlaag en Enter.`;
}

/** Staff: the reviews shown with the current filter. */
export function staffReviewsCount(n: number): string {
  return n === 0 ? "Geen beoordelingen." : `${countOf(n, NOUNS.beoordeling)}.`;
}

/** Staff: reports about the videotool, and how many of them are still open. */
export function videoReportsSentence(total: number, open: number): string {
  if (total === 0) return "Er zijn geen meldingen.";
  const unsolved = open === 0 ? pluralForm(total, { one: "opgelost", other: "alle opgelost" }) : `waarvan ${formatCount(open)} nog niet opgelost`;
  return `${countOf(total, NOUNS.melding)}, ${unsolved}.`;
}

/** Staff: requests answered too late. */
export function overdueListSentence(n: number): string {
  if (n === 0) return "Er zijn geen aanvragen te laat.";
  return `${countOf(n, NOUNS.aanvraag)} ${pluralForm(n, { one: "is", other: "zijn" })} te laat.`;
}

/** Staff: customers' requests for help waiting for a call. */
export function openSearchHelpSentence(n: number): string {
  return n === 0 ? "Er zijn geen open hulpvragen." : `${countOf(n, { one: "open hulpvraag", other: "open hulpvragen" })}.`;
}

/** Staff: members found, for what was searched. */
export function membersFoundSentence(n: number, query: string): string {
  const found = n === 0 ? "Geen leden gevonden" : `${countOf(n, NOUNS.lid)} gevonden`;
  return `${found}${query ? ` voor "${query}"` : ""}.`;
}

/** Staff: providers found with the current filters. */
export function providersFoundText(n: number): string {
  return n === 0 ? "Geen dienstverleners gevonden" : `${countOf(n, NOUNS.dienstverlener)} gevonden`;
}

/** Staff: how many providers a category has. */
export function categoryProvidersText(n: number): string {
  return countOf(n, NOUNS.dienstverlener, { none: true });
}

/** Staff home: what each open count is about, after the number. */
export const STAFF_HOME_LABELS = {
  openSearchHelp: (n: number) =>
    pluralForm(n, { one: "hulpvraag van een klant wacht op een belletje", other: "hulpvragen van klanten wachten op een belletje" }),
  awaitingCall: (n: number) =>
    pluralForm(n, { one: "nieuwe dienstverlener wacht op een belletje", other: "nieuwe dienstverleners wachten op een belletje" }),
  live: (n: number) => `${pluralForm(n, NOUNS.dienstverlener)} online`,
  suspended: (n: number) => `${pluralForm(n, NOUNS.dienstverlener)} offline gezet`,
  overdueRequests: (n: number) => `${pluralForm(n, NOUNS.aanvraag)} te laat beantwoord`,
  pendingVideos: (n: number) =>
    pluralForm(n, { one: "introductievideo wacht op goedkeuring", other: "introductievideo's wachten op goedkeuring" }),
  newVideoReports: (n: number) => pluralForm(n, { one: "nieuwe melding over de videotool", other: "nieuwe meldingen over de videotool" }),
} as const satisfies Record<string, (n: number) => string>;

/** "over 1 minuut", "over 5 minuten": when a rate limit lets go again. */
export function inMinutes(n: number): string {
  return n === 0 ? "zo meteen" : `over ${countOf(n, NOUNS.minuut)}`;
}

/** "De profieltekst is 1 teken": the length of a typed text. */
export function textLength(subject: string, n: number): string {
  return `${subject} is ${countOf(n, NOUNS.teken)}`;
}

/** "Uw bericht is 1005 tekens lang. Maak het 5 tekens korter (hoogstens 1000)." */
export function textTooLongMessage(subject: string, length: number, max: number): string {
  return `${textLength(subject, length)} lang. Maak het ${countOf(length - max, NOUNS.teken)} korter (hoogstens ${formatCount(max)}).`;
}
