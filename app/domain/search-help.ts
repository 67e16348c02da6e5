/**
 * "Help mij zoeken": a customer who found nobody leaves a name, a phone
 * number, what they need and where, and Vivium's office calls them back.
 * One schema for the form, read through `parseWithZod` from
 * ~/domain/form-submission (empty strings arrive as `undefined`). The place
 * is not looked up in the geo data: staff talk it through on the phone, and
 * a place we do not know must not stop someone from asking for help.
 */
import { z } from "zod";
import { CONTACT_PHONE_INVALID } from "./contact-request-schema";
import { normalisePhone } from "./phone";
import { textTooLongMessage } from "./count-messages";

export const SEARCH_HELP_MAX = { name: 100, what: 500, place: 100 } as const;

function requiredText(missing: string, max: number, tooLong: (length: number) => string) {
  return z
    .string({ error: missing })
    .overwrite((text) => text.replace(/\r\n?/g, "\n").trim())
    .min(1, missing)
    .superRefine((text, ctx) => {
      if (text.length > max) ctx.addIssue({ code: "custom", message: tooLong(text.length) });
    });
}

export const searchHelpSchema = z
  .object({
    name: requiredText("Vul uw naam in", SEARCH_HELP_MAX.name, () => `Uw naam mag hoogstens ${SEARCH_HELP_MAX.name} tekens lang zijn`),
    phone: z.string({ error: "Vul uw telefoonnummer in. Dan kunnen wij u terugbellen" }).transform((input, ctx) => {
      const phone = normalisePhone(input);
      if (phone === null) {
        ctx.addIssue({ code: "custom", message: CONTACT_PHONE_INVALID });
        return z.NEVER;
      }
      return phone;
    }),
    what: requiredText(
      "Vul in waar u hulp bij zoekt, bijvoorbeeld: iemand die mijn haar thuis knipt",
      SEARCH_HELP_MAX.what,
      (length) => textTooLongMessage("Uw tekst", length, SEARCH_HELP_MAX.what),
    ),
    place: requiredText(
      "Vul de plaats of de postcode in waar u hulp zoekt",
      SEARCH_HELP_MAX.place,
      () => "Vul alleen een plaatsnaam of een postcode in",
    ),
    // A field people never see; bots fill in every input. The route treats an error here as spam.
    website: z.string().max(0, "Laat dit veld leeg").optional(),
  })
  .transform(({ website: _website, ...values }) => values);

export type SearchHelpValues = z.output<typeof searchHelpSchema>;

/** The visible label of each field, in form order: on the page and in the error summary. */
export const searchHelpLabels = {
  name: "Naam",
  phone: "Telefoonnummer",
  what: "Waar zoekt u hulp bij?",
  place: "In welke plaats?",
} as const satisfies Record<Exclude<keyof z.input<typeof searchHelpSchema>, "website">, string>;

/**
 * What the search page hands over (`?wat=` and `?waar=`), as the form's
 * first values: trimmed, and cut to what the fields accept, so that a long
 * address never starts the form with an error.
 */
export function searchHelpPrefill(params: URLSearchParams): { what: string; place: string } {
  const read = (name: string, max: number) => (params.get(name) ?? "").replace(/\s+/g, " ").trim().slice(0, max).trim();
  return { what: read("wat", SEARCH_HELP_MAX.what), place: read("waar", SEARCH_HELP_MAX.place) };
}

/** The staff button "Afgehandeld": which request. */
export const searchHelpHandledSchema = z.object({
  requestId: z.coerce.number({ error: "Onbekende hulpvraag" }).int().positive(),
});
