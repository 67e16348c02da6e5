import { describe, expect, it } from "vitest";
import * as messages from "./count-messages";
import { ratingSentence, starsWord } from "./review";
import { starsLabel } from "./packages";
import { spokenDuration } from "./video-file";

const {
  errorSummaryHeading,
  searchCountSentence,
  categoryCountSentence,
  waitingRequestsSentence,
  overdueRequestsSentence,
  openRequestsSentence,
  coveragePlacesSummary,
  placesFoundMessage,
  staffReviewsCount,
  videoReportsSentence,
  overdueListSentence,
  openSearchHelpSentence,
  membersFoundSentence,
  providersFoundText,
  categoryProvidersText,
  STAFF_HOME_LABELS,
  inMinutes,
  textLength,
  textTooLongMessage,
} = messages;

type Walk = { message: (n: number) => string; said: [string, string, string] };

/** Every count message, said for 0, 1 and 2. */
const WALKS: Record<string, Walk> = {
  errorSummaryHeading: {
    message: errorSummaryHeading,
    said: ["Er is niets om aan te passen", "Er is 1 ding om aan te passen", "Er zijn 2 dingen om aan te passen"],
  },
  searchCountSentence: {
    message: (n) => searchCountSentence(n, { wat: "kapper", categoryName: null, place: "3447 GT" }),
    said: [
      "Er zijn geen dienstverleners gevonden voor “kapper” die bij 3447 GT komen.",
      "Er is 1 dienstverlener gevonden voor “kapper” die bij 3447 GT komt.",
      "Er zijn 2 dienstverleners gevonden voor “kapper” die bij 3447 GT komen.",
    ],
  },
  categoryCountSentence: {
    message: (n) => categoryCountSentence(n, "3447 GT"),
    said: [
      "Er zijn op dit moment geen dienstverleners in deze categorie die bij 3447 GT komen.",
      "1 dienstverlener in deze categorie die bij 3447 GT komt.",
      "2 dienstverleners in deze categorie die bij 3447 GT komen.",
    ],
  },
  waitingRequestsSentence: {
    message: waitingRequestsSentence,
    said: ["Er wachten geen aanvragen op uw reactie.", "1 aanvraag wacht op uw reactie.", "2 aanvragen wachten op uw reactie."],
  },
  overdueRequestsSentence: {
    message: overdueRequestsSentence,
    said: [
      "Bij geen enkele aanvraag is de termijn van twee werkdagen verstreken.",
      "Bij 1 aanvraag is de termijn van twee werkdagen verstreken.",
      "Bij 2 aanvragen is de termijn van twee werkdagen verstreken.",
    ],
  },
  openRequestsSentence: {
    message: openRequestsSentence,
    said: ["U heeft geen open aanvragen.", "U heeft 1 open aanvraag.", "U heeft 2 open aanvragen."],
  },
  coveragePlacesSummary: { message: coveragePlacesSummary, said: ["Nog geen plaatsen", "1 plaats", "2 plaatsen"] },
  placesFoundMessage: {
    message: placesFoundMessage,
    said: [
      "Geen plaatsen gevonden die zo beginnen.",
      "1 plaats gevonden. Kies met pijltje omlaag en Enter.",
      "2 plaatsen gevonden. Kies met pijltje omlaag en Enter.",
    ],
  },
  staffReviewsCount: { message: staffReviewsCount, said: ["Geen beoordelingen.", "1 beoordeling.", "2 beoordelingen."] },
  videoReportsSentence: {
    message: (n) => videoReportsSentence(n, n),
    said: ["Er zijn geen meldingen.", "1 melding, waarvan 1 nog niet opgelost.", "2 meldingen, waarvan 2 nog niet opgelost."],
  },
  overdueListSentence: {
    message: overdueListSentence,
    said: ["Er zijn geen aanvragen te laat.", "1 aanvraag is te laat.", "2 aanvragen zijn te laat."],
  },
  openSearchHelpSentence: {
    message: openSearchHelpSentence,
    said: ["Er zijn geen open hulpvragen.", "1 open hulpvraag.", "2 open hulpvragen."],
  },
  membersFoundSentence: {
    message: (n) => membersFoundSentence(n, "Bos"),
    said: ['Geen leden gevonden voor "Bos".', '1 lid gevonden voor "Bos".', '2 leden gevonden voor "Bos".'],
  },
  providersFoundText: {
    message: providersFoundText,
    said: ["Geen dienstverleners gevonden", "1 dienstverlener gevonden", "2 dienstverleners gevonden"],
  },
  categoryProvidersText: { message: categoryProvidersText, said: ["geen dienstverleners", "1 dienstverlener", "2 dienstverleners"] },
  inMinutes: { message: inMinutes, said: ["zo meteen", "over 1 minuut", "over 2 minuten"] },
  textLength: {
    message: (n) => textLength("De profieltekst", n),
    said: ["De profieltekst is 0 tekens", "De profieltekst is 1 teken", "De profieltekst is 2 tekens"],
  },
  textTooLongMessage: {
    message: (n) => textTooLongMessage("Uw bericht", 1000 + n, 1000),
    said: [
      "Uw bericht is 1000 tekens lang. Maak het 0 tekens korter (hoogstens 1000).",
      "Uw bericht is 1001 tekens lang. Maak het 1 teken korter (hoogstens 1000).",
      "Uw bericht is 1002 tekens lang. Maak het 2 tekens korter (hoogstens 1000).",
    ],
  },
  "STAFF_HOME_LABELS.openSearchHelp": {
    message: (n) => `${n} ${STAFF_HOME_LABELS.openSearchHelp(n)}`,
    said: [
      "0 hulpvragen van klanten wachten op een belletje",
      "1 hulpvraag van een klant wacht op een belletje",
      "2 hulpvragen van klanten wachten op een belletje",
    ],
  },
  "STAFF_HOME_LABELS.awaitingCall": {
    message: (n) => `${n} ${STAFF_HOME_LABELS.awaitingCall(n)}`,
    said: [
      "0 nieuwe dienstverleners wachten op een belletje",
      "1 nieuwe dienstverlener wacht op een belletje",
      "2 nieuwe dienstverleners wachten op een belletje",
    ],
  },
  "STAFF_HOME_LABELS.live": {
    message: (n) => `${n} ${STAFF_HOME_LABELS.live(n)}`,
    said: ["0 dienstverleners online", "1 dienstverlener online", "2 dienstverleners online"],
  },
  "STAFF_HOME_LABELS.suspended": {
    message: (n) => `${n} ${STAFF_HOME_LABELS.suspended(n)}`,
    said: ["0 dienstverleners offline gezet", "1 dienstverlener offline gezet", "2 dienstverleners offline gezet"],
  },
  "STAFF_HOME_LABELS.overdueRequests": {
    message: (n) => `${n} ${STAFF_HOME_LABELS.overdueRequests(n)}`,
    said: ["0 aanvragen te laat beantwoord", "1 aanvraag te laat beantwoord", "2 aanvragen te laat beantwoord"],
  },
  "STAFF_HOME_LABELS.pendingVideos": {
    message: (n) => `${n} ${STAFF_HOME_LABELS.pendingVideos(n)}`,
    said: [
      "0 introductievideo's wachten op goedkeuring",
      "1 introductievideo wacht op goedkeuring",
      "2 introductievideo's wachten op goedkeuring",
    ],
  },
  "STAFF_HOME_LABELS.newVideoReports": {
    message: (n) => `${n} ${STAFF_HOME_LABELS.newVideoReports(n)}`,
    said: ["0 nieuwe meldingen over de videotool", "1 nieuwe melding over de videotool", "2 nieuwe meldingen over de videotool"],
  },
  starsWord: { message: starsWord, said: ["0 sterren", "1 ster", "2 sterren"] },
  starsLabel: { message: starsLabel, said: ["0 sterren", "1 ster", "2 sterren"] },
  ratingSentence: {
    message: (n) => ratingSentence(4.5, n),
    said: ["4,5 van 5 sterren, 0 beoordelingen", "4,5 van 5 sterren, 1 beoordeling", "4,5 van 5 sterren, 2 beoordelingen"],
  },
  spokenDuration: {
    message: (n) => spokenDuration(n * 61),
    said: ["0 seconden", "1 minuut en 1 seconde", "2 minuten en 2 seconden"],
  },
};

describe("every count message", () => {
  it.each(Object.entries(WALKS))("%s reads right for 0, 1 and 2", (_, { message, said }) => {
    expect([0, 1, 2].map((n) => message(n))).toEqual(said);
  });

  it("walks every message the module exports, and every staff home label", () => {
    const exported = Object.keys(messages).flatMap((name) =>
      name === "STAFF_HOME_LABELS" ? Object.keys(STAFF_HOME_LABELS).map((key) => `STAFF_HOME_LABELS.${key}`) : [name],
    );
    expect(exported.filter((name) => !(name in WALKS))).toEqual([]);
  });
});

describe("count messages with a second part", () => {
  it("names the categoryless and placeless variants", () => {
    expect(searchCountSentence(1, { wat: "", categoryName: "Pedicures", place: null })).toBe("Er is 1 dienstverlener gevonden in Pedicures.");
    expect(categoryCountSentence(0, null)).toBe(
      "Er zijn op dit moment nog geen dienstverleners in deze categorie. Kijk later nog eens, of kies een andere categorie.",
    );
    expect(categoryCountSentence(1, null)).toBe("1 dienstverlener in deze categorie.");
  });

  it("says all reports are solved when none is open", () => {
    expect(videoReportsSentence(1, 0)).toBe("1 melding, opgelost.");
    expect(videoReportsSentence(2, 0)).toBe("2 meldingen, alle opgelost.");
    expect(videoReportsSentence(3, 1)).toBe("3 meldingen, waarvan 1 nog niet opgelost.");
  });

  it("leaves out the search words when there are none", () => {
    expect(membersFoundSentence(2, "")).toBe("2 leden gevonden.");
  });
});
