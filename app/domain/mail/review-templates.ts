import { formatDay, formatMoment } from "~/domain/contact-request-status";
import { renderMail, SENDER_NAME, type MailContent } from "./layout";

/**
 * The e-mails around a contact request after it was sent: the reminder to a
 * provider who let the deadline pass, and the invitation to the customer to
 * review a provider once the request is afgehandeld. Both say "u".
 */

const SIGN_OFF = `Met vriendelijke groet,\nHet team van ${SENDER_NAME}`;

/** A subject is one header line: names typed by people must not add line breaks or runs of spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function contactRequestReminderMail({
  providerFirstName,
  customerName,
  receivedAt,
  deadlineAt,
  requestUrl,
}: {
  providerFirstName: string;
  customerName: string;
  /** UTC ISO instants. */
  receivedAt: string;
  deadlineAt: string;
  requestUrl: string;
}): MailContent {
  const customer = oneLine(customerName);
  const subject = `Herinnering: ${customer} wacht op uw reactie`;
  return {
    template: "contact-request-reminder",
    subject,
    ...renderMail({
      preheader: `De aanvraag van ${customer} heeft nog geen reactie. Neemt u vandaag contact op?`,
      heading: "Een klant wacht op uw reactie",
      paragraphs: [
        `Beste ${oneLine(providerFirstName)},`,
        `Op ${formatMoment(receivedAt)} vroeg ${customer} u om contact op te nemen. Wij hebben nog niet gezien dat u de aanvraag in behandeling heeft genomen.`,
        `De termijn van twee werkdagen is verstreken op ${formatMoment(deadlineAt)}. Wilt u vandaag nog contact opnemen? De klant rekent op u.`,
        "Heeft u al contact gehad? Zet de aanvraag dan in de backoffice op “In behandeling” of “Afgehandeld”. Zo weten wij en de klant dat het goed gaat.",
        SIGN_OFF,
      ],
      button: { label: "Bekijk de aanvraag", url: requestUrl },
      footerNote: `U ontvangt dit bericht omdat u als dienstverlener bij ${SENDER_NAME} staat ingeschreven. U krijgt per aanvraag hoogstens één herinnering.`,
    }),
  };
}

export function reviewInvitationMail({
  customerName,
  providerName,
  reviewUrl,
  expiresAt,
}: {
  customerName: string;
  providerName: string;
  reviewUrl: string;
  /** UTC ISO instant after which the link no longer works. */
  expiresAt: string;
}): MailContent {
  const provider = oneLine(providerName);
  const subject = `Hoe was uw ervaring met ${provider}?`;
  return {
    template: "review-invitation",
    subject,
    ...renderMail({
      preheader: `Vertel andere klanten hoe ${provider} u heeft geholpen. Het kost u twee minuten.`,
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(customerName)},`,
        `U heeft via ${SENDER_NAME} contact gehad met ${provider}. Wij horen graag hoe dat is gegaan.`,
        "Wilt u een beoordeling schrijven? U geeft 1 tot 5 sterren en schrijft in een paar zinnen hoe het ging. Uw beoordeling helpt andere klanten een goede keuze te maken.",
        `De link hieronder is alleen voor u en werkt één keer, tot en met ${formatDay(expiresAt)}. U heeft geen account nodig.`,
        SIGN_OFF,
      ],
      button: { label: "Beoordeling schrijven", url: reviewUrl },
      footerNote: `U ontvangt dit bericht omdat u via ${SENDER_NAME} een contactverzoek aan ${provider} heeft gestuurd.`,
    }),
  };
}
