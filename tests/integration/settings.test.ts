/**
 * The backoffice settings (/backoffice/instellingen/*): each section saves
 * through the same step logic as the signup wizard, returns to the overview
 * with "Uw wijzigingen zijn opgeslagen", and search and the public profile
 * follow at once. Real SQLite file with the postcode data; route modules
 * called with real Requests and session cookies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCategories } from "#db/seed/seed";
import * as overview from "~/routes/backoffice.instellingen._index";
import * as bedrijf from "~/routes/backoffice.instellingen.bedrijf";
import * as diensten from "~/routes/backoffice.instellingen.diensten";
import * as persoonlijk from "~/routes/backoffice.instellingen.persoonlijk";
import * as profiel from "~/routes/backoffice.instellingen.profiel";
import * as werkgebied from "~/routes/backoffice.instellingen.werkgebied";
import { WIZARD_STEPS } from "~/domain/wizard";
import sharp from "sharp";
import { config } from "~/server/config.server";
import { loadCoverage, saveCoverage } from "~/server/coverage.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { findProviderPhoto, savePhoto } from "~/server/photos.server";
import { findPublicProfile } from "~/server/profile.server";
import { searchProviders } from "~/server/search.server";
import { context, getRequest, postForm, postMultipart, settle, signIn } from "../support/route-calls";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let categoryIds: Record<string, number>;
const ALL_STEPS = JSON.stringify(WIZARD_STEPS.map((step) => step.key));

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  await seedCategories(db);
  const categories = await db.selectFrom("categories").select(["id", "slug"]).execute();
  categoryIds = Object.fromEntries(categories.map((category) => [category.slug, category.id]));
}, 120_000);

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

/** A live provider who finished the wizard: Woerden, radius 10 km, one category and one service. */
async function liveProvider(firstName: string): Promise<{ id: number; cookie: string; slug: string }> {
  const id = await insertTestProvider(db, { firstName, status: "live" });
  await db
    .updateTable("providers")
    .set({
      last_name: "Klinkenberg",
      phone: "0610034891",
      gender: "man",
      birth_date: "1962-09-07",
      home_postcode: "3447 GT",
      home_house_number: "1",
      home_street: "Dorpsstraat",
      home_city: "Woerden",
      has_kvk: 0,
      has_work_address: 0,
      intro_text: "Ik help u graag met uw computer.",
      profile_text: "Een profieltekst die lang genoeg is om aan de regels te voldoen. ".repeat(3),
      completed_steps: ALL_STEPS,
    })
    .where("id", "=", id)
    .execute();
  await db.insertInto("provider_categories").values({ provider_id: id, category_id: categoryIds.computerhulp! }).execute();
  await db.insertInto("provider_services").values({ provider_id: id, position: 0, name: "Computerhulp", price_cents: 3000, unit: "hour", description: null }).execute();
  await saveCoverage(db, id, { mode: "radius", radiusKm: 10 }, 3447);
  const { slug } = await db.selectFrom("providers").select("slug").where("id", "=", id).executeTakeFirstOrThrow();
  return { id, cookie: await signIn(id), slug: slug! };
}

const personal = (overrides: Record<string, string> = {}): Array<[string, string]> =>
  Object.entries({
    firstName: "Bert",
    infix: "von",
    lastName: "Klinkenberg",
    phone: "0610034891",
    gender: "man",
    birthDate: "7-9-1962",
    postcode: "3447 GT",
    houseNumber: "1",
    addition: "",
    street: "Dorpsstraat",
    city: "Woerden",
    intent: "save",
    ...overrides,
  });

const searchNames = async (wat: string) => (await searchProviders(db, { wat })).results.map((card) => card.id);

describe("who may open the settings", () => {
  it("sends a visitor without a session to sign in, for every page and every save", async () => {
    for (const [path, route] of [
      ["/backoffice/instellingen", overview],
      ["/backoffice/instellingen/persoonlijk", persoonlijk],
      ["/backoffice/instellingen/bedrijf", bedrijf],
      ["/backoffice/instellingen/profiel", profiel],
      ["/backoffice/instellingen/werkgebied", werkgebied],
      ["/backoffice/instellingen/diensten", diensten],
    ] as const) {
      const page = await settle(() => route.loader({ request: getRequest(path), params: {}, context }));
      expect(page.status).toBe(302);
      expect(page.location).toBe(`/inloggen?${new URLSearchParams({ redirectTo: path })}`);
      if ("action" in route) {
        const save = await settle(() => route.action({ request: postForm(path, undefined, personal()), params: {}, context }));
        expect(save.location).toMatch(/^\/inloggen\?/);
      }
    }
  });

  it("shows each provider only their own details", async () => {
    const anna = await liveProvider("Anna");
    const bert = await liveProvider("Bert");
    await db.updateTable("providers").set({ phone: "0301234567" }).where("id", "=", bert.id).execute();
    const page = await settle(() => overview.loader({ request: getRequest("/backoffice/instellingen", anna.cookie), params: {}, context }));
    expect(JSON.stringify(page.data)).toContain("Anna");
    expect(JSON.stringify(page.data)).not.toMatch(/030\s?123/);
    expect(JSON.stringify(page.data)).not.toContain("Bert");
  });
});

describe("saving a section", () => {
  it("saves the personal details, returns to the overview with the message, and search finds the new name at once", async () => {
    const provider = await liveProvider("Gerrit");
    const before = await db.selectFrom("providers").select(["completed_steps"]).where("id", "=", provider.id).executeTakeFirstOrThrow();
    const saved = await settle(() =>
      persoonlijk.action({ request: postForm("/backoffice/instellingen/persoonlijk", provider.cookie, personal({ firstName: "Gerrit", lastName: "Zonnebloem" })), params: {}, context }),
    );
    expect(saved.status).toBe(303);
    expect(saved.location).toBe("/backoffice/instellingen?opgeslagen=persoonlijk");
    const after = await db.selectFrom("providers").select(["last_name", "infix", "completed_steps"]).where("id", "=", provider.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ last_name: "Zonnebloem", infix: "von", completed_steps: before.completed_steps });
    expect(await searchNames("zonnebloem")).toEqual([provider.id]);

    const page = await settle(() => overview.loader({ request: getRequest(saved.location!, provider.cookie), params: {}, context }));
    expect(page.data).toMatchObject({ saved: "persoonlijk", persoonlijk: { name: "Gerrit von Zonnebloem" } });
  });

  it("refuses what the wizard refuses, with the typed values back and nothing saved", async () => {
    const provider = await liveProvider("Hanna");
    const refused = await settle(() =>
      persoonlijk.action({ request: postForm("/backoffice/instellingen/persoonlijk", provider.cookie, personal({ lastName: "Nieuwenaam", phone: "12" })), params: {}, context }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ initialValue: { lastName: "Nieuwenaam", phone: "12" }, error: { phone: [expect.any(String)] } });
    expect((await db.selectFrom("providers").select("last_name").where("id", "=", provider.id).executeTakeFirstOrThrow()).last_name).toBe("Klinkenberg");
  });

  it("says what is wrong with a postcode, and never asks for the place the hint says may be left empty", async () => {
    const provider = await liveProvider("Hein");
    const save = (fields: Record<string, string>) =>
      settle(() => persoonlijk.action({ request: postForm("/backoffice/instellingen/persoonlijk", provider.cookie, personal(fields)), params: {}, context }));

    const shape = await save({ postcode: "3447 G", city: "" });
    expect(shape.status).toBe(400);
    expect(shape.data).toMatchObject({ error: { postcode: ["Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT"] } });
    expect(Object.keys((shape.data as { error: Record<string, unknown> }).error)).toEqual(["postcode"]);

    const neverIssued = await save({ postcode: "0000 AA", city: "" });
    expect(neverIssued.data).toMatchObject({ error: { postcode: ["Deze postcode kennen wij niet. Controleer de cijfers en letters"] } });
    expect(Object.keys((neverIssued.data as { error: Record<string, unknown> }).error)).toEqual(["postcode"]);

    const notInData = await save({ postcode: "1004 AB", city: "" });
    expect(notInData.status).toBe(400);
    expect(notInData.data).toMatchObject({ error: { postcode: ["Deze postcode kennen wij niet. Controleer de cijfers en letters"] } });
    expect(Object.keys((notInData.data as { error: Record<string, unknown> }).error)).toEqual(["postcode"]);

    const filledIn = await save({ postcode: "3447 GT", city: "" });
    expect(filledIn.status).toBe(303);
    expect((await db.selectFrom("providers").select("home_city").where("id", "=", provider.id).executeTakeFirstOrThrow()).home_city).toBe("Woerden");
  });

  it("checks a work postcode with the same messages", async () => {
    const provider = await liveProvider("Iris");
    const refused = await settle(() =>
      bedrijf.action({
        request: postForm("/backoffice/instellingen/bedrijf", provider.cookie, [
          ["hasKvk", "nee"],
          ["hasWorkAddress", "ja"],
          ["workPostcode", "3447 G"],
          ["workHouseNumber", "3"],
          ["workStreet", "Kerkstraat"],
          ["workCity", ""],
        ]),
        params: {},
        context,
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ error: { workPostcode: ["Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT"] } });
    expect(Object.keys((refused.data as { error: Record<string, unknown> }).error)).toEqual(["workPostcode"]);
  });

  it("saves the company name, which search finds", async () => {
    const provider = await liveProvider("Ida");
    const saved = await settle(() =>
      bedrijf.action({
        request: postForm("/backoffice/instellingen/bedrijf", provider.cookie, [
          ["hasKvk", "ja"],
          ["companyName", "Klusbedrijf Regenboog"],
          ["kvkNumber", "12345678"],
          ["hasWorkAddress", "nee"],
        ]),
        params: {},
        context,
      }),
    );
    expect(saved.location).toBe("/backoffice/instellingen?opgeslagen=bedrijf");
    expect(await searchNames("regenboog")).toEqual([provider.id]);
  });

  it("saves the profile texts, which the public profile and search show at once", async () => {
    const provider = await liveProvider("Jan");
    const intro = "Geduldige hulp bij tablets en smartphones.";
    const text = "Ik ben Jan en ik leg alles rustig uit, zo vaak als nodig is. Ook aan huis, in uw eigen tempo. ".repeat(2);
    const saved = await settle(() =>
      profiel.action({
        request: postMultipart("/backoffice/instellingen/profiel", provider.cookie, [
          ["introText", intro],
          ["profileText", text],
          ["intent", "save"],
        ]),
        params: {},
        context,
      }),
    );
    expect(saved.location).toBe("/backoffice/instellingen?opgeslagen=profiel");
    const profile = await findPublicProfile(db, provider.slug);
    expect(profile.kind === "found" && profile.profile.introText).toBe(intro);
    expect(await searchNames("smartphones")).toEqual([provider.id]);
  });

  it("re-crops the stored original photo: a new crop, the same picture", async () => {
    const provider = await liveProvider("Nora");
    const image = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#336699" } }).jpeg().toBuffer();
    const first = await savePhoto(db, config().uploadsDir, provider.id, { buffer: image, fileName: "nora.jpg" });
    const saved = await settle(() =>
      profiel.action({
        request: postMultipart("/backoffice/instellingen/profiel", provider.cookie, [
          ["introText", "Ik help u graag met uw computer."],
          ["profileText", "Een profieltekst die lang genoeg is om aan de regels te voldoen. ".repeat(3)],
          ["cropPhotoId", first.id],
          ["cropLeft", "100"],
          ["cropTop", "100"],
          ["cropWidth", "400"],
          ["cropHeight", "500"],
          ["intent", "save"],
        ]),
        params: {},
        context,
      }),
    );
    expect(saved.location).toBe("/backoffice/instellingen?opgeslagen=profiel");
    const photo = await findProviderPhoto(db, provider.id);
    expect(photo).toMatchObject({ originalName: "nora.jpg", width: 600, height: 800, crop: { left: 100, top: 100, width: 400, height: 500 } });
    expect(photo!.id).not.toBe(first.id);
  });

  it("saves the werkgebied and dagdelen through the same rules (a nationwide werkgebied, two dagdelen)", async () => {
    const provider = await liveProvider("Karel");
    const saved = await settle(() =>
      werkgebied.action({
        request: postForm("/backoffice/instellingen/werkgebied", provider.cookie, [
          ["coverageMode", "nationwide"],
          ["dayparts", "0-0"],
          ["dayparts", "4-2"],
          ["intent", "save"],
        ]),
        params: {},
        context,
      }),
    );
    expect(saved.location).toBe("/backoffice/instellingen?opgeslagen=werkgebied");
    expect(await loadCoverage(db, provider.id)).toMatchObject({ mode: "nationwide" });
    const dayparts = await db.selectFrom("provider_dayparts").select(["weekday", "daypart"]).where("provider_id", "=", provider.id).orderBy("weekday").execute();
    expect(dayparts).toEqual([{ weekday: 0, daypart: 0 }, { weekday: 4, daypart: 2 }]);

    const unknown = await settle(() =>
      werkgebied.action({
        request: postForm("/backoffice/instellingen/werkgebied", provider.cookie, [["coverageMode", "places"], ["newPlace", "Nergenshuizen"], ["dayparts", "0-0"], ["intent", "save"]]),
        params: {},
        context,
      }),
    );
    expect(unknown.status).toBe(400);
    expect(await loadCoverage(db, provider.id)).toMatchObject({ mode: "nationwide" });
  });

  it("saves categories and services, and search follows: the new service is found, the old one no more", async () => {
    const provider = await liveProvider("Lotte");
    const saved = await settle(() =>
      diensten.action({
        request: postMultipart("/backoffice/instellingen/diensten", provider.cookie, [
          ["categories", String(categoryIds.klusjesmannen)],
          ["services[0].name", "Heggen snoeien"],
          ["services[0].price", "27,50"],
          ["services[0].unit", "hour"],
          ["services[0].description", "Ook hoge heggen"],
          ["priceNote", ""],
          ["intent", "save"],
        ]),
        params: {},
        context,
      }),
    );
    expect(saved.location).toBe("/backoffice/instellingen?opgeslagen=diensten");
    const services = await db.selectFrom("provider_services").select(["name", "price_cents"]).where("provider_id", "=", provider.id).execute();
    expect(services).toEqual([{ name: "Heggen snoeien", price_cents: 2750 }]);
    expect(await searchNames("heggen")).toEqual([provider.id]);
    expect(await searchNames("computerhulp")).not.toContain(provider.id);
  });

  it("changes the list on screen without saving when a service line is added, naming the settings' save button", async () => {
    const provider = await liveProvider("Mieke");
    const added = await settle(() =>
      diensten.action({
        request: postMultipart("/backoffice/instellingen/diensten", provider.cookie, [
          ["categories", String(categoryIds.computerhulp)],
          ["services[0].name", "Computerhulp"],
          ["services[0].price", "30"],
          ["services[0].unit", "hour"],
          ["intent", "add-service"],
        ]),
        params: {},
        context,
      }),
    );
    expect(added.status).toBe(200);
    expect((added.data as { lines: unknown[] }).lines).toHaveLength(2);
    expect(await db.selectFrom("provider_services").select("name").where("provider_id", "=", provider.id).execute()).toHaveLength(1);
  });
});
