import { describe, expect, it } from "vitest";
import {
  addDays,
  amountDueText,
  amsterdamIsoDate,
  FIRST_PACKAGE_CREDIT_CENTS,
  getPackage,
  isIsoDate,
  isPackageKey,
  packageDescription,
  packagePaymentAmount,
  packagePeriodEnd,
  PACKAGES,
  resolvePackagePrice,
  starsLabel,
  waitsForProviderPayment,
  type PackageKey,
} from "./packages";

const items = (key: PackageKey) => getPackage(key).contents.flatMap((group) => group.items);
const groups = (key: PackageKey) => getPackage(key).contents.map((group) => group.title);

const BASIS_ITEMS = [
  "Profiel op platform www.viviumservices.nl",
  "Bemiddelingen telefonisch & online",
  "Product op overzichtspagina Magazine (3x per jaar, oplage 33.000)",
  "Product in jaarfolder (oplage: 4.500)",
  "Promotie door Vivium Ambassadeurs",
];

describe("the four promotion packages", () => {
  it("are Basis, Plus, Luxe and Fee, in that order", () => {
    expect(PACKAGES.map((p) => p.name)).toEqual(["Basispakket", "Pluspakket", "Luxepakket", "Fee-pakket"]);
    expect(PACKAGES.map((p) => p.key)).toEqual(["basis", "plus", "luxe", "fee"]);
  });

  it("Basispakket: 1 star, € 100 a year, the basis activities only", () => {
    const basis = getPackage("basis");
    expect(basis).toMatchObject({ stars: 1, priceCents: 10_000, priceIsMinimum: false });
    expect(groups("basis")).toEqual(["Basis activiteiten"]);
    expect(items("basis")).toEqual(BASIS_ITEMS);
  });

  it("Pluspakket: 2 stars, € 300 a year, basis plus the plus activities without the information kiosk", () => {
    expect(getPackage("plus")).toMatchObject({ stars: 2, priceCents: 30_000, priceIsMinimum: false });
    expect(groups("plus")).toEqual(["Basis activiteiten", "Plus activiteiten"]);
    expect(items("plus")).toEqual([...BASIS_ITEMS, "Deelname Vivium open dagen", "Poster op locaties", "Digitale nieuwsbrief"]);
    expect(items("plus")).not.toContain("Informatiezuil");
  });

  it("Luxepakket: 3 stars, € 500 a year, adds the information kiosk and the luxe activities", () => {
    expect(getPackage("luxe")).toMatchObject({ stars: 3, priceCents: 50_000, priceIsMinimum: false });
    expect(groups("luxe")).toEqual(["Basis activiteiten", "Plus activiteiten", "Luxe activiteiten"]);
    expect(items("luxe")).toEqual([
      ...BASIS_ITEMS,
      "Deelname Vivium open dagen",
      "Informatiezuil",
      "Poster op locaties",
      "Digitale nieuwsbrief",
      "Social Media Marketing",
      "½ pagina redactioneel in Magazine (1x per jaar)",
    ]);
  });

  it("Fee-pakket: 5 stars, from € 500 a year, everything of Luxe plus the Fee extras", () => {
    expect(getPackage("fee")).toMatchObject({ stars: 5, priceCents: 50_000, priceIsMinimum: true });
    expect(groups("fee")).toEqual(["Basis activiteiten", "Plus activiteiten", "Luxe activiteiten", "Extra's voor Fee-leveranciers"]);
    expect(items("fee")).toEqual([...items("luxe"), "Slide banner op platform", "Bijeenkomsten"]);
  });

  it("knows its keys", () => {
    expect(isPackageKey("luxe")).toBe(true);
    expect(isPackageKey("goud")).toBe(false);
    expect(() => getPackage("goud" as PackageKey)).toThrow(RangeError);
  });

  it("names the stars for screen readers", () => {
    expect(starsLabel(1)).toBe("1 ster");
    expect(starsLabel(2)).toBe("2 sterren");
    expect(starsLabel(5)).toBe("5 sterren");
  });
});

describe("resolvePackagePrice", () => {
  it("gives the fixed packages their list price", () => {
    expect(resolvePackagePrice("basis")).toEqual({ ok: true, priceCents: 10_000 });
    expect(resolvePackagePrice("plus")).toEqual({ ok: true, priceCents: 30_000 });
    expect(resolvePackagePrice("luxe", 50_000)).toEqual({ ok: true, priceCents: 50_000 });
  });

  it("refuses another price for a fixed package", () => {
    expect(resolvePackagePrice("plus", 25_000)).toEqual({ ok: false, reason: "price-is-fixed" });
  });

  it("needs an agreed price of at least € 500 for the Fee-pakket", () => {
    expect(resolvePackagePrice("fee")).toEqual({ ok: false, reason: "price-required" });
    expect(resolvePackagePrice("fee", 49_999)).toEqual({ ok: false, reason: "price-too-low" });
    expect(resolvePackagePrice("fee", 50_000)).toEqual({ ok: true, priceCents: 50_000 });
    expect(resolvePackagePrice("fee", 125_000)).toEqual({ ok: true, priceCents: 125_000 });
    expect(resolvePackagePrice("fee", 60_000.5)).toEqual({ ok: false, reason: "price-not-whole-cents" });
  });
});

describe("packagePaymentAmount: the administration fee is credited once, on the first package", () => {
  it("takes € 10 off a first Basispakket: € 90,00 with € 15,62 VAT", () => {
    expect(packagePaymentAmount({ priceCents: 10_000, creditAvailableCents: FIRST_PACKAGE_CREDIT_CENTS })).toEqual({
      priceCents: 10_000,
      creditCents: 1000,
      grossCents: 9000,
      netCents: 7438,
      vatCents: 1562,
    });
  });

  it("charges a renewal the full € 100,00", () => {
    expect(packagePaymentAmount({ priceCents: 10_000, creditAvailableCents: 0 })).toEqual({
      priceCents: 10_000,
      creditCents: 0,
      grossCents: 10_000,
      netCents: 8264,
      vatCents: 1736,
    });
  });

  it.each([
    ["plus", 30_000, 29_000],
    ["luxe", 50_000, 49_000],
    ["fee", 50_000, 49_000],
  ] as const)("first %s package of %i cents costs %i", (_key, priceCents, expected) => {
    const amount = packagePaymentAmount({ priceCents, creditAvailableCents: FIRST_PACKAGE_CREDIT_CENTS });
    expect(amount.grossCents).toBe(expected);
    expect(amount.netCents + amount.vatCents).toBe(expected);
  });

  it("works for a custom Fee price", () => {
    const amount = packagePaymentAmount({ priceCents: 75_050, creditAvailableCents: 1000 });
    expect(amount).toMatchObject({ creditCents: 1000, grossCents: 74_050 });
    expect(amount.netCents + amount.vatCents).toBe(74_050);
  });

  it("never lets the credit make the amount zero", () => {
    expect(packagePaymentAmount({ priceCents: 800, creditAvailableCents: 1000 })).toMatchObject({ creditCents: 799, grossCents: 1 });
  });

  it("refuses nonsense", () => {
    expect(() => packagePaymentAmount({ priceCents: 0, creditAvailableCents: 0 })).toThrow(RangeError);
    expect(() => packagePaymentAmount({ priceCents: 10_000, creditAvailableCents: -1 })).toThrow(RangeError);
  });
});

describe("the package period", () => {
  it("lasts one year: it ends the day before the same date a year later", () => {
    expect(packagePeriodEnd("2026-01-01")).toBe("2026-12-31");
    expect(packagePeriodEnd("2026-03-01")).toBe("2027-02-28");
    expect(packagePeriodEnd("2027-03-01")).toBe("2028-02-29");
    expect(packagePeriodEnd("2026-07-15")).toBe("2027-07-14");
  });

  it("ends on 28 February for a period that starts on 29 February", () => {
    expect(packagePeriodEnd("2028-02-29")).toBe("2029-02-28");
  });

  it("refuses dates that do not exist", () => {
    expect(() => packagePeriodEnd("2026-02-30")).toThrow(RangeError);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-2-3")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-01-01", 30)).toBe("2026-01-31");
  });

  it("uses the Dutch calendar date for today", () => {
    expect(amsterdamIsoDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(amsterdamIsoDate(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });

  it("describes a package with its period in Dutch", () => {
    expect(packageDescription("plus", "2026-03-01", "2027-02-28")).toBe("Pluspakket Vivium Services, 1 maart 2026 t/m 28 februari 2027");
  });
});

describe("amountDueText", () => {
  it("shows the amount with the price and the € 10 credit it is made of", () => {
    expect(amountDueText({ priceCents: 30_000, creditCents: 1000 })).toBe("€ 290,00 (€ 300,00 min € 10,00 tegoed van uw aanmelding)");
  });

  it("is the price alone without a credit", () => {
    expect(amountDueText({ priceCents: 10_000, creditCents: 0 })).toBe("€ 100,00");
  });
});

describe("waitsForProviderPayment", () => {
  it("is true until a payment is paid or with the bank", () => {
    for (const status of [null, "created", "open", "failed", "canceled", "expired"] as const) expect(waitsForProviderPayment(status), String(status)).toBe(true);
    for (const status of ["paid", "pending", "authorized"] as const) expect(waitsForProviderPayment(status), status).toBe(false);
  });
});
