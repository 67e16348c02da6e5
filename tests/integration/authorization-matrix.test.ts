/**
 * The authorization matrix: every route file in app/routes (read from disk,
 * so a new route cannot be missed) × {anonymous, provider A, provider B,
 * staff} × {GET → loader, POST → action when exported}, called directly with
 * a Request and the URL params filled with records that belong to provider A
 * (a contact request, a review, an invoice, a payment, a photo, a price list,
 * a video). The expected outcome of every cell is written down in EXPECTED
 * below; a route file without an entry fails the test, so every new route
 * needs a decision.
 *
 * Outcomes:
 * - "ok": answered (2xx, 3xx other than to sign-in, or a 400 form error), not refused;
 * - "login": a redirect to /inloggen (the provider area without a provider session);
 * - "404": not found (another provider's record, the staff console for non-staff);
 * - "away": a redirect elsewhere (a signed-in provider on a page for visitors);
 * - "none": the module does not export this handler (Remix answers 405).
 * Never a 5xx, never a thrown Error.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as ConfigModule from "~/server/config.server";
import { config, type Config } from "~/server/config.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { issueInvoice } from "~/server/invoices.server";
import { savePhoto } from "~/server/photos.server";
import { checkPriceList, savePriceList } from "~/server/price-lists.server";
import { hashPassword } from "~/server/passwords.server";
import { hashReviewToken, newReviewToken, reviewLinkExpiry } from "~/server/review-tokens.server";
import { submitReview } from "~/server/reviews.server";
import { createStaff } from "~/server/staff.server";
import { staffSessionCookieFor } from "~/server/staff-session.server";
import { saveVideo } from "~/server/videos.server";
import { insertBillableProvider, insertTestPayment } from "../support/billing";
import { insertContactRequest } from "../support/contact-requests";
import { minimalPdf } from "../support/minimal-pdf";
import { minimalWebm } from "../support/minimal-video";
import { BASE, context, settle, signIn } from "../support/route-calls";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Lets one test switch the app to production mode (the dev pages must then be gone).
const mode = vi.hoisted(() => ({ production: false }));
vi.mock("~/server/config.server", async (importOriginal) => {
  const original = await importOriginal<typeof ConfigModule>();
  return { ...original, config: (): Config => ({ ...original.config(), ...(mode.production ? { isProduction: true, nodeEnv: "production" as const } : {}) }) };
});

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .sort();

type Who = "anonymous" | "providerA" | "providerB" | "staff";
const WHO: readonly Who[] = ["anonymous", "providerA", "providerB", "staff"];
type Outcome = "ok" | "login" | "404" | "away" | "none";
type Row = Record<Who, Outcome>;
type Expectation = { get: Row; post: Row };

const row = (anonymous: Outcome, providerA: Outcome, providerB: Outcome, staff: Outcome): Row => ({ anonymous, providerA, providerB, staff });
const all = (outcome: Outcome): Row => row(outcome, outcome, outcome, outcome);
const NONE = all("none");
/** A page anyone may read, nothing to post. */
const publicPage: Expectation = { get: all("ok"), post: NONE };
/** The provider's own area: sign in first; staff have no provider session. */
const providerPage = (post: boolean): Expectation => ({ get: row("login", "ok", "ok", "login"), post: post ? row("login", "ok", "ok", "login") : NONE });
/** A provider's own record by id: A sees it, B gets 404. */
const ownRecord = (post: boolean): Expectation => ({ get: row("login", "ok", "404", "login"), post: post ? row("login", "ok", "404", "login") : NONE });
/** The staff console: 404 to everyone but staff. */
const staffPage = (post: boolean): Expectation => ({ get: row("404", "404", "404", "ok"), post: post ? row("404", "404", "404", "ok") : NONE });
/** A signup step: anonymous visitors start at step 1; a signed-in provider continues their signup. */
const signupStep: Expectation = { get: row("login", "ok", "ok", "login"), post: row("login", "ok", "ok", "login") };

/**
 * The decision for every route file. Provider A is live, has finished the
 * signup and owns every record in the URL; B is a second live provider.
 */
const EXPECTED: Record<string, Expectation> = {
  "$.tsx": { get: all("404"), post: NONE },
  "_index.tsx": publicPage,
  // Step 1 of the signup is open to everyone; it creates the account, so a session is not needed.
  "aanmelden._index.tsx": { get: all("ok"), post: all("ok") },
  "aanmelden.tsx": publicPage,
  "aanmelden.bedrijf.tsx": signupStep,
  "aanmelden.beschikbaarheid.tsx": signupStep,
  // A and B paid the fee already: the step sends them on.
  "aanmelden.betaling.tsx": { get: row("login", "away", "away", "login"), post: row("login", "away", "away", "login") },
  "aanmelden.diensten.tsx": signupStep,
  "aanmelden.persoonlijk.tsx": signupStep,
  "aanmelden.profiel.tsx": signupStep,
  "aanmelden.verder.tsx": { get: row("login", "away", "away", "login"), post: NONE },
  "aanmelden.voltooiing.tsx": { get: row("login", "ok", "ok", "login"), post: NONE },
  "account-verwijderd.tsx": { get: NONE, post: NONE },
  "algemene-voorwaarden.tsx": { get: NONE, post: NONE },
  "pakketten.tsx": { get: NONE, post: NONE },
  "privacy.tsx": { get: NONE, post: NONE },
  "over-deze-site.tsx": { get: NONE, post: NONE },
  // Mollie's webhook: no session, the payment status is fetched from Mollie; an unknown id is a plain answer.
  "api.mollie.webhook.tsx": { get: all("ok"), post: all("ok") },
  "api.plaatsen.tsx": publicPage,
  "backoffice.tsx": providerPage(false),
  "backoffice._index.tsx": providerPage(false),
  "backoffice.aanvragen._index.tsx": providerPage(false),
  "backoffice.aanvragen.$id.tsx": ownRecord(true),
  "backoffice.account.tsx": providerPage(true),
  "backoffice.beoordelingen.tsx": providerPage(true),
  "backoffice.facturen.$number.tsx": ownRecord(false),
  "backoffice.instellingen._index.tsx": providerPage(false),
  "backoffice.instellingen.bedrijf.tsx": providerPage(true),
  "backoffice.instellingen.diensten.tsx": providerPage(true),
  "backoffice.instellingen.persoonlijk.tsx": providerPage(true),
  "backoffice.instellingen.profiel.tsx": providerPage(true),
  "backoffice.instellingen.werkgebied.tsx": providerPage(true),
  "backoffice.mijn-gegevens._index.tsx": providerPage(true),
  "backoffice.mijn-gegevens.download.tsx": providerPage(false),
  // An unknown package is refused with a redirect back to the page.
  "backoffice.pakket.tsx": { get: row("login", "ok", "ok", "login"), post: row("login", "away", "away", "login") },
  "backoffice.pauze.tsx": { get: row("login", "ok", "ok", "login"), post: row("login", "away", "away", "login") },
  "backoffice.tips.tsx": providerPage(false),
  "backoffice.video.tsx": providerPage(true),
  "backoffice.video_.probleem.tsx": providerPage(true),
  "beheer.tsx": staffPage(false),
  "beheer._index.tsx": staffPage(false),
  // The button posts no fields, so the matrix's POST makes a backup: staff are sent back to the page to see it.
  "beheer.back-ups.tsx": { get: staffPage(false).get, post: row("404", "404", "404", "away") },
  "beheer.beoordelingen.tsx": staffPage(true),
  "beheer.categorieen.tsx": staffPage(true),
  "beheer.dienstverleners.$id.tsx": staffPage(true),
  "beheer.dienstverleners.$id_.facturen.$number.tsx": staffPage(false),
  "beheer.dienstverleners._index.tsx": staffPage(false),
  "beheer.hulpvragen.tsx": staffPage(true),
  "beheer.leden.tsx": staffPage(true),
  "beheer.logboek.tsx": staffPage(false),
  "beheer.medewerkers.tsx": staffPage(true),
  "beheer.pakketten.tsx": staffPage(true),
  "beheer.te-laat.tsx": staffPage(true),
  "beheer.videomeldingen.tsx": staffPage(true),
  // The customer's review link: the token is the key, no session involved.
  "beoordeling.$token.tsx": { get: all("ok"), post: all("ok") },
  "beoordeling.bedankt.tsx": publicPage,
  // A's payment page: A only; B's session gets 404 for A's payment.
  "betaling.$publicId.tsx": { get: row("login", "ok", "404", "login"), post: row("login", "away", "404", "login") },
  "categorie.$slug.tsx": publicPage,
  // Development only; in production mode they answer 404 (checked separately below).
  // (No message with that id is on disk here: a plain 404.)
  "dev.mail.$id.styles[.]css.tsx": { get: all("404"), post: NONE },
  "dev.mail.$id.tsx": { get: all("404"), post: NONE },
  "dev.mail._index.tsx": publicPage,
  "dienstverlener.$slug.tsx": publicPage,
  // The contact form is for customers; it needs no session (a signed-in provider may use it too).
  "dienstverlener.$slug_.contact.tsx": { get: all("ok"), post: all("ok") },
  // Only right after sending, with the confirmation in the session; otherwise 404.
  "dienstverlener.$slug_.contact_.verzonden.tsx": { get: all("404"), post: NONE },
  // A is live: the photo, price list and video are public.
  "foto.$id.$variant.tsx": publicPage,
  // "Help mij zoeken" is for anyone; a junk POST is a form error. The confirmation is a plain page.
  "hulp-bij-zoeken.tsx": { get: all("ok"), post: all("ok") },
  "hulp-bij-zoeken_.verzonden.tsx": { get: NONE, post: NONE },
  "prijslijst.$id.tsx": publicPage,
  "video.$id.tsx": publicPage,
  // This video has no captions: 404.
  "video.$id_.ondertiteling.tsx": { get: all("404"), post: NONE },
  // A signed-in visitor is sent on (a provider to the backoffice, staff to /beheer).
  "inloggen.tsx": { get: row("ok", "away", "away", "away"), post: all("ok") },
  "uitloggen.tsx": { get: all("away"), post: all("away") },
  // An unknown reset token: 404 page by GET, a refusal by POST.
  "wachtwoord-herstellen.$token.tsx": { get: all("404"), post: all("ok") },
  // An unknown e-mail confirmation token: 404 by GET and by POST; nothing changes.
  "e-mailadres-bevestigen.$token.tsx": { get: all("404"), post: all("404") },
  "wachtwoord-vergeten.tsx": { get: NONE, post: all("ok") },
  "zoeken.tsx": publicPage,
};

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
  action?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
};

let t: TestDatabase;
let db: Db;
const cookies: Record<Who, string | undefined> = { anonymous: undefined, providerA: undefined, providerB: undefined, staff: undefined };
const ids: Record<string, string> = {};
let uploadsDir = "";

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  uploadsDir = path.join(t.dir, "uploads");
  fs.mkdirSync(uploadsDir, { recursive: true });
  const all = ["aanmelding", "persoonlijk", "bedrijf", "diensten", "profiel", "beschikbaarheid", "betaling"];
  const [a, b] = [await insertBillableProvider(db, { firstName: "Anna" }), await insertBillableProvider(db, { firstName: "Bram" })];
  for (const id of [a, b]) {
    // A real password hash, so that a page that sent it along would be caught.
    await db.updateTable("providers").set({ completed_steps: JSON.stringify(all), status: "live", password_hash: await hashPassword("lange-zin-als-wachtwoord") }).where("id", "=", id).execute();
    await insertTestPayment(db, { providerId: id, purpose: "admin_fee", status: "paid" });
  }
  await db.updateTable("providers").set({ published_at: new Date().toISOString() }).where("id", "in", [a, b]).execute();
  const provider = await db.selectFrom("providers").select(["slug"]).where("id", "=", a).executeTakeFirstOrThrow();
  const category = await db
    .insertInto("categories")
    .values({ slug: "matrixtest", name: "Matrixtest", position: 999, created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("provider_categories").values({ provider_id: a, category_id: category.id }).execute();
  ids.category = "matrixtest";
  ids.slug = provider.slug!;
  ids.providerId = String(a);
  // A's records.
  ids.contactRequest = String(await insertContactRequest(db, { providerId: a, status: "handled" }));
  const payment = await insertTestPayment(db, { providerId: a, status: "paid" });
  ids.invoice = (await issueInvoice(db, payment.id)).number;
  ids.payment = (await insertTestPayment(db, { providerId: a, status: "open" })).publicId;
  const token = newReviewToken();
  const now = new Date();
  await db
    .insertInto("review_invitations")
    .values({ contact_request_id: Number(ids.contactRequest), token_hash: hashReviewToken(token), expires_at: reviewLinkExpiry(now).toISOString(), created_at: now.toISOString() })
    .execute();
  ids.reviewToken = token;
  const jpeg = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#88aacc" } }).jpeg().toBuffer();
  ids.photo = (await savePhoto(db, uploadsDir, a, { buffer: jpeg, fileName: "anna.jpg" })).id;
  const pdf = checkPriceList(new TextEncoder().encode(minimalPdf()), "prijzen.pdf");
  if (!pdf.ok) throw new Error("test PDF refused");
  ids.priceList = await savePriceList(db, uploadsDir, a, pdf.priceList);
  const temp = path.join(t.dir, "upload.webm");
  fs.writeFileSync(temp, minimalWebm());
  ids.video = await saveVideo(db, uploadsDir, a, { tempPath: temp, format: "webm", byteSize: fs.statSync(temp).size, originalName: "intro.webm" }, "uploaded");
  await db.updateTable("provider_videos").set({ status: "approved" }).where("id", "=", ids.video).execute();
  const mail = await db.selectFrom("outbox_messages").select("id").executeTakeFirst();
  ids.mail = String(mail?.id ?? 1);
  cookies.providerA = await signIn(a);
  cookies.providerB = await signIn(b);
  ids.a = String(a);
  ids.b = String(b);
  ids.staff = String(await createStaff(db, { email: "matrix2@example.nl", name: "Max Matrix", password: "lange-zin-als-wachtwoord" }));
  cookies.staff = await staffSessionCookieFor(await createStaff(db, { email: "matrix@example.nl", name: "Mia Matrix", password: "lange-zin-als-wachtwoord" }));
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

async function throwawayCookie(who: Who): Promise<string | undefined> {
  if (who === "providerA") return signIn(Number(ids.a));
  if (who === "providerB") return signIn(Number(ids.b));
  if (who === "staff") return staffSessionCookieFor(Number(ids.staff));
  return undefined;
}

/** URL params named by the file name, filled with A's records. */
function paramsFor(file: string): Record<string, string> {
  if (file === "$.tsx") return { "*": "bestaat-niet" };
  const params: Record<string, string> = {};
  const route = file.replace(/\.tsx?$/, "");
  for (const segment of route.split(".")) {
    if (!segment.startsWith("$")) continue;
    const name = segment.slice(1).replace(/_$/, "");
    params[name] = valueFor(route, name);
  }
  return params;
}

function valueFor(route: string, name: string): string {
  if (name === "slug") return route.startsWith("categorie") ? ids.category! : ids.slug!;
  if (name === "token") return route.startsWith("beoordeling") ? ids.reviewToken! : "x".repeat(43);
  if (name === "publicId") return ids.payment!;
  if (name === "number") return ids.invoice!;
  if (name === "variant") return "480.webp";
  if (name === "id") {
    if (route.startsWith("backoffice.aanvragen")) return ids.contactRequest!;
    if (route.startsWith("beheer.dienstverleners")) return ids.providerId!;
    if (route.startsWith("foto")) return ids.photo!;
    if (route.startsWith("prijslijst")) return ids.priceList!;
    if (route.startsWith("video")) return ids.video!;
    if (route.startsWith("dev.mail")) return ids.mail!;
  }
  throw new Error(`no value for $${name} in ${route}`);
}

function urlFor(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace("[.]", ".")
    .split(/\.(?![^[]*\])/)
    .filter((s) => s !== "_index" && !(s === "$" && file === "$.tsx"))
    .map((s) => (s.startsWith("$") ? encodeURIComponent(params[s.slice(1).replace(/_$/, "")] ?? "") : s.replace(/_$/, "")));
  if (file === "$.tsx") return `${BASE}/bestaat-niet`;
  return `${BASE}/${segments.join("/")}`.replace(/\/$/, "") || BASE;
}

function request(url: string, method: "GET" | "POST", cookie: string | undefined): Request {
  const headers: Record<string, string> = { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) };
  if (method === "GET") return new Request(url, { headers });
  return new Request(url, {
    method,
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    // A form with nothing sensible in it: the route must refuse or answer it, never fail.
    body: new URLSearchParams({ intent: "onbekend" }),
  });
}

/**
 * What no answer may contain, whoever asks: a password hash, the session
 * secret, a session cookie's value, a review link's stored hash.
 */
function secrets(): Array<[string, string]> {
  const found: Array<[string, string]> = [["a password hash", "$argon2"], ["the session secret", config().sessionSecret]];
  for (const who of WHO) {
    const value = cookies[who]?.split(";")[0]?.split("=").slice(1).join("=");
    if (value) found.push([`${who}'s session cookie`, value]);
  }
  if (ids.reviewToken) found.push(["the review token's hash", hashReviewToken(ids.reviewToken)]);
  return found;
}

/** The answer as text: a data() value as the browser would get it, a Response's body when it is text. */
async function answerText(result: Awaited<ReturnType<typeof settle>>): Promise<string> {
  if (result.response) {
    const type = result.response.headers.get("Content-Type") ?? "";
    return /^(text\/|application\/json)/.test(type) ? result.response.clone().text() : "";
  }
  return JSON.stringify(result.data ?? null);
}

async function classify(run: () => Promise<unknown>): Promise<{ outcome: Outcome; status: number; location: string | null; leaked: string[] }> {
  const result = await settle(run);
  const text = await answerText(result);
  const leaked = secrets()
    .filter(([, secret]) => text.includes(secret))
    .map(([name]) => name);
  if (result.data === null && result.response === null) throw new Error("no answer");
  const { status, location } = result;
  const errorThrown = result.response === null && result.data && (result.data as unknown) instanceof Error;
  if (errorThrown) throw result.data as unknown as Error;
  if (status >= 500) return { outcome: "ok", status, location, leaked };
  if (status === 404) return { outcome: "404", status, location, leaked };
  if (location !== null && status >= 300 && status < 400) {
    return { outcome: location.startsWith("/inloggen") ? "login" : "away", status, location, leaked };
  }
  return { outcome: "ok", status, location, leaked };
}

describe("authorization matrix", () => {
  it("finds the route files, and every one has a decision in the table", () => {
    // The secret check below knows what to look for.
    expect(secrets().map(([name]) => name)).toEqual(expect.arrayContaining(["a password hash", "the session secret", "providerA's session cookie", "staff's session cookie"]));
    expect(routeFiles.length).toBeGreaterThan(60);
    const undecided = routeFiles.filter((file) => !(file in EXPECTED));
    expect(undecided, "route files without an entry in EXPECTED: decide who may GET and POST them").toEqual([]);
    const stale = Object.keys(EXPECTED).filter((file) => !routeFiles.includes(file));
    expect(stale, "entries in EXPECTED without a route file").toEqual([]);
  });

  for (const file of routeFiles) {
    it(`${file}: every visitor gets the expected answer by GET and POST, never a 5xx`, async () => {
      const expected = EXPECTED[file];
      if (!expected) throw new Error(`${file} has no entry in EXPECTED`);
      const route = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
      const params = paramsFor(file);
      const url = urlFor(file, params);
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const method of ["GET", "POST"] as const) {
        const handler = method === "GET" ? route.loader : route.action;
        for (const who of WHO) {
          const key = `${method} ${who}`;
          wanted[key] = (method === "GET" ? expected.get : expected.post)[who];
          if (!handler) {
            actual[key] = "none";
            continue;
          }
          // Signing out ends the session: it gets sessions of its own.
          const cookie = file === "uitloggen.tsx" ? await throwawayCookie(who) : cookies[who];
          const result = await classify(() => handler({ request: request(url, method, cookie), params, context }));
          expect(result.status, `${key} ${url}`).toBeLessThan(500);
          expect(result.leaked, `${key} ${url} answers with a secret`).toEqual([]);
          actual[key] = result.outcome;
        }
      }
      // A junk POST to /backoffice/pauze pauses the provider (no end date is a valid choice): undo it for the next routes.
      await db.updateTable("providers").set({ paused_at: null, paused_until: null }).where("id", "in", [Number(ids.a), Number(ids.b)]).execute();
      expect(actual, `actual: ${JSON.stringify(actual)}`).toEqual(wanted);
    });
  }
});

describe("what the matrix rests on", () => {
  it("B is refused A's contact request and invoice with a 404, and A is not", async () => {
    const detail = (await import("~/routes/backoffice.aanvragen.$id")) as RouteModule;
    const url = `${BASE}/backoffice/aanvragen/${ids.contactRequest}`;
    const forB = await settle(() => detail.loader!({ request: request(url, "GET", cookies.providerB), params: { id: ids.contactRequest! }, context }));
    expect(forB.status).toBe(404);
    const forA = await settle(() => detail.loader!({ request: request(url, "GET", cookies.providerA), params: { id: ids.contactRequest! }, context }));
    expect(forA.status).toBe(200);
    expect(JSON.stringify(forA.data)).toContain("dakgoot");
  });

  it("B cannot reply to A's review (404, nothing stored); A can", async () => {
    const reviewRoute = (await import("~/routes/backoffice.beoordelingen")) as RouteModule;
    const token = newReviewToken();
    const now = new Date();
    const requestId = await insertContactRequest(db, { providerId: Number(ids.a), status: "handled" });
    await db
      .insertInto("review_invitations")
      .values({ contact_request_id: requestId, token_hash: hashReviewToken(token), expires_at: reviewLinkExpiry(now).toISOString(), created_at: now.toISOString() })
      .execute();
    const result = await submitReview(db, token, { rating: 4, body: "Netjes en op tijd geholpen.", displayName: "Truus" });
    expect(result.kind).toBe("saved");
    const review = await db.selectFrom("reviews").select(["id"]).orderBy("id", "desc").executeTakeFirstOrThrow();
    const reply = (cookie: string | undefined) =>
      settle(() =>
        reviewRoute.action!({
          request: new Request(`${BASE}/backoffice/beoordelingen`, {
            method: "POST",
            headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
            body: new URLSearchParams({ reviewId: String(review.id), reply: "Niet van mij, toch gereageerd" }),
          }),
          params: {},
          context,
        }),
      );
    expect((await reply(cookies.providerB)).status).toBe(404);
    expect((await db.selectFrom("reviews").select("reply").where("id", "=", review.id).executeTakeFirstOrThrow()).reply).toBeNull();
    expect((await reply(cookies.providerA)).status).toBeLessThan(400);
    expect((await db.selectFrom("reviews").select("reply").where("id", "=", review.id).executeTakeFirstOrThrow()).reply).toBe("Niet van mij, toch gereageerd");
  });

  it("a draft provider's photo, price list and video are the owner's only", async () => {
    await db.updateTable("providers").set({ status: "draft" }).where("id", "=", Number(ids.providerId)).execute();
    try {
      for (const [file, params] of [
        ["foto.$id.$variant.tsx", { id: ids.photo!, variant: "480.webp" }],
        ["prijslijst.$id.tsx", { id: ids.priceList! }],
        ["video.$id.tsx", { id: ids.video! }],
      ] as const) {
        const route = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
        const url = urlFor(file, params);
        for (const who of ["anonymous", "providerB"] as const) {
          const result = await settle(() => route.loader!({ request: request(url, "GET", cookies[who]), params, context }));
          expect(result.status, `${file} for ${who}`).toBe(404);
        }
        const owner = await settle(() => route.loader!({ request: request(url, "GET", cookies.providerA), params, context }));
        expect(owner.status, `${file} for the owner`).toBe(200);
      }
    } finally {
      await db.updateTable("providers").set({ status: "live" }).where("id", "=", Number(ids.providerId)).execute();
    }
  });

  it("the development pages answer 404 in production mode", async () => {
    mode.production = true;
    try {
      for (const file of routeFiles.filter((name) => name.startsWith("dev."))) {
        const route = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
        const params = paramsFor(file);
        for (const who of WHO) {
          const result = await settle(() => route.loader!({ request: request(urlFor(file, params), "GET", cookies[who]), params, context }));
          expect(result.status, `${file} for ${who}`).toBe(404);
        }
      }
    } finally {
      mode.production = false;
    }
  });
});
