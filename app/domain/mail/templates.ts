import { formatPhone } from "~/domain/phone";
import { renderMail, SENDER_NAME, type MailContent, type MailParagraph } from "./layout";

/**
 * The e-mails the platform sends. Each returns everything `enqueueMail`
 * needs apart from the address; the template name is what the outbox and
 * /dev/mail show. Providers are addressed with "u", as everywhere on the site.
 */

const SIGN_OFF = `Met vriendelijke groet,\nHet team van ${SENDER_NAME}`;

/** A subject is one header line: names typed by people must not add line breaks or runs of spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function providerLiveMail({
  firstName,
  profileUrl,
  backofficeUrl,
}: {
  firstName: string;
  profileUrl: string;
  backofficeUrl: string;
}): MailContent {
  const subject = "Uw profiel staat online";
  return {
    template: "provider-live",
    subject,
    ...renderMail({
      preheader: "Klanten bij u in de buurt kunnen u nu vinden. Dit gebeurt er hierna.",
      heading: subject,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        // The profile goes online the moment the fee is paid; nobody has looked at it yet, so the
        // mail must not say so. Staff get their own mail asking them to call.
        [
          "Goed nieuws: wij hebben uw betaling ontvangen en ",
          { label: "uw profiel", url: profileUrl },
          " staat nu online. Klanten bij u in de buurt kunnen u vanaf nu vinden en contact met u opnemen.",
        ],
        `Wat gebeurt er nu? Binnen een paar werkdagen belt een medewerker van ${SENDER_NAME} u op voor een kennismaking. Wij vertellen u dan ook over onze promotiepakketten, waarmee klanten u sneller vinden. U beslist zelf of u daar gebruik van maakt.`,
        "Een tip: neem in uw eigen omgeving een korte voorstelvideo op. Klanten zien dan meteen wie er bij hen langskomt, en dat geeft vertrouwen.",
        SIGN_OFF,
      ],
      button: { label: "Voorstelvideo opnemen", url: backofficeUrl },
      footerNote: `U ontvangt dit bericht omdat u zich bij ${SENDER_NAME} hebt aangemeld als dienstverlener.`,
    }),
  };
}

export function staffProviderLiveMail({
  providerName,
  email,
  phone,
  backofficeUrl,
}: {
  providerName: string;
  email: string;
  /** As stored: E.164 (`+31610034891`), or null when the provider gave none. */
  phone: string | null;
  backofficeUrl: string;
}): MailContent {
  const name = oneLine(providerName);
  const details: MailParagraph = [
    `Naam: ${name}\nE-mail: `,
    { label: email, url: `mailto:${email}` },
    "\nTelefoon: ",
    ...(phone && /^\+\d{8,15}$/.test(phone) ? [{ label: formatPhone(phone), url: `tel:${phone}` }] : [phone ?? "niet ingevuld"]),
  ];
  return {
    template: "staff-provider-live",
    subject: `Nieuwe dienstverlener online: ${name}`,
    ...renderMail({
      preheader: `${name} staat online. Wilt u bellen over een promotiepakket?`,
      heading: "Nieuwe dienstverlener online",
      paragraphs: [
        `${name} staat sinds vandaag online op ${SENDER_NAME}.`,
        "Wilt u binnen twee werkdagen bellen om kennis te maken en de promotiepakketten te bespreken?",
        details,
      ],
      button: { label: "Open in het beheer", url: backofficeUrl },
      footerNote: `Dit bericht is automatisch verstuurd door de website van ${SENDER_NAME}.`,
    }),
  };
}
