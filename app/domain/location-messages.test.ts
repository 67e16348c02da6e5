import { describe, expect, it } from "vitest";
import { locationProblemMessage, lookupProblem } from "./location-messages";

describe("locationProblemMessage", () => {
  it("says a postcode has four digits and two letters when the shape is wrong", () => {
    expect(locationProblemMessage({ kind: "postcode-shape" }, "postcode").text).toBe("Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT");
    expect(locationProblemMessage({ kind: "postcode-shape" }, "postcode-or-place").text).toBe(
      "Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT. Of vul alleen de naam van de plaats in",
    );
  });

  it("says the postcode is unknown when only the shape is right", () => {
    expect(locationProblemMessage({ kind: "unknown-postcode" }, "postcode").text).toBe("Deze postcode kennen wij niet. Controleer de cijfers en letters");
    expect(locationProblemMessage({ kind: "unknown-postcode" }, "postcode-or-place").text).toBe(
      "Deze postcode kennen wij niet. Controleer de cijfers en letters, of vul de naam van de plaats in",
    );
  });

  it("names an unknown postcode where asked, for a notice away from the field", () => {
    expect(locationProblemMessage({ kind: "unknown-postcode", typed: "1004 AB" }, "postcode-or-place").problem).toBe("Deze postcode kennen wij niet: 1004 AB");
  });

  it("offers close place names, with the everyday name", () => {
    expect(locationProblemMessage({ kind: "unknown-place", typed: " Woerdn ", suggestions: ["Woerden"] }, "place").text).toBe(
      "Wij kennen de plaats “Woerdn” niet. Bedoelt u misschien Woerden?",
    );
    expect(locationProblemMessage({ kind: "unknown-place", typed: "Wo", suggestions: ["Woerden", "Wolvega", "Workum"] }, "postcode-or-place").advice).toBe(
      "Bedoelt u misschien Woerden, Wolvega of Workum?",
    );
    expect(locationProblemMessage({ kind: "unknown-place", typed: "Gravenhag", suggestions: ["'s-Gravenhage"] }, "place").advice).toBe(
      "Bedoelt u misschien 's-Gravenhage (Den Haag)?",
    );
  });

  it("asks to check the spelling when no place is close, with the way out the field offers", () => {
    expect(locationProblemMessage({ kind: "unknown-place", typed: "Xyzzy", suggestions: [] }, "place").text).toBe(
      "Wij kennen de plaats “Xyzzy” niet. Controleer de spelling, of kies een plaats in de buurt",
    );
    expect(locationProblemMessage({ kind: "unknown-place", typed: "Xyzzy", suggestions: [] }, "postcode-or-place").text).toBe(
      "Wij kennen de plaats “Xyzzy” niet. Controleer de spelling, of vul de postcode in",
    );
  });

  it("never asks to fill in a field: every problem is about what was typed", () => {
    const problems = [
      { kind: "postcode-shape" },
      { kind: "unknown-postcode" },
      { kind: "unknown-place", typed: "Xyzzy", suggestions: [] },
    ] as const;
    for (const problem of problems) {
      for (const field of ["postcode", "place", "postcode-or-place"] as const) {
        expect(locationProblemMessage(problem, field).text).not.toMatch(/^Vul /);
      }
    }
  });
});

describe("lookupProblem", () => {
  it("turns what the geo lookup reports into the problem to word", () => {
    expect(lookupProblem({ reason: "postcode-shape", input: "3447 G", suggestions: [] })).toEqual({ kind: "postcode-shape" });
    expect(lookupProblem({ reason: "unknown-postcode", input: "1004 AB", suggestions: [] })).toEqual({ kind: "unknown-postcode" });
    expect(lookupProblem({ reason: "unknown-postcode", input: "1004 AB", suggestions: [] }, { namePostcode: true })).toEqual({
      kind: "unknown-postcode",
      typed: "1004 AB",
    });
    expect(lookupProblem({ reason: "unknown-place", input: "Woerdn", suggestions: [{ name: "Woerden" }] })).toEqual({
      kind: "unknown-place",
      typed: "Woerdn",
      suggestions: ["Woerden"],
    });
  });
});
