import { parseWithZod } from "~/domain/form-submission";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  aanmeldingLabels,
  aanmeldingSchema,
  bedrijfLabels,
  bedrijfSchema,
  beschikbaarheidLabels,
  beschikbaarheidSchema,
  dienstenLabels,
  dienstenSchema,
  FIELD_LABELS,
  parseListIntent,
  PHONE_INVALID,
  persoonlijkLabels,
  persoonlijkSchema,
  profielLabels,
  profielSchema,
  serviceLineLabels,
} from "~/domain/signup-schemas";

type Entries = Array<[name: string, value: string]>;

/** A real FormData, as the browser posts it: repeated names for checkboxes, `services[0].price` for rows. */
function formData(entries: Entries): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function submit<Schema extends z.ZodType>(schema: Schema, entries: Entries) {
  return parseWithZod(formData(entries), { schema });
}

/** The parsed values, failing the test with the errors when the form did not validate. */
function valid<Schema extends z.ZodType>(schema: Schema, entries: Entries): z.output<Schema> {
  const submission = submit(schema, entries);
  if (submission.status !== "success") {
    throw new Error(`Expected success, got errors: ${JSON.stringify(submission.error)}`);
  }
  return submission.value;
}

/** The errors by field name; fails the test when the form validated. */
function errors<Schema extends z.ZodType>(schema: Schema, entries: Entries): Record<string, string[] | null | undefined> {
  const submission = submit(schema, entries);
  if (submission.status === "success") throw new Error("Expected errors, got success");
  return submission.error ?? {};
}

/** Replaces (or with `undefined`, removes) fields of a valid form. */
function withFields(base: Entries, changes: Record<string, string | undefined>): Entries {
  const kept = base.filter(([name]) => !(name in changes));
  const added = Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return [...kept, ...added];
}

// ---------------------------------------------------------------------------

describe("aanmeldingSchema", () => {
  const base: Entries = [
    ["offerings", "diensten-aan-huis"],
    ["firstName", "Bert"],
    ["email", "bert@example.nl"],
    ["password", "zonnebloem-fiets-42"],
    ["heardFrom", ""],
    ["acceptTerms", "on"],
    ["website", ""],
  ];

  it("accepts a filled-in form and stores clean values", () => {
    expect(
      valid(aanmeldingSchema, withFields(base, { email: "  Bert.Klinkenberg@Example.NL ", firstName: " Bert " })),
    ).toEqual({
      offerings: ["diensten-aan-huis"],
      firstName: "Bert",
      email: "bert.klinkenberg@example.nl",
      password: "zonnebloem-fiets-42",
      heardFrom: null,
      acceptTerms: true,
    });
  });

  it("reads several offerings from repeated checkbox names, once each", () => {
    const value = valid(aanmeldingSchema, [
      ...base,
      ["offerings", "kortingen-acties"],
      ["offerings", "cursussen-activiteiten"],
      ["offerings", "kortingen-acties"],
    ]);
    expect(value.offerings).toEqual(["diensten-aan-huis", "kortingen-acties", "cursussen-activiteiten"]);
  });

  it("asks for at least one offering", () => {
    expect(errors(aanmeldingSchema, withFields(base, { offerings: undefined })).offerings).toEqual([
      "Kies minstens één soort dienst die u wilt aanbieden",
    ]);
  });

  it("refuses an offering that is not on the list", () => {
    expect(errors(aanmeldingSchema, withFields(base, { offerings: "verhuur" }))["offerings[0]"]).toEqual([
      "Kies een van de genoemde diensten",
    ]);
  });

  it("asks for the first name, also when only spaces were typed", () => {
    expect(errors(aanmeldingSchema, withFields(base, { firstName: "" })).firstName).toEqual(["Vul uw voornaam in"]);
    expect(errors(aanmeldingSchema, withFields(base, { firstName: "   " })).firstName).toEqual(["Vul uw voornaam in"]);
  });

  it("limits the first name to 60 characters", () => {
    expect(valid(aanmeldingSchema, withFields(base, { firstName: "A".repeat(60) })).firstName).toHaveLength(60);
    expect(errors(aanmeldingSchema, withFields(base, { firstName: "A".repeat(61) })).firstName).toEqual([
      "Uw voornaam mag hoogstens 60 tekens lang zijn",
    ]);
  });

  it("asks for the e-mail address", () => {
    expect(errors(aanmeldingSchema, withFields(base, { email: "" })).email).toEqual(["Vul uw e-mailadres in"]);
  });

  it.each(["bert", "bert@", "bert@example", "bert @example.nl", "@example.nl", "bert@@example.nl"])(
    "explains what an e-mail address looks like for %s",
    (email) => {
      expect(errors(aanmeldingSchema, withFields(base, { email })).email).toEqual([
        "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl",
      ]);
    },
  );

  it("limits the e-mail address to 254 characters", () => {
    const long = `${"a".repeat(64)}@${"b".repeat(180)}.example.nl`;
    expect(long.length).toBeGreaterThan(254);
    expect(errors(aanmeldingSchema, withFields(base, { email: long })).email).toEqual([
      "Dit e-mailadres is te lang. Een e-mailadres heeft hoogstens 254 tekens",
    ]);
  });

  it("asks for a password and applies the password rules", () => {
    expect(errors(aanmeldingSchema, withFields(base, { password: "" })).password).toEqual(["Kies een wachtwoord"]);
    expect(errors(aanmeldingSchema, withFields(base, { password: "kort" })).password).toEqual([
      "Kies een wachtwoord van minstens 10 tekens.",
    ]);
    expect(errors(aanmeldingSchema, withFields(base, { password: "Wachtwoord123" })).password).toEqual([
      "Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander wachtwoord.",
    ]);
  });

  it("does not trim the password", () => {
    expect(valid(aanmeldingSchema, withFields(base, { password: " spaties aan beide kanten " })).password).toBe(
      " spaties aan beide kanten ",
    );
  });

  it("keeps how the provider heard of Vivium when chosen", () => {
    expect(valid(aanmeldingSchema, withFields(base, { heardFrom: "magazine" })).heardFrom).toBe("magazine");
    expect(errors(aanmeldingSchema, withFields(base, { heardFrom: "tv" })).heardFrom).toEqual([
      "Kies een van de mogelijkheden uit de lijst",
    ]);
  });

  it("requires the terms checkbox to be ticked", () => {
    const message =
      "U kunt zich alleen aanmelden als u akkoord gaat met de algemene voorwaarden en het privacy statement";
    expect(errors(aanmeldingSchema, withFields(base, { acceptTerms: undefined })).acceptTerms).toEqual([message]);
    expect(errors(aanmeldingSchema, withFields(base, { acceptTerms: "off" })).acceptTerms).toEqual([message]);
  });

  it("flags a filled-in honeypot on the website field", () => {
    const error = errors(aanmeldingSchema, withFields(base, { website: "https://spam.example" }));
    expect(Object.keys(error)).toEqual(["website"]);
  });

  it("reports every problem at once", () => {
    expect(Object.keys(errors(aanmeldingSchema, [])).sort()).toEqual(
      ["acceptTerms", "email", "firstName", "offerings", "password"].sort(),
    );
  });
});

// ---------------------------------------------------------------------------

describe("persoonlijkSchema", () => {
  const today = new Date("2025-06-15T10:00:00Z");
  const schema = persoonlijkSchema(today);
  const base: Entries = [
    ["firstName", "Bert"],
    ["infix", ""],
    ["lastName", "Klinkenberg"],
    ["phone", "06-10034891"],
    ["gender", "man"],
    ["birthDate", "7-9-1962"],
    ["postcode", "3447gt"],
    ["houseNumber", "12"],
    ["addition", ""],
    ["street", "Dorpsstraat"],
    ["city", "Woerden"],
  ];

  it("accepts a filled-in form and stores normalised values", () => {
    expect(valid(schema, base)).toEqual({
      firstName: "Bert",
      infix: null,
      lastName: "Klinkenberg",
      phone: "+31610034891",
      gender: "man",
      birthDate: "1962-09-07",
      postcode: "3447 GT",
      houseNumber: "12",
      addition: null,
      street: "Dorpsstraat",
      city: "Woerden",
    });
  });

  it("keeps an infix and an addition", () => {
    const value = valid(schema, withFields(base, { infix: " van der ", addition: "2-hoog" }));
    expect(value.infix).toBe("van der");
    expect(value.addition).toBe("2-hoog");
  });

  it("asks for the required fields by name", () => {
    expect(errors(schema, [])).toEqual({
      firstName: ["Vul uw voornaam in"],
      lastName: ["Vul uw achternaam in"],
      phone: ["Vul uw telefoonnummer in"],
      gender: ["Kies uw geslacht"],
      birthDate: ["Vul uw geboortedatum in, bijvoorbeeld 7-9-1962"],
      postcode: ["Vul uw postcode in"],
      houseNumber: ["Vul uw huisnummer in"],
      street: ["Vul uw straatnaam in"],
    });
  });

  it.each([
    ["+31 (0)6 10034891", "+31610034891"],
    ["0348 412345", "+31348412345"],
    ["030-1234567", "+31301234567"],
  ])("stores the phone number %s as %s", (phone, stored) => {
    expect(valid(schema, withFields(base, { phone })).phone).toBe(stored);
  });

  it.each(["0900 1234567", "+32 470 12 34 56", "06-1234", "bel me"])("refuses the phone number %s", (phone) => {
    expect(errors(schema, withFields(base, { phone })).phone).toEqual([PHONE_INVALID]);
  });

  it("uses the example numbers in the phone message", () => {
    expect(PHONE_INVALID).toBe(
      "Het telefoonnummer klopt niet. Vul een Nederlands nummer in, bijvoorbeeld 0612345678 of 030 1234567",
    );
  });

  it.each(["man", "vrouw", "anders"])("accepts the gender %s", (gender) => {
    expect(valid(schema, withFields(base, { gender })).gender).toBe(gender);
  });

  it("refuses a gender that is not offered", () => {
    expect(errors(schema, withFields(base, { gender: "onbekend" })).gender).toEqual(["Kies uw geslacht"]);
  });

  it.each([
    ["07-09-1962", "1962-09-07"],
    ["7 september 1962", "1962-09-07"],
    ["1962-09-07", "1962-09-07"],
    ["15-06-2007", "2007-06-15"],
  ])("reads the birth date %s as %s", (birthDate, iso) => {
    expect(valid(schema, withFields(base, { birthDate })).birthDate).toBe(iso);
  });

  it("refuses a date that does not exist", () => {
    expect(errors(schema, withFields(base, { birthDate: "31-02-1990" })).birthDate).toEqual([
      "Deze datum klopt niet. Schrijf dag, maand en jaar, bijvoorbeeld 7-9-1962 of 7 september 1962",
    ]);
  });

  it("refuses providers under 18 on the day the form is posted", () => {
    expect(errors(schema, withFields(base, { birthDate: "16-06-2007" })).birthDate).toEqual([
      "U moet 18 jaar of ouder zijn om u aan te melden als dienstverlener",
    ]);
    expect(valid(persoonlijkSchema(new Date("2025-06-16T10:00:00Z")), withFields(base, { birthDate: "16-06-2007" })).birthDate).toBe(
      "2007-06-16",
    );
  });

  it("refuses a birth date in the future or implausibly long ago", () => {
    expect(errors(schema, withFields(base, { birthDate: "1-1-2030" })).birthDate).toEqual([
      "Uw geboortedatum kan niet in de toekomst liggen",
    ]);
    expect(errors(schema, withFields(base, { birthDate: "1-1-1862" })).birthDate).toEqual([
      "Controleer het geboortejaar, bijvoorbeeld 1962",
    ]);
  });

  it.each([
    ["3447 GT", "3447 GT"],
    ["3447gt", "3447 GT"],
    [" 1234 ab ", "1234 AB"],
  ])("formats the postcode %s as %s", (postcode, formatted) => {
    expect(valid(schema, withFields(base, { postcode })).postcode).toBe(formatted);
  });

  it.each(["3447 G", "1234", "12345 AB", "AB 1234"])("refuses the postcode %s for its shape", (postcode) => {
    expect(errors(schema, withFields(base, { postcode })).postcode).toEqual(["Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT"]);
  });

  it.each(["0000 AA", "0123 AB", "1234 SS"])("refuses the postcode %s as one that does not exist", (postcode) => {
    expect(errors(schema, withFields(base, { postcode })).postcode).toEqual(["Deze postcode kennen wij niet. Controleer de cijfers en letters"]);
  });

  it("accepts an empty woonplaats, as the hint says, which the server fills in from the postcode", () => {
    expect(valid(schema, withFields(base, { city: "" })).city).toBeNull();
    expect(errors(schema, withFields(base, { postcode: "3447 G", city: "" }))).toEqual({
      postcode: ["Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT"],
    });
  });

  it.each([
    ["1", "1"],
    ["99999", "99999"],
    [" 007 ", "7"],
  ])("accepts the house number %s as %s", (houseNumber, stored) => {
    expect(valid(schema, withFields(base, { houseNumber })).houseNumber).toBe(stored);
  });

  it.each(["0", "100000", "12a", "12-14", "-3"])("refuses the house number %s", (houseNumber) => {
    expect(errors(schema, withFields(base, { houseNumber })).houseNumber).toEqual([
      "Vul alleen het nummer in, bijvoorbeeld 12. Een letter of ander toevoegsel vult u in bij Toevoeging",
    ]);
  });

  it("limits the addition to six letters, digits or hyphens", () => {
    expect(valid(schema, withFields(base, { addition: "bis" })).addition).toBe("bis");
    expect(errors(schema, withFields(base, { addition: "1234567" })).addition).toEqual([
      "Een toevoeging heeft hoogstens 6 tekens, bijvoorbeeld A of bis",
    ]);
    expect(errors(schema, withFields(base, { addition: "A/B" })).addition).toEqual([
      "Gebruik voor de toevoeging alleen letters, cijfers of een streepje, bijvoorbeeld A of 2-hoog",
    ]);
  });

  it("limits infix, street and city", () => {
    const error = errors(
      schema,
      withFields(base, { infix: "x".repeat(21), street: "s".repeat(81), city: "c".repeat(81), lastName: "l".repeat(81) }),
    );
    expect(error).toEqual({
      infix: ["Een tussenvoegsel heeft hoogstens 20 tekens, bijvoorbeeld van der"],
      street: ["De straatnaam mag hoogstens 80 tekens lang zijn"],
      city: ["De plaatsnaam mag hoogstens 80 tekens lang zijn"],
      lastName: ["Uw achternaam mag hoogstens 80 tekens lang zijn"],
    });
  });
});

// ---------------------------------------------------------------------------

describe("bedrijfSchema", () => {
  const nothing: Entries = [
    ["hasKvk", "nee"],
    ["companyName", ""],
    ["kvkNumber", ""],
    ["hasWorkAddress", "nee"],
    ["workPostcode", ""],
    ["workHouseNumber", ""],
    ["workAddition", ""],
    ["workStreet", ""],
    ["workCity", ""],
  ];
  const everything = withFields(nothing, {
    hasKvk: "ja",
    companyName: "Bert BV",
    kvkNumber: "1234 5678",
    hasWorkAddress: "ja",
    workPostcode: "3511ab",
    workHouseNumber: "1",
    workAddition: "A",
    workStreet: "Oudegracht",
    workCity: "Utrecht",
  });

  it("accepts nee twice with every other field empty", () => {
    expect(valid(bedrijfSchema, nothing)).toEqual({
      hasKvk: "nee",
      companyName: null,
      kvkNumber: null,
      hasWorkAddress: "nee",
      workPostcode: null,
      workHouseNumber: null,
      workAddition: null,
      workStreet: null,
      workCity: null,
    });
  });

  it("accepts ja twice with the company and work address", () => {
    expect(valid(bedrijfSchema, everything)).toEqual({
      hasKvk: "ja",
      companyName: "Bert BV",
      kvkNumber: "12345678",
      hasWorkAddress: "ja",
      workPostcode: "3511 AB",
      workHouseNumber: "1",
      workAddition: "A",
      workStreet: "Oudegracht",
      workCity: "Utrecht",
    });
  });

  it("ignores and drops fields behind a nee, even when they are invalid", () => {
    const value = valid(
      bedrijfSchema,
      withFields(nothing, { companyName: "x".repeat(300), kvkNumber: "123", workPostcode: "onzin", workHouseNumber: "abc" }),
    );
    expect(value.companyName).toBeNull();
    expect(value.kvkNumber).toBeNull();
    expect(value.workPostcode).toBeNull();
    expect(value.workHouseNumber).toBeNull();
  });

  it("asks for both ja/nee choices", () => {
    expect(errors(bedrijfSchema, [])).toEqual({
      hasKvk: ["Geef aan of u een KvK-nummer heeft"],
      hasWorkAddress: ["Geef aan of uw werkadres anders is dan uw thuisadres"],
    });
  });

  it("asks for company name and KvK number after ja", () => {
    expect(errors(bedrijfSchema, withFields(nothing, { hasKvk: "ja" }))).toEqual({
      companyName: ["Vul uw bedrijfsnaam in"],
      kvkNumber: ["Vul uw KvK-nummer in"],
    });
  });

  it("wants exactly eight digits for the KvK number", () => {
    expect(errors(bedrijfSchema, withFields(everything, { kvkNumber: "1234567890" })).kvkNumber).toEqual([
      "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678",
    ]);
  });

  it("limits the company name to 100 characters", () => {
    expect(errors(bedrijfSchema, withFields(everything, { companyName: "b".repeat(101) })).companyName).toEqual([
      "De bedrijfsnaam mag hoogstens 100 tekens lang zijn",
    ]);
  });

  it("asks for the work address after ja, on the work field names", () => {
    expect(errors(bedrijfSchema, withFields(nothing, { hasWorkAddress: "ja" }))).toEqual({
      workPostcode: ["Vul de postcode van uw werkadres in"],
      workHouseNumber: ["Vul het huisnummer van uw werkadres in"],
      workStreet: ["Vul de straatnaam van uw werkadres in"],
    });
  });

  it("checks the work address with the home address rules", () => {
    expect(
      errors(bedrijfSchema, withFields(everything, { workPostcode: "1234", workHouseNumber: "12a", workAddition: "te lang" })),
    ).toEqual({
      workPostcode: ["Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT"],
      workHouseNumber: [
        "Vul alleen het nummer in, bijvoorbeeld 12. Een letter of ander toevoegsel vult u in bij Toevoeging",
      ],
      workAddition: ["Een toevoeging heeft hoogstens 6 tekens, bijvoorbeeld A of bis"],
    });
  });

  it("shows the conditional errors together with a missing choice", () => {
    expect(errors(bedrijfSchema, [["hasKvk", "ja"]])).toEqual({
      companyName: ["Vul uw bedrijfsnaam in"],
      kvkNumber: ["Vul uw KvK-nummer in"],
      hasWorkAddress: ["Geef aan of uw werkadres anders is dan uw thuisadres"],
    });
  });
});

// ---------------------------------------------------------------------------

describe("profielSchema", () => {
  const profileText = "Ik ben Bert en ik help ouderen al twintig jaar met hun computer en telefoon.";

  it("accepts both texts, trimmed", () => {
    expect(valid(profielSchema, [["introText", "  Computerhulp aan huis.  "], ["profileText", profileText]])).toEqual({
      introText: "Computerhulp aan huis.",
      profileText,
    });
  });

  it("asks for both texts", () => {
    expect(errors(profielSchema, [["introText", ""], ["profileText", "   "]])).toEqual({
      introText: ["Schrijf een korte introductietekst over uzelf en uw dienst"],
      profileText: ["Schrijf uw uitgebreide profieltekst"],
    });
  });

  it("allows 200 characters of introduction and says how many there are beyond that", () => {
    expect(valid(profielSchema, [["introText", "a".repeat(200)], ["profileText", profileText]]).introText).toHaveLength(200);
    expect(errors(profielSchema, [["introText", "a".repeat(230)], ["profileText", profileText]]).introText).toEqual([
      "De introductietekst is 230 tekens; maximaal 200",
    ]);
  });

  it("counts a line break as one character, as the live counter does", () => {
    const lines = `${"a".repeat(99)}\r\n${"b".repeat(100)}`;
    expect(lines.length).toBe(201);
    expect(valid(profielSchema, [["introText", lines], ["profileText", profileText]]).introText).toBe(
      `${"a".repeat(99)}\n${"b".repeat(100)}`,
    );
  });

  it("wants between 50 and 5000 characters of profile text", () => {
    expect(valid(profielSchema, [["introText", "Hallo"], ["profileText", "p".repeat(50)]]).profileText).toHaveLength(50);
    expect(valid(profielSchema, [["introText", "Hallo"], ["profileText", "p".repeat(5000)]]).profileText).toHaveLength(5000);
    expect(errors(profielSchema, [["introText", "Hallo"], ["profileText", "p".repeat(49)]]).profileText).toEqual([
      "De profieltekst is 49 tekens; schrijf er minstens 50",
    ]);
    expect(errors(profielSchema, [["introText", "Hallo"], ["profileText", "p".repeat(5001)]]).profileText).toEqual([
      "De profieltekst is 5001 tekens; maximaal 5000",
    ]);
  });
});

// ---------------------------------------------------------------------------

describe("beschikbaarheidSchema", () => {
  const weekdays: Entries = [
    ["dayparts", "0-0"],
    ["dayparts", "0-1"],
  ];

  it("accepts a list of places", () => {
    expect(
      valid(beschikbaarheidSchema, [
        ["coverageMode", "places"],
        ["places", "Woerden"],
        ["places", "Utrecht"],
        ["newPlace", ""],
        ["radiusKm", ""],
        ...weekdays,
      ]),
    ).toEqual({
      intent: { action: "save" },
      coverageMode: "places",
      places: ["Woerden", "Utrecht"],
      newPlace: null,
      radiusKm: null,
      dayparts: [
        { weekday: 0, daypart: 0 },
        { weekday: 0, daypart: 1 },
      ],
    });
  });

  it("accepts a radius and reads it as a number", () => {
    const value = valid(beschikbaarheidSchema, [["coverageMode", "radius"], ["radiusKm", "25"], ...weekdays]);
    expect(value.coverageMode).toBe("radius");
    expect(value.radiusKm).toBe(25);
  });

  it("accepts the whole country without places or radius", () => {
    const value = valid(beschikbaarheidSchema, [["coverageMode", "nationwide"], ["radiusKm", "999"], ...weekdays]);
    expect(value.coverageMode).toBe("nationwide");
    expect(value.radiusKm).toBeNull();
  });

  it("asks for a coverage choice and a day part", () => {
    expect(errors(beschikbaarheidSchema, [])).toEqual({
      coverageMode: ["Kies waar u uw diensten aanbiedt"],
      dayparts: ["Kies minstens één dagdeel"],
    });
  });

  it("refuses an unknown coverage mode", () => {
    expect(errors(beschikbaarheidSchema, [["coverageMode", "europe"], ...weekdays]).coverageMode).toEqual([
      "Kies waar u uw diensten aanbiedt",
    ]);
  });

  it("asks for at least one place in places mode", () => {
    expect(errors(beschikbaarheidSchema, [["coverageMode", "places"], ["newPlace", ""], ...weekdays])).toEqual({
      places: ["Voeg minstens één plaats toe"],
    });
  });

  it("counts a typed but not yet added place on save", () => {
    const value = valid(beschikbaarheidSchema, [["coverageMode", "places"], ["newPlace", " Bodegraven "], ...weekdays]);
    expect(value.places).toEqual([]);
    expect(value.newPlace).toBe("Bodegraven");
  });

  it.each([
    ["", "Kies hoe ver u wilt reizen: 1 tot 150 km"],
    ["0", "Vul een afstand in hele kilometers in, van 1 tot 150"],
    ["151", "Vul een afstand in hele kilometers in, van 1 tot 150"],
    ["2.5", "Vul een afstand in hele kilometers in, van 1 tot 150"],
    ["tien", "Vul een afstand in hele kilometers in, van 1 tot 150"],
  ])("refuses the radius %j", (radiusKm, message) => {
    expect(errors(beschikbaarheidSchema, [["coverageMode", "radius"], ["radiusKm", radiusKm], ...weekdays])).toEqual({
      radiusKm: [message],
    });
  });

  it("accepts the radius limits 1 and 150 km", () => {
    expect(valid(beschikbaarheidSchema, [["coverageMode", "radius"], ["radiusKm", "1"], ...weekdays]).radiusKm).toBe(1);
    expect(valid(beschikbaarheidSchema, [["coverageMode", "radius"], ["radiusKm", "150"], ...weekdays]).radiusKm).toBe(150);
  });

  it("reads the 7 × 3 grid, in grid order, once each", () => {
    const value = valid(beschikbaarheidSchema, [
      ["coverageMode", "nationwide"],
      ["dayparts", "6-2"],
      ["dayparts", "0-1"],
      ["dayparts", "3-0"],
      ["dayparts", "0-1"],
    ]);
    expect(value.dayparts).toEqual([
      { weekday: 0, daypart: 1 },
      { weekday: 3, daypart: 0 },
      { weekday: 6, daypart: 2 },
    ]);
  });

  it("refuses a day part outside the grid", () => {
    expect(errors(beschikbaarheidSchema, [["coverageMode", "nationwide"], ["dayparts", "0-1"], ["dayparts", "7-3"]])).toEqual({
      "dayparts[1]": ["Kies dagdelen uit het rooster"],
    });
  });

  it("lists a place typed twice only once", () => {
    const value = valid(beschikbaarheidSchema, [
      ["coverageMode", "places"],
      ["places", "'s-Hertogenbosch"],
      ["places", "s hertogenbosch"],
      ["places", "Utrecht"],
      ...weekdays,
    ]);
    expect(value.places).toEqual(["'s-Hertogenbosch", "Utrecht"]);
  });

  it("limits a place name to 80 characters", () => {
    expect(
      errors(beschikbaarheidSchema, [["coverageMode", "places"], ["places", "p".repeat(81)], ...weekdays])["places[0]"],
    ).toEqual(["Een plaatsnaam heeft hoogstens 80 tekens"]);
  });

  describe("Voeg nieuwe stad toe (intent add-place)", () => {
    it("does not ask for a first place or a day part yet, and implies places mode", () => {
      expect(valid(beschikbaarheidSchema, [["intent", "add-place"], ["newPlace", "Woerden"]])).toEqual({
        intent: { action: "add" },
        coverageMode: "places",
        places: [],
        newPlace: "Woerden",
        radiusKm: null,
        dayparts: [],
      });
    });

    it("asks for the name of the place to add", () => {
      expect(errors(beschikbaarheidSchema, [["intent", "add-place"], ["coverageMode", "places"], ["newPlace", ""]])).toEqual({
        newPlace: ["Typ eerst de naam van een plaats en klik dan op 'Voeg nieuwe stad toe'"],
      });
    });
  });

  it("removes a place by its index (intent remove-place-<index>)", () => {
    const value = valid(beschikbaarheidSchema, [
      ["intent", "remove-place-1"],
      ["coverageMode", "places"],
      ["places", "Woerden"],
      ["places", "Utrecht"],
      ["places", "Gouda"],
    ]);
    expect(value.intent).toEqual({ action: "remove", index: 1 });
    expect(value.places).toEqual(["Woerden", "Gouda"]);
  });

  it("refuses an intent no button sends", () => {
    expect(Object.keys(errors(beschikbaarheidSchema, [["intent", "delete-all"], ["coverageMode", "nationwide"], ...weekdays]))).toEqual([
      "intent",
    ]);
  });
});

// ---------------------------------------------------------------------------

describe("dienstenSchema", () => {
  const base: Entries = [
    ["categories", "3"],
    ["services[0].name", "Computerhulp"],
    ["services[0].price", "15,00"],
    ["services[0].unit", "hour"],
    ["services[0].description", "Ik help u met al uw computerproblemen"],
    ["priceNote", ""],
  ];

  it("reads categories and nested price lines from conform's field names", () => {
    expect(
      valid(dienstenSchema, [
        ...withFields(base, { priceNote: "Voorrijkosten € 5,00 buiten Woerden" }),
        ["categories", "7"],
        ["categories", "3"],
        ["services[1].name", "Kapper plus"],
        ["services[1].price", "€ 35,"],
        ["services[1].unit", "service"],
        ["services[1].description", ""],
      ]),
    ).toEqual({
      intent: { action: "save" },
      categories: [3, 7],
      services: [
        { name: "Computerhulp", priceCents: 1500, unit: "hour", description: "Ik help u met al uw computerproblemen" },
        { name: "Kapper plus", priceCents: 3500, unit: "service", description: null },
      ],
      priceNote: "Voorrijkosten € 5,00 buiten Woerden",
    });
  });

  it.each([
    ["15", 1500],
    ["15,00", 1500],
    ["15.5", 1550],
    ["€ 15", 1500],
    ["1.250,00", 125_000],
  ])("stores the price %s as %i cents", (price, cents) => {
    expect(valid(dienstenSchema, withFields(base, { "services[0].price": price })).services[0]?.priceCents).toBe(cents);
  });

  it.each([
    ["", "Vul een bedrag in, bijvoorbeeld 15 of 15,00"],
    ["vijftien", "Vul een bedrag in zoals 15 of 15,00"],
    ["0", "Het bedrag moet meer dan € 0 zijn"],
    ["-15", "Het bedrag moet meer dan € 0 zijn"],
    ["15,001", "Gebruik hoogstens twee cijfers achter de komma"],
    ["10.000,01", "Het bedrag mag niet hoger zijn dan € 10.000"],
  ])("explains what is wrong with the price %j", (price, message) => {
    expect(errors(dienstenSchema, withFields(base, { "services[0].price": price }))).toEqual({
      "services[0].price": [message],
    });
  });

  it("asks for the name and unit of a line, on that line's field names", () => {
    expect(
      errors(dienstenSchema, [
        ...base,
        ["services[1].name", ""],
        ["services[1].price", "20"],
        ["services[1].unit", "week"],
      ]),
    ).toEqual({
      "services[1].name": ["Vul in welke dienst u aanbiedt"],
      "services[1].unit": ["Kies of de prijs per uur of per dienst is"],
    });
  });

  it("limits the line's name to 80 and its description to 200 characters", () => {
    expect(
      errors(dienstenSchema, withFields(base, { "services[0].name": "n".repeat(81), "services[0].description": "d".repeat(230) })),
    ).toEqual({
      "services[0].name": ["De naam van de dienst mag hoogstens 80 tekens lang zijn"],
      "services[0].description": ["De omschrijving is 230 tekens; maximaal 200"],
    });
  });

  it("skips a line left completely empty", () => {
    const value = valid(dienstenSchema, [
      ...base,
      ["services[1].name", ""],
      ["services[1].price", ""],
      ["services[1].unit", "hour"],
      ["services[1].description", "  "],
    ]);
    expect(value.services.map((line) => line.name)).toEqual(["Computerhulp"]);
  });

  it("asks for at least one category and one price line", () => {
    expect(
      errors(dienstenSchema, [
        ["services[0].name", ""],
        ["services[0].price", ""],
        ["services[0].unit", "hour"],
      ]),
    ).toEqual({
      categories: ["Kies minstens één categorie"],
      services: ["Vul minstens één dienst met een prijs in"],
    });
  });

  it("refuses a category that is not an id", () => {
    expect(errors(dienstenSchema, withFields(base, { categories: "computerhulp" }))["categories[0]"]).toEqual([
      "Kies een categorie uit de lijst",
    ]);
  });

  it("limits the general price note to 1000 characters", () => {
    expect(errors(dienstenSchema, withFields(base, { priceNote: "x".repeat(1001) })).priceNote).toEqual([
      "De prijsomschrijving is 1001 tekens; maximaal 1000",
    ]);
  });

  it("adds a line without asking for the minimums (intent add-service)", () => {
    expect(valid(dienstenSchema, [["intent", "add-service"]])).toEqual({
      intent: { action: "add" },
      categories: [],
      services: [],
      priceNote: null,
    });
  });

  it("removes a line without checking it (intent remove-service-<index>)", () => {
    const value = valid(dienstenSchema, [
      ...base,
      ["intent", "remove-service-1"],
      ["services[1].name", "Half ingevuld"],
      ["services[1].price", "veel"],
      ["services[1].unit", "hour"],
      ["services[2].name", "Tuinieren"],
      ["services[2].price", "25"],
      ["services[2].unit", "hour"],
    ]);
    expect(value.intent).toEqual({ action: "remove", index: 1 });
    expect(value.services.map((line) => line.name)).toEqual(["Computerhulp", "Tuinieren"]);
  });
});

describe("parseListIntent", () => {
  it.each([
    [undefined, { action: "save" }],
    ["save", { action: "save" }],
    ["add-service", { action: "add" }],
    ["remove-service-0", { action: "remove", index: 0 }],
    ["remove-service-12", { action: "remove", index: 12 }],
  ])("reads %s", (value, intent) => {
    expect(parseListIntent(value, "service")).toEqual(intent);
  });

  it.each(["add-place", "remove-service-", "remove-service--1", "remove-service-1x", "opslaan"])("refuses %s", (value) => {
    expect(parseListIntent(value, "service")).toBeNull();
  });
});

// ---------------------------------------------------------------------------

describe("labels", () => {
  it("use the manual's wording", () => {
    expect(aanmeldingLabels).toMatchObject({
      offerings: "Welke dienst(en) wilt u aanbieden?",
      firstName: "Wat is uw voornaam?",
      email: "Wat is uw e-mailadres?",
      password: "Kies een wachtwoord",
      heardFrom: "Hoe heeft u van Vivium Services gehoord? (optioneel)",
    });
    expect(persoonlijkLabels).toEqual({
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
    });
    expect(bedrijfLabels).toMatchObject({
      hasKvk: "Ik heb een KvK-nummer",
      companyName: "Mijn bedrijfsnaam is",
      kvkNumber: "Mijn KvK-nummer is",
      hasWorkAddress: "Mijn werkadres is anders dan mijn thuisadres",
    });
    expect(profielLabels).toEqual({ introText: "Introductietekst", profileText: "Uitgebreide profieltekst" });
    expect(beschikbaarheidLabels).toMatchObject({
      coverageMode: "Werkgebied",
      dayparts: "Ik ben beschikbaar op de volgende dagdelen",
    });
    expect(dienstenLabels).toMatchObject({
      categories: "Mijn diensten vallen onder de volgende categorieën",
      priceNote: "Algemene prijsomschrijving",
    });
    expect(serviceLineLabels).toEqual({
      name: "Ik bied de volgende dienst aan",
      price: "en deze kost",
      unit: "per",
      description: "Dienst omschrijving",
    });
  });

  it("exist for every step with a form", () => {
    expect(Object.keys(FIELD_LABELS)).toEqual(["aanmelding", "persoonlijk", "bedrijf", "profiel", "beschikbaarheid", "diensten"]);
  });
});
