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

/** To the OLD address, after the link to the new one was used. */
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

/** To the NEW address: the link that makes it the login name; works for 24 hours, once. */
export function emailChangeConfirmMail({ firstName, confirmUrl }: { firstName: string; confirmUrl: string }): MailContent {
  const subject = "Bevestig uw nieuwe e-mailadres";
  return {
    template: "account-email-change-confirm",
    subject,
    ...renderMail({
      preheader: "Met de knop in dit bericht wordt dit uw nieuwe e-mailadres. De link werkt 24 uur.",
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `U heeft gevraagd om voortaan met dit e-mailadres in te loggen bij ${SENDER_NAME}. Klik op de knop hieronder om dat te bevestigen. Pas daarna is dit uw nieuwe e-mailadres; tot die tijd logt u in met uw oude e-mailadres.`,
        "De link werkt 24 uur en maar één keer.",
        "Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: er verandert niets.",
        SIGN_OFF,
      ],
      button: { label: "Mijn nieuwe e-mailadres bevestigen", url: confirmUrl },
      footerNote: `U ontvangt dit bericht omdat iemand op de website van ${SENDER_NAME} dit e-mailadres heeft opgegeven als nieuw e-mailadres van een account.`,
    }),
  };
}

/**
 * To the OLD address, when a change was asked. Said the same way whether or
 * not the new address already has an account, so this mail tells nobody that.
 */
export function emailChangeRequestedMail({ firstName, newEmail, accountUrl }: { firstName: string; newEmail: string; accountUrl: string }): MailContent {
  const subject = "U wilt uw e-mailadres wijzigen";
  return {
    template: "account-email-change-requested",
    subject,
    ...renderMail({
      preheader: "Tot de wijziging is bevestigd, logt u in met dit e-mailadres.",
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `U heeft gevraagd om het e-mailadres van uw account bij ${SENDER_NAME} te wijzigen in ${oneLine(newEmail)}. Wij hebben een e-mail naar dat adres gestuurd.`,
        "Pas als de link in die e-mail is gebruikt, logt u in met het nieuwe e-mailadres. Tot die tijd blijft dit e-mailadres uw inlogadres, en er verandert niets als de link niet wordt gebruikt.",
        `Heeft u dit niet zelf gedaan? Log dan in, kies "Wijziging annuleren" bij E-mailadres en wachtwoord en kies een nieuw wachtwoord. Of bel ons op ${CONTACT.phone} (${CONTACT.hours}).`,
        SIGN_OFF,
      ],
      button: { label: "Naar E-mailadres en wachtwoord", url: accountUrl },
      footerNote: `U ontvangt dit bericht omdat dit het e-mailadres van uw account bij ${SENDER_NAME} is.`,
    }),
  };
}

/**
 * To an address that already has an account, when another account asked to
 * use it. The requester is told nothing of this; the owner learns that
 * nothing changed.
 */
export function emailInUseMail({ signInUrl }: { signInUrl: string }): MailContent {
  const subject = "Iemand wilde uw e-mailadres gebruiken";
  return {
    template: "account-email-in-use",
    subject,
    ...renderMail({
      preheader: "Er is niets veranderd aan uw account.",
      heading: subject,
      paragraphs: [
        "Beste dienstverlener,",
        `Op de website van ${SENDER_NAME} heeft iemand gevraagd om dit e-mailadres te gebruiken voor een ander account. Dit e-mailadres hoort al bij uw account, dus dat kan niet. Er is niets veranderd aan uw account.`,
        `Heeft u dit zelf gedaan, bijvoorbeeld omdat u twee accounts heeft? Bel ons dan op ${CONTACT.phone} (${CONTACT.hours}), dan helpen wij u verder.`,
        SIGN_OFF,
      ],
      button: { label: "Inloggen", url: signInUrl },
      footerNote: `U ontvangt dit bericht omdat dit het e-mailadres van uw account bij ${SENDER_NAME} is.`,
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
