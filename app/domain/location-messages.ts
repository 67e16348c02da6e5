/**
 * The one place that words what is wrong with a typed postcode or place, for
 * the search box, the contact form, the signup steps and the settings alike:
 * a customer who types "3447 G" on one page and "0000 AA" on another reads
 * the same explanation each time, naming the real problem.
 */
import { placeDisplayName } from "./availability";

/**
 * What kind of field the text was typed in, because the advice differs: a
 * postcode field can only be corrected, a "Waar?" field also takes a place.
 */
export type LocationField = "postcode" | "place" | "postcode-or-place";

export type LocationProblem =
  /** Not four digits and two letters: "3447 G", "34477 GT". */
  | { kind: "postcode-shape" }
  /** The right shape, but no such postcode: "0000 AA", or not in our data. `typed` names it where the field is not beside the message. */
  | { kind: "unknown-postcode"; typed?: string }
  | { kind: "unknown-place"; typed: string; suggestions: readonly string[] };

export type LocationMessage = {
  /** What is wrong, as a heading or the start of a field error. */
  problem: string;
  /** What to do about it; empty when the problem says it all. */
  advice: string;
  /** Both, as one field error. */
  text: string;
};

/** Why a typed location was not found, as the geo lookup reports it. */
export type FailedLookup = {
  reason: "postcode-shape" | "unknown-postcode" | "unknown-place";
  input: string;
  suggestions: readonly { name: string }[];
};

/** The problem of a failed lookup; `typed` names an unknown postcode where the message stands apart from the field. */
export function lookupProblem(lookup: FailedLookup, options: { namePostcode?: boolean } = {}): LocationProblem {
  switch (lookup.reason) {
    case "postcode-shape":
      return { kind: "postcode-shape" };
    case "unknown-postcode":
      return options.namePostcode ? { kind: "unknown-postcode", typed: lookup.input } : { kind: "unknown-postcode" };
    case "unknown-place":
      return { kind: "unknown-place", typed: lookup.input, suggestions: lookup.suggestions.map((place) => place.name) };
  }
}

/** "Woerden", "Woerden of Woudenberg", "Woerden, Wolvega of Workum". */
function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} of ${names[names.length - 1]}`;
}

/** The message for a postcode or place that cannot be used, in the words of the field it was typed in. */
export function locationProblemMessage(problem: LocationProblem, field: LocationField): LocationMessage {
  const [what, advice] = ((): [string, string] => {
    switch (problem.kind) {
      case "postcode-shape":
        return [
          "Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT",
          field === "postcode" ? "" : "Of vul alleen de naam van de plaats in",
        ];
      case "unknown-postcode":
        return [
          problem.typed ? `Deze postcode kennen wij niet: ${problem.typed}` : "Deze postcode kennen wij niet",
          field === "postcode" ? "Controleer de cijfers en letters" : "Controleer de cijfers en letters, of vul de naam van de plaats in",
        ];
      case "unknown-place": {
        const notKnown = `Wij kennen de plaats “${problem.typed.trim()}” niet`;
        if (problem.suggestions.length > 0) return [notKnown, `Bedoelt u misschien ${orList(problem.suggestions.map(placeDisplayName))}?`];
        return [notKnown, field === "place" ? "Controleer de spelling, of kies een plaats in de buurt" : "Controleer de spelling, of vul de postcode in"];
      }
    }
  })();
  return { problem: what, advice, text: advice ? `${what}. ${advice}` : what };
}
