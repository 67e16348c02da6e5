/**
 * Account security and the pause switch on the server: the route actions
 * called with real Requests and session cookies, a real SQLite file (with
 * the postcode data, for the location search), and the outbox table.
 */
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountPage from "~/routes/backoffice.account";
import * as pausePage from "~/routes/backoffice.pauze";
import * as signIn from "~/routes/inloggen";
import * as resetPage from "~/routes/wachtwoord-herstellen.$token";
import * as forgotPage from "~/routes/wachtwoord-vergeten";
import { amsterdamIsoDate } from "~/domain/packages";
import { checkResetToken, requestPasswordReset, RESET_REQUEST_MIN_MS } from "~/server/account.server";
import { listActiveCategories } from "~/server/categories.server";
import { findContactableProvider } from "~/server/contact-requests.server";
import { saveCoverage } from "~/server/coverage.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { findPlaceByName } from "~/server/geo.server";
import { pauseProvider, resumeProvider } from "~/server/pause.server";
import { findPublicProfile } from "~/server/profile.server";
import { hashPassword, verifyPassword } from "~/server/passwords.server";
import { searchProviders, searchProvidersByScan, type SearchParams } from "~/server/search.server";
import { createProviderSession, getProviderSession } from "~/server/session.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const BASE = "http://127.0.0.1:3000";
const PASSWORD = "Tuinhek-Blauw-42";
const NEW_PASSWORD = "Fietsbel-Rood-2027";

let t: TestDatabase;
let db: Db;
let counter = 0;
let passwordHash: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  passwordHash = await hashPassword(PASSWORD);
}, 120_000);

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

const contextFor = (clientIp = "127.0.0.1") => ({ cspNonce: "", clientIp }) as AppLoadContext;

async function newProvider(values: { firstName?: string; lastName?: string; live?: boolean } = {}): Promise<{ id: number; email: string; slug: string }> {
  counter += 1;
  const now = new Date().toISOString();
  const email = `Account${counter}@Example.nl`;
  const slug = `account-${counter}`;
  const { id } = await db
    .insertInto("providers")
    .values({
      email,
      password_hash: passwordHash,
      first_name: values.firstName ?? "Bert",
      last_name: values.lastName ?? null,
      slug,
      status: values.live ? "live" : "draft",
      published_at: values.live ? now : null,
      completed_steps: JSON.stringify(["aanmelding"]),
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, email, slug };
}

async function sessionCookie(providerId: number): Promise<string> {
  const response = await createProviderSession(new Request(`${BASE}/inloggen`), providerId, "/backoffice");
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

const signedIn = async (cookie: string) => (await getProviderSession(new Request(`${BASE}/backoffice`, { headers: { Cookie: cookie } })))?.providerId ?? null;

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

/** What an action answered: a Response (redirect), or the `data()` it returned with its status. */
type Answer = { status: number; location: string | null; setCookie: string | null; body: unknown };

async function answer(work: Promise<unknown>): Promise<Answer> {
  let value: unknown;
  try {
    value = await work;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    value = thrown;
  }
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location"), setCookie: value.headers.get("Set-Cookie"), body: null };
  }
  if (value && typeof value === "object" && "type" in value && (value as { type: unknown }).type === "DataWithResponseInit") {
    const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, location: null, setCookie: null, body: data };
  }
  return { status: 200, location: null, setCookie: null, body: value };
}

const errorsOf = (body: unknown) => (body as { result: { error: Record<string, string[]> } }).result.error;

const outbox = (to: string) =>
  db.selectFrom("outbox_messages").select(["template", "subject", "text_body"]).where("to_address", "=", to).orderBy("id").execute();

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

describe("changing the e-mail address", () => {
  it("needs the current password and a free address, and keeps everything as it was otherwise", async () => {
    const bert = await newProvider();
    const other = await newProvider();
    const cookie = await sessionCookie(bert.id);

    const wrong = await answer(accountPage.action({ request: post("/backoffice/account", { intent: "email", newEmail: "nieuw@example.nl", emailPassword: "niet-het-wachtwoord" }, cookie), params: {}, context: contextFor() }));
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong.body).emailPassword).toEqual(["Dit is niet uw huidige wachtwoord. Controleer het en probeer het opnieuw"]);

    // Taken in other capitals, as the signup checks it.
    const taken = await answer(accountPage.action({ request: post("/backoffice/account", { intent: "email", newEmail: other.email.toUpperCase(), emailPassword: PASSWORD }, cookie), params: {}, context: contextFor() }));
    expect(taken.status).toBe(400);
    expect(errorsOf(taken.body).newEmail?.[0]).toMatch(/Er is al een account met dit e-mailadres/);

    const invalid = await answer(accountPage.action({ request: post("/backoffice/account", { intent: "email", newEmail: "geen-adres", emailPassword: PASSWORD }, cookie), params: {}, context: contextFor() }));
    expect(invalid.status).toBe(400);
    // The typed address comes back, the password never does.
    expect((invalid.body as { result: { initialValue: Record<string, unknown> } }).result.initialValue).toEqual({ intent: "email", newEmail: "geen-adres" });

    expect((await db.selectFrom("providers").select("email").where("id", "=", bert.id).executeTakeFirstOrThrow()).email).toBe(bert.email);
    expect(await signedIn(cookie)).toBe(bert.id);
    expect(await outbox(bert.email)).toEqual([]);
  });

  it("ends every session of that provider but not another provider's, tells the old address, and the new one signs in", async () => {
    const bert = await newProvider({ firstName: "Bert" });
    const annelies = await newProvider({ firstName: "Annelies" });
    const [laptop, tablet, hers] = [await sessionCookie(bert.id), await sessionCookie(bert.id), await sessionCookie(annelies.id)];

    const changed = await answer(
      accountPage.action({ request: post("/backoffice/account", { intent: "email", newEmail: " Bert.Nieuw@Example.nl ", emailPassword: PASSWORD }, laptop), params: {}, context: contextFor() }),
    );
    expect(changed.status).toBe(302);
    expect(changed.location).toBe("/inloggen?e-mailadres=gewijzigd");
    expect(changed.setCookie).toMatch(/Max-Age=0/i);

    expect(await signedIn(laptop)).toBeNull();
    expect(await signedIn(tablet)).toBeNull();
    expect(await signedIn(hers)).toBe(annelies.id);
    expect((await db.selectFrom("providers").select("email").where("id", "=", bert.id).executeTakeFirstOrThrow()).email).toBe("bert.nieuw@example.nl");

    const [notice] = await outbox(bert.email);
    expect(notice).toMatchObject({ template: "account-email-changed", subject: "Uw e-mailadres is gewijzigd" });
    expect(notice?.text_body).toContain("bert.nieuw@example.nl");
    expect(await outbox("bert.nieuw@example.nl")).toEqual([]);

    const signInWith = (email: string) =>
      answer(signIn.action({ request: post("/inloggen", { email, password: PASSWORD }), params: {}, context: contextFor("10.0.0.1") }));
    expect((await signInWith(bert.email)).status).toBe(400);
    const fresh = await signInWith("bert.nieuw@example.nl");
    expect(fresh.status).toBe(302);
    expect(await signedIn(fresh.setCookie?.split(";")[0] ?? "")).toBe(bert.id);
  });
});

describe("changing the password", () => {
  it("needs the current password and follows the signup rules", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);
    const change = (fields: Record<string, string>) =>
      answer(accountPage.action({ request: post("/backoffice/account", { intent: "password", ...fields }, cookie), params: {}, context: contextFor() }));

    const wrong = await change({ currentPassword: "niet-het-wachtwoord", newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong.body).currentPassword?.[0]).toMatch(/niet uw huidige wachtwoord/);
    const weak = await change({ currentPassword: PASSWORD, newPassword: "wachtwoord123" });
    expect(weak.status).toBe(400);
    expect(errorsOf(weak.body).newPassword?.[0]).toMatch(/veel gebruikt/);
    expect((weak.body as { result: { initialValue: Record<string, unknown> } }).result.initialValue).toEqual({ intent: "password" });

    const row = await db.selectFrom("providers").select("password_hash").where("id", "=", bert.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true);
    expect(await signedIn(cookie)).toBe(bert.id);
  });

  it("stops guessing the current password after ten tries in a quarter of an hour", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const intent: Record<string, string> = i % 2 === 0 ? { intent: "password", currentPassword: `gok-${i}-abcdefgh`, newPassword: NEW_PASSWORD } : { intent: "email", newEmail: "gok@example.nl", emailPassword: `gok-${i}` };
      statuses.push((await answer(accountPage.action({ request: post("/backoffice/account", intent, cookie), params: {}, context: contextFor() }))).status);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    const right = await answer(accountPage.action({ request: post("/backoffice/account", { intent: "password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, cookie), params: {}, context: contextFor() }));
    expect(right.status).toBe(429);
    expect(errorsOf(right.body)[""]?.[0]).toMatch(/te vaak een verkeerd wachtwoord/);
    // Another provider is not affected.
    const annelies = await newProvider();
    const hers = await answer(accountPage.action({ request: post("/backoffice/account", { intent: "password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, await sessionCookie(annelies.id)), params: {}, context: contextFor() }));
    expect(hers.status).toBe(302);
  });

  it("ends the other sessions, gives this browser a new one, and sends a notice", async () => {
    const bert = await newProvider();
    const annelies = await newProvider();
    const [here, elsewhere, hers] = [await sessionCookie(bert.id), await sessionCookie(bert.id), await sessionCookie(annelies.id)];

    const changed = await answer(
      accountPage.action({ request: post("/backoffice/account", { intent: "password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, here), params: {}, context: contextFor() }),
    );
    expect(changed.status).toBe(302);
    expect(changed.location).toBe("/backoffice/account?wachtwoord=gewijzigd");
    const rotated = changed.setCookie?.split(";")[0] ?? "";
    expect(rotated).not.toBe(here);
    expect(await signedIn(rotated)).toBe(bert.id);
    expect(await signedIn(here)).toBeNull();
    expect(await signedIn(elsewhere)).toBeNull();
    expect(await signedIn(hers)).toBe(annelies.id);

    const row = await db.selectFrom("providers").select("password_hash").where("id", "=", bert.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(false);
    expect((await outbox(bert.email)).map((m) => m.template)).toEqual(["account-password-changed"]);
  });
});

/** The token in the newest reset e-mail to `to`. */
async function tokenFromMail(to: string): Promise<string> {
  const mails = (await outbox(to)).filter((m) => m.template === "account-password-reset");
  const match = /\/wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text_body ?? "");
  if (!match?.[1]) throw new Error(`no reset link mailed to ${to}`);
  return match[1];
}

const forgot = (email: string, clientIp = "127.0.0.1") =>
  answer(forgotPage.action({ request: post("/wachtwoord-vergeten", { email }), params: {}, context: contextFor(clientIp) }));

describe("password reset by e-mail", () => {
  it("gives the same answer, in about the same time, whether or not the address has an account", async () => {
    const bert = await newProvider();
    const timed = async (email: string) => {
      const started = performance.now();
      const result = await forgot(email, "10.1.0.1");
      return { result, ms: performance.now() - started };
    };
    const known = await timed(bert.email.toUpperCase());
    const unknown = await timed("niemand-hier@example.nl");
    expect(known.result).toEqual({ status: 200, location: null, setCookie: null, body: { sentTo: bert.email.toLowerCase(), result: null } });
    expect(unknown.result).toEqual({ status: 200, location: null, setCookie: null, body: { sentTo: "niemand-hier@example.nl", result: null } });
    for (const { ms } of [known, unknown]) expect(ms).toBeGreaterThanOrEqual(RESET_REQUEST_MIN_MS - 5);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(150);

    expect((await outbox(bert.email)).map((m) => m.template)).toEqual(["account-password-reset"]);
    expect(await outbox("niemand-hier@example.nl")).toEqual([]);
  });

  it("mails a random token that is stored only as its SHA-256, valid for one hour", async () => {
    const bert = await newProvider();
    const before = Date.now();
    await requestPasswordReset(db, bert.email, { minDurationMs: 0 });
    const token = await tokenFromMail(bert.email);
    const [mail] = await outbox(bert.email);
    expect(mail?.text_body).toContain(`${BASE}/wachtwoord-herstellen/${token}`);

    const rows = await db.selectFrom("password_reset_tokens").selectAll().where("provider_id", "=", bert.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const lifetime = Date.parse(rows[0]!.expires_at) - Date.parse(rows[0]!.created_at);
    expect(lifetime).toBe(60 * 60 * 1000);
    expect(Date.parse(rows[0]!.created_at)).toBeGreaterThanOrEqual(before - 1000);

    expect(await checkResetToken(db, token)).toBe("valid");
    expect(await checkResetToken(db, token, new Date(Date.parse(rows[0]!.expires_at) - 1))).toBe("valid");
    expect(await checkResetToken(db, token, new Date(rows[0]!.expires_at))).toBe("expired");
  });

  it("sets the new password once, ends every session, and refuses the link afterwards", async () => {
    const bert = await newProvider();
    const annelies = await newProvider();
    const [laptop, hers] = [await sessionCookie(bert.id), await sessionCookie(annelies.id)];
    await requestPasswordReset(db, bert.email, { minDurationMs: 0 });
    await requestPasswordReset(db, bert.email, { minDurationMs: 0 });
    const first = (await outbox(bert.email))[0]!.text_body.match(/wachtwoord-herstellen\/([A-Za-z0-9_-]{43})/)![1]!;
    const token = await tokenFromMail(bert.email);
    const path = `/wachtwoord-herstellen/${token}`;

    const page = await answer(resetPage.loader({ request: new Request(`${BASE}${path}`), params: { token }, context: contextFor() }));
    expect(page).toMatchObject({ status: 200, body: { state: "valid" } });

    const weak = await answer(resetPage.action({ request: post(path, { newPassword: "kort" }), params: { token }, context: contextFor() }));
    expect(weak.status).toBe(400);
    expect(await checkResetToken(db, token)).toBe("valid");

    const done = await answer(resetPage.action({ request: post(path, { newPassword: NEW_PASSWORD }), params: { token }, context: contextFor() }));
    expect(done).toMatchObject({ status: 302, location: "/inloggen?wachtwoord=hersteld" });
    const row = await db.selectFrom("providers").select("password_hash").where("id", "=", bert.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, NEW_PASSWORD)).toBe(true);
    expect(await signedIn(laptop)).toBeNull();
    expect(await signedIn(hers)).toBe(annelies.id);
    expect((await outbox(bert.email)).map((m) => m.template)).toEqual(["account-password-reset", "account-password-reset", "account-password-changed"]);

    // Used: this link and the older one both stop working.
    expect(await checkResetToken(db, token)).toBe("used");
    expect(await checkResetToken(db, first)).toBe("used");
    const again = await answer(resetPage.action({ request: post(path, { newPassword: "Nog-Een-Ander-2028" }), params: { token }, context: contextFor() }));
    expect(again).toMatchObject({ status: 410, body: { state: "used" } });
    expect(await verifyPassword((await db.selectFrom("providers").select("password_hash").where("id", "=", bert.id).executeTakeFirstOrThrow()).password_hash, NEW_PASSWORD)).toBe(true);
  });

  it("answers an expired or unknown link with a friendly page, not a form", async () => {
    const bert = await newProvider();
    await requestPasswordReset(db, bert.email, { now: new Date(Date.now() - 61 * 60 * 1000), minDurationMs: 0 });
    const expired = await tokenFromMail(bert.email);
    const load = (token: string) => answer(resetPage.loader({ request: new Request(`${BASE}/wachtwoord-herstellen/${token}`), params: { token }, context: contextFor() }));
    expect(await load(expired)).toMatchObject({ status: 410, body: { state: "expired" } });
    expect(await load("A".repeat(43))).toMatchObject({ status: 404, body: { state: "unknown" } });
    expect(await load("kort")).toMatchObject({ status: 404, body: { state: "unknown" } });
    const tried = await answer(resetPage.action({ request: post(`/wachtwoord-herstellen/${expired}`, { newPassword: NEW_PASSWORD }), params: { token: expired }, context: contextFor() }));
    expect(tried).toMatchObject({ status: 410, body: { state: "expired" } });
  });

  it("is rate limited per e-mail address and per client address, with the same answer for unknown addresses", async () => {
    const bert = await newProvider();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await forgot(bert.email, `10.2.0.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const unknown = [];
    for (let i = 0; i < 4; i++) unknown.push((await forgot("nog-steeds-niemand@example.nl", `10.3.0.${i}`)).status);
    expect(unknown).toEqual([200, 200, 200, 429]);
    expect((await outbox(bert.email)).length).toBe(3);

    const fromOneAddress = [];
    for (let i = 0; i < 11; i++) fromOneAddress.push((await forgot(`iemand${i}@example.nl`, "10.4.0.1")).status);
    expect(fromOneAddress.slice(0, 10).every((s) => s === 200)).toBe(true);
    const limited = await forgot("nog-iemand@example.nl", "10.4.0.1");
    expect(limited.status).toBe(429);
    expect(errorsOf(limited.body)[""]?.[0]).toMatch(/al een paar keer een nieuw wachtwoord gevraagd/);
  }, 30_000);
});

describe("pausing", () => {
  let categoryId: number;
  const CATEGORY = "pauzetest";

  beforeAll(async () => {
    ({ id: categoryId } = await db
      .insertInto("categories")
      .values({ slug: CATEGORY, name: "Pauzetest", position: 999, created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow());
  });

  /** Live, in the test category, one of each werkgebied around Woerden. */
  async function liveProvider(lastName: string, coverage: "radius" | "places" | "nationwide") {
    const provider = await newProvider({ firstName: "Pauline", lastName, live: true });
    await db.insertInto("provider_categories").values({ provider_id: provider.id, category_id: categoryId }).execute();
    const woerden = await findPlaceByName(db, "Woerden");
    if (!woerden) throw new Error("the postcode data has no Woerden");
    const input =
      coverage === "radius" ? { mode: "radius" as const, radiusKm: 10 } : coverage === "places" ? { mode: "places" as const, placeIds: [woerden.id] } : { mode: "nationwide" as const };
    await saveCoverage(db, provider.id, input, 3447);
    return provider;
  }

  async function found(params: SearchParams): Promise<string[]> {
    const indexed = await searchProviders(db, params);
    expect(indexed).toEqual(await searchProvidersByScan(db, params));
    return indexed.results.map((r) => r.name).sort();
  }

  it("hides the provider from every kind of search while paused, and shows them again when it ends", async () => {
    const radius = await liveProvider("Straal", "radius");
    const places = await liveProvider("Plaats", "places");
    const nationwide = await liveProvider("Landelijk", "nationwide");
    const all = ["Pauline Landelijk", "Pauline Plaats", "Pauline Straal"];
    const searches: SearchParams[] = [{ categorie: CATEGORY }, { categorie: CATEGORY, waar: "Woerden" }, { categorie: CATEGORY, wat: "pauline" }, { categorie: CATEGORY, wat: "pauline", waar: "3447 GT" }];
    for (const params of searches) expect(await found(params)).toEqual(all);
    const count = async () => (await listActiveCategories(db)).find((c) => c.slug === CATEGORY)?.liveProviderCount;
    expect(await count()).toBe(3);

    for (const p of [radius, places, nationwide]) await pauseProvider(db, p.id, null);
    for (const params of searches) expect(await found(params)).toEqual([]);
    expect(await count()).toBe(0);

    // A pause whose last day has passed is over without anyone doing anything.
    await db.updateTable("providers").set({ paused_until: new Date(Date.now() - 1000).toISOString() }).where("id", "=", radius.id).execute();
    await resumeProvider(db, places.id);
    for (const params of searches) expect(await found(params)).toEqual(["Pauline Plaats", "Pauline Straal"]);
    expect(await count()).toBe(2);
  });

  it("keeps the profile, which says until when, and refuses contact requests", async () => {
    const provider = await liveProvider("Profiel", "nationwide");
    expect((await findContactableProvider(db, provider.slug)).kind).toBe("found");

    const inAWeek = amsterdamIsoDate(new Date(Date.now() + 7 * 86_400_000));
    const cookie = await sessionCookie(provider.id);
    const [year, month, day] = inAWeek.split("-");
    const paused = await answer(pausePage.action({ request: post("/backoffice/pauze", { intent: "pause", until: `${day}-${month}-${year}` }, cookie), params: {}, context: contextFor() }));
    expect(paused).toMatchObject({ status: 303, location: "/backoffice/pauze" });
    expect(await pausePage.loader({ request: new Request(`${BASE}/backoffice/pauze`, { headers: { Cookie: cookie } }), params: {}, context: contextFor() })).toMatchObject({
      state: { paused: true, lastDay: inAWeek },
      profilePath: `/dienstverlener/${provider.slug}`,
    });

    const profile = await findPublicProfile(db, provider.slug);
    if (profile.kind !== "found") throw new Error("the profile should stay reachable");
    expect(profile.profile.paused).toBe(true);
    expect(profile.profile.pausedUntilText).toMatch(/^tot en met \d{1,2} [a-z]+ \d{4}$/);
    expect(await findContactableProvider(db, provider.slug)).toEqual({ kind: "not-found" });

    const past = await answer(pausePage.action({ request: post("/backoffice/pauze", { intent: "pause", until: "01-01-2020" }, cookie), params: {}, context: contextFor() }));
    expect(past.status).toBe(400);
    expect(errorsOf({ result: past.body }).until?.[0]).toMatch(/al voorbij/);

    const resumed = await answer(pausePage.action({ request: post("/backoffice/pauze", { intent: "resume" }, cookie), params: {}, context: contextFor() }));
    expect(resumed).toMatchObject({ status: 303, location: "/backoffice/pauze" });
    expect((await findContactableProvider(db, provider.slug)).kind).toBe("found");
    const again = await findPublicProfile(db, provider.slug);
    expect(again.kind === "found" && again.profile.paused).toBe(false);
  });

  it("is only the signed-in provider's own switch", async () => {
    const result = await answer(pausePage.action({ request: post("/backoffice/pauze", { intent: "pause" }), params: {}, context: contextFor() }));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/inloggen\?redirectTo=/);
    const account = await answer(accountPage.loader({ request: new Request(`${BASE}/backoffice/account`), params: {}, context: contextFor() }));
    expect(account.location).toMatch(/^\/inloggen\?redirectTo=%2Fbackoffice%2Faccount/);
  });
});
