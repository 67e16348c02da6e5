/**
 * One zod schema per signup step, shared by the browser and the server and
 * read through `parseWithZod(formData, { schema })` from `@conform-to/zod/v4`,
 * which turns empty strings into `undefined` before these rules see them.
 * Field names are the form's `name` attributes; every message speaks to the
 * provider in plain Dutch.
 *
 * Fields that only count after a ja/nee or a coverage choice are read as raw
 * strings and checked in an object-level refinement with the field's path, so
 * a hidden, half-filled field never blocks the step and errors land on the
 * right input. Those refinements run even when other fields fail, so the
 * provider sees every problem at once.
 */
import { z } from "zod";
import { ageOn, parseDutchDate } from "~/domain/age";
import { parseKvkNumber } from "~/domain/kvk";
import { type EuroAmountError, parseEuroAmount } from "~/domain/money";
import { checkPassword } from "~/domain/password";
import { normalisePhone } from "~/domain/phone";
import { foldPlaceName } from "~/domain/place-name";
import { locationProblemMessage } from "~/domain/location-messages";
import { readPostcode } from "~/domain/postcode";
import {
  COVERAGE_MODE_OPTIONS,
  type CoverageModeValue,
  type Daypart,
  GENDER_OPTIONS,
  HEARD_FROM_OPTIONS,
  MAX_RADIUS_KM,
  MIN_RADIUS_KM,
  OFFERINGS,
  PRICE_UNIT_OPTIONS,
  type PriceUnitValue,
  type StepKey,
  YES_NO_OPTIONS,
  parseDaypartKey,
} from "~/domain/wizard";
import { textLength } from "~/domain/count-messages";

// ---------------------------------------------------------------------------
// Building blocks

function valuesOf<const T extends readonly { value: string }[]>(options: T) {
  return options.map((option) => option.value) as unknown as [T[number]["value"], ...T[number]["value"][]];
}

/** Trimmed text that must be filled in; whitespace alone counts as empty. */
function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);
}

/** Trimmed text that may be left empty; empty is stored as null. */
function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));
}

/**
 * Browsers post textarea line breaks as CRLF while the live counter counts
 * one character per break; normalising first keeps the server's count equal
 * to the one the provider saw.
 */
function normaliseMultiline(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

type CountedTextOptions = {
  missing: string;
  min?: number;
  max: number;
  tooShort?: (length: number) => string;
  tooLong: (length: number) => string;
};

/** A textarea whose messages say how long the text is, one problem at a time. */
function countedText(options: CountedTextOptions) {
  return z
    .string({ error: options.missing })
    .overwrite(normaliseMultiline)
    .superRefine((text, ctx) => {
      const problem =
        text.length === 0
          ? options.missing
          : options.min !== undefined && options.tooShort && text.length < options.min
            ? options.tooShort(text.length)
            : text.length > options.max
              ? options.tooLong(text.length)
              : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

function optionalCountedText(max: number, tooLong: (n: number) => string) {
  return z
    .string()
    .overwrite(normaliseMultiline)
    .superRefine((text, ctx) => {
      if (text.length > max) ctx.addIssue({ code: "custom", message: tooLong(text.length) });
    })
    .optional()
    .transform((value) => (value ? value : null));
}

/** Text read by one of the domain parsers; null from the parser is the `invalid` message. */
function parsedText<T>(missing: string, parse: (input: string) => T | null, invalid: string) {
  return z.string({ error: missing }).transform((input, ctx) => {
    const parsed = parse(input);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return parsed;
  });
}

type Path = (string | number)[];
type Ctx = z.RefinementCtx;

/** Runs a field schema inside an object refinement and reports its messages on `path`. */
function checkField(ctx: Ctx, schema: z.ZodType, value: unknown, path: Path): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: [...path, ...issue.path] });
  }
}

/** A refinement sees the raw value when other fields failed; read it without trusting types. */
function rawString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function rawArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// Object-level refinements must also run when another field already failed.
// Only when the input is an object at all: a refinement reading raw fields of `undefined` would throw.
const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

// ---------------------------------------------------------------------------
// Shared fields

export const PHONE_INVALID =
  "Het telefoonnummer klopt niet. Vul een Nederlands nummer in, bijvoorbeeld 0612345678 of 030 1234567";

const firstName = requiredText("Vul uw voornaam in", 60, "Uw voornaam mag hoogstens 60 tekens lang zijn");

const email = z
  .string({ error: "Vul uw e-mailadres in" })
  .trim()
  .toLowerCase()
  .min(1, "Vul uw e-mailadres in")
  .max(254, "Dit e-mailadres is te lang. Een e-mailadres heeft hoogstens 254 tekens")
  .pipe(z.email({ error: "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl" }));

const password = z.string({ error: "Kies een wachtwoord" }).superRefine((value, ctx) => {
  const problem = checkPassword(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

type AddressMessages = { postcode: string; houseNumber: string; street: string };

const HOME_ADDRESS: AddressMessages = {
  postcode: "Vul uw postcode in",
  houseNumber: "Vul uw huisnummer in",
  street: "Vul uw straatnaam in",
};

const WORK_ADDRESS: AddressMessages = {
  postcode: "Vul de postcode van uw werkadres in",
  houseNumber: "Vul het huisnummer van uw werkadres in",
  street: "Vul de straatnaam van uw werkadres in",
};

/** House numbers are stored as text (`providers.home_house_number`), without leading zeros. */
function parseHouseNumber(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 ? String(value) : null;
}

/** `3447 GT`, or a message saying whether the shape is wrong or no such postcode exists. */
function postcodeText(missing: string) {
  return z.string({ error: missing }).transform((input, ctx) => {
    const reading = readPostcode(input);
    if (reading.ok) return reading.postcode.formatted;
    const problem = reading.problem === "shape" ? ({ kind: "postcode-shape" } as const) : ({ kind: "unknown-postcode" } as const);
    ctx.addIssue({ code: "custom", message: locationProblemMessage(problem, "postcode").text });
    return z.NEVER;
  });
}

function addressFields(messages: AddressMessages) {
  return {
    postcode: postcodeText(messages.postcode),
    houseNumber: parsedText(
      messages.houseNumber,
      parseHouseNumber,
      "Vul alleen het nummer in, bijvoorbeeld 12. Een letter of ander toevoegsel vult u in bij Toevoeging",
    ),
    addition: z
      .string()
      .trim()
      .max(6, { error: "Een toevoeging heeft hoogstens 6 tekens, bijvoorbeeld A of bis", abort: true })
      .regex(/^[A-Za-z0-9-]*$/, "Gebruik voor de toevoeging alleen letters, cijfers of een streepje, bijvoorbeeld A of 2-hoog")
      .optional()
      .transform((value) => (value ? value : null)),
    street: requiredText(messages.street, 80, "De straatnaam mag hoogstens 80 tekens lang zijn"),
    // The hint says it may be left empty: the server fills in the place of the postcode, so empty is never an error.
    city: optionalText(80, "De plaatsnaam mag hoogstens 80 tekens lang zijn"),
  };
}

const homeAddress = addressFields(HOME_ADDRESS);
const workAddress = addressFields(WORK_ADDRESS);

export type ListIntent = { action: "save" } | { action: "add" } | { action: "remove"; index: number };

/**
 * The submit button that was pressed: `save` ("Volgende stap"), `add-<item>`
 * or `remove-<item>-<index>`. Missing means save, so Enter in a text field
 * saves as well.
 */
export function parseListIntent(value: string | undefined, item: string): ListIntent | null {
  if (value === undefined || value === "save") return { action: "save" };
  if (value === `add-${item}`) return { action: "add" };
  const match = new RegExp(`^remove-${item}-(\\d{1,4})$`).exec(value);
  return match ? { action: "remove", index: Number(match[1]) } : null;
}

function listIntent(item: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const intent = parseListIntent(value, item);
      if (intent === null) {
        ctx.addIssue({ code: "custom", message: "Deze knop wordt niet herkend. Probeer het opnieuw" });
        return z.NEVER;
      }
      return intent;
    });
}

/** The intent as a refinement sees it: already parsed, or null when the button was not recognised. */
function intentOf(value: unknown): ListIntent | null {
  return typeof value === "object" && value !== null && "action" in value ? (value as ListIntent) : null;
}

function removedIndex(intent: ListIntent): number | null {
  return intent.action === "remove" ? intent.index : null;
}

// ---------------------------------------------------------------------------
// 1. Aanmelding

export const aanmeldingSchema = z.object({
  offerings: z
    .array(z.enum(valuesOf(OFFERINGS), { error: "Kies een van de genoemde diensten" }))
    .min(1, "Kies minstens één soort dienst die u wilt aanbieden")
    .transform((values) => [...new Set(values)]),
  firstName,
  email,
  password,
  heardFrom: z
    .enum(valuesOf(HEARD_FROM_OPTIONS), { error: "Kies een van de mogelijkheden uit de lijst" })
    .optional()
    .transform((value) => value ?? null),
  acceptTerms: z.literal(true, {
    error: "U kunt zich alleen aanmelden als u akkoord gaat met de algemene voorwaarden en het privacy statement",
  }),
  // A field people never see; bots fill in every input. The route treats an error here as spam.
  website: z.string().max(0, "Laat dit veld leeg").optional(),
});

export type AanmeldingValues = z.output<typeof aanmeldingSchema>;

// ---------------------------------------------------------------------------
// 2. Persoonlijk

const OLDEST_PLAUSIBLE_AGE = 120;

/** A factory because "18 or older" depends on the day the form is posted. */
export function persoonlijkSchema(today: Date) {
  return z.object({
    firstName,
    infix: optionalText(20, "Een tussenvoegsel heeft hoogstens 20 tekens, bijvoorbeeld van der"),
    lastName: requiredText("Vul uw achternaam in", 80, "Uw achternaam mag hoogstens 80 tekens lang zijn"),
    phone: parsedText("Vul uw telefoonnummer in", normalisePhone, PHONE_INVALID),
    gender: z.enum(valuesOf(GENDER_OPTIONS), { error: "Kies uw geslacht" }),
    birthDate: z.string({ error: "Vul uw geboortedatum in, bijvoorbeeld 7-9-1962" }).transform((input, ctx) => {
      const iso = parseDutchDate(input);
      if (iso === null) {
        ctx.addIssue({
          code: "custom",
          message: "Deze datum klopt niet. Schrijf dag, maand en jaar, bijvoorbeeld 7-9-1962 of 7 september 1962",
        });
        return z.NEVER;
      }
      const age = ageOn(iso, today);
      const problem =
        age < 0
          ? "Uw geboortedatum kan niet in de toekomst liggen"
          : age < 18
            ? "U moet 18 jaar of ouder zijn om u aan te melden als dienstverlener"
            : age > OLDEST_PLAUSIBLE_AGE
              ? "Controleer het geboortejaar, bijvoorbeeld 1962"
              : null;
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return iso;
    }),
    ...homeAddress,
  });
}

export type PersoonlijkValues = z.output<ReturnType<typeof persoonlijkSchema>>;

// ---------------------------------------------------------------------------
// 3. Bedrijf

const companyName = requiredText("Vul uw bedrijfsnaam in", 100, "De bedrijfsnaam mag hoogstens 100 tekens lang zijn");
const kvkNumber = parsedText(
  "Vul uw KvK-nummer in",
  parseKvkNumber,
  "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678",
);

const WORK_FIELDS = {
  workPostcode: workAddress.postcode,
  workHouseNumber: workAddress.houseNumber,
  workAddition: workAddress.addition,
  workStreet: workAddress.street,
  workCity: workAddress.city,
} as const;

const yesNo = (missing: string) => z.enum(valuesOf(YES_NO_OPTIONS), { error: missing });

type KvkPart =
  | { hasKvk: "ja"; companyName: string; kvkNumber: string }
  | { hasKvk: "nee"; companyName: null; kvkNumber: null };

type WorkAddressPart =
  | {
      hasWorkAddress: "ja";
      workPostcode: string;
      workHouseNumber: string;
      workAddition: string | null;
      workStreet: string;
      /** Null when left empty: the place of the postcode is filled in. */
      workCity: string | null;
    }
  | {
      hasWorkAddress: "nee";
      workPostcode: null;
      workHouseNumber: null;
      workAddition: null;
      workStreet: null;
      workCity: null;
    };

/** When a ja/nee is "nee", its fields come back null: whatever was typed there is discarded. */
export type BedrijfValues = KvkPart & WorkAddressPart;

export const bedrijfSchema = z
  .object({
    hasKvk: yesNo("Geef aan of u een KvK-nummer heeft"),
    companyName: z.string().optional(),
    kvkNumber: z.string().optional(),
    hasWorkAddress: yesNo("Geef aan of uw werkadres anders is dan uw thuisadres"),
    workPostcode: z.string().optional(),
    workHouseNumber: z.string().optional(),
    workAddition: z.string().optional(),
    workStreet: z.string().optional(),
    workCity: z.string().optional(),
  })
  .superRefine((raw: Record<string, unknown>, ctx) => {
    if (raw.hasKvk === "ja") {
      checkField(ctx, companyName, raw.companyName, ["companyName"]);
      checkField(ctx, kvkNumber, raw.kvkNumber, ["kvkNumber"]);
    }
    if (raw.hasWorkAddress === "ja") {
      for (const [name, schema] of Object.entries(WORK_FIELDS)) checkField(ctx, schema, raw[name], [name]);
    }
  }, always)
  .transform((value): BedrijfValues => {
    const kvk: KvkPart =
      value.hasKvk === "ja"
        ? { hasKvk: "ja", companyName: companyName.parse(value.companyName), kvkNumber: kvkNumber.parse(value.kvkNumber) }
        : { hasKvk: "nee", companyName: null, kvkNumber: null };
    const work: WorkAddressPart =
      value.hasWorkAddress === "ja"
        ? {
            hasWorkAddress: "ja",
            workPostcode: WORK_FIELDS.workPostcode.parse(value.workPostcode),
            workHouseNumber: WORK_FIELDS.workHouseNumber.parse(value.workHouseNumber),
            workAddition: WORK_FIELDS.workAddition.parse(value.workAddition),
            workStreet: WORK_FIELDS.workStreet.parse(value.workStreet),
            workCity: WORK_FIELDS.workCity.parse(value.workCity),
          }
        : {
            hasWorkAddress: "nee",
            workPostcode: null,
            workHouseNumber: null,
            workAddition: null,
            workStreet: null,
            workCity: null,
          };
    return { ...kvk, ...work };
  });

// ---------------------------------------------------------------------------
// 4. Profiel

export const INTRO_TEXT_MAX = 200;
export const PROFILE_TEXT_MIN = 50;
export const PROFILE_TEXT_MAX = 5000;

export const profielSchema = z.object({
  introText: countedText({
    missing: "Schrijf een korte introductietekst over uzelf en uw dienst",
    max: INTRO_TEXT_MAX,
    tooLong: (n) => `${textLength("De introductietekst", n)}; maximaal ${INTRO_TEXT_MAX}`,
  }),
  profileText: countedText({
    missing: "Schrijf uw uitgebreide profieltekst",
    min: PROFILE_TEXT_MIN,
    max: PROFILE_TEXT_MAX,
    tooShort: (n) => `${textLength("De profieltekst", n)}; schrijf er minstens ${PROFILE_TEXT_MIN}`,
    tooLong: (n) => `${textLength("De profieltekst", n)}; maximaal ${PROFILE_TEXT_MAX}`,
  }),
});

export type ProfielValues = z.output<typeof profielSchema>;

// ---------------------------------------------------------------------------
// 5. Beschikbaarheid

const placeName = requiredText("Vul een plaatsnaam in", 80, "Een plaatsnaam heeft hoogstens 80 tekens");

const radiusKm = parsedText(
  `Kies hoe ver u wilt reizen: ${MIN_RADIUS_KM} tot ${MAX_RADIUS_KM} km`,
  (input) => {
    const trimmed = input.trim();
    const km = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : NaN;
    return km >= MIN_RADIUS_KM && km <= MAX_RADIUS_KM ? km : null;
  },
  `Vul een afstand in hele kilometers in, van ${MIN_RADIUS_KM} tot ${MAX_RADIUS_KM}`,
);

const daypartKeys = z
  .array(z.string().refine((key) => parseDaypartKey(key) !== null, "Kies dagdelen uit het rooster"))
  .transform((keys) => keys.map((key) => parseDaypartKey(key)!));

function uniqueDayparts(dayparts: Daypart[]): Daypart[] {
  const seen = new Map(dayparts.map((part) => [part.weekday * 3 + part.daypart, part]));
  return [...seen.entries()].sort(([a], [b]) => a - b).map(([, part]) => part);
}

/** The same place typed twice (`Den Bosch`, `den bosch`) is listed once. */
function uniquePlaces(places: string[]): string[] {
  const seen = new Map<string, string>();
  for (const place of places) {
    const key = foldPlaceName(place);
    if (!seen.has(key)) seen.set(key, place);
  }
  return [...seen.values()];
}

export type BeschikbaarheidValues = {
  intent: ListIntent;
  coverageMode: CoverageModeValue;
  /** The list as it should now be shown: a removed place is already gone. Names still need checking against known places. */
  places: string[];
  /** What was typed in "Voeg nieuwe stad toe"; the route checks it and adds it to `places`. */
  newPlace: string | null;
  /** Only when the mode is `radius`; a value left in the hidden box otherwise is ignored. */
  radiusKm: number | null;
  dayparts: Daypart[];
};

/**
 * Minimums ("at least one place", "at least one dagdeel") only apply when
 * saving: the list buttons re-show the form while the provider is still
 * filling it in. Pressing "Voeg nieuwe stad toe" or removing a place implies
 * the places mode when no mode is chosen yet. On save, a place typed in the
 * box but not yet added counts, so that pressing "Volgende stap" right away
 * does not lose it; the route adds `newPlace` then too.
 */
export const beschikbaarheidSchema = z
  .object({
    intent: listIntent("place"),
    coverageMode: z.enum(valuesOf(COVERAGE_MODE_OPTIONS), { error: "Kies waar u uw diensten aanbiedt" }).optional(),
    places: z.array(placeName),
    newPlace: optionalText(80, "Een plaatsnaam heeft hoogstens 80 tekens"),
    radiusKm: z.string().optional(),
    dayparts: daypartKeys,
  })
  .superRefine((raw: Record<string, unknown>, ctx) => {
    const intent = intentOf(raw.intent);
    const saving = intent?.action === "save";
    const mode = raw.coverageMode ?? (saving ? undefined : "places");
    const newPlace = rawString(raw.newPlace)?.trim() ?? "";
    if (mode === undefined) {
      ctx.addIssue({ code: "custom", path: ["coverageMode"], message: "Kies waar u uw diensten aanbiedt" });
    }
    if (intent?.action === "add" && newPlace === "") {
      ctx.addIssue({
        code: "custom",
        path: ["newPlace"],
        message: "Typ eerst de naam van een plaats en klik dan op 'Voeg nieuwe stad toe'",
      });
    }
    if (saving && mode === "places" && rawArray(raw.places).length === 0 && newPlace === "") {
      ctx.addIssue({ code: "custom", path: ["places"], message: "Voeg minstens één plaats toe" });
    }
    if (mode === "radius") checkField(ctx, radiusKm, raw.radiusKm, ["radiusKm"]);
    if (saving && rawArray(raw.dayparts).length === 0) {
      ctx.addIssue({ code: "custom", path: ["dayparts"], message: "Kies minstens één dagdeel" });
    }
  }, always)
  .transform((value): BeschikbaarheidValues => {
    const coverageMode = value.coverageMode ?? "places";
    const removed = removedIndex(value.intent);
    return {
      intent: value.intent,
      coverageMode,
      places: uniquePlaces(value.places.filter((_, index) => index !== removed)),
      newPlace: value.newPlace,
      radiusKm: coverageMode === "radius" ? radiusKm.parse(value.radiusKm) : null,
      dayparts: uniqueDayparts(value.dayparts),
    };
  });

// ---------------------------------------------------------------------------
// 6. Diensten & prijzen

const PRICE_MESSAGES: Record<EuroAmountError, string> = {
  empty: "Vul een bedrag in, bijvoorbeeld 15 of 15,00",
  format: "Vul een bedrag in zoals 15 of 15,00",
  "zero-or-negative": "Het bedrag moet meer dan € 0 zijn",
  "too-many-decimals": "Gebruik hoogstens twee cijfers achter de komma",
  "too-large": "Het bedrag mag niet hoger zijn dan € 10.000",
};

const serviceName = requiredText("Vul in welke dienst u aanbiedt", 80, "De naam van de dienst mag hoogstens 80 tekens lang zijn");

const servicePrice = z.string({ error: PRICE_MESSAGES.empty }).transform((input, ctx) => {
  const result = parseEuroAmount(input);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: PRICE_MESSAGES[result.reason] });
    return z.NEVER;
  }
  return result.cents;
});

const serviceUnit = z.enum(valuesOf(PRICE_UNIT_OPTIONS), { error: "Kies of de prijs per uur of per dienst is" });

export const SERVICE_DESCRIPTION_MAX = 200;
export const PRICE_NOTE_MAX = 1000;

const serviceDescription = optionalCountedText(
  SERVICE_DESCRIPTION_MAX,
  (n) => `${textLength("De omschrijving", n)}; maximaal ${SERVICE_DESCRIPTION_MAX}`,
);

const SERVICE_FIELDS = {
  name: serviceName,
  price: servicePrice,
  unit: serviceUnit,
  description: serviceDescription,
} as const;

export type ServiceLine = { name: string; priceCents: number; unit: PriceUnitValue; description: string | null };

/**
 * A price line the provider left completely empty (the form offers spare
 * rows) is skipped rather than reported; the unit is a select and always
 * has a value, so it does not count.
 */
function isBlankServiceRow(row: unknown): boolean {
  if (typeof row !== "object" || row === null) return true;
  const fields = row as Record<string, unknown>;
  return ["name", "price", "description"].every((key) => (rawString(fields[key])?.trim() ?? "") === "");
}

export type DienstenValues = {
  intent: ListIntent;
  categories: number[];
  /** The lines as they should now be shown and stored, in form order: blank and removed lines are gone. */
  services: ServiceLine[];
  priceNote: string | null;
};

/**
 * A line being removed with "Verwijder deze dienst" is not checked, so an
 * unfinished line can always be removed. The minimums apply only on save.
 */
export const dienstenSchema = z
  .object({
    intent: listIntent("service"),
    categories: z.array(
      z.number({ error: "Kies een categorie uit de lijst" }).int("Kies een categorie uit de lijst").positive("Kies een categorie uit de lijst"),
    ),
    services: z.array(
      z.object({
        name: z.string().optional(),
        price: z.string().optional(),
        unit: z.string().optional(),
        description: z.string().optional(),
      }),
    ),
    priceNote: optionalCountedText(PRICE_NOTE_MAX, (n) => `${textLength("De prijsomschrijving", n)}; maximaal ${PRICE_NOTE_MAX}`),
  })
  .superRefine((raw: Record<string, unknown>, ctx) => {
    const intent = intentOf(raw.intent);
    const saving = intent?.action === "save";
    const removed = intent ? removedIndex(intent) : null;
    const rows = rawArray(raw.services);
    let filled = 0;
    rows.forEach((row, index) => {
      if (index === removed || isBlankServiceRow(row)) return;
      filled += 1;
      const fields = row as Record<string, unknown>;
      for (const [name, schema] of Object.entries(SERVICE_FIELDS)) {
        checkField(ctx, schema, fields[name], ["services", index, name]);
      }
    });
    if (saving && rawArray(raw.categories).length === 0) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: "Kies minstens één categorie" });
    }
    if (saving && filled === 0) {
      ctx.addIssue({ code: "custom", path: ["services"], message: "Vul minstens één dienst met een prijs in" });
    }
  }, always)
  .transform((value): DienstenValues => {
    const removed = removedIndex(value.intent);
    const services = value.services
      .filter((row, index) => index !== removed && !isBlankServiceRow(row))
      .map((row) => ({
        name: serviceName.parse(row.name),
        priceCents: servicePrice.parse(row.price),
        unit: serviceUnit.parse(row.unit),
        description: serviceDescription.parse(row.description),
      }));
    return {
      intent: value.intent,
      categories: [...new Set(value.categories)],
      services,
      priceNote: value.priceNote,
    };
  });

// ---------------------------------------------------------------------------
// Visible questions, in the manual's wording where it has one

export const aanmeldingLabels = {
  offerings: "Welke dienst(en) wilt u aanbieden?",
  firstName: "Wat is uw voornaam?",
  email: "Wat is uw e-mailadres?",
  password: "Kies een wachtwoord",
  heardFrom: "Hoe heeft u van Vivium Services gehoord? (optioneel)",
  acceptTerms: "Ik ga akkoord met de algemene voorwaarden en het privacy statement van Vivium Services",
  website: "Laat dit veld leeg",
} as const satisfies Record<keyof z.input<typeof aanmeldingSchema>, string>;

export const persoonlijkLabels = {
  firstName: "Mijn voornaam is",
  infix: "Tussenvoegsel",
  lastName: "Mijn achternaam is",
  phone: "Mijn telefoonnummer is",
  gender: "Mijn geslacht is",
  birthDate: "Ik ben geboren op",
  postcode: "Mijn postcode",
  houseNumber: "Mijn huisnummer",
  addition: "Toevoeging",
  street: "Straatnaam",
  city: "Ik woon in",
} as const satisfies Record<keyof z.input<ReturnType<typeof persoonlijkSchema>>, string>;

export const bedrijfLabels = {
  hasKvk: "Ik heb een KvK-nummer",
  companyName: "Mijn bedrijfsnaam is",
  kvkNumber: "Mijn KvK-nummer is",
  hasWorkAddress: "Mijn werkadres is anders dan mijn thuisadres",
  workPostcode: "Postcode van mijn werkadres",
  workHouseNumber: "Huisnummer",
  workAddition: "Toevoeging",
  workStreet: "Straatnaam",
  workCity: "Plaats",
} as const satisfies Record<keyof z.input<typeof bedrijfSchema>, string>;

export const profielLabels = {
  introText: "Introductietekst",
  profileText: "Uitgebreide profieltekst",
} as const satisfies Record<keyof z.input<typeof profielSchema>, string>;

export const beschikbaarheidLabels = {
  coverageMode: "Werkgebied",
  places: "Ik bedien mijn klanten in de volgende steden",
  newPlace: "Voeg nieuwe stad toe",
  radiusKm: "Afstand rondom mijn adres (km)",
  dayparts: "Ik ben beschikbaar op de volgende dagdelen",
} as const satisfies Record<Exclude<keyof z.input<typeof beschikbaarheidSchema>, "intent">, string>;

export const dienstenLabels = {
  categories: "Mijn diensten vallen onder de volgende categorieën",
  services: "Prijslijst",
  priceNote: "Algemene prijsomschrijving",
} as const satisfies Record<Exclude<keyof z.input<typeof dienstenSchema>, "intent">, string>;

/** Labels for the fields of one price line, named `services[i].<field>` in the form. */
export const serviceLineLabels = {
  name: "Ik bied de volgende dienst aan",
  price: "en deze kost",
  unit: "per",
  description: "Dienst omschrijving",
} as const satisfies Record<keyof typeof SERVICE_FIELDS, string>;

/** The labels of every step that has a form, by step key. */
export const FIELD_LABELS = {
  aanmelding: aanmeldingLabels,
  persoonlijk: persoonlijkLabels,
  bedrijf: bedrijfLabels,
  profiel: profielLabels,
  beschikbaarheid: beschikbaarheidLabels,
  diensten: dienstenLabels,
} as const satisfies Partial<Record<StepKey, Record<string, string>>>;
