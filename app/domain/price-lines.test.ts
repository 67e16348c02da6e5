import { describe, expect, it } from "vitest";
import {
  applyPriceLineIntent,
  emptyPriceLine,
  formatFileSize,
  memberPriceText,
  priceLineNotice,
  priceLinesFromSaved,
  priceLinesFromSubmitted,
  STARTER_LINE_COUNT,
  type PriceLineRow,
} from "~/domain/price-lines";

const line = (name: string, price = "", unit: PriceLineRow["unit"] = "hour", description = ""): PriceLineRow => ({
  name,
  price,
  unit,
  description,
});

describe("priceLinesFromSaved", () => {
  it("gives a provider without saved lines three empty lines, as the manual recommends", () => {
    expect(priceLinesFromSaved([])).toEqual([emptyPriceLine(), emptyPriceLine(), emptyPriceLine()]);
    expect(STARTER_LINE_COUNT).toBe(3);
  });

  it("puts stored cents back as a Dutch amount the provider can edit", () => {
    expect(
      priceLinesFromSaved([
        { name: "Computerhulp", price_cents: 1500, unit: "hour", description: "Ik help u met al uw computerproblemen" },
        { name: "Kapper plus", price_cents: 125_050, unit: "service", description: null },
      ]),
    ).toEqual([
      line("Computerhulp", "15,00", "hour", "Ik help u met al uw computerproblemen"),
      line("Kapper plus", "1250,50", "service", ""),
    ]);
  });
});

describe("priceLinesFromSubmitted", () => {
  it("keeps every line as typed, blank ones included, in order", () => {
    expect(
      priceLinesFromSubmitted([
        { name: "Tuinieren", price: "veel", unit: "service", description: "Snoeien" },
        { name: "", price: "", unit: "hour", description: "" },
        { name: "Ramen", price: "€ 12,5", unit: "hour" },
      ]),
    ).toEqual([line("Tuinieren", "veel", "service", "Snoeien"), line(""), line("Ramen", "€ 12,5")]);
  });

  it("does not trust the shape of what was posted", () => {
    expect(
      priceLinesFromSubmitted([undefined, null, { name: ["a", "b"], price: 15, unit: "week", description: {} }, "x"]),
    ).toEqual([line(""), line(""), line(""), line("")]);
    expect(priceLinesFromSubmitted(undefined)).toEqual([]);
    expect(priceLinesFromSubmitted("services")).toEqual([]);
    expect(priceLinesFromSubmitted({ name: "Alleen", price: "5" })).toEqual([line("Alleen", "5")]);
  });
});

describe("applyPriceLineIntent", () => {
  const rows = [line("Een", "10"), line("Twee", "20"), line("Drie", "30")];

  it("adds an empty line at the end and keeps the others as they are", () => {
    expect(applyPriceLineIntent(rows, { action: "add" })).toEqual([...rows, emptyPriceLine()]);
  });

  it("removes the chosen line so the lines after it move up", () => {
    expect(applyPriceLineIntent(rows, { action: "remove", index: 1 })).toEqual([line("Een", "10"), line("Drie", "30")]);
    expect(applyPriceLineIntent(rows, { action: "remove", index: 0 }).map((row) => row.name)).toEqual(["Twee", "Drie"]);
  });

  it("ignores a line number that does not exist", () => {
    expect(applyPriceLineIntent(rows, { action: "remove", index: 7 })).toEqual(rows);
  });

  it("leaves one empty line when the last one is removed", () => {
    expect(applyPriceLineIntent([line("Enige", "5")], { action: "remove", index: 0 })).toEqual([emptyPriceLine()]);
  });

  it("does not change the list on save, nor the list it was given", () => {
    const copy = structuredClone(rows);
    expect(applyPriceLineIntent(rows, { action: "save" })).toEqual(rows);
    applyPriceLineIntent(rows, { action: "remove", index: 0 });
    applyPriceLineIntent(rows, { action: "add" });
    expect(rows).toEqual(copy);
  });
});

describe("memberPriceText", () => {
  it.each([
    ["15", "€ 13,50"],
    ["15,00", "€ 13,50"],
    ["15.5", "€ 13,95"],
    ["€ 15", "€ 13,50"],
    ["10", "€ 9,00"],
    ["10,05", "€ 9,05"],
    ["1.250,00", "€ 1.125,00"],
  ])("shows the ledenprijs for %j as %s", (input, expected) => {
    expect(memberPriceText(input)).toBe(expected);
  });

  it.each(["", "   ", "vijftien", "0", "-5", "15,001", "20000"])("shows nothing for %j, which is no valid price", (input) => {
    expect(memberPriceText(input)).toBeNull();
  });
});

describe("priceLineNotice", () => {
  const rows = [line("Computerhulp", "15"), line("", "")];

  it("says which line was added", () => {
    expect(priceLineNotice(rows, { action: "add" })).toBe("Er staat nu een lege regel voor dienst 3 klaar. Vul die hieronder in.");
  });

  it("names the removed line and says it is saved with Volgende stap", () => {
    expect(priceLineNotice(rows, { action: "remove", index: 0 })).toBe(
      "Dienst 1 (Computerhulp) is verwijderd. Dit wordt opgeslagen als u op 'Volgende stap' klikt.",
    );
    expect(priceLineNotice(rows, { action: "remove", index: 1 })).toMatch(/^Dienst 2 is verwijderd\./);
  });

  it("says nothing on save or for a line that does not exist", () => {
    expect(priceLineNotice(rows, { action: "save" })).toBeNull();
    expect(priceLineNotice(rows, { action: "remove", index: 5 })).toBeNull();
  });
});

describe("formatFileSize", () => {
  it.each([
    [1, "1 kB"],
    [250_880, "245 kB"],
    [1024 * 1024, "1,0 MB"],
    [2_516_582, "2,4 MB"],
    [10 * 1024 * 1024, "10,0 MB"],
  ])("%i bytes → %s", (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
