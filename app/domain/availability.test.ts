import { describe, expect, it } from "vitest";
import {
  addPlaceToList,
  availabilityFormValues,
  coverageBaseText,
  DAYPART_NAMES,
  daypartLabel,
  placeAddedNotice,
  placeAlreadyListedNotice,
  placeDisplayName,
  placeRemovedNotice,
  removedPlace,
  WEEKDAY_NAMES,
} from "./availability";

const names = new Map([
  [10, "Woerden"],
  [20, "'s-Gravenhage"],
  [30, "Montfoort"],
]);

describe("availabilityFormValues", () => {
  it("leaves everything open for a provider who never saved the step", () => {
    expect(availabilityFormValues(null, new Map(), [])).toEqual({
      coverageMode: "",
      places: [],
      newPlace: "",
      radiusKm: "",
      dayparts: [],
    });
  });

  it("shows a saved place list by name, in the saved order", () => {
    const values = availabilityFormValues({ mode: "places", placeIds: [30, 10, 20] }, names, []);
    expect(values.coverageMode).toBe("places");
    expect(values.places).toEqual(["Montfoort", "Woerden", "'s-Gravenhage"]);
    expect(values.radiusKm).toBe("");
  });

  it("skips a place id it has no name for rather than showing a number", () => {
    expect(availabilityFormValues({ mode: "places", placeIds: [10, 99] }, names, []).places).toEqual(["Woerden"]);
  });

  it("shows a saved radius as the text of the number field", () => {
    const values = availabilityFormValues({ mode: "radius", radiusKm: 15 }, names, []);
    expect(values).toMatchObject({ coverageMode: "radius", radiusKm: "15", places: [] });
  });

  it("shows nationwide without places or radius", () => {
    expect(availabilityFormValues({ mode: "nationwide" }, names, [])).toMatchObject({
      coverageMode: "nationwide",
      places: [],
      radiusKm: "",
    });
  });

  it("ticks the saved dagdelen as checkbox values, in grid order", () => {
    const values = availabilityFormValues({ mode: "nationwide" }, names, [
      { weekday: 6, daypart: 2 },
      { weekday: 0, daypart: 1 },
      { weekday: 0, daypart: 0 },
    ]);
    expect(values.dayparts).toEqual(["0-0", "0-1", "6-2"]);
  });
});

describe("addPlaceToList", () => {
  it("adds a new place at the end", () => {
    expect(addPlaceToList(["Woerden"], "Utrecht")).toEqual({ places: ["Woerden", "Utrecht"], duplicate: false });
  });

  it("keeps the list as it was when the place is already on it, however it is spelled", () => {
    expect(addPlaceToList(["'s-Hertogenbosch", "Utrecht"], "s hertogenbosch")).toEqual({
      places: ["'s-Hertogenbosch", "Utrecht"],
      duplicate: true,
    });
  });

  it("does not change the list it was given", () => {
    const list = ["Woerden"];
    addPlaceToList(list, "Utrecht");
    expect(list).toEqual(["Woerden"]);
  });
});

describe("removedPlace", () => {
  it("names the place the pressed button belonged to", () => {
    expect(removedPlace(["Woerden", "Utrecht", "Gouda"], 1)).toBe("Utrecht");
  });

  it("is null for an index that is not in the list", () => {
    expect(removedPlace(["Woerden"], 3)).toBeNull();
  });
});

describe("placeDisplayName", () => {
  it("adds the everyday name to official spellings people may not recognise", () => {
    expect(placeDisplayName("'s-Gravenhage")).toBe("'s-Gravenhage (Den Haag)");
    expect(placeDisplayName("'s-Hertogenbosch")).toBe("'s-Hertogenbosch (Den Bosch)");
  });

  it("leaves other names alone", () => {
    expect(placeDisplayName("Woerden")).toBe("Woerden");
  });
});

describe("notices about the place list", () => {
  it("say what happened to which place", () => {
    expect(placeAddedNotice("Woerden")).toBe("Woerden is toegevoegd aan uw lijst.");
    expect(placeAlreadyListedNotice("'s-Gravenhage")).toBe("'s-Gravenhage (Den Haag) staat al in uw lijst.");
    expect(placeRemovedNotice("Utrecht")).toBe("Utrecht is uit uw lijst gehaald.");
  });
});

describe("dagdelen grid names", () => {
  it("has seven rows from Maandag and three columns from Ochtend", () => {
    expect(WEEKDAY_NAMES).toEqual(["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"]);
    expect(DAYPART_NAMES).toEqual(["Ochtend", "Middag", "Avond"]);
  });

  it("names each checkbox by its day and part of the day", () => {
    expect(daypartLabel({ weekday: 0, daypart: 0 })).toBe("Maandag ochtend");
    expect(daypartLabel({ weekday: 6, daypart: 2 })).toBe("Zondag avond");
  });
});

describe("coverageBaseText", () => {
  it("names the postcode area and place a radius is measured from, and which address it is", () => {
    expect(coverageBaseText({ pc4: 3447, placeName: "Woerden", isWorkAddress: false })).toBe("rondom 3447 Woerden (uw thuisadres)");
    expect(coverageBaseText({ pc4: 2511, placeName: "'s-Gravenhage", isWorkAddress: true })).toBe(
      "rondom 2511 's-Gravenhage (uw werkadres)",
    );
  });
});
