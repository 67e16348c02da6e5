/**
 * The provider signup wizard as data: its steps in order and the fixed
 * choices its forms offer. Routes, the progress list and the resume-after-
 * sign-in redirect all read the order from here.
 */

export const WIZARD_STEPS = [
  { key: "aanmelding", label: "Aanmelding", path: "/aanmelden" },
  { key: "persoonlijk", label: "Persoonlijk", path: "/aanmelden/persoonlijk" },
  { key: "bedrijf", label: "Bedrijf", path: "/aanmelden/bedrijf" },
  { key: "profiel", label: "Profiel", path: "/aanmelden/profiel" },
  { key: "beschikbaarheid", label: "Beschikbaarheid", path: "/aanmelden/beschikbaarheid" },
  { key: "diensten", label: "Diensten & prijzen", path: "/aanmelden/diensten" },
  { key: "betaling", label: "Betaling", path: "/aanmelden/betaling" },
  { key: "voltooiing", label: "Voltooiing", path: "/aanmelden/voltooiing" },
] as const;

export type StepKey = (typeof WIZARD_STEPS)[number]["key"];
export type WizardStep = { key: StepKey; label: string; path: string };
export type StepState = "done" | "current" | "todo";
export type WizardStepWithState = WizardStep & { state: StepState };

const STEP_KEYS: readonly string[] = WIZARD_STEPS.map((step) => step.key);

export function isStepKey(value: string): value is StepKey {
  return STEP_KEYS.includes(value);
}

function indexOf(key: StepKey): number {
  return STEP_KEYS.indexOf(key);
}

export function getStep(key: StepKey): WizardStep {
  return WIZARD_STEPS[indexOf(key)]!;
}

/**
 * Where signing in again resumes: the first step not yet finished, or null
 * when every step is, so the caller sends the provider to the backoffice.
 * `completed` comes from the database and may hold keys in any order.
 */
export function firstUnfinishedStep(completed: readonly string[]): WizardStep | null {
  return WIZARD_STEPS.find((step) => !completed.includes(step.key)) ?? null;
}

/** The progress list: the step being shown is `current` even when it was finished before. */
export function stepStates(completed: readonly string[], currentKey: StepKey): WizardStepWithState[] {
  return WIZARD_STEPS.map((step) => ({
    ...step,
    state: step.key === currentKey ? "current" : completed.includes(step.key) ? "done" : "todo",
  }));
}

export function previousStep(key: StepKey): WizardStep | null {
  return WIZARD_STEPS[indexOf(key) - 1] ?? null;
}

export function nextStep(key: StepKey): WizardStep | null {
  return WIZARD_STEPS[indexOf(key) + 1] ?? null;
}

/**
 * A finished step can always be reopened to change it; an unfinished one only
 * once every step before it is finished, so no step is skipped by typing its URL.
 */
export function canOpenStep(key: StepKey, completed: readonly string[]): boolean {
  if (completed.includes(key)) return true;
  return WIZARD_STEPS.slice(0, indexOf(key)).every((step) => completed.includes(step.key));
}

/** The completed list after finishing `key`: wizard order, no duplicates, unknown keys dropped. */
export function withCompletedStep(completed: readonly string[], key: StepKey): StepKey[] {
  return WIZARD_STEPS.map((step) => step.key).filter((stepKey) => stepKey === key || completed.includes(stepKey));
}

export const OFFERINGS = [
  { value: "diensten-aan-huis", label: "Diensten aan huis" },
  { value: "cursussen-activiteiten", label: "Cursussen & Activiteiten" },
  { value: "kortingen-acties", label: "Kortingen & Acties" },
] as const;
export type Offering = (typeof OFFERINGS)[number]["value"];

export const HEARD_FROM_OPTIONS = [
  { value: "dienstverlener", label: "Via een van jullie dienstverleners" },
  { value: "familie-vrienden", label: "Via familie of vrienden" },
  { value: "magazine", label: "Via het Vivium Magazine" },
  { value: "internet", label: "Via internet of social media" },
  { value: "anders", label: "Anders" },
] as const;
export type HeardFrom = (typeof HEARD_FROM_OPTIONS)[number]["value"];

export const GENDER_OPTIONS = [
  { value: "man", label: "Man" },
  { value: "vrouw", label: "Vrouw" },
  { value: "anders", label: "Anders" },
] as const;
export type Gender = (typeof GENDER_OPTIONS)[number]["value"];

/** The ja/nee radio pairs of the Bedrijf step, in the manual's order. */
export const YES_NO_OPTIONS = [
  { value: "nee", label: "Nee" },
  { value: "ja", label: "Ja" },
] as const;
export type YesNo = (typeof YES_NO_OPTIONS)[number]["value"];

export const COVERAGE_MODE_OPTIONS = [
  { value: "places", label: "Ik bedien mijn klanten in de volgende steden" },
  { value: "radius", label: "Ik bedien mijn klanten in de volgende afstand vanaf mijn adres" },
  { value: "nationwide", label: "Ik bedien mijn klanten door heel Nederland" },
] as const;
export type CoverageModeValue = (typeof COVERAGE_MODE_OPTIONS)[number]["value"];

export const MIN_RADIUS_KM = 1;
export const MAX_RADIUS_KM = 150;

export const PRICE_UNIT_OPTIONS = [
  { value: "hour", label: "uur" },
  { value: "service", label: "dienst" },
] as const;
export type PriceUnitValue = (typeof PRICE_UNIT_OPTIONS)[number]["value"];

/** Index 0 is maandag, matching `provider_dayparts.weekday`. */
export const WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"] as const;
/** Index 0 is ochtend, matching `provider_dayparts.daypart`. */
export const DAYPARTS = ["ochtend", "middag", "avond"] as const;

export type Daypart = { weekday: number; daypart: number };

/** The checkbox value for one cell of the dagdelen grid: maandag middag → `0-1`. */
export function daypartKey({ weekday, daypart }: Daypart): string {
  return `${weekday}-${daypart}`;
}

/** `0-1` → maandag middag; anything that is not a cell of the 7 × 3 grid → null. */
export function parseDaypartKey(key: string): Daypart | null {
  const match = /^([0-6])-([0-2])$/.exec(key);
  if (!match) return null;
  return { weekday: Number(match[1]), daypart: Number(match[2]) };
}
