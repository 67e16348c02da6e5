import { formatEuro } from "../money";
import { renderMail, SENDER_NAME, type MailContent } from "./layout";

/** The e-mail that carries an invoice; the outbox attaches the PDF when it sends. */

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function invoiceMail({
  firstName,
  invoiceNumber,
  description,
  amountCents,
  fileName,
  invoicesUrl,
}: {
  firstName: string;
  /** `2026-0001`. */
  invoiceNumber: string;
  /** What was paid for, as on the invoice. */
  description: string;
  /** What was paid, incl. VAT. */
  amountCents: number;
  /** The attachment's name, `factuur-2026-0001.pdf`, so the reader knows what to look for. */
  fileName: string;
  /** /backoffice/pakket on this site, where every invoice can be downloaded again. */
  invoicesUrl: string;
}): MailContent {
  const subject = `Uw factuur ${invoiceNumber} van ${SENDER_NAME}`;
  return {
    template: "invoice",
    subject,
    ...renderMail({
      preheader: `Wij hebben uw betaling van ${formatEuro(amountCents)} ontvangen. De factuur zit in de bijlage.`,
      heading: `Uw factuur ${invoiceNumber}`,
      paragraphs: [
        `Beste ${oneLine(firstName)},`,
        `Hartelijk dank voor uw betaling van ${formatEuro(amountCents)} (inclusief btw) voor: ${oneLine(description)}.`,
        `In de bijlage van deze e-mail vindt u de factuur (${fileName}). U hoeft niets meer te betalen. Bewaar de factuur voor uw administratie.`,
        "Al uw facturen staan ook in uw eigen omgeving, op de pagina Pakket en facturen.",
        `Met vriendelijke groet,\nHet team van ${SENDER_NAME}`,
      ],
      button: { label: "Naar Pakket en facturen", url: invoicesUrl },
      footerNote: `U ontvangt dit bericht omdat u een betaling heeft gedaan aan ${SENDER_NAME}.`,
    }),
  };
}
