/**
 * The price lines of the "Diensten & prijzen" step as the form shows them:
 * plain text exactly as typed, so that a re-shown form never changes what
 * the provider wrote. Turning them into cents happens in the zod schema.
 */
import { formatEuro, formatEuroInput, memberPriceCents, parseEuroAmount } from "~/domain/money";
import type { ListIntent } from "~/domain/signup-schemas";
import { PRICE_UNIT_OPTIONS, type PriceUnitValue } from "~/domain/wizard";

export type PriceLineRow = { name: string; price: string; unit: PriceUnitValue; description: string };

/** The manual asks for at least three price descriptions, so a new provider gets three lines to fill in. */
export const STARTER_LINE_COUNT = 3;

const DEFAULT_UNIT: PriceUnitValue = "hour";

export function emptyPriceLine(): PriceLineRow {
  return { name: "", price: "", unit: DEFAULT_UNIT, description: "" };
}

function starterLines(): PriceLineRow[] {
  return Array.from({ length: STARTER_LINE_COUNT }, emptyPriceLine);
}

function isPriceUnit(value: unknown): value is PriceUnitValue {
  return PRICE_UNIT_OPTIONS.some((option) => option.value === value);
}

type SavedService = { name: string; price_cents: number; unit: string; description: string | null };

/** Stored `provider_services` rows (in position order) as form lines; none stored yet → the starter lines. */
export function priceLinesFromSaved(services: readonly SavedService[]): PriceLineRow[] {
  if (services.length === 0) return starterLines();
  return services.map((service) => ({
    name: service.name,
    price: formatEuroInput(service.price_cents),
    unit: isPriceUnit(service.unit) ? service.unit : DEFAULT_UNIT,
    description: service.description ?? "",
  }));
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * The lines as posted (`services[0].name` … read into an array by Conform),
 * without trusting their shape: a missing index or a non-text value becomes
 * an empty field instead of an error. Blank lines are kept, because they are
 * part of what the provider sees.
 */
export function priceLinesFromSubmitted(value: unknown): PriceLineRow[] {
  const rows = Array.isArray(value) ? value : value && typeof value === "object" ? [value] : [];
  return Array.from(rows, (row: unknown) => {
    const fields = row && typeof row === "object" ? (row as Record<string, unknown>) : {};
    return {
      name: text(fields.name),
      price: text(fields.price),
      unit: isPriceUnit(fields.unit) ? fields.unit : DEFAULT_UNIT,
      description: text(fields.description),
    };
  });
}

/**
 * "Voeg nog een dienst toe +" appends an empty line; "Verwijder deze dienst"
 * drops line `index` and the rest move up. The list never ends up empty, so
 * there is always a line to type in.
 */
export function applyPriceLineIntent(rows: readonly PriceLineRow[], intent: ListIntent): PriceLineRow[] {
  if (intent.action === "add") return [...rows, emptyPriceLine()];
  if (intent.action === "remove") {
    const kept = rows.filter((_, index) => index !== intent.index);
    return kept.length > 0 ? kept : [emptyPriceLine()];
  }
  return [...rows];
}

/**
 * The ledenprijs for what is typed in a price field, as a page shows it
 * (`15,00` → `€ 13,50`), or null while the field holds no valid price. The
 * same code runs on the server and, with JavaScript, at every key press.
 */
export function memberPriceText(priceInput: string): string | null {
  const parsed = parseEuroAmount(priceInput);
  return parsed.ok ? formatEuro(memberPriceCents(parsed.cents)) : null;
}

/** What "Voeg nog een dienst toe +" or "Verwijder deze dienst" did, in words, for the status message. */
export function priceLineNotice(before: readonly PriceLineRow[], intent: ListIntent): string | null {
  if (intent.action === "add") return `Er staat nu een lege regel voor dienst ${before.length + 1} klaar. Vul die hieronder in.`;
  if (intent.action !== "remove" || intent.index >= before.length) return null;
  const name = before[intent.index]?.name.trim();
  return `Dienst ${intent.index + 1}${name ? ` (${name})` : ""} is verwijderd. Dit wordt opgeslagen als u op 'Volgende stap' klikt.`;
}

/** `245 kB`, `2,4 MB`: file sizes the way a provider's computer shows them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`;
}
