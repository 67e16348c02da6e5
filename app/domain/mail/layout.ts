import { CONTACT } from "~/domain/contact";

/**
 * The one layout every e-mail uses: a plain-text part and an HTML part with
 * the same content. The HTML is deliberately old-fashioned (tables, inline
 * styles, no images, no <style> block) because that is what renders the
 * same in Outlook, Gmail and the mail app on a tablet; text is 18px or
 * larger with dark-on-light contrast, for readers with poorer eyesight.
 */

export type MailLink = { label: string; url: string };

/**
 * A paragraph is text, or text with links in it: `["Kijk op ", { label: "uw profiel", url }, "."]`.
 * A "\n" in the text is a line break within the paragraph.
 */
export type MailParagraph = string | ReadonlyArray<string | MailLink>;

export type MailLayoutInput = {
  /** The line mail apps show after the subject in the inbox; hidden in the message itself. */
  preheader: string;
  heading: string;
  paragraphs: ReadonlyArray<MailParagraph>;
  button?: MailLink;
  /** Why the reader gets this message, in small print above the contact details. */
  footerNote?: string;
};

export type RenderedMail = { text: string; html: string };

/** What a template hands to `enqueueMail`, apart from the address. */
export type MailContent = RenderedMail & { template: string; subject: string };

export const SENDER_NAME = "Vivium Services";

const COLOURS = {
  ink: "#1a1a1a",
  inkMuted: "#3d3d3d",
  paper: "#ffffff",
  paperAlt: "#f4f1ea",
  brand: "#0b4f6c",
  border: "#d9d4c7",
};
const FONT = "Arial, Helvetica, sans-serif";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** For text and for attribute values in double quotes alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Only web, mail and phone links: a `javascript:` or `data:` URL must never
 * reach a mailbox, whatever a caller passes in by mistake.
 */
export function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Not an absolute URL for an e-mail link: ${url}`);
  }
  if (!["https:", "http:", "mailto:", "tel:"].includes(parsed.protocol)) {
    throw new TypeError(`Unsupported URL scheme for an e-mail link: ${parsed.protocol}`);
  }
  return url;
}

export function renderMail(input: MailLayoutInput): RenderedMail {
  return { text: renderText(input), html: renderHtml(input) };
}

function parts(paragraph: MailParagraph): ReadonlyArray<string | MailLink> {
  return typeof paragraph === "string" ? [paragraph] : paragraph;
}

function renderText({ heading, paragraphs, button, footerNote }: MailLayoutInput): string {
  const paragraphText = (paragraph: MailParagraph) =>
    parts(paragraph)
      .map((part) => (typeof part === "string" ? part : linkText(part)))
      .join("");
  const blocks = [SENDER_NAME, `${heading}\n${"=".repeat(heading.length)}`, ...paragraphs.map(paragraphText)];
  if (button) blocks.push(`${button.label}:\n${checkedUrl(button.url)}`);
  if (footerNote) blocks.push(footerNote);
  blocks.push(
    [
      "--",
      SENDER_NAME,
      `Vragen? Bel ons op ${CONTACT.phone}, ${CONTACT.hours}.`,
      `Of mail naar ${CONTACT.email}.`,
    ].join("\n"),
  );
  return `${blocks.join("\n\n")}\n`;
}

function linkText(link: MailLink): string {
  const url = checkedUrl(link.url);
  // A phone number written the Dutch way needs no +31 form after it.
  if (url.startsWith("tel:") && /^[\d\s()+-]+$/.test(link.label)) return link.label;
  const shown = url.replace(/^(mailto|tel):/, "");
  return link.label === shown ? shown : `${link.label} (${shown})`;
}

function linkHtml(link: MailLink, style: string): string {
  return `<a href="${escapeHtml(checkedUrl(link.url))}" style="${style}">${escapeHtml(link.label)}</a>`;
}

/** Escaped, with the line breaks a paragraph may contain ("Met vriendelijke groet,\nHet team"). */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>\n");
}

const LINK_STYLE = `color:${COLOURS.brand};text-decoration:underline;`;

function renderHtml({ preheader, heading, paragraphs, button, footerNote }: MailLayoutInput): string {
  const paragraphHtml = (paragraph: MailParagraph) =>
    `<p style="margin:0 0 20px 0;">${parts(paragraph)
      .map((part) => (typeof part === "string" ? textHtml(part) : linkHtml(part, LINK_STYLE)))
      .join("")}</p>`;

  const buttonHtml = button
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;">
<tr><td style="background-color:${COLOURS.brand};border-radius:6px;">${linkHtml(
        button,
        `display:inline-block;padding:16px 28px;font-family:${FONT};font-size:20px;font-weight:bold;line-height:1.3;color:#ffffff;text-decoration:none;border-radius:6px;`,
      )}</td></tr>
</table>
<p style="margin:0 0 20px 0;color:${COLOURS.inkMuted};">Werkt de knop niet? Kopieer dan dit adres in uw browser:<br>${linkHtml(
        { label: button.url, url: button.url },
        `${LINK_STYLE}word-break:break-all;`,
      )}</p>`
    : "";

  const footerNoteHtml = footerNote ? `<p style="margin:0 0 16px 0;">${textHtml(footerNote)}</p>` : "";
  const contactHtml = `<p style="margin:0;">Vragen? Bel ons op ${linkHtml(
    { label: CONTACT.phone, url: CONTACT.phoneHref },
    LINK_STYLE,
  )}, ${escapeHtml(CONTACT.hours)}.<br>Of mail naar ${linkHtml(
    { label: CONTACT.email, url: `mailto:${CONTACT.email}` },
    LINK_STYLE,
  )}.</p>`;

  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(heading)}</title>
</head>
<body style="margin:0;padding:0;background-color:${COLOURS.paperAlt};">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${COLOURS.paperAlt};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:${COLOURS.paper};border:1px solid ${COLOURS.border};">
<tr><td style="padding:20px 32px;background-color:${COLOURS.brand};font-family:${FONT};font-size:24px;font-weight:bold;line-height:1.3;color:#ffffff;">${SENDER_NAME}</td></tr>
<tr><td style="padding:32px;font-family:${FONT};font-size:18px;line-height:1.6;color:${COLOURS.ink};">
<h1 style="margin:0 0 24px 0;font-family:${FONT};font-size:28px;line-height:1.3;color:${COLOURS.ink};">${escapeHtml(heading)}</h1>
${paragraphs.map(paragraphHtml).join("\n")}
${buttonHtml}
</td></tr>
<tr><td style="padding:24px 32px;background-color:${COLOURS.paperAlt};border-top:1px solid ${COLOURS.border};font-family:${FONT};font-size:18px;line-height:1.6;color:${COLOURS.ink};">
${footerNoteHtml}
<p style="margin:0 0 16px 0;font-weight:bold;">${SENDER_NAME}</p>
${contactHtml}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
