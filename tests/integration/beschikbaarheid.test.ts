import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/aanmelden.beschikbaarheid";
import { findCoveringProviders, loadCoverage, saveCoverage } from "~/server/coverage.server";
import { forgetDatabase, type AppDatabase } from "~/server/db.server";
import { resolveLocation } from "~/server/geo.server";
import { createProviderSession } from "~/server/session.server";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

const URL_ = "http://localhost/aanmelden/beschikbaarheid";
// What server.ts hands every request; this step does not read it.
const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };
const DONE_BEFORE = JSON.stringify(["aanmelding", "persoonlijk", "bedrijf", "profiel"]);

let t: TestDatabase;
let woerdenProvider: number;
let woerdenCookie: string;
let otherProvider: number;
let homelessProvider: number;
let homelessCookie: string;

type Entries = Array<[string, string]>;

/** What the route answered: a redirect, or the data the page is rendered with and its status. */
type Outcome = { status: number; location: string | null; data: Record<string, unknown> | null };

async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: null };
  const value = result as Record<string, unknown>;
  // Remix's data() wraps the value with its status; a plain object is a 200.
  if (value.type !== "DataWithResponseInit") return { status: 200, location: null, data: value };
  const init = value.init as ResponseInit | null;
  return { status: init?.status ?? 200, location: null, data: value.data as Record<string, unknown> };
}

function post(cookie: string, entries: Entries): Promise<Outcome> {
  const request = new Request(URL_, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(entries),
  });
  return settle(() => action({ request, params: {}, context }));
}

function load(cookie: string): Promise<Outcome> {
  return settle(() => loader({ request: new Request(URL_, { headers: { Cookie: cookie } }), params: {}, context }));
}

async function signIn(providerId: number): Promise<string> {
  const response = await createProviderSession(new Request("http://localhost/inloggen", { method: "POST" }), providerId, "/aanmelden");
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no session cookie");
  return setCookie.split(";")[0]!;
}

async function coveringIds(input: string): Promise<number[]> {
  const result = await resolveLocation(t.db, input);
  if (!result.ok) throw new Error(`test location ${input} not found`);
  return (await findCoveringProviders(t.db, result.location)).map((c) => c.providerId);
}

async function daypartsOf(providerId: number): Promise<string[]> {
  const rows = await t.db
    .selectFrom("provider_dayparts")
    .select(["weekday", "daypart"])
    .where("provider_id", "=", providerId)
    .orderBy("weekday")
    .orderBy("daypart")
    .execute();
  return rows.map((row) => `${row.weekday}-${row.daypart}`);
}

async function completedSteps(providerId: number): Promise<string[]> {
  const row = await t.db.selectFrom("providers").select("completed_steps").where("id", "=", providerId).executeTakeFirstOrThrow();
  return JSON.parse(row.completed_steps) as string[];
}

/** Everything this step stores for a provider, to prove that a request left it alone. */
async function storedState(providerId: number) {
  return { coverage: await loadCoverage(t.db, providerId), dayparts: await daypartsOf(providerId), steps: await completedSteps(providerId) };
}

const errorsOf = (outcome: Outcome) => (outcome.data?.error ?? {}) as Record<string, string[] | null>;
const valuesOf = (outcome: Outcome) => (outcome.data?.initialValue ?? {}) as Record<string, unknown>;

const weekdayMornings: Entries = [
  ["dayparts", "0-0"],
  ["dayparts", "1-0"],
  ["dayparts", "2-0"],
];

beforeAll(async () => {
  t = await createTestDatabase();
  // The session code reads its secret from config(), which reads DATA_DIR on first use.
  process.env.DATA_DIR = t.dir;
  (globalThis as Record<symbol, AppDatabase>)[Symbol.for("vivium.database")] = t;

  woerdenProvider = await insertTestProvider(t.db, { firstName: "Woerden", status: "draft" });
  await t.db
    .updateTable("providers")
    .set({ home_postcode: "3447 GT", home_city: "Woerden", has_work_address: 0, completed_steps: DONE_BEFORE })
    .where("id", "=", woerdenProvider)
    .execute();
  woerdenCookie = await signIn(woerdenProvider);

  otherProvider = await insertTestProvider(t.db, { firstName: "Ander" });
  await t.db.updateTable("providers").set({ home_postcode: "3511 AA", completed_steps: DONE_BEFORE }).where("id", "=", otherProvider).execute();
  await saveCoverage(t.db, otherProvider, { mode: "radius", radiusKm: 5 }, 3511);
  await t.db.insertInto("provider_dayparts").values({ provider_id: otherProvider, weekday: 4, daypart: 2 }).execute();

  homelessProvider = await insertTestProvider(t.db, { firstName: "Zonderadres", status: "draft" });
  await t.db.updateTable("providers").set({ completed_steps: DONE_BEFORE }).where("id", "=", homelessProvider).execute();
  homelessCookie = await signIn(homelessProvider);
});

afterAll(async () => {
  forgetDatabase();
  await t.cleanup();
});

describe("Beschikbaarheid step", () => {
  it("sends a visitor without a session to sign in", async () => {
    const outcome = await load("");
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/inloggen\?redirectTo=%2Faanmelden%2Fbeschikbaarheid/);
  });

  it("shows a fresh provider no choice and no dagdelen, and the address a radius counts from", async () => {
    const outcome = await load(woerdenCookie);
    expect(outcome.status).toBe(200);
    expect(outcome.data).toEqual({
      saved: { coverageMode: "", places: [], newPlace: "", radiusKm: "", dayparts: [] },
      base: { pc4: 3447, placeName: "Woerden", isWorkAddress: false },
    });
  });

  it("asks for a werkgebied and a dagdeel before saving, and saves nothing", async () => {
    const before = await storedState(woerdenProvider);
    const outcome = await post(woerdenCookie, [["intent", "save"]]);
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toMatchObject({
      coverageMode: ["Kies waar u uw diensten aanbiedt"],
      dayparts: ["Kies minstens één dagdeel"],
    });
    expect(await storedState(woerdenProvider)).toEqual(before);
  });

  it("saves a 10 km radius around the home address: Harmelen (3481) is covered, Utrecht centrum (3511) is not", async () => {
    const outcome = await post(woerdenCookie, [
      ["intent", "save"],
      ["coverageMode", "radius"],
      ["radiusKm", "10"],
      ["places", "Gouda"],
      ...weekdayMornings,
    ]);
    expect(outcome).toMatchObject({ status: 302, location: "/aanmelden/diensten" });
    expect(await loadCoverage(t.db, woerdenProvider)).toMatchObject({ mode: "radius", radiusKm: 10, basePc4: 3447 });
    expect(await coveringIds("3481")).toContain(woerdenProvider);
    expect(await coveringIds("3511")).not.toContain(woerdenProvider);
    expect(await coveringIds("Gouda")).not.toContain(woerdenProvider);
    expect(await daypartsOf(woerdenProvider)).toEqual(["0-0", "1-0", "2-0"]);
    expect(await completedSteps(woerdenProvider)).toContain("beschikbaarheid");

    const reopened = await load(woerdenCookie);
    expect(reopened.data?.saved).toEqual({ coverageMode: "radius", places: [], newPlace: "", radiusKm: "10", dayparts: ["0-0", "1-0", "2-0"] });
  });

  it("adds a place without JavaScript: the page comes back with the list and every other answer, nothing saved", async () => {
    const before = await storedState(woerdenProvider);
    const outcome = await post(woerdenCookie, [
      ["intent", "add-place"],
      ["coverageMode", "places"],
      ["places", "Woerden"],
      ["newPlace", "den haag"],
      ["radiusKm", "12"],
      ["dayparts", "3-1"],
      ["dayparts", "5-2"],
    ]);
    expect(outcome.status).toBe(200);
    expect(valuesOf(outcome)).toMatchObject({
      coverageMode: "places",
      places: ["Woerden", "'s-Gravenhage"],
      radiusKm: "12",
      dayparts: ["3-1", "5-2"],
    });
    expect(valuesOf(outcome).newPlace).toBeUndefined();
    expect(outcome.data?.notice).toBe("'s-Gravenhage (Den Haag) is toegevoegd aan uw lijst.");
    expect(errorsOf(outcome)).toEqual({});
    expect(await storedState(woerdenProvider)).toEqual(before);
  });

  it("chooses the places werkgebied when a place is added before any choice was made", async () => {
    const outcome = await post(woerdenCookie, [
      ["intent", "add-place"],
      ["newPlace", "utrecht"],
    ]);
    expect(outcome.status).toBe(200);
    expect(valuesOf(outcome)).toMatchObject({ coverageMode: "places", places: ["Utrecht"] });
  });

  it("lists a place only once and says so", async () => {
    const outcome = await post(woerdenCookie, [
      ["intent", "add-place"],
      ["coverageMode", "places"],
      ["places", "Woerden"],
      ["places", "'s-Gravenhage"],
      ["newPlace", "Den Haag"],
    ]);
    expect(outcome.status).toBe(200);
    expect(valuesOf(outcome).places).toEqual(["Woerden", "'s-Gravenhage"]);
    expect(outcome.data?.notice).toBe("'s-Gravenhage (Den Haag) staat al in uw lijst.");
  });

  it("removes a place without JavaScript and keeps the rest of the form", async () => {
    const before = await storedState(woerdenProvider);
    const outcome = await post(woerdenCookie, [
      ["intent", "remove-place-0"],
      ["coverageMode", "places"],
      ["places", "Woerden"],
      ["places", "Utrecht"],
      ["newPlace", "Gou"],
      ["dayparts", "6-0"],
    ]);
    expect(outcome.status).toBe(200);
    expect(valuesOf(outcome)).toMatchObject({ places: ["Utrecht"], newPlace: "Gou", dayparts: "6-0" });
    expect(outcome.data?.notice).toBe("Woerden is uit uw lijst gehaald.");
    expect(await storedState(woerdenProvider)).toEqual(before);
  });

  it("refuses an unknown place with a suggestion, keeps what was typed, and saves nothing", async () => {
    const before = await storedState(woerdenProvider);
    const outcome = await post(woerdenCookie, [
      ["intent", "add-place"],
      ["coverageMode", "places"],
      ["places", "Utrecht"],
      ["newPlace", "Woerdn"],
      ["dayparts", "1-1"],
    ]);
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).newPlace?.[0]).toMatch(/^Wij kennen de plaats “Woerdn” niet\. Bedoelt u misschien Woerden[ ,?]/);
    expect(valuesOf(outcome)).toMatchObject({ places: ["Utrecht"], newPlace: "Woerdn", dayparts: "1-1" });
    expect(await storedState(woerdenProvider)).toEqual(before);
  });

  it("refuses to save with an unknown place typed in the box, together with the other problems", async () => {
    const before = await storedState(woerdenProvider);
    const outcome = await post(woerdenCookie, [
      ["intent", "save"],
      ["coverageMode", "places"],
      ["places", "Utrecht"],
      ["newPlace", "Woerdn"],
    ]);
    expect(outcome.status).toBe(400);
    expect(Object.keys(errorsOf(outcome)).sort()).toEqual(["dayparts", "newPlace"]);
    expect(errorsOf(outcome).newPlace?.[0]).toContain("Bedoelt u misschien Woerden");
    expect(await storedState(woerdenProvider)).toEqual(before);

    const withDayparts = await post(woerdenCookie, [
      ["intent", "save"],
      ["coverageMode", "places"],
      ["places", "Utrecht"],
      ["newPlace", "Woerdn"],
      ...weekdayMornings,
    ]);
    expect(withDayparts.status).toBe(400);
    expect(Object.keys(errorsOf(withDayparts))).toEqual(["newPlace"]);
    expect(await storedState(woerdenProvider)).toEqual(before);
  });

  it("saves a place list by place id, including a place still typed in the box and the alias Den Haag", async () => {
    const outcome = await post(woerdenCookie, [
      ["intent", "save"],
      ["coverageMode", "places"],
      ["places", "Woerden"],
      ["radiusKm", "10"],
      ["newPlace", "den haag"],
      ["dayparts", "4-2"],
      ["dayparts", "4-1"],
    ]);
    expect(outcome).toMatchObject({ status: 302, location: "/aanmelden/diensten" });
    expect(await coveringIds("Den Haag")).toContain(woerdenProvider);
    expect(await coveringIds("2511")).toContain(woerdenProvider);
    expect(await coveringIds("3441")).toContain(woerdenProvider);
    // The radius is gone with the change of werkgebied.
    expect(await coveringIds("3481")).not.toContain(woerdenProvider);
    expect(await daypartsOf(woerdenProvider)).toEqual(["4-1", "4-2"]);

    const reopened = await load(woerdenCookie);
    expect(reopened.data?.saved).toEqual({
      coverageMode: "places",
      places: ["Woerden", "'s-Gravenhage"],
      newPlace: "",
      radiusKm: "",
      dayparts: ["4-1", "4-2"],
    });
  });

  it("saves heel Nederland", async () => {
    const outcome = await post(woerdenCookie, [["intent", "save"], ["coverageMode", "nationwide"], ["places", "Woerden"], ["dayparts", "0-2"]]);
    expect(outcome.status).toBe(302);
    expect(await loadCoverage(t.db, woerdenProvider)).toMatchObject({ mode: "nationwide" });
    expect(await coveringIds("Maastricht")).toContain(woerdenProvider);
  });

  it("refuses a radius when there is no address to measure it from", async () => {
    const before = await storedState(homelessProvider);
    const loaded = await load(homelessCookie);
    expect(loaded.data?.base).toBeNull();
    const outcome = await post(homelessCookie, [["intent", "save"], ["coverageMode", "radius"], ["radiusKm", "20"], ...weekdayMornings]);
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).radiusKm?.[0]).toContain("Wij kennen uw adres nog niet");
    expect(await storedState(homelessProvider)).toEqual(before);
  });

  it("never touched another provider's werkgebied or dagdelen", async () => {
    expect(await loadCoverage(t.db, otherProvider)).toMatchObject({ mode: "radius", radiusKm: 5, basePc4: 3511 });
    expect(await daypartsOf(otherProvider)).toEqual(["4-2"]);
    expect(await completedSteps(otherProvider)).not.toContain("beschikbaarheid");
    expect(await coveringIds("3511")).toContain(otherProvider);
  });
});
