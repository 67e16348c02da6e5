/**
 * /backoffice/mijn-gegevens: the JSON export of everything we hold about a
 * provider, and deleting the account. Real SQLite file and upload folder;
 * routes called with real Requests and session cookies.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERASED_NAME } from "~/domain/account-erasure";
import * as download from "~/routes/backoffice.mijn-gegevens.download";
import * as ownData from "~/routes/backoffice.mijn-gegevens._index";
import * as tips from "~/routes/backoffice.tips";
import * as dashboard from "~/routes/backoffice._index";
import { requestEmailChange } from "~/server/account.server";
import { config } from "~/server/config.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { issueInvoice } from "~/server/invoices.server";
import { hashPassword } from "~/server/passwords.server";
import { savePhoto } from "~/server/photos.server";
import { checkPriceList, priceListFilePath, savePriceList } from "~/server/price-lists.server";
import { findPublicProfile } from "~/server/profile.server";
import { searchProviders } from "~/server/search.server";
import { saveCoverage } from "~/server/coverage.server";
import { insertBillableProvider, insertTestPayment } from "../support/billing";
import { insertContactRequest } from "../support/contact-requests";
import { minimalPdf } from "../support/minimal-pdf";
import { context, getRequest, postForm, settle, signIn } from "../support/route-calls";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
const PASSWORD = "een lange zin als wachtwoord";

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
}, 120_000);

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

type Provider = { id: number; cookie: string; slug: string; photoId: string; priceListId: string; invoiceNumber: string };

/** A live provider with a photo, a price list, a service, a contact request, a review and a paid, invoiced payment. */
async function fullProvider(firstName: string, customerName: string): Promise<Provider> {
  const id = await insertBillableProvider(db, { firstName, company: { name: `${firstName} Hulp BV`, kvk: "12345678" } });
  await db
    .updateTable("providers")
    .set({ password_hash: await hashPassword(PASSWORD), phone: "0610034891", intro_text: `${firstName} helpt u graag.`, profile_text: "Profiel" })
    .where("id", "=", id)
    .execute();
  await db.insertInto("provider_services").values({ provider_id: id, position: 0, name: `Dienst van ${firstName}`, price_cents: 2500, unit: "hour", description: null }).execute();
  await db.insertInto("provider_dayparts").values({ provider_id: id, weekday: 1, daypart: 0 }).execute();
  await saveCoverage(db, id, { mode: "radius", radiusKm: 10 }, 3447);
  const { uploadsDir } = config();
  const image = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#336699" } }).jpeg().toBuffer();
  const photo = await savePhoto(db, uploadsDir, id, { buffer: image, fileName: "foto.jpg" });
  const check = checkPriceList(new TextEncoder().encode(minimalPdf()), "prijzen.pdf");
  if (!check.ok) throw new Error(check.message);
  const priceListId = await savePriceList(db, uploadsDir, id, check.priceList);
  const requestId = await insertContactRequest(db, { providerId: id, customerName });
  await db
    .insertInto("reviews")
    .values({ provider_id: id, contact_request_id: requestId, rating: 5, body: `Heel tevreden over ${firstName}`, display_name: customerName, created_at: new Date().toISOString() })
    .execute();
  const payment = await insertTestPayment(db, { providerId: id, status: "paid", description: "Vivium Services administratiekosten" });
  const { number } = await issueInvoice(db, payment.id);
  const { slug } = await db.selectFrom("providers").select("slug").where("id", "=", id).executeTakeFirstOrThrow();
  return { id, cookie: await signIn(id), slug: slug!, photoId: photo.id, priceListId, invoiceNumber: number };
}

describe("who may open these pages", () => {
  it("sends a visitor without a session to sign in", async () => {
    for (const [path, run] of [
      ["/backoffice", () => dashboard.loader({ request: getRequest("/backoffice"), params: {}, context })],
      ["/backoffice/tips", () => tips.loader({ request: getRequest("/backoffice/tips"), params: {}, context })],
      ["/backoffice/mijn-gegevens", () => ownData.loader({ request: getRequest("/backoffice/mijn-gegevens"), params: {}, context })],
      ["/backoffice/mijn-gegevens/download", () => download.loader({ request: getRequest("/backoffice/mijn-gegevens/download"), params: {}, context })],
      [
        "/backoffice/mijn-gegevens",
        () => ownData.action({ request: postForm("/backoffice/mijn-gegevens", undefined, [["password", PASSWORD], ["confirm", "ja"]]), params: {}, context }),
      ],
    ] as const) {
      const result = await settle(run);
      expect(result.status).toBe(302);
      expect(result.location).toBe(`/inloggen?${new URLSearchParams({ redirectTo: path })}`);
    }
  });
});

describe("downloading my data", () => {
  it("gives the provider's profile, prices, requests, reviews, payments and invoices as a JSON attachment, and nothing of anyone else", async () => {
    const anna = await fullProvider("Anna", "Truus Aanvrager");
    await fullProvider("Bram", "Kees Anderman");
    expect(await requestEmailChange(db, anna.id, "anna.nieuw@example.nl", PASSWORD)).toBe("requested");
    const result = await settle(() => download.loader({ request: getRequest("/backoffice/mijn-gegevens/download", anna.cookie), params: {}, context }));
    const response = result.response!;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="vivium-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await response.text();
    const exported = JSON.parse(text) as Record<string, unknown> & {
      profile: Record<string, unknown>;
      contactRequests: { customer_name: string; history: unknown[] }[];
      reviews: { body: string }[];
      services: { name: string }[];
      invoices: { number: string; buyer: { name: string } }[];
      payments: unknown[];
      uploads: { kind: string }[];
      coverage: { mode: string };
      dayparts: unknown[];
      emailChangeRequests: { new_email: string }[];
    };
    expect(exported.profile).toMatchObject({ id: anna.id, first_name: "Anna", phone: "0610034891" });
    expect(exported.profile).not.toHaveProperty("password_hash");
    expect(exported.services.map((s) => s.name)).toEqual(["Dienst van Anna"]);
    expect(exported.contactRequests.map((r) => r.customer_name)).toEqual(["Truus Aanvrager"]);
    expect(exported.contactRequests[0]!.history.length).toBeGreaterThan(0);
    expect(exported.reviews.map((r) => r.body)).toEqual(["Heel tevreden over Anna"]);
    expect(exported.invoices.map((i) => i.number)).toEqual([anna.invoiceNumber]);
    expect(exported.payments).toHaveLength(1);
    expect(exported.uploads.map((u) => u.kind).sort()).toEqual(["photo", "price_list"]);
    expect(exported.coverage).toMatchObject({ mode: "radius" });
    expect(exported.dayparts).toHaveLength(1);
    expect(exported.emailChangeRequests.map((r) => r.new_email)).toEqual(["anna.nieuw@example.nl"]);
    expect(exported.emailChangeRequests[0]).not.toHaveProperty("token_hash");
    expect(text).not.toContain("Bram");
    expect(text).not.toContain("Kees Anderman");
    expect(text).not.toContain("$argon2");
  });
});

describe("deleting my account", () => {
  const deleteWith = (cookie: string, entries: Array<[string, string]>) =>
    settle(() => ownData.action({ request: postForm("/backoffice/mijn-gegevens", cookie, entries), params: {}, context }));

  it("asks for the tick and the right password, and changes nothing until both are given", async () => {
    const provider = await fullProvider("Carla", "Piet Wachter");
    const noTick = await deleteWith(provider.cookie, [["password", PASSWORD]]);
    expect(noTick.status).toBe(400);
    expect(noTick.data).toMatchObject({ error: { confirm: [expect.any(String)] } });
    const wrong = await deleteWith(provider.cookie, [["password", "niet mijn wachtwoord"], ["confirm", "ja"]]);
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: { password: [expect.stringContaining("niet uw huidige wachtwoord")] } });
    expect(JSON.stringify(wrong.data)).not.toContain("niet mijn wachtwoord");
    expect((await findPublicProfile(db, provider.slug)).kind).toBe("found");
  });

  it("unpublishes at once, erases the personal data and files, ends every session and keeps the invoices", async () => {
    const provider = await fullProvider("Dirk", "Anneke Klant");
    const other = await fullProvider("Els", "Wim Ander");
    const secondSession = await signIn(provider.id);
    expect(await requestEmailChange(db, provider.id, "dirk.nieuw@example.nl", PASSWORD)).toBe("requested");
    const { uploadsDir } = config();
    const photoDir = path.join(uploadsDir, "photos", provider.photoId);
    expect(fs.existsSync(photoDir)).toBe(true);
    expect(fs.existsSync(priceListFilePath(uploadsDir, provider.priceListId))).toBe(true);
    expect((await searchProviders(db, { wat: "Dirk" })).results.map((card) => card.id)).toContain(provider.id);

    const done = await deleteWith(provider.cookie, [["password", PASSWORD], ["confirm", "ja"]]);
    expect(done.status).toBe(302);
    expect(done.location).toBe("/account-verwijderd");
    expect(done.response!.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);

    expect((await findPublicProfile(db, provider.slug)).kind).toBe("not-found");
    expect((await searchProviders(db, { wat: "Dirk" })).results.map((card) => card.id)).not.toContain(provider.id);
    expect(fs.existsSync(photoDir)).toBe(false);
    expect(fs.existsSync(priceListFilePath(uploadsDir, provider.priceListId))).toBe(false);

    const row = await db.selectFrom("providers").selectAll().where("id", "=", provider.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ first_name: ERASED_NAME, last_name: null, phone: null, home_street: null, birth_date: null, intro_text: null, slug: null, password_hash: null, status: "suspended" });
    expect(row.email).toMatch(/@verwijderd\.invalid$/);
    for (const table of ["provider_services", "provider_categories", "provider_dayparts", "provider_coverage", "contact_requests", "reviews", "uploads", "sessions", "email_change_requests"] as const) {
      const left = await db.selectFrom(table).select(db.fn.countAll<number>().as("n")).where("provider_id", "=", provider.id).executeTakeFirstOrThrow();
      expect(Number(left.n), table).toBe(0);
    }
    // Both sessions are gone: the page this browser and the other device open now ask to sign in.
    for (const cookie of [provider.cookie, secondSession]) {
      expect((await settle(() => ownData.loader({ request: getRequest("/backoffice/mijn-gegevens", cookie), params: {}, context }))).location).toMatch(/^\/inloggen/);
    }
    // The invoice stays, with its own copy of the buyer; so does its payment.
    const invoice = await db.selectFrom("invoices").select(["number", "buyer"]).where("provider_id", "=", provider.id).executeTakeFirstOrThrow();
    expect(invoice.number).toBe(provider.invoiceNumber);
    expect(invoice.buyer).toContain("Dirk Hulp BV");
    expect(await db.selectFrom("payments").select("id").where("provider_id", "=", provider.id).execute()).toHaveLength(1);

    // Nothing of the other provider is touched.
    expect((await findPublicProfile(db, other.slug)).kind).toBe("found");
    expect(await db.selectFrom("contact_requests").select("customer_name").where("provider_id", "=", other.id).execute()).toEqual([{ customer_name: "Wim Ander" }]);
    expect(fs.existsSync(path.join(uploadsDir, "photos", other.photoId))).toBe(true);
  });
});
