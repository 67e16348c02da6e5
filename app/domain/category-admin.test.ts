import { describe, expect, it } from "vitest";
import {
  addCategorySchema,
  categoryKeywordsSchema,
  KEYWORD_MAX,
  keywordsText,
  KEYWORDS_MAX_COUNT,
  KEYWORDS_MAX_TOTAL,
  normalizeCategoryKeywords,
  storedKeywords,
  swapPartner,
} from "./category-admin";

describe("swapPartner", () => {
  const list = [{ id: 4 }, { id: 2 }, { id: 9 }];

  it("is the neighbour above or below", () => {
    expect(swapPartner(list, 2, "up")).toEqual({ id: 4 });
    expect(swapPartner(list, 2, "down")).toEqual({ id: 9 });
  });

  it("is null at the ends and for an unknown id", () => {
    expect(swapPartner(list, 4, "up")).toBeNull();
    expect(swapPartner(list, 9, "down")).toBeNull();
    expect(swapPartner(list, 7, "up")).toBeNull();
  });
});

describe("addCategorySchema", () => {
  it("trims the name and refuses one without letters or that is too long", () => {
    expect(addCategorySchema.parse({ intent: "add", name: "  Tuinman  " }).name).toBe("Tuinman");
    expect(addCategorySchema.safeParse({ intent: "add", name: "123" }).success).toBe(false);
    expect(addCategorySchema.safeParse({ intent: "add", name: "x".repeat(61) }).success).toBe(false);
    expect(addCategorySchema.safeParse({ intent: "add", name: " " }).success).toBe(false);
  });
});

describe("normalizeCategoryKeywords", () => {
  const keywords = (text: string) => {
    const result = normalizeCategoryKeywords(text);
    if (!result.ok) throw new Error(result.message);
    return result.keywords;
  };
  const message = (text: string) => {
    const result = normalizeCategoryKeywords(text);
    if (result.ok) throw new Error(`accepted: ${result.keywords.join(", ")}`);
    return result.message;
  };

  it("splits on commas and new lines, trims and collapses spaces, and drops empty ones", () => {
    expect(keywords("kapper,  thuiskapper ,\nhaar\r\n\n knippen   aan  huis ,, ,")).toEqual(["kapper", "thuiskapper", "haar", "knippen aan huis"]);
    expect(keywords("ramen\tlappen")).toEqual(["ramen lappen"]);
  });

  it("keeps the first spelling of words that differ only in capitals, accents or apostrophe", () => {
    expect(keywords("Föhnen, fohnen, FÖHNEN, kapper, Kapper")).toEqual(["Föhnen", "kapper"]);
    expect(keywords("café, cafe")).toEqual(["café"]);
    expect(keywords("zo'n klus, zo’n klus")).toEqual(["zo'n klus"]);
  });

  it("accepts letters with accents, digits, hyphens and apostrophes, and no words at all", () => {
    expect(keywords("e-mail, cv-ketel, 't Gooi, DigiD, 112, crème, naïef")).toEqual(["e-mail", "cv-ketel", "'t Gooi", "DigiD", "112", "crème", "naïef"]);
    // Typed with a combining accent, stored as one character.
    expect(keywords("cre\u0300me")).toEqual(["crème"]);
    expect(keywords("")).toEqual([]);
    expect(keywords(" ,\n ")).toEqual([]);
  });

  it("refuses other characters and says which word and how to separate words", () => {
    expect(message("kapper; kapster")).toBe(
      'Het zoekwoord "kapper; kapster" heeft een teken dat niet kan (zoals ";"). Gebruik alleen letters, cijfers, spaties, streepjes en apostrofs, en zet een komma tussen twee zoekwoorden',
    );
    expect(message("haar/knippen, kapper, <b>, a.b, x_y")).toMatch(/^De zoekwoorden "haar\/knippen", "<b>", "a\.b" en nog 1 hebben een teken dat niet kan \(zoals "\/"\)/);
    expect(message("a\u200bb")).toMatch(/^Het zoekwoord/);
  });

  it("refuses a word without letters or digits", () => {
    expect(message("kapper, -, '")).toBe(`"-" en "'" zijn geen woorden: een zoekwoord heeft letters of cijfers`);
  });

  it("refuses a word longer than the limit, counting characters, not bytes", () => {
    expect(keywords("é".repeat(KEYWORD_MAX))).toEqual(["é".repeat(KEYWORD_MAX)]);
    expect(message(`kapper, ${"a".repeat(KEYWORD_MAX + 1)}`)).toBe(
      `Het zoekwoord "${"a".repeat(KEYWORD_MAX + 1)}" is te lang: een zoekwoord heeft hoogstens ${KEYWORD_MAX} tekens. Zet een komma tussen twee zoekwoorden`,
    );
  });

  it("refuses more than the most words, counted after repeats are dropped", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `woord${i}`);
    expect(keywords(words(KEYWORDS_MAX_COUNT).join(","))).toHaveLength(KEYWORDS_MAX_COUNT);
    expect(keywords([...words(KEYWORDS_MAX_COUNT), ...words(KEYWORDS_MAX_COUNT)].join(","))).toHaveLength(KEYWORDS_MAX_COUNT);
    expect(message(words(KEYWORDS_MAX_COUNT + 1).join(","))).toBe(`Gebruik hoogstens ${KEYWORDS_MAX_COUNT} zoekwoorden; dit zijn er ${KEYWORDS_MAX_COUNT + 1}`);
  });

  it("refuses more characters together than the limit, as stored", () => {
    // 50 words of 38 characters: 50 × 38 + 49 × 2 (", ") = 1998.
    const fits = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, "0")}${"a".repeat(36)}`);
    expect(keywordsText(keywords(fits.join("\n")))).toHaveLength(1998);
    const over = [...fits, "bcd"];
    expect(message(over.join(","))).toBe(`De zoekwoorden samen hebben hoogstens ${KEYWORDS_MAX_TOTAL} tekens; dit zijn er 2003`);
  });
});

describe("stored zoekwoorden", () => {
  it("are the list joined with commas, and read back as the same list", () => {
    const list = ["kapper", "knippen aan huis", "föhnen"];
    expect(keywordsText(list)).toBe("kapper, knippen aan huis, föhnen");
    expect(storedKeywords(keywordsText(list))).toEqual(list);
    expect(storedKeywords("")).toEqual([]);
  });
});

describe("categoryKeywordsSchema", () => {
  it("gives the normalised list, an empty one for an empty field, and the message for bad input", () => {
    expect(categoryKeywordsSchema.parse({ intent: "keywords", id: "3", keywords: " kapper ,Kapper\nhaar" })).toEqual({ intent: "keywords", id: 3, keywords: ["kapper", "haar"] });
    expect(categoryKeywordsSchema.parse({ intent: "keywords", id: "3" }).keywords).toEqual([]);
    const refused = categoryKeywordsSchema.safeParse({ intent: "keywords", id: "3", keywords: "kapper; kapster" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["keywords"], message: expect.stringContaining('"kapper; kapster"') });
    expect(categoryKeywordsSchema.safeParse({ intent: "keywords", id: "nul", keywords: "kapper" }).success).toBe(false);
  });
});
