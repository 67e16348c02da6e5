import { formatDutchDate } from "../age";
import { formatEuro } from "../money";
import { amountDueText } from "../packages";
import { renderMail, SENDER_NAME, type MailContent } from "./layout";

/** The e-mails about promotion packages that staff send from /beheer/pakketten. */

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Staff have assigned a package after the intake call: what it costs after the € 10 credit, and where to pay. */
export function packageAssignedMail({
  firstName,
  packageName,
  priceCents,
  creditCents,
  startsOn,
  endsOn,
  payUrl,
}: {
  firstName: string;
  packageName: string;
  /** The yearly price incl. VAT. */
  priceCents: number;
  /** The administration fee taken off, or 0. */
  creditCents: number;
  startsOn: string;
  endsOn: string;
  /** /backoffice/pakket on this site, where "Betalen met iDEAL" is. */
  payUrl: string;
}): MailContent {
  const amount = formatEuro(priceCents - creditCents);
  const subject = `Uw ${packageName} staat klaar`;
  return {
    template: "package-assigned",
    subject,
    ...renderMail({
      preheader: `Te betalen: ${amount}. U betaalt eenvoudig met iDEAL.`,
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `Fijn dat u heeft gekozen voor het ${packageName}. Wij hebben het voor u klaargezet, van ${formatDutchDate(startsOn)} tot en met ${formatDutchDate(endsOn)}.`,
        `Te betalen: ${amountDueText({ priceCents, creditCents })}, inclusief btw.`,
        "U betaalt met iDEAL in uw eigen omgeving: klik op de knop hieronder en log in als dat wordt gevraagd. Zodra wij uw betaling hebben ontvangen, is uw pakket actief en krijgt u de factuur per e-mail.",
        "Heeft u vragen over het pakket of de betaling? Antwoord gerust op deze e-mail, dan bellen wij u.",
        `Met vriendelijke groet,\nHet team van ${SENDER_NAME}`,
      ],
      button: { label: `${amount} betalen met iDEAL`, url: payUrl },
      footerNote: `U ontvangt dit bericht omdat u bij ${SENDER_NAME} een promotiepakket heeft afgesproken.`,
    }),
  };
}

/** A friendly reminder that a package assigned after the intake call is still to be paid. */
export function packagePaymentReminderMail({
  firstName,
  packageName,
  amountCents,
  startsOn,
  endsOn,
  packagePageUrl,
}: {
  firstName: string;
  packageName: string;
  /** What is still to be paid, incl. VAT. */
  amountCents: number;
  startsOn: string;
  endsOn: string;
  /** /backoffice/pakket on this site. */
  packagePageUrl: string;
}): MailContent {
  const subject = `Herinnering: betaling ${packageName}`;
  return {
    template: "package-payment-reminder",
    subject,
    ...renderMail({
      preheader: `Uw ${packageName} staat klaar. Er staat nog ${formatEuro(amountCents)} open.`,
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `Na ons telefoongesprek hebben wij het ${packageName} voor u klaargezet, van ${formatDutchDate(startsOn)} tot en met ${formatDutchDate(endsOn)}. De betaling van ${formatEuro(amountCents)} (inclusief btw) hebben wij nog niet ontvangen.`,
        "U betaalt eenvoudig met iDEAL op de pagina Pakket en facturen in uw eigen omgeving. Heeft u al betaald? Dan kunt u dit bericht als niet verzonden beschouwen.",
        "Heeft u vragen over het pakket of de betaling? Antwoord gerust op deze e-mail, dan bellen wij u.",
        `Met vriendelijke groet,\nHet team van ${SENDER_NAME}`,
      ],
      button: { label: "Naar Pakket en facturen", url: packagePageUrl },
      footerNote: `U ontvangt dit bericht omdat u bij ${SENDER_NAME} een promotiepakket heeft afgesproken.`,
    }),
  };
}

/** Why staff should look: the package's state when the payment came in. */
export function packageNotActivatedReason(packageStatus: string | null): string {
  switch (packageStatus) {
    case "cancelled":
      return "het pakket was al vervangen of geannuleerd toen de betaling binnenkwam";
    case "active":
      return "het pakket was al betaald";
    case "expired":
      return "het pakket was al verlopen";
    default:
      return "er hoort geen pakket bij deze betaling";
  }
}

/** To staff: a package payment was paid but activated nothing (ADR 014). */
export function staffPackagePaymentNotActivatedMail({
  providerName,
  packageName,
  packageStatus,
  amountCents,
  description,
  staffUrl,
}: {
  providerName: string;
  packageName: string | null;
  packageStatus: string | null;
  amountCents: number;
  description: string;
  /** /beheer/dienstverleners/:id on this site. */
  staffUrl: string;
}): MailContent {
  const name = oneLine(providerName);
  const subject = `Betaling zonder pakket: ${name}`;
  return {
    template: "staff-package-payment-not-activated",
    subject,
    ...renderMail({
      preheader: `${name} betaalde ${formatEuro(amountCents)}, maar er is geen pakket geactiveerd.`,
      heading: "Betaald, maar geen pakket geactiveerd",
      paragraphs: [
        `${name} heeft ${formatEuro(amountCents)} betaald voor: ${oneLine(description)}${packageName ? ` (${packageName})` : ""}.`,
        `Er is niets geactiveerd: ${packageNotActivatedReason(packageStatus)}. De factuur is wel gemaakt, want het geld is binnen.`,
        "Betaal het bedrag terug via het Mollie-dashboard, of spreek met de dienstverlener af hoe het wordt verrekend. Zet de betaling daarna op afgehandeld bij Pakketten in het beheer.",
      ],
      button: { label: "Open in het beheer", url: staffUrl },
      footerNote: `Dit bericht is automatisch verstuurd door de website van ${SENDER_NAME}.`,
    }),
  };
}
