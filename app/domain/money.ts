/**
 * Money is an integer number of euro cents everywhere; these functions are
 * the only way in (what a provider types) and out (what a page shows).
 */

/** The highest price a provider may ask for one line: € 10.000,00. */
export const MAX_PRICE_CENTS = 1_000_000;

export type EuroAmountError = "empty" | "format" | "zero-or-negative" | "too-many-decimals" | "too-large";
export type EuroAmountResult = { ok: true; cents: number } | { ok: false; reason: EuroAmountError };

// Euros and an optional decimal part, after the sign, currency and `,-` are gone.
const PLAIN = /^(\d*)(?:[.,](\d*))?$/;
// `1.250` or `12.500,50`: dots that group thousands, Dutch style, with an optional comma decimal part.
const DUTCH_THOUSANDS = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d*))?$/;
// More integer digits than this can only be too large, and would lose precision as a number.
const MAX_EURO_DIGITS = 7;

/**
 * Reads a euro amount the way Dutch people write it: `15`, `15,00`, `15.5`,
 * `€ 15`, `€15,-`, `35,`, `1.250,00`, `1250.50`.
 *
 * A dot followed by exactly three digits and no comma (`1.250`) is read as a
 * thousands separator, so `1.250` is € 1.250,00: in Dutch writing that is what
 * it means, and a price in tenths of a cent does not exist. `15.5` and
 * `15.50` have one or two digits after the dot, so they are decimals.
 */
export function parseEuroAmount(input: string): EuroAmountResult {
  const text = input
    .replace(/\s+/g, "")
    .replace(/^€|€$/g, "")
    .replace(/^euro?|euro?$/i, "")
    // `15,-` is how Dutch price tags write whole euros.
    .replace(/[.,][-–]{1,2}$/, "");
  if (text === "") return { ok: false, reason: "empty" };
  if (/^[-−–]/.test(text)) return { ok: false, reason: "zero-or-negative" };

  const thousands = DUTCH_THOUSANDS.exec(text);
  const plain = thousands ? null : PLAIN.exec(text);
  const euros = thousands ? thousands[1]!.replace(/\./g, "") : plain?.[1];
  const decimals = (thousands ? thousands[2] : plain?.[2]) ?? "";
  if (euros === undefined || (euros === "" && decimals === "")) return { ok: false, reason: "format" };
  if (decimals.length > 2) return { ok: false, reason: "too-many-decimals" };

  const significant = euros.replace(/^0+/, "");
  if (significant.length > MAX_EURO_DIGITS) return { ok: false, reason: "too-large" };
  const cents = Number(significant || "0") * 100 + Number(decimals.padEnd(2, "0"));
  if (cents === 0) return { ok: false, reason: "zero-or-negative" };
  if (cents > MAX_PRICE_CENTS) return { ok: false, reason: "too-large" };
  return { ok: true, cents };
}

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ".");
}

/**
 * `1500` → `€ 15,00`; `125000` → `€ 1.250,00`; `-250` → `− € 2,50`, with a real
 * minus sign (U+2212) before the euro sign, as a deduction is written in Dutch.
 * Built by hand so no ICU version changes it.
 */
export function formatEuro(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? "\u2212 " : "";
  const absolute = Math.abs(cents);
  const euros = groupThousands(String(Math.floor(absolute / 100)));
  const rest = String(absolute % 100).padStart(2, "0");
  return `${sign}€ ${euros},${rest}`;
}

/**
 * `1500` → `15,00`, for putting a stored price back into an input. No
 * thousands dots: `1250,00` reads back unambiguously.
 */
export function formatEuroInput(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

/**
 * The ledenprijs: members pay 90% of the price, in whole cents, rounded half
 * up to the nearest cent (`1005` → 904,5 → `905`). Computed in integers so
 * that no floating-point error can tip a half cent the wrong way. This is the
 * one place the member price is computed; it is never stored or entered.
 */
export function memberPriceCents(cents: number): number {
  assertCents(cents);
  if (cents < 0) throw new RangeError(`A price cannot be negative: ${cents}`);
  return Math.floor((cents * 9 + 5) / 10);
}

export type VatBreakdown = { netCents: number; vatCents: number; grossCents: number };

/**
 * Splits a price that includes VAT. The net amount is rounded to the nearest
 * cent and the VAT is what remains, so the two always add up to the gross:
 * `1000` → `826` + `174`.
 */
export function vatBreakdown(grossCents: number, ratePercent = 21): VatBreakdown {
  assertCents(grossCents);
  if (!(ratePercent >= 0)) throw new RangeError(`Not a VAT rate: ${ratePercent}`);
  const netCents = Math.round((grossCents * 100) / (100 + ratePercent));
  return { netCents, vatCents: grossCents - netCents, grossCents };
}
