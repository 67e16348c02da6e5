/**
 * The zod schemas of the staff console's smaller forms (members, packages,
 * overdue requests, reviews, video tool reports). One schema per form serves
 * the server's validation; messages are the Dutch the page shows.
 */
import { z } from "zod";
import { parseDutchDate } from "./age";
import { normaliseMemberNumber } from "./member-number";
import { MEMBER_NAME_MAX } from "./member-csv";
import { parseEuroAmount } from "./money";
import { FEE_MIN_PRICE_CENTS, PACKAGE_KEYS } from "./packages";
import { VIDEO_REPORT_STATUSES } from "./video-report";

const id = z.coerce.number({ error: "Onbekend nummer" }).int().positive();

export const memberLabels = { number: "Lidnummer", name: "Naam (niet verplicht)" } as const;

export const addMemberSchema = z.object({
  intent: z.literal("add"),
  number: z
    .string({ error: "Vul het lidnummer in" })
    .trim()
    .transform((value, ctx) => {
      const number = normaliseMemberNumber(value);
      if (number === null) {
        ctx.addIssue({ code: "custom", message: "Een lidnummer heeft 6 tot 10 letters en cijfers, met minstens één cijfer, bijvoorbeeld VIV100001" });
        return z.NEVER;
      }
      return number;
    }),
  name: z
    .string()
    .trim()
    .max(MEMBER_NAME_MAX, `Gebruik hoogstens ${MEMBER_NAME_MAX} tekens`)
    .optional()
    .transform((value) => value || null),
});

export const memberActiveSchema = z.object({ intent: z.enum(["deactivate", "activate"]), memberId: id });

export const packageLabels = {
  providerId: "Dienstverlener",
  package: "Pakket",
  price: "Prijs per jaar (alleen bij het Fee-pakket)",
  startsOn: "Ingangsdatum",
} as const;

/** Assigning a package: the Fee-pakket needs an agreed price of at least € 500; the others have their list price. */
export const assignPackageSchema = z
  .object({
    intent: z.literal("assign"),
    providerId: z.coerce.number({ error: "Kies een dienstverlener" }).int().positive("Kies een dienstverlener"),
    package: z.enum(PACKAGE_KEYS, { error: "Kies een pakket" }),
    price: z.string().trim().optional(),
    startsOn: z.string().trim().optional(),
  })
  .transform((value, ctx) => {
    let priceCents: number | undefined;
    if (value.package === "fee") {
      const parsed = parseEuroAmount(value.price ?? "");
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: ["price"], message: "Vul de afgesproken prijs per jaar in, bijvoorbeeld 750,00" });
      } else if (parsed.cents < FEE_MIN_PRICE_CENTS) {
        ctx.addIssue({ code: "custom", path: ["price"], message: "Het Fee-pakket kost minstens € 500,00 per jaar" });
      } else {
        priceCents = parsed.cents;
      }
    } else if (value.price) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "Alleen bij het Fee-pakket vult u een prijs in; laat dit veld leeg" });
    }
    let startsOn: string | undefined;
    if (value.startsOn) {
      const parsed = parseDutchDate(value.startsOn);
      if (parsed === null) ctx.addIssue({ code: "custom", path: ["startsOn"], message: "Vul een datum in zoals 1-3-2026, of laat het veld leeg voor vandaag" });
      else startsOn = parsed;
    }
    return { providerId: value.providerId, package: value.package, priceCents, startsOn };
  });

export const packageReminderSchema = z.object({ intent: z.literal("remind"), providerPackageId: id });

/** "Afgehandeld" on a payment that activated no package: what staff did about it (refund, settled with the provider). */
export const paymentAttentionSchema = z.object({
  intent: z.literal("resolve-payment"),
  paymentId: id,
  note: z
    .string({ error: "Schrijf kort op wat er met het geld is gebeurd" })
    .trim()
    .min(1, "Schrijf kort op wat er met het geld is gebeurd")
    .max(500, "Gebruik hoogstens 500 tekens"),
});

export const STAFF_NOTE_MAX = 1000;

export const staffCallSchema = z.object({
  requestId: id,
  note: z
    .string({ error: "Schrijf kort op wat er is besproken" })
    .trim()
    .min(2, "Schrijf kort op wat er is besproken")
    .max(STAFF_NOTE_MAX, `Gebruik hoogstens ${STAFF_NOTE_MAX} tekens`),
});

export const HIDDEN_REASON_MAX = 500;

export const reviewModerationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("hide"),
    reviewId: id,
    reason: z
      .string({ error: "Schrijf waarom deze beoordeling verborgen wordt" })
      .trim()
      .min(3, "Schrijf waarom deze beoordeling verborgen wordt")
      .max(HIDDEN_REASON_MAX, `Gebruik hoogstens ${HIDDEN_REASON_MAX} tekens`),
  }),
  z.object({
    intent: z.literal("unhide"),
    reviewId: id,
    reason: z
      .string({ error: "Schrijf waarom deze beoordeling weer zichtbaar wordt" })
      .trim()
      .min(3, "Schrijf waarom deze beoordeling weer zichtbaar wordt")
      .max(HIDDEN_REASON_MAX, `Gebruik hoogstens ${HIDDEN_REASON_MAX} tekens`),
  }),
]);

export const videoReportStatusSchema = z.object({
  reportId: id,
  status: z.enum(VIDEO_REPORT_STATUSES as ["nieuw", "opgepakt", "opgelost"], { error: "Kies een status" }),
});

export const VIDEO_REPORT_STATUS_LABEL = { nieuw: "Nieuw", opgepakt: "Opgepakt", opgelost: "Opgelost" } as const;
