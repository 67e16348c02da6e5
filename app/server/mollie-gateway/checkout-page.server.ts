import {
  CHECKOUT_OUTCOMES,
  OUTCOME_LABELS,
  STATUS_LABELS,
  amountValueToCents,
  returnUrlFor,
  type GatewayPayment,
} from "~/domain/mollie-gateway";
import { formatEuro } from "~/domain/money";

/**
 * The gateway's checkout pages: plain HTML with one inline style block (under
 * a nonce), no JavaScript, in Dutch, and unmistakably a test.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fffbea; }
  .banner { background: repeating-linear-gradient(135deg, #ffd60a 0 24px, #1a1a1a 24px 48px); padding: 0.5rem; }
  .banner p { margin: 0 auto; max-width: 40rem; background: #ffd60a; color: #1a1a1a; padding: 0.75rem 1rem; font-weight: 700; border: 3px solid #1a1a1a; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
  .summary { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1.25rem; margin: 0 0 1.5rem; padding: 1rem 1.25rem; background: #fff; border: 2px solid #1a1a1a; border-radius: 0.5rem; }
  .summary dt { font-weight: 700; }
  .summary dd { margin: 0; overflow-wrap: anywhere; }
  .amount { font-size: 1.5rem; font-weight: 700; }
  fieldset { border: 0; margin: 0; padding: 0; }
  legend { font-size: 1.25rem; font-weight: 700; margin-bottom: 0.75rem; padding: 0; }
  .choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem; }
  button { font: inherit; font-size: 1.25rem; font-weight: 700; min-height: 4rem; padding: 0.75rem 1rem; border: 3px solid #1a1a1a; border-radius: 0.5rem; color: #fff; cursor: pointer; }
  button:hover { text-decoration: underline; }
  button:focus-visible, a:focus-visible { outline: 4px solid #1a1a1a; outline-offset: 3px; box-shadow: 0 0 0 8px #ffd60a; }
  .paid { background: #146c2e; }
  .failed { background: #a4161a; }
  .canceled { background: #3d3d3d; }
  .expired { background: #7a4100; }
  .error { border: 3px solid #a4161a; background: #fff; padding: 0.75rem 1rem; margin: 0 0 1rem; font-weight: 700; }
  .hint { margin-top: 1.5rem; }
  a { color: #0b4f9c; font-weight: 700; }
  code { font-size: 1rem; }
`;

function layout(title: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Mollie-testgateway</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header class="banner"><p>TESTMODUS – dit is de lokale Mollie-testgateway van Vivium Services. Er wordt geen echt geld betaald.</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

function summary(payment: GatewayPayment): string {
  return `<dl class="summary">
<dt>Bedrag</dt><dd class="amount">${escapeHtml(formatEuro(amountValueToCents(payment.amount.value)))}</dd>
<dt>Omschrijving</dt><dd>${escapeHtml(payment.description)}</dd>
<dt>Kenmerk</dt><dd><code>${escapeHtml(payment.id)}</code></dd>
</dl>`;
}

/** The open payment: what it is for and four buttons, one per outcome. */
export function checkoutPage(payment: GatewayPayment, nonce: string, error?: string): string {
  const buttons = CHECKOUT_OUTCOMES.map(
    (outcome) => `<button type="submit" name="status" value="${outcome}" class="${outcome}">${OUTCOME_LABELS[outcome]}</button>`,
  ).join("\n");
  return layout(
    "Testbetaling",
    nonce,
    `<h1>Testbetaling</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
${summary(payment)}
<form method="post" action="/checkout/${escapeHtml(payment.id)}">
<fieldset>
<legend>Kies hoe deze testbetaling afloopt</legend>
<div class="choices">
${buttons}
</div>
</fieldset>
</form>
<p class="hint">Na uw keuze krijgt de website bericht van de nieuwe status en gaat u terug naar de website.</p>`,
  );
}

/** A payment that is no longer open cannot be chosen again. */
export function finishedPage(payment: GatewayPayment, nonce: string): string {
  return layout(
    "Betaling al afgerond",
    nonce,
    `<h1>Deze betaling is al afgerond</h1>
${summary(payment)}
<p>Status: <strong>${escapeHtml(STATUS_LABELS[payment.status])}</strong>.</p>
<p><a href="${escapeHtml(returnUrlFor(payment))}">Terug naar de website</a></p>`,
  );
}

export function notFoundPage(nonce: string): string {
  return layout(
    "Betaling niet gevonden",
    nonce,
    `<h1>Deze betaling bestaat niet</h1>
<p>Controleer de link. Betalingen staan in de gateway tot de map <code>mollie-gateway</code> in DATA_DIR wordt gewist.</p>`,
  );
}
