/**
 * Helpers for the development mailbox at /dev/mail.
 */

export const OUTBOX_STATUS_LABELS = {
  pending: "wacht op verzending",
  sending: "wordt verstuurd",
  sent: "verstuurd",
  failed: "mislukt",
} as const;

const amsterdamDateTime = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** `2026-11-29T09:05:03.000Z` → `29 november 2026 om 10:05:03`, Dutch time. */
export function formatAmsterdamDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : amsterdamDateTime.format(date);
}

/** The web addresses in a plain-text message, once each, in order: the links a developer follows. */
export function linksInText(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
  return [...new Set(found.map((url) => url.replace(/[.,;:!?]+$/, "")))];
}

const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Our pages' Content-Security-Policy allows no inline styles, and a srcdoc
 * iframe inherits that policy, so an e-mail shown there would lose all its
 * styling. This moves every `style` attribute and `<style>` element into a
 * stylesheet that the page serves from its own origin (allowed by
 * `style-src 'self'`), and links it from the e-mail's head: the preview
 * looks like the real message without loosening the policy.
 *
 * Author styles always beat the browser's own, so attribute selectors keep
 * the look of inline styles; nothing else in an e-mail competes with them.
 */
export function moveInlineStyles(html: string, stylesheetHref: string): { html: string; css: string } {
  const rules: string[] = [];
  const numbers = new Map<string, number>();

  let rewritten = html.replace(STYLE_ELEMENT, (_element, body: string) => {
    rules.push(body.trim());
    return "";
  });
  rewritten = rewritten.replace(STYLE_ATTRIBUTE, (_attribute, doubleQuoted?: string, singleQuoted?: string) => {
    const declarations = decodeAttribute(doubleQuoted ?? singleQuoted ?? "").trim();
    let number = numbers.get(declarations);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(declarations, number);
      rules.push(`[data-preview-style="${number}"] { ${declarations} }`);
    }
    return ` data-preview-style="${number}"`;
  });

  const link = `<link rel="stylesheet" href="${stylesheetHref.replace(/"/g, "&quot;")}">`;
  rewritten = /<\/head\s*>/i.test(rewritten) ? rewritten.replace(/<\/head\s*>/i, (head) => `${link}${head}`) : `${link}${rewritten}`;
  return { html: rewritten, css: `${rules.join("\n")}\n` };
}
