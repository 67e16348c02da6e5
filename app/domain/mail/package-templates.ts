import { formatDutchDate } from "../age";
import { formatEuro } from "../money";
import { renderMail, SENDER_NAME, type MailContent } from "./layout";

/** The e-mails about promotion packages that staff send from /beheer/pakketten. */

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
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
