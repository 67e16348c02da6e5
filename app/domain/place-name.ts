/**
 * Folds a place name for matching: case, accents, apostrophes, hyphens and
 * spacing do not matter, so `'s-Hertogenbosch`, `s hertogenbosch` and
 * `'S-HERTOGENBOSCH` are the same key, and `Ee` matches `Eé`.
 */
export function foldPlaceName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/^'s[\s-]+/, "s ")
    .replace(/['.]/g, "")
    .replace(/[-/\s]+/g, " ")
    .trim();
}

/**
 * Names people use for places that the postcode table spells differently.
 * Keys are what a customer may type; values are the table's name.
 */
export const PLACE_ALIASES: ReadonlyArray<readonly [alias: string, place: string]> = [
  ["Den Haag", "'s-Gravenhage"],
  ["The Hague", "'s-Gravenhage"],
  ["Den Bosch", "'s-Hertogenbosch"],
  ["Hertogenbosch", "'s-Hertogenbosch"],
  ["Alphen a/d Rijn", "Alphen aan den Rijn"],
  ["Alphen aan de Rijn", "Alphen aan den Rijn"],
  ["Capelle a/d IJssel", "Capelle aan den IJssel"],
  ["Krimpen a/d IJssel", "Krimpen aan den IJssel"],
  ["Ouderkerk a/d Amstel", "Ouderkerk aan de Amstel"],
  ["Gravenhage", "'s-Gravenhage"],
  ["Den Hague", "'s-Gravenhage"],
  ["Scheveningen", "'s-Gravenhage"],
  ["Rijswijk ZH", "Rijswijk"],
  ["Hengelo Ov", "Hengelo"],
  ["Hengelo Gld", "Hengelo"],
];
