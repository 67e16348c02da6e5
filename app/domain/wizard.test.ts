import { describe, expect, it } from "vitest";
import {
  DAYPARTS,
  HEARD_FROM_OPTIONS,
  OFFERINGS,
  WEEKDAYS,
  WIZARD_STEPS,
  canOpenStep,
  daypartKey,
  firstUnfinishedStep,
  getStep,
  isStepKey,
  nextStep,
  parseDaypartKey,
  previousStep,
  stepStates,
  withCompletedStep,
} from "~/domain/wizard";

describe("WIZARD_STEPS", () => {
  it("lists the eight steps in order with their labels and paths", () => {
    expect(WIZARD_STEPS.map((step) => [step.key, step.label, step.path])).toEqual([
      ["aanmelding", "Aanmelding", "/aanmelden"],
      ["persoonlijk", "Persoonlijk", "/aanmelden/persoonlijk"],
      ["bedrijf", "Bedrijf", "/aanmelden/bedrijf"],
      ["profiel", "Profiel", "/aanmelden/profiel"],
      ["beschikbaarheid", "Beschikbaarheid", "/aanmelden/beschikbaarheid"],
      ["diensten", "Diensten & prijzen", "/aanmelden/diensten"],
      ["betaling", "Betaling", "/aanmelden/betaling"],
      ["voltooiing", "Voltooiing", "/aanmelden/voltooiing"],
    ]);
  });

  it("knows its keys", () => {
    expect(isStepKey("bedrijf")).toBe(true);
    expect(isStepKey("Bedrijf")).toBe(false);
    expect(isStepKey("beoordeling")).toBe(false);
    expect(getStep("diensten").label).toBe("Diensten & prijzen");
  });
});

describe("firstUnfinishedStep", () => {
  it("starts at aanmelding for a new provider", () => {
    expect(firstUnfinishedStep([])?.key).toBe("aanmelding");
  });

  it("resumes at the first step not finished, whatever order the list is in", () => {
    expect(firstUnfinishedStep(["aanmelding", "persoonlijk"])?.path).toBe("/aanmelden/bedrijf");
    expect(firstUnfinishedStep(["profiel", "aanmelding", "bedrijf"])?.key).toBe("persoonlijk");
  });

  it("ignores keys it does not know", () => {
    expect(firstUnfinishedStep(["aanmelding", "oud-stap"])?.key).toBe("persoonlijk");
  });

  it("is null when every step is finished", () => {
    expect(firstUnfinishedStep(WIZARD_STEPS.map((step) => step.key))).toBeNull();
  });
});

describe("stepStates", () => {
  it("marks finished steps done, the shown step current and the rest todo", () => {
    const states = stepStates(["aanmelding", "persoonlijk"], "bedrijf");
    expect(states.map((step) => step.state)).toEqual(["done", "done", "current", "todo", "todo", "todo", "todo", "todo"]);
    expect(states[2]).toEqual({ key: "bedrijf", label: "Bedrijf", path: "/aanmelden/bedrijf", state: "current" });
  });

  it("shows a reopened finished step as current", () => {
    const states = stepStates(["aanmelding", "persoonlijk", "bedrijf"], "persoonlijk");
    expect(states.slice(0, 4).map((step) => step.state)).toEqual(["done", "current", "done", "todo"]);
  });
});

describe("previousStep and nextStep", () => {
  it("walk the order", () => {
    expect(previousStep("bedrijf")?.key).toBe("persoonlijk");
    expect(nextStep("bedrijf")?.key).toBe("profiel");
    expect(nextStep("beschikbaarheid")?.path).toBe("/aanmelden/diensten");
  });

  it("stop at the ends", () => {
    expect(previousStep("aanmelding")).toBeNull();
    expect(nextStep("voltooiing")).toBeNull();
  });
});

describe("canOpenStep", () => {
  it("opens the first step always", () => {
    expect(canOpenStep("aanmelding", [])).toBe(true);
  });

  it("opens a step when every step before it is done", () => {
    expect(canOpenStep("bedrijf", ["aanmelding", "persoonlijk"])).toBe(true);
  });

  it("refuses a step with an unfinished step before it", () => {
    expect(canOpenStep("bedrijf", ["aanmelding"])).toBe(false);
    expect(canOpenStep("profiel", ["aanmelding", "bedrijf"])).toBe(false);
    expect(canOpenStep("betaling", [])).toBe(false);
  });

  it("always reopens a finished step", () => {
    expect(canOpenStep("profiel", ["profiel"])).toBe(true);
  });
});

describe("withCompletedStep", () => {
  it("adds the step in wizard order without duplicates", () => {
    expect(withCompletedStep(["persoonlijk", "aanmelding"], "bedrijf")).toEqual(["aanmelding", "persoonlijk", "bedrijf"]);
    expect(withCompletedStep(["aanmelding", "persoonlijk"], "aanmelding")).toEqual(["aanmelding", "persoonlijk"]);
  });

  it("drops keys it does not know", () => {
    expect(withCompletedStep(["oud-stap"], "aanmelding")).toEqual(["aanmelding"]);
  });
});

describe("choices", () => {
  it("offers the three offerings", () => {
    expect(OFFERINGS).toEqual([
      { value: "diensten-aan-huis", label: "Diensten aan huis" },
      { value: "cursussen-activiteiten", label: "Cursussen & Activiteiten" },
      { value: "kortingen-acties", label: "Kortingen & Acties" },
    ]);
  });

  it("lists the week from maandag and the three day parts", () => {
    expect(WEEKDAYS).toEqual(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]);
    expect(DAYPARTS).toEqual(["ochtend", "middag", "avond"]);
  });

  it("offers the heard-from answers", () => {
    expect(HEARD_FROM_OPTIONS.map((option) => option.label)).toEqual([
      "Via een van jullie dienstverleners",
      "Via familie of vrienden",
      "Via het Vivium Magazine",
      "Via internet of social media",
      "Anders",
    ]);
  });
});

describe("day part keys", () => {
  it("name a cell of the grid as weekday-daypart", () => {
    expect(daypartKey({ weekday: 0, daypart: 1 })).toBe("0-1");
    expect(parseDaypartKey("0-1")).toEqual({ weekday: 0, daypart: 1 });
    expect(parseDaypartKey("6-2")).toEqual({ weekday: 6, daypart: 2 });
  });

  it.each(["7-0", "0-3", "-1-0", "01", "0-1-2", "a-b", "", " 0-1"])("rejects %s", (key) => {
    expect(parseDaypartKey(key)).toBeNull();
  });
});
