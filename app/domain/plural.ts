/**
 * Counts in Dutch: "1 dienstverlener", "2 dienstverleners", "geen
 * dienstverleners". Every message with a number in it goes through here, so
 * that no page says "1 dingen" or "0 dienstverleners".
 */
const DUTCH = new Intl.PluralRules("nl-NL");
// Digits grouped from five on, as Dutch text does: 1005 tekens, 12.345 dienstverleners.
const NUMBER = new Intl.NumberFormat("nl-NL", { useGrouping: "min2" });

export type Noun = { one: string; other: string };

/** The nouns that are counted on the pages. */
export const NOUNS = {
  aanvraag: { one: "aanvraag", other: "aanvragen" },
  afspraak: { one: "afspraak", other: "afspraken" },
  beoordeling: { one: "beoordeling", other: "beoordelingen" },
  categorie: { one: "categorie", other: "categorieën" },
  contactverzoek: { one: "contactverzoek", other: "contactverzoeken" },
  dienstverlener: { one: "dienstverlener", other: "dienstverleners" },
  ding: { one: "ding", other: "dingen" },
  email: { one: "e-mail", other: "e-mails" },
  hulpvraag: { one: "hulpvraag", other: "hulpvragen" },
  lid: { one: "lid", other: "leden" },
  melding: { one: "melding", other: "meldingen" },
  minuut: { one: "minuut", other: "minuten" },
  plaats: { one: "plaats", other: "plaatsen" },
  poging: { one: "poging", other: "pogingen" },
  seconde: { one: "seconde", other: "seconden" },
  ster: { one: "ster", other: "sterren" },
  teken: { one: "teken", other: "tekens" },
} as const satisfies Record<string, Noun>;

export function isOne(n: number): boolean {
  return DUTCH.select(n) === "one";
}

/** The word that goes with `n`: "aanvraag" for 1, "aanvragen" otherwise; also for verbs ("wacht"/"wachten"). */
export function pluralForm(n: number, forms: Noun): string {
  return isOne(n) ? forms.one : forms.other;
}

export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** "1 aanvraag", "1.234 aanvragen"; with `none`, zero reads "geen aanvragen". */
export function countOf(n: number, noun: Noun, options: { none?: boolean } = {}): string {
  if (n === 0 && options.none) return `geen ${noun.other}`;
  return `${formatCount(n)} ${pluralForm(n, noun)}`;
}

/** "Er is 1 ding", "Er zijn 2 dingen", "Er zijn geen dingen". */
export function thereAre(n: number, noun: Noun): string {
  return `Er ${isOne(n) ? "is" : "zijn"} ${countOf(n, noun, { none: true })}`;
}
