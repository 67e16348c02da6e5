import { renderMail, SENDER_NAME, type MailContent, type MailParagraph } from "./layout";

/** The e-mails about introduction videos (staff only, for now). */

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** "De video tool werkt niet": what the provider wrote and what their browser is, for whoever picks it up. */
export function staffVideoToolReportMail({
  reportId,
  providerName,
  email,
  description,
  userAgent,
  clientDetails,
}: {
  reportId: number;
  providerName: string;
  email: string;
  description: string;
  userAgent: string | null;
  clientDetails: string | null;
}): MailContent {
  const name = oneLine(providerName);
  const contact: MailParagraph = [`Dienstverlener: ${name}\nE-mail: `, { label: email, url: `mailto:${email}` }];
  return {
    template: "staff-video-tool-report",
    subject: `Melding ${reportId}: de video tool werkt niet bij ${name}`,
    ...renderMail({
      preheader: `${name} kan geen voorstelvideo opnemen. Wilt u helpen?`,
      heading: "De video tool werkt niet",
      paragraphs: [
        `${name} meldt dat het opnemen van een voorstelvideo niet lukt (melding ${reportId}, status: nieuw).`,
        contact,
        `Wat er misging, in de woorden van de dienstverlener:\n${description}`,
        `Browser volgens de server:\n${userAgent ?? "onbekend"}`,
        `Browser volgens de pagina:\n${clientDetails ?? "niet meegestuurd (JavaScript stond uit of werkte niet)"}`,
        "Wilt u contact opnemen en zo nodig helpen de video op een andere manier aan te leveren?",
      ],
      footerNote: `Dit bericht is automatisch verstuurd door de website van ${SENDER_NAME}.`,
    }),
  };
}
