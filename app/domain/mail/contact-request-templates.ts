import { CONTACT } from "~/domain/contact";
import { formatPhone } from "~/domain/phone";
import { formatDeadline, formatDueDay } from "~/domain/working-days";
import type { ContactMoment } from "#db/schema";
import { renderMail, SENDER_NAME, type MailContent, type MailParagraph } from "./layout";

/**
 * The two e-mails a new contact request causes: the request itself to the
 * provider (everything the customer filled in, and the deadline), and the
 * confirmation to the customer (who, what happens next, by when). Both
 * address the reader with "u".
 */

export type ContactRequestMailDetails = {
  providerFirstName: string;
  providerName: string;
  customerName: string;
  customerEmail: string;
  /** E.164, as stored. */
  customerPhone: string;
  /** Set when an active lidnummer was given: the member price applies. */
  memberNumber: string | null;
  /** The place or postcode as resolved (`3447 GT`, `Woerden`), and the place it lies in. */
  locationLabel: string;
  locationPlace: string;
  forWhom: "self" | "other";
  otherPersonName: string | null;
  contactPreference: "phone" | "email";
  contactMoments: readonly ContactMoment[];
  message: string | null;
  deadline: Date;
};

const SIGN_OFF = `Met vriendelijke groet,\nHet team van ${SENDER_NAME}`;

const MOMENT_WORDS: Record<ContactMoment, string> = { ochtend: "'s ochtends", middag: "'s middags", avond: "'s avonds" };

/** A subject is one header line: names typed by people must not add line breaks or runs of spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `'s ochtends, 's middags en 's avonds`. */
export function momentsText(moments: readonly ContactMoment[]): string {
  const words = moments.map((m) => MOMENT_WORDS[m]);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} en ${words.at(-1)}`;
}

/**
 * What the customer is told happens next, on the confirmation page and in
 * the confirmation e-mail alike: by which day, as the office would say it
 * ("dinsdag 8 december", no "om 23:59"), and how. The moments are when the
 * customer can take a call; a mail waits until it is read.
 */
export function contactPromise({
  firstName,
  dueDay,
  contactPreference,
  contactMoments,
}: {
  firstName: string;
  /** `dinsdag 8 december` (formatDueDay). */
  dueDay: string;
  contactPreference: "phone" | "email";
  contactMoments: readonly ContactMoment[];
}): string {
  const moments = momentsText(contactMoments);
  const how = contactPreference === "phone" ? `U wordt gebeld${moments ? `, het liefst ${moments}` : ""}.` : "U krijgt een e-mail.";
  return `${firstName} neemt uiterlijk ${dueDay} contact met u op. ${how}`;
}

function locationText(details: ContactRequestMailDetails): string {
  return details.locationLabel === details.locationPlace ? details.locationPlace : `${details.locationLabel} (${details.locationPlace})`;
}

function phoneLink(e164: string) {
  return /^\+\d{8,15}$/.test(e164) ? { label: formatPhone(e164), url: `tel:${e164}` } : e164;
}

/** The details the customer gave, as one paragraph of lines: "Naam: …\nE-mail: …". */
function detailLines(details: ContactRequestMailDetails, { forProvider }: { forProvider: boolean }): MailParagraph {
  const lines: Array<string | { label: string; url: string }> = [
    `Naam: ${oneLine(details.customerName)}\nE-mail: `,
    { label: details.customerEmail, url: `mailto:${details.customerEmail}` },
    "\nTelefoon: ",
    phoneLink(details.customerPhone),
    `\nLid van Vivium: ${
      details.memberNumber
        ? `ja, lidnummer ${details.memberNumber}${forProvider ? " (de ledenprijs geldt)" : ""}`
        : "nee"
    }`,
    `\nWaar: ${locationText(details)}`,
    `\nVoor wie: ${details.forWhom === "other" ? `voor iemand anders, ${oneLine(details.otherPersonName ?? "")}` : forProvider ? "voor zichzelf" : "voor uzelf"}`,
    `\nContact bij voorkeur: ${[details.contactPreference === "phone" ? "telefonisch" : "per e-mail", momentsText(details.contactMoments)].filter(Boolean).join(", ")}`,
  ];
  return lines;
}

function messageParagraphs(details: ContactRequestMailDetails): MailParagraph[] {
  return details.message ? [`Bericht:\n${details.message}`] : ["Er is geen bericht bij de aanvraag gezet."];
}

export function providerContactRequestMail(details: ContactRequestMailDetails & { backofficeUrl: string }): MailContent {
  const customer = oneLine(details.customerName);
  const deadline = formatDeadline(details.deadline);
  const how = details.contactPreference === "phone" ? "belt" : "mailt";
  return {
    template: "contact-request-provider",
    subject: `Nieuwe aanvraag van ${customer}${details.memberNumber ? " (lid, ledenprijs)" : ""}`,
    ...renderMail({
      preheader: `${customer} zoekt hulp in ${details.locationPlace}. Neem uiterlijk ${deadline} contact op.`,
      heading: "Nieuwe aanvraag via Vivium Services",
      paragraphs: [
        `Beste ${oneLine(details.providerFirstName)},`,
        `${customer} wil graag contact met u en heeft via ${SENDER_NAME} uw contactgegevens opgevraagd.${
          details.memberNumber ? " Deze klant is lid van Vivium: de ledenprijs geldt." : ""
        }`,
        `Wilt u uiterlijk ${deadline} contact opnemen? ${customer} ziet het liefst dat u ${how}. Zet de aanvraag daarna in uw backoffice op "in behandeling", en op "afgehandeld" als het contact is afgerond. Zo weten wij dat de klant geholpen wordt.`,
        detailLines(details, { forProvider: true }),
        ...messageParagraphs(details),
        SIGN_OFF,
      ],
      button: { label: "Bekijk de aanvraag", url: details.backofficeUrl },
      footerNote: `U ontvangt dit bericht omdat een klant via uw profiel op ${SENDER_NAME} contact met u zoekt. Reageer binnen twee werkdagen; daarna sturen wij u een herinnering.`,
    }),
  };
}

export function customerContactConfirmationMail(details: ContactRequestMailDetails & { profileUrl: string }): MailContent {
  const provider = oneLine(details.providerName);
  const firstName = oneLine(details.providerFirstName);
  const dueDay = formatDueDay(details.deadline);
  return {
    template: "contact-request-customer",
    subject: `Uw aanvraag is verstuurd naar ${provider}`,
    ...renderMail({
      preheader: `${firstName} neemt uiterlijk ${dueDay} contact met u op.`,
      heading: "Uw aanvraag is verstuurd",
      paragraphs: [
        `Beste ${oneLine(details.customerName)},`,
        [
          "Dank u wel. Wij hebben uw gegevens doorgegeven aan ",
          { label: provider, url: details.profileUrl },
          ".",
        ],
        `Wat gebeurt er nu? ${contactPromise({ firstName, dueDay, contactPreference: details.contactPreference, contactMoments: details.contactMoments })} Samen spreekt u af wat u nodig heeft, wanneer en wat het kost. U zit nergens aan vast.`,
        ...(details.memberNumber ? [`U heeft uw lidnummer opgegeven. Als lid van Vivium betaalt u de ledenprijs.`] : []),
        [
          "Hoort u niets? Bel ons op ",
          { label: CONTACT.phone, url: CONTACT.phoneHref },
          ` (${CONTACT.hoursShort}) of mail naar `,
          { label: CONTACT.email, url: `mailto:${CONTACT.email}` },
          ". Wij helpen u dan verder.",
        ],
        "Dit heeft u ingevuld:",
        detailLines(details, { forProvider: false }),
        // Not the message itself: this mail goes to whatever address was typed, and free text in it
        // would let anyone send their own words from our domain.
        ...(details.message ? [`Uw bericht hebben wij aan ${firstName} doorgegeven.`] : []),
        SIGN_OFF,
      ],
      footerNote: `U ontvangt dit bericht omdat u op de website van ${SENDER_NAME} contactgegevens heeft opgevraagd. Heeft u dat niet gedaan? Laat het ons dan weten.`,
    }),
  };
}
