import { CONTACT } from "../contact";
import { renderMail, SENDER_NAME, type MailContent } from "./layout";

/** E-mails that follow a staff action in the console (/beheer). */

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** To the provider: their profile is offline, why, and whom to call. */
export function providerSuspendedMail({ firstName, reason }: { firstName: string; reason: string }): MailContent {
  const name = oneLine(firstName);
  return {
    template: "provider-suspended",
    subject: `Uw profiel bij ${SENDER_NAME} staat offline`,
    ...renderMail({
      preheader: "Klanten kunnen u op dit moment niet vinden. Hier leest u waarom.",
      heading: "Uw profiel staat offline",
      paragraphs: [
        `Beste ${name},`,
        `Een medewerker van ${SENDER_NAME} heeft uw profiel offline gezet. Klanten vinden u nu niet bij het zoeken en kunnen u geen aanvraag sturen.`,
        `De reden:\n${reason.trim()}`,
        `Heeft u vragen, of is dit opgelost? Bel ons op ${CONTACT.phone} (${CONTACT.hours}), dan kijken wij samen hoe uw profiel weer online kan.`,
        `Met vriendelijke groet,\n${SENDER_NAME}`,
      ],
      footerNote: `U ontvangt dit bericht omdat u bij ${SENDER_NAME} bent aangemeld als dienstverlener.`,
    }),
  };
}

/** To the provider: the profile is back online. */
export function providerRepublishedMail({ firstName, profileUrl }: { firstName: string; profileUrl: string }): MailContent {
  const name = oneLine(firstName);
  return {
    template: "provider-republished",
    subject: `Uw profiel bij ${SENDER_NAME} staat weer online`,
    ...renderMail({
      preheader: "Klanten kunnen u weer vinden.",
      heading: "Uw profiel staat weer online",
      paragraphs: [`Beste ${name},`, "Uw profiel staat weer online: klanten vinden u weer bij het zoeken.", `Met vriendelijke groet,\n${SENDER_NAME}`],
      button: { label: "Bekijk uw profiel", url: profileUrl },
      footerNote: `U ontvangt dit bericht omdat u bij ${SENDER_NAME} bent aangemeld als dienstverlener.`,
    }),
  };
}
