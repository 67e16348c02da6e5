/**
 * Account security and the pause switch on the server: the route actions
 * called with real Requests and session cookies, a real SQLite file (with
 * the postcode data, for the location search), the outbox table, and a real
 * SMTP server on loopback for the e-mail change's link.
 */
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import * as accountPage from "~/routes/backoffice.account";
import * as confirmPage from "~/routes/e-mailadres-bevestigen.$token";
import * as pausePage from "~/routes/backoffice.pauze";
import * as signIn from "~/routes/inloggen";
import * as resetPage from "~/routes/wachtwoord-herstellen.$token";
import * as forgotPage from "~/routes/wachtwoord-vergeten";
import { EMAIL_CHANGE_PROBLEM } from "~/domain/account";
import { amsterdamIsoDate } from "~/domain/packages";
import { checkResetToken, requestEmailChange, requestPasswordReset, RESET_REQUEST_MIN_MS } from "~/server/account.server";
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
import { deliverOutbox } from "../support/outbox";
import { decodeSubject, mailParts, parseMail, startSmtpServer } from "../support/smtp-server";
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

/** The token in the newest confirmation e-mail to `to`. */
async function confirmTokenFromMail(to: string): Promise<string> {
  const mails = (await outbox(to)).filter((m) => m.template === "account-email-change-confirm");
  const match = /\/e-mailadres-bevestigen\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text_body ?? "");
  if (!match?.[1]) throw new Error(`no confirmation link mailed to ${to}`);
  return match[1];
}

const emailOf = async (providerId: number) => (await db.selectFrom("providers").select("email").where("id", "=", providerId).executeTakeFirstOrThrow()).email;

const askEmailChange = (cookie: string, newEmail: string, emailPassword = PASSWORD) =>
  answer(accountPage.action({ request: post("/backoffice/account", { intent: "email", newEmail, emailPassword }, cookie), params: {}, context: contextFor() }));

const accountIntent = (cookie: string, intent: "email-resend" | "email-cancel") =>
  answer(accountPage.action({ request: post("/backoffice/account", { intent }, cookie), params: {}, context: contextFor() }));

const accountPageFor = async (cookie: string) =>
  (await accountPage.loader({ request: new Request(`${BASE}/backoffice/account`, { headers: { Cookie: cookie } }), params: {}, context: contextFor() })) as {
    email: string;
    pending: { newEmail: string } | null;
  };

const openConfirmLink = (token: string) =>
  answer(confirmPage.loader({ request: new Request(`${BASE}/e-mailadres-bevestigen/${token}`), params: { token }, context: contextFor() }));

const pressConfirmButton = (token: string, cookie?: string) =>
  answer(confirmPage.action({ request: post(`/e-mailadres-bevestigen/${token}`, {}, cookie), params: { token }, context: contextFor() }));

describe("changing the e-mail address", () => {
  it("needs the current password and a new, valid address, and keeps everything as it was otherwise", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);

    const wrong = await askEmailChange(cookie, "nieuw@example.nl", "niet-het-wachtwoord");
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong.body).emailPassword).toEqual(["Dit is niet uw huidige wachtwoord. Controleer het en probeer het opnieuw"]);

    const same = await askEmailChange(cookie, bert.email.toUpperCase());
    expect(same.status).toBe(400);
    expect(errorsOf(same.body).newEmail).toEqual(["Dit is al uw e-mailadres. Vul het nieuwe e-mailadres in"]);

    const invalid = await askEmailChange(cookie, "geen-adres");
    expect(invalid.status).toBe(400);
    // The typed address comes back, the password never does.
    expect((invalid.body as { result: { initialValue: Record<string, unknown> } }).result.initialValue).toEqual({ intent: "email", newEmail: "geen-adres" });

    expect(await emailOf(bert.id)).toBe(bert.email);
    expect(await signedIn(cookie)).toBe(bert.id);
    expect(await outbox(bert.email)).toEqual([]);
    expect(await db.selectFrom("email_change_requests").selectAll().where("provider_id", "=", bert.id).execute()).toEqual([]);
  });

  it("changes nothing until the link to the new address is used; the old address is told that a change was asked", async () => {
    const bert = await newProvider({ firstName: "Bert" });
    const [laptop, tablet] = [await sessionCookie(bert.id), await sessionCookie(bert.id)];
    const before = Date.now();

    const asked = await askEmailChange(laptop, " Bert.Nieuw@Example.nl ");
    expect(asked).toMatchObject({ status: 303, location: "/backoffice/account?e-mailadres=link-verstuurd", setCookie: null });

    // Still the old login address, still signed in everywhere, and the old address still signs in.
    expect(await emailOf(bert.id)).toBe(bert.email);
    expect(await signedIn(laptop)).toBe(bert.id);
    expect(await signedIn(tablet)).toBe(bert.id);
    expect(await accountPageFor(laptop)).toMatchObject({ email: bert.email, pending: { newEmail: "bert.nieuw@example.nl" } });
    const oldSignIn = await answer(signIn.action({ request: post("/inloggen", { email: bert.email, password: PASSWORD }), params: {}, context: contextFor("10.0.0.2") }));
    expect(oldSignIn.status).toBe(302);

    const [notice] = await outbox(bert.email);
    expect(notice).toMatchObject({ template: "account-email-change-requested", subject: "U wilt uw e-mailadres wijzigen" });
    expect(notice?.text_body).toContain("te wijzigen in bert.nieuw@example.nl");
    expect(notice?.text_body).toContain("Tot die tijd blijft dit e-mailadres uw inlogadres");

    const token = await confirmTokenFromMail("bert.nieuw@example.nl");
    const [confirmMail] = await outbox("bert.nieuw@example.nl");
    expect(confirmMail).toMatchObject({ template: "account-email-change-confirm", subject: "Bevestig uw nieuwe e-mailadres" });
    expect(confirmMail?.text_body).toContain(`${BASE}/e-mailadres-bevestigen/${token}`);
    expect(confirmMail?.text_body).toContain("De link werkt 24 uur en maar één keer.");

    // Stored as its SHA-256 only, valid 24 hours.
    const rows = await db.selectFrom("email_change_requests").selectAll().where("provider_id", "=", bert.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ new_email: "bert.nieuw@example.nl", token_hash: sha256(token), confirmed_at: null, ended_at: null });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(Date.parse(rows[0]!.expires_at) - Date.parse(rows[0]!.created_at)).toBe(24 * 60 * 60 * 1000);
    expect(Date.parse(rows[0]!.created_at)).toBeGreaterThanOrEqual(before - 1000);

    // Opening the link (as a mail scanner would) changes nothing; it shows the address and a button.
    expect(await openConfirmLink(token)).toMatchObject({ status: 200, body: { state: "valid", newEmail: "bert.nieuw@example.nl" } });
    expect(await emailOf(bert.id)).toBe(bert.email);
    expect(await signedIn(laptop)).toBe(bert.id);
  });

  it("changes the address when the link is used, once: every session ends, the old address is told, the new one signs in", async () => {
    const bert = await newProvider({ firstName: "Bert" });
    const annelies = await newProvider({ firstName: "Annelies" });
    const [laptop, tablet, hers] = [await sessionCookie(bert.id), await sessionCookie(bert.id), await sessionCookie(annelies.id)];
    await askEmailChange(laptop, "bert.bevestigd@example.nl");
    const token = await confirmTokenFromMail("bert.bevestigd@example.nl");
    // A reset link mailed to the old address earlier must stop working with the change.
    await requestPasswordReset(db, bert.email, { minDurationMs: 0 });
    const resetToken = await tokenFromMail(bert.email);

    const used = await pressConfirmButton(token, laptop);
    expect(used).toMatchObject({ status: 302, location: "/inloggen?e-mailadres=gewijzigd" });
    expect(used.setCookie).toMatch(/Max-Age=0/i);
    expect(await emailOf(bert.id)).toBe("bert.bevestigd@example.nl");
    expect(await signedIn(laptop)).toBeNull();
    expect(await signedIn(tablet)).toBeNull();
    expect(await signedIn(hers)).toBe(annelies.id);
    expect(await checkResetToken(db, resetToken)).toBe("used");

    expect((await outbox(bert.email)).map((m) => m.template)).toEqual(["account-email-change-requested", "account-password-reset", "account-email-changed"]);
    const done = (await outbox(bert.email)).at(-1);
    expect(done).toMatchObject({ subject: "Uw e-mailadres is gewijzigd" });
    expect(done?.text_body).toContain("gewijzigd in bert.bevestigd@example.nl");

    const signInWith = (email: string) => answer(signIn.action({ request: post("/inloggen", { email, password: PASSWORD }), params: {}, context: contextFor("10.0.0.1") }));
    expect((await signInWith(bert.email)).status).toBe(400);
    const fresh = await signInWith("bert.bevestigd@example.nl");
    expect(fresh.status).toBe(302);
    expect(await signedIn(fresh.setCookie?.split(";")[0] ?? "")).toBe(bert.id);

    // Single use: the link now gives a Dutch explanation and changes nothing.
    expect(await openConfirmLink(token)).toMatchObject({ status: 410, body: { state: "used", newEmail: null } });
    expect(await pressConfirmButton(token)).toMatchObject({ status: 410, body: { state: "used" } });
    expect(EMAIL_CHANGE_PROBLEM.used).toBe("Deze link is al gebruikt. Elke link werkt maar één keer.");
    expect((await outbox(bert.email)).filter((m) => m.template === "account-email-changed")).toHaveLength(1);
  });

  it("refuses an expired, a wrong or a cut-off link with a Dutch explanation, and the address stays", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000 - 60_000);
    expect(await requestEmailChange(db, bert.id, "bert.te-laat@example.nl", PASSWORD, { now: yesterday })).toBe("requested");
    const expired = await confirmTokenFromMail("bert.te-laat@example.nl");

    expect(await openConfirmLink(expired)).toMatchObject({ status: 410, body: { state: "expired" } });
    expect(await pressConfirmButton(expired, cookie)).toMatchObject({ status: 410, body: { state: "expired" } });
    expect(EMAIL_CHANGE_PROBLEM.expired).toMatch(/^Deze link is verlopen\. .*werkt 24 uur\. Uw e-mailadres is niet gewijzigd\.$/);
    // An expired request is no longer waiting on the account page.
    expect((await accountPageFor(cookie)).pending).toBeNull();

    for (const wrong of ["B".repeat(43), "kort", `${expired.slice(0, 42)}`]) {
      expect(await openConfirmLink(wrong)).toMatchObject({ status: 404, body: { state: "unknown" } });
      expect(await pressConfirmButton(wrong)).toMatchObject({ status: 404, body: { state: "unknown" } });
    }
    expect(EMAIL_CHANGE_PROBLEM.unknown).toMatch(/^Deze link werkt niet\./);
    expect(await emailOf(bert.id)).toBe(bert.email);
    expect(await signedIn(cookie)).toBe(bert.id);
  });

  it("answers exactly the same for another account's address, and mails the requester nothing that tells", async () => {
    const other = await newProvider({ firstName: "Annelies" });
    const bert = await newProvider({ firstName: "Bert" });
    const carla = await newProvider({ firstName: "Bert" });
    const [bertCookie, carlaCookie] = [await sessionCookie(bert.id), await sessionCookie(carla.id)];
    const free = "nog-vrij@example.nl";

    // Bert asks for a taken address (in other capitals), Carla (also "Bert") for a free one.
    const taken = await askEmailChange(bertCookie, other.email.toUpperCase());
    const freeAnswer = await askEmailChange(carlaCookie, free);
    expect(taken).toEqual(freeAnswer);
    expect(taken).toMatchObject({ status: 303, location: "/backoffice/account?e-mailadres=link-verstuurd" });
    expect((await accountPageFor(bertCookie)).pending).toEqual({ newEmail: other.email.toLowerCase(), expiresAt: expect.any(String) });
    expect((await accountPageFor(carlaCookie)).pending).toEqual({ newEmail: free, expiresAt: expect.any(String) });

    // The notice at each old address reads the same but for the address itself.
    const [bertNotice] = await outbox(bert.email);
    const [carlaNotice] = await outbox(carla.email);
    expect(bertNotice).toMatchObject({ template: "account-email-change-requested" });
    expect(bertNotice?.text_body.replaceAll(other.email.toLowerCase(), "X")).toBe(carlaNotice?.text_body.replaceAll(free, "X"));

    // The owner of the taken address gets no link, only word that nothing changed; no name of the requester.
    const toOwner = await db.selectFrom("outbox_messages").select(["template", "text_body"]).where(sql<string>`lower(to_address)`, "=", other.email.toLowerCase()).execute();
    expect(toOwner.map((m) => m.template)).toEqual(["account-email-in-use"]);
    expect(toOwner[0]?.text_body).toContain("Er is niets veranderd aan uw account.");
    expect(toOwner[0]?.text_body).not.toMatch(/e-mailadres-bevestigen|Bert|Account\d+@/i);

    // Sending again and cancelling behave alike too.
    expect(await accountIntent(bertCookie, "email-resend")).toEqual(await accountIntent(carlaCookie, "email-resend"));
    expect(await accountIntent(bertCookie, "email-cancel")).toEqual(await accountIntent(carlaCookie, "email-cancel"));
    expect(await emailOf(bert.id)).toBe(bert.email);
    expect(await emailOf(other.id)).toBe(other.email);
  });

  it("sends the link again on request (older links keep working), and a cancelled change leaves every link dead", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);
    await askEmailChange(cookie, "bert.typo@example.nl");
    const first = await confirmTokenFromMail("bert.typo@example.nl");

    const again = await accountIntent(cookie, "email-resend");
    expect(again).toMatchObject({ status: 303, location: "/backoffice/account?e-mailadres=opnieuw-verstuurd" });
    const second = await confirmTokenFromMail("bert.typo@example.nl");
    expect(second).not.toBe(first);
    expect((await outbox("bert.typo@example.nl")).map((m) => m.template)).toEqual(["account-email-change-confirm", "account-email-change-confirm"]);
    // The old address heard about the change once, not once per link.
    expect((await outbox(bert.email)).map((m) => m.template)).toEqual(["account-email-change-requested"]);
    expect((await openConfirmLink(first)).body).toMatchObject({ state: "valid" });

    const cancelled = await accountIntent(cookie, "email-cancel");
    expect(cancelled).toMatchObject({ status: 303, location: "/backoffice/account?e-mailadres=geannuleerd" });
    expect((await accountPageFor(cookie)).pending).toBeNull();
    for (const token of [first, second]) expect(await pressConfirmButton(token)).toMatchObject({ status: 410, body: { state: "ended" } });
    expect(EMAIL_CHANGE_PROBLEM.ended).toMatch(/geannuleerd .*Uw e-mailadres is niet gewijzigd\.$/);
    expect(await emailOf(bert.id)).toBe(bert.email);

    // Asking for another address ends the links for the one before.
    await askEmailChange(cookie, "bert.eerste@example.nl");
    const superseded = await confirmTokenFromMail("bert.eerste@example.nl");
    await askEmailChange(cookie, "bert.goed@example.nl");
    expect(await pressConfirmButton(superseded)).toMatchObject({ status: 410, body: { state: "ended" } });
    expect(await pressConfirmButton(await confirmTokenFromMail("bert.goed@example.nl"))).toMatchObject({ status: 302 });
    expect(await emailOf(bert.id)).toBe("bert.goed@example.nl");
  });

  it("keeps the address with a Dutch message when another account took it before the link was used", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);
    await askEmailChange(cookie, "bert.gegrepen@example.nl");
    const token = await confirmTokenFromMail("bert.gegrepen@example.nl");
    const other = await newProvider();
    await db.updateTable("providers").set({ email: "bert.gegrepen@example.nl" }).where("id", "=", other.id).execute();

    expect(await pressConfirmButton(token)).toMatchObject({ status: 409, body: { state: "taken" } });
    expect(EMAIL_CHANGE_PROBLEM.taken).toMatch(/Uw e-mailadres is niet gewijzigd\.$/);
    expect(await emailOf(bert.id)).toBe(bert.email);
    expect(await signedIn(cookie)).toBe(bert.id);
    expect(await pressConfirmButton(token)).toMatchObject({ status: 410, body: { state: "ended" } });
  });

  it("sends at most five links an hour per provider", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);
    await askEmailChange(cookie, "bert.veel@example.nl");
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await accountIntent(cookie, "email-resend")).status);
    expect(statuses).toEqual([303, 303, 303, 303, 429]);
    expect((await outbox("bert.veel@example.nl")).length).toBe(5);
    const limited = await askEmailChange(cookie, "bert.nog-een@example.nl");
    expect(limited.status).toBe(429);
    expect(errorsOf(limited.body)[""]?.[0]).toMatch(/^U heeft al een paar keer een link laten sturen\./);
    expect(await outbox("bert.nog-een@example.nl")).toEqual([]);
  });

  it("delivers the link over SMTP, and the delivered link does the change", async () => {
    const bert = await newProvider();
    const cookie = await sessionCookie(bert.id);
    await askEmailChange(cookie, "bert.smtp@example.nl");
    const smtp = await startSmtpServer();
    try {
      await deliverOutbox(db, smtp.url);
    } finally {
      await smtp.close();
    }
    const toNew = smtp.received.filter((m) => m.to.includes("bert.smtp@example.nl"));
    expect(toNew).toHaveLength(1);
    const parsed = parseMail(toNew[0]!.raw);
    expect(decodeSubject(parsed.headers.get("subject") ?? "")).toBe("Bevestig uw nieuwe e-mailadres");
    const text = mailParts(parsed).get("text/plain") ?? "";
    const token = /\/e-mailadres-bevestigen\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    expect(token).toBeDefined();
    const toOld = smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === bert.email.toLowerCase()));
    expect(toOld.map((m) => decodeSubject(parseMail(m.raw).headers.get("subject") ?? ""))).toEqual(["U wilt uw e-mailadres wijzigen"]);

    expect(await pressConfirmButton(token!)).toMatchObject({ status: 302, location: "/inloggen?e-mailadres=gewijzigd" });
    expect(await emailOf(bert.id)).toBe("bert.smtp@example.nl");
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
