/**
 * The promotion packages from the manual's table "Promotie Pakketten
 * Plezierig Leven", and the money rule that goes with them: the € 10
 * administration fee paid at signup is credited once, on the first package.
 * Prices are yearly, in cents, including 21% VAT.
 */
import type { PaymentStatus } from "#db/schema";
import { amsterdamCalendarDate, formatDutchDate } from "./age";
import { formatEuro, vatBreakdown } from "./money";
import { ADMINISTRATION_FEE_CENTS } from "./payments";
import { countOf, NOUNS } from "./plural";

export const PACKAGE_KEYS = ["basis", "plus", "luxe", "fee"] as const;
export type PackageKey = (typeof PACKAGE_KEYS)[number];

/** The lowest yearly price staff may agree for a Fee-pakket: € 500,00. */
export const FEE_MIN_PRICE_CENTS = 50_000;
export const PACKAGE_VAT_RATE = 21;

export type ContentGroupKey = "basis" | "plus" | "luxe" | "extra";
export type ContentGroup = { key: ContentGroupKey; title: string; items: readonly string[] };

export type PromotionPackage = {
  key: PackageKey;
  name: string;
  stars: number;
  /** The yearly price incl. VAT; for the Fee-pakket the lowest price ("vanaf"). */
  priceCents: number;
  /** True when staff agree the price per provider and `priceCents` is the minimum. */
  priceIsMinimum: boolean;
  contents: readonly ContentGroup[];
};

const BASIS_ACTIVITIES: ContentGroup = {
  key: "basis",
  title: "Basis activiteiten",
  items: [
    "Profiel op platform www.viviumservices.nl",
    "Bemiddelingen telefonisch & online",
    "Product op overzichtspagina Magazine (3x per jaar, oplage 33.000)",
    "Product in jaarfolder (oplage: 4.500)",
    "Promotie door Vivium Ambassadeurs",
  ],
};

// The Pluspakket itself has no information kiosk; Luxe and Fee do (as the manual's table has it).
const PLUS_ACTIVITIES: ContentGroup = {
  key: "plus",
  title: "Plus activiteiten",
  items: ["Deelname Vivium open dagen", "Poster op locaties", "Digitale nieuwsbrief"],
};

const PLUS_ACTIVITIES_WITH_KIOSK: ContentGroup = {
  key: "plus",
  title: "Plus activiteiten",
  items: ["Deelname Vivium open dagen", "Informatiezuil", "Poster op locaties", "Digitale nieuwsbrief"],
};

const LUXE_ACTIVITIES: ContentGroup = {
  key: "luxe",
  title: "Luxe activiteiten",
  items: ["Social Media Marketing", "½ pagina redactioneel in Magazine (1x per jaar)"],
};

const FEE_EXTRAS: ContentGroup = {
  key: "extra",
  title: "Extra's voor Fee-leveranciers",
  items: ["Slide banner op platform", "Bijeenkomsten"],
};

export const PACKAGES: readonly PromotionPackage[] = [
  { key: "basis", name: "Basispakket", stars: 1, priceCents: 10_000, priceIsMinimum: false, contents: [BASIS_ACTIVITIES] },
  { key: "plus", name: "Pluspakket", stars: 2, priceCents: 30_000, priceIsMinimum: false, contents: [BASIS_ACTIVITIES, PLUS_ACTIVITIES] },
  {
    key: "luxe",
    name: "Luxepakket",
    stars: 3,
    priceCents: 50_000,
    priceIsMinimum: false,
    contents: [BASIS_ACTIVITIES, PLUS_ACTIVITIES_WITH_KIOSK, LUXE_ACTIVITIES],
  },
  {
    key: "fee",
    name: "Fee-pakket",
    stars: 5,
    priceCents: FEE_MIN_PRICE_CENTS,
    priceIsMinimum: true,
    contents: [BASIS_ACTIVITIES, PLUS_ACTIVITIES_WITH_KIOSK, LUXE_ACTIVITIES, FEE_EXTRAS],
  },
];

export function isPackageKey(value: string): value is PackageKey {
  return (PACKAGE_KEYS as readonly string[]).includes(value);
}

export function getPackage(key: PackageKey): PromotionPackage {
  const found = PACKAGES.find((p) => p.key === key);
  if (!found) throw new RangeError(`Not a package: ${String(key)}`);
  return found;
}

/** `1 ster`, `3 sterren`: what a screen reader says instead of the ★ characters. */
export function starsLabel(stars: number): string {
  return countOf(stars, NOUNS.ster);
}

/** The text on the payment (what the bank statement shows) and on the invoice line. */
export function packageDescription(key: PackageKey, startsOn: string, endsOn: string): string {
  return `${getPackage(key).name} Vivium Services, ${formatDutchDate(startsOn)} t/m ${formatDutchDate(endsOn)}`;
}

/** What a provider's first package is reduced by: the administration fee they paid at signup. */
export const FIRST_PACKAGE_CREDIT_CENTS = ADMINISTRATION_FEE_CENTS;

export const ADMINISTRATION_FEE_CREDIT_DESCRIPTION = "Tegoed: administratiekosten, al betaald bij uw aanmelding";

/**
 * What a package still costs the provider, in words: `€ 290,00 (€ 300,00 min
 * € 10,00 tegoed van uw aanmelding)`, or just the amount when nothing is
 * credited. The same words on the welcome page, the package page and in the e-mail.
 */
export function amountDueText({ priceCents, creditCents }: { priceCents: number; creditCents: number }): string {
  const due = formatEuro(priceCents - creditCents);
  return creditCents > 0 ? `${due} (${formatEuro(priceCents)} min ${formatEuro(creditCents)} tegoed van uw aanmelding)` : due;
}

/**
 * Whether a package awaiting payment waits for the provider: nothing started
 * yet, open, or ended unpaid. Paid or with the bank, it waits for us only.
 */
export function waitsForProviderPayment(paymentStatus: PaymentStatus | null): boolean {
  return paymentStatus === null || !["paid", "pending", "authorized"].includes(paymentStatus);
}

export type PackagePriceError = "price-required" | "price-too-low" | "price-not-whole-cents" | "price-is-fixed";
export type PackagePriceResult = { ok: true; priceCents: number } | { ok: false; reason: PackagePriceError };

/**
 * The yearly price a package is sold for. The Basis-, Plus- and Luxepakket
 * have a fixed price (a given price must be that price); the Fee-pakket's
 * price is agreed per provider and is at least € 500,00.
 */
export function resolvePackagePrice(key: PackageKey, priceCents?: number): PackagePriceResult {
  const pkg = getPackage(key);
  if (priceCents !== undefined && !Number.isSafeInteger(priceCents)) return { ok: false, reason: "price-not-whole-cents" };
  if (!pkg.priceIsMinimum) {
    if (priceCents !== undefined && priceCents !== pkg.priceCents) return { ok: false, reason: "price-is-fixed" };
    return { ok: true, priceCents: pkg.priceCents };
  }
  if (priceCents === undefined) return { ok: false, reason: "price-required" };
  if (priceCents < pkg.priceCents) return { ok: false, reason: "price-too-low" };
  return { ok: true, priceCents };
}

export type PackagePaymentAmount = {
  /** The package's yearly price incl. VAT. */
  priceCents: number;
  /** What is deducted: the administration fee on the first package, else 0. */
  creditCents: number;
  /** What the provider pays now, split into net and VAT. */
  grossCents: number;
  netCents: number;
  vatCents: number;
};

/**
 * What a provider pays for a package: the price minus the credit still
 * available to them (the € 10 administration fee, only on their first
 * package; the caller decides whether it is still available). The credit
 * never makes the amount zero or negative.
 */
export function packagePaymentAmount({ priceCents, creditAvailableCents }: { priceCents: number; creditAvailableCents: number }): PackagePaymentAmount {
  if (!Number.isSafeInteger(priceCents) || priceCents <= 0) throw new RangeError(`Not a package price: ${priceCents}`);
  if (!Number.isSafeInteger(creditAvailableCents) || creditAvailableCents < 0) throw new RangeError(`Not a credit: ${creditAvailableCents}`);
  const creditCents = Math.min(creditAvailableCents, priceCents - 1);
  const { netCents, vatCents, grossCents } = vatBreakdown(priceCents - creditCents, PACKAGE_VAT_RATE);
  return { priceCents, creditCents, grossCents, netCents, vatCents };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoFromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reads `2026-03-01`; null for anything that is not a real calendar date. */
function parseIsoDate(iso: string): Date | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return isoFromUtc(date) === iso ? date : null;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/**
 * The last day of a one-year package: the day before the same date a year
 * later (`2026-03-01` → `2027-02-28`). A period starting on 29 February ends
 * on 28 February, the day before 1 March of the next year.
 */
export function packagePeriodEnd(startsOn: string): string {
  const start = parseIsoDate(startsOn);
  if (!start) throw new RangeError(`Not an ISO calendar date: ${startsOn}`);
  const nextYear = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate()));
  return addDays(isoFromUtc(nextYear), -1);
}

export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not an ISO calendar date: ${iso}`);
  return isoFromUtc(new Date(date.getTime() + days * 86_400_000));
}

/** The calendar date in the Netherlands at that instant, as `2026-01-01`. */
export function amsterdamIsoDate(instant: Date): string {
  const { year, month, day } = amsterdamCalendarDate(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
