import { CONTACT } from "~/domain/contact";
import { renderMail, SENDER_NAME, type MailContent } from "./layout";

/**
 * The e-mails about a provider's account security. Each tells the reader
 * what happened and what to do if it was not them; none contains a password.
 */

const SIGN_OFF = `Met vriendelijke groet,\nHet team van ${SENDER_NAME}`;
const NOT_YOU = `Heeft u dit niet zelf gedaan? Bel ons dan meteen op ${CONTACT.phone} (${CONTACT.hours}), dan zetten wij uw account stil.`;

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** To the OLD address, after the login address was changed. */
export function emailChangedMail({ firstName, newEmail, signInUrl }: { firstName: string; newEmail: string; signInUrl: string }): MailContent {
  const subject = "Uw e-mailadres is gewijzigd";
  return {
    template: "account-email-changed",
    subject,
    ...renderMail({
      preheader: "U logt voortaan in met uw nieuwe e-mailadres.",
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `Het e-mailadres van uw account bij ${SENDER_NAME} is zojuist gewijzigd in ${oneLine(newEmail)}. U logt voortaan in met dat nieuwe e-mailadres. Berichten van ons gaan vanaf nu naar dat adres; dit is het laatste bericht op dit adres.`,
        "Voor uw veiligheid bent u op alle apparaten uitgelogd.",
        NOT_YOU,
        SIGN_OFF,
      ],
      button: { label: "Inloggen met uw nieuwe e-mailadres", url: signInUrl },
      footerNote: `U ontvangt dit bericht omdat dit e-mailadres tot nu toe bij uw account bij ${SENDER_NAME} hoorde.`,
    }),
  };
}

/** The link to choose a new password; works for one hour, once. */
export function passwordResetMail({ firstName, resetUrl, requestUrl }: { firstName: string; resetUrl: string; requestUrl: string }): MailContent {
  const subject = "Kies een nieuw wachtwoord";
  return {
    template: "account-password-reset",
    subject,
    ...renderMail({
      preheader: "Met de link in dit bericht kiest u een nieuw wachtwoord. De link werkt één uur.",
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `U heeft gevraagd om een nieuw wachtwoord voor uw account bij ${SENDER_NAME}. Met de knop hieronder kiest u een nieuw wachtwoord.`,
        [
          "De link werkt één uur en maar één keer. Is hij verlopen? ",
          { label: "Vraag dan een nieuwe link aan", url: requestUrl },
          ".",
        ],
        "Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.",
        SIGN_OFF,
      ],
      button: { label: "Nieuw wachtwoord kiezen", url: resetUrl },
      footerNote: `U ontvangt dit bericht omdat iemand op de website van ${SENDER_NAME} een nieuw wachtwoord heeft gevraagd voor dit e-mailadres.`,
    }),
  };
}

/** After the password was changed or reset. */
export function passwordChangedMail({ firstName, requestUrl }: { firstName: string; requestUrl: string }): MailContent {
  const subject = "Uw wachtwoord is gewijzigd";
  return {
    template: "account-password-changed",
    subject,
    ...renderMail({
      preheader: "Uw nieuwe wachtwoord is opgeslagen.",
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `Het wachtwoord van uw account bij ${SENDER_NAME} is zojuist gewijzigd. Op andere apparaten bent u uitgelogd; daar logt u in met uw nieuwe wachtwoord.`,
        NOT_YOU,
        ["U kunt ook zelf meteen ", { label: "een nieuw wachtwoord kiezen", url: requestUrl }, "."],
        SIGN_OFF,
      ],
      footerNote: `U ontvangt dit bericht omdat dit het e-mailadres van uw account bij ${SENDER_NAME} is.`,
    }),
  };
}
