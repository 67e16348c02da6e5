import { parseWithZod } from "~/domain/form-submission";
import { describe, expect, it } from "vitest";
import { averageRating, firstNameOf, ratingSentence, reviewSchema, starsWord } from "./review";

function parse(values: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return parseWithZod(form, { schema: reviewSchema });
}

describe("the review form", () => {
  it("accepts 1 to 5 stars, a text of 10 to 1000 characters and a name", () => {
    const result = parse({ rating: "5", body: "  Heel fijn geholpen!  ", displayName: " Truus " });
    expect(result.status).toBe("success");
    if (result.status === "success") expect(result.value).toEqual({ rating: 5, body: "Heel fijn geholpen!", displayName: "Truus" });
    expect(parse({ rating: "1", body: "x".repeat(1000), displayName: "T" }).status).toBe("success");
  });

  it("says what to fix: no stars, stars out of range, a short or long text, no name", () => {
    const missing = parse({ body: "kort", displayName: "" });
    expect(missing.status).toBe("error");
    expect(missing.reply().error).toEqual({
      rating: ["Kies hoeveel sterren u geeft"],
      body: ["Schrijf minstens 10 tekens"],
      displayName: ["Vul de naam in die wij bij uw beoordeling tonen"],
    });
    for (const rating of ["0", "6", "3.5", "vijf"]) {
      expect(parse({ rating, body: "Prima geholpen", displayName: "T" }).reply().error?.rating, rating).toEqual(["Kies hoeveel sterren u geeft"]);
    }
    expect(parse({ rating: "4", body: "x".repeat(1001), displayName: "T" }).reply().error?.body).toEqual(["Gebruik hoogstens 1000 tekens"]);
    // Spaces do not count towards the minimum.
    expect(parse({ rating: "4", body: "   negen    ", displayName: "T" }).reply().error?.body).toEqual(["Schrijf minstens 10 tekens"]);
  });
});

describe("how ratings read", () => {
  it("names stars in Dutch", () => {
    expect(starsWord(1)).toBe("1 ster");
    expect(starsWord(5)).toBe("5 sterren");
  });

  it("rounds the average to one decimal with a comma", () => {
    expect(averageRating(9, 2)).toBe(4.5);
    expect(averageRating(13, 3)).toBe(4.3);
    expect(averageRating(0, 0)).toBeNull();
    expect(ratingSentence(4.5, 2)).toBe("4,5 van 5 sterren, 2 beoordelingen");
    expect(ratingSentence(4, 1)).toBe("4 van 5 sterren, 1 beoordeling");
  });

  it("suggests the first name to show", () => {
    expect(firstNameOf("  Truus   de Vries ")).toBe("Truus");
  });
});
