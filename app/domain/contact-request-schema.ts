/**
 * The contact form "Contactgegevens opvragen van …", one schema for the
 * browser and the server, read through `parseWithZod` from
 * `@conform-to/zod/v4` (empty strings arrive as `undefined`). The schema
 * checks what can be checked without the database; the route then checks the
 * lidnummer against the member registry and the location against the geo data
 * and the provider's werkgebied, and reports those at their fields too.
 */
import { z } from "zod";
import { MEMBER_NUMBER_INVALID, normaliseMemberNumber } from "~/domain/member-number";
import { normalisePhone } from "~/domain/phone";
import type { ContactMoment } from "#db/schema";
import { textTooLongMessage } from "~/domain/count-messages";

export const MESSAGE_MAX = 1000;

export const FOR_WHOM_OPTIONS = [
  { value: "self", label: "Mijzelf" },
  { value: "other", label: "Iemand anders" },
] as const;

export const CONTACT_PREFERENCE_OPTIONS = [
  { value: "phone", label: "Telefonisch" },
  { value: "email", label: "Per e-mail" },
] as const;

export const CONTACT_MOMENT_OPTIONS = [
  { value: "ochtend", label: "'s Ochtends" },
  { value: "middag", label: "'s Middags" },
  { value: "avond", label: "'s Avonds" },
] as const satisfies ReadonlyArray<{ value: ContactMoment; label: string }>;

const MOMENTS: readonly ContactMoment[] = CONTACT_MOMENT_OPTIONS.map((o) => o.value);

export const CONTACT_PHONE_INVALID =
  "Het telefoonnummer klopt niet. Vul een Nederlands vast of mobiel nummer in, bijvoorbeeld 0612345678 of 030 1234567";

export const CONTACT_LOCATION_MISSING = "Vul de postcode of de plaats in waar de hulp nodig is";

function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);
}

export const contactRequestSchema = z
  .object({
    name: requiredText("Vul uw naam in", 100, "Uw naam mag hoogstens 100 tekens lang zijn"),
    email: z
      .string({ error: "Vul uw e-mailadres in" })
      .trim()
      .toLowerCase()
      .min(1, "Vul uw e-mailadres in")
      .max(254, "Dit e-mailadres is te lang. Een e-mailadres heeft hoogstens 254 tekens")
      .pipe(z.email({ error: "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl" })),
    phone: z.string({ error: "Vul uw telefoonnummer in" }).transform((input, ctx) => {
      const phone = normalisePhone(input);
      if (phone === null) {
        ctx.addIssue({ code: "custom", message: CONTACT_PHONE_INVALID });
        return z.NEVER;
      }
      return phone;
    }),
    memberNumber: z
      .string()
      .optional()
      .transform((input, ctx) => {
        if (input === undefined || input.trim() === "") return null;
        const number = normaliseMemberNumber(input);
        if (number === null) {
          ctx.addIssue({ code: "custom", message: MEMBER_NUMBER_INVALID });
          return z.NEVER;
        }
        return number;
      }),
    location: requiredText(
      CONTACT_LOCATION_MISSING,
      100,
      "Vul alleen een postcode of een plaatsnaam in",
    ),
    forWhom: z.enum(["self", "other"], { error: "Kies of u de dienst zoekt voor uzelf of voor iemand anders" }),
    // Only counts for "iemand anders"; checked below so that errors land on this field.
    otherPersonName: z.string().trim().optional(),
    contactPreference: z.enum(["phone", "email"], { error: "Kies hoe de dienstverlener contact met u opneemt" }),
    // Asked for a phone call only (checked below); with e-mail nobody needs to know when to ring.
    contactMoments: z
      .array(z.string(), { error: "Kies uit ochtend, middag en avond" })
      .default([])
      // Checked as a whole, so that the message lands on the group of checkboxes.
      .refine((moments) => moments.every((m) => MOMENTS.includes(m as ContactMoment)), "Kies uit ochtend, middag en avond")
      .transform((moments) => MOMENTS.filter((m) => moments.includes(m))),
    message: z
      .string()
      .overwrite((text) => text.replace(/\r\n?/g, "\n").trim())
      .superRefine((text, ctx) => {
        if (text.length > MESSAGE_MAX) {
          ctx.addIssue({
            code: "custom",
            message: textTooLongMessage("Uw bericht", text.length, MESSAGE_MAX),
          });
        }
      })
      .optional()
      .transform((text) => (text ? text : null)),
    // A field people never see; bots fill in every input. The route treats an error here as spam.
    website: z.string().max(0, "Laat dit veld leeg").optional(),
  })
  // Runs also when other fields failed (it then sees raw values), so every problem shows at once.
  .superRefine(
    (raw: Record<string, unknown>, ctx) => {
      const moments = raw.contactMoments;
      if (raw.contactPreference === "phone" && (moments === undefined || (Array.isArray(moments) && moments.length === 0))) {
        ctx.addIssue({ code: "custom", path: ["contactMoments"], message: "Kies minstens één moment waarop u gebeld kunt worden" });
      }
      if (raw.forWhom !== "other") return;
      const name = typeof raw.otherPersonName === "string" ? raw.otherPersonName.trim() : "";
      if (name === "") ctx.addIssue({ code: "custom", path: ["otherPersonName"], message: "Vul de naam in van degene voor wie u de dienst zoekt" });
      else if (name.length > 100) ctx.addIssue({ code: "custom", path: ["otherPersonName"], message: "Deze naam mag hoogstens 100 tekens lang zijn" });
    },
    // Not for a value that is no object at all (the object check already failed; reading its fields would throw).
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform(({ otherPersonName, website: _website, ...values }) => ({
    ...values,
    otherPersonName: values.forWhom === "other" ? (otherPersonName ?? null) : null,
  }));

export type ContactRequestValues = z.output<typeof contactRequestSchema>;

/** The question each field asks, in form order: the labels on the page and in the error summary. */
export const contactRequestLabels = {
  name: "Wat is uw naam?",
  email: "Wat is uw e-mailadres?",
  phone: "Wat is uw telefoonnummer?",
  memberNumber: "Wat is uw lidnummer? (optioneel)",
  location: "Waar is de hulp nodig?",
  forWhom: "Zoekt u deze dienst voor uzelf of voor iemand anders?",
  otherPersonName: "Wat is de naam van degene voor wie u de dienst zoekt?",
  contactPreference: "Hoe wilt u dat er contact met u wordt opgenomen?",
  contactMoments: "Wanneer bent u het best bereikbaar?",
  message: "Wilt u nog iets vertellen? (optioneel)",
} as const satisfies Record<Exclude<keyof z.input<typeof contactRequestSchema>, "website">, string>;
