import { sql } from "kysely";
/**
 * The staff console's categories, member registry, packages, overdue
 * requests, review moderation and video tool reports, on a real SQLite file.
 * Route loaders and actions are called with real Requests and a real staff
 * session; every action must leave an audit entry with old and new values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCategories } from "#db/seed/seed";
import * as backupsPage from "~/routes/beheer.back-ups";
import * as categoriesPage from "~/routes/beheer.categorieen";
import * as membersPage from "~/routes/beheer.leden";
import * as packagesPage from "~/routes/beheer.pakketten";
import * as reviewsPage from "~/routes/beheer.beoordelingen";
import * as overduePage from "~/routes/beheer.te-laat";
import * as videoReportsPage from "~/routes/beheer.videomeldingen";
import * as categoryPage from "~/routes/categorie.$slug";
import { listActiveCategories } from "~/server/categories.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { publicReviews } from "~/server/reviews.server";
import { searchProviders } from "~/server/search.server";
import { staffAssignPackage } from "~/server/staff-packages.server";
import { staffSessionCookieFor } from "~/server/staff-session.server";
import { dienstenValues } from "~/server/steps/diensten.server";
import { insertBillableProvider, insertTestPayment, openTestPayments } from "../support/billing";
import { insertContactRequest } from "../support/contact-requests";
import { BASE, context, getRequest, postForm, settle, signIn } from "../support/route-calls";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let staff: { id: number; name: string };
let cookie: string;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  await seedCategories(db);
  const now = new Date().toISOString();
  const row = await db
    .insertInto("staff")
    .values({ email: "ans@vivium.test", name: "Ans Beheer", password_hash: "x", created_at: now, updated_at: now })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  staff = row;
  cookie = await staffSessionCookieFor(staff.id);
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context });

function upload(csv: string, fileName = "leden.csv"): Request {
  const body = new FormData();
  body.append("intent", "import");
  body.append("bestand", new Blob([csv], { type: "text/csv" }), fileName);
  return new Request(`${BASE}/beheer/leden`, { method: "POST", headers: { Cookie: cookie }, body });
}

async function auditFor(action: string) {
  return db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id", "desc").execute();
}

async function lastAudit(action: string) {
  const [row] = await auditFor(action);
  if (!row) throw new Error(`no audit entry ${action}`);
  return { ...row, old: row.old_values ? JSON.parse(row.old_values) : null, new: row.new_values ? JSON.parse(row.new_values) : null };
}

async function categoryId(name: string): Promise<number> {
  return (await db.selectFrom("categories").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

describe("access", () => {
  const pages = [
    ["/beheer/categorieen", categoriesPage],
    ["/beheer/leden", membersPage],
    ["/beheer/pakketten", packagesPage],
    ["/beheer/te-laat", overduePage],
    ["/beheer/beoordelingen", reviewsPage],
    ["/beheer/videomeldingen", videoReportsPage],
    ["/beheer/back-ups", backupsPage],
  ] as const;

  it("answers 404 to anonymous visitors and to providers, by GET and by POST, and shows the page to staff", async () => {
    const providerCookie = await signIn(await insertTestProvider(db));
    for (const [path, page] of pages) {
      for (const who of [undefined, providerCookie]) {
        expect((await settle(() => page.loader(args(getRequest(path, who))))).status, `GET ${path}`).toBe(404);
        expect((await settle(() => page.action(args(postForm(path, who, [["intent", "add"]]))))).status, `POST ${path}`).toBe(404);
      }
      expect((await settle(() => page.loader(args(getRequest(path, cookie))))).status, `GET ${path} as staff`).toBe(200);
    }
    expect(await db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });
});

describe("member registry import", () => {
  const FILE = "\uFEFFlidnummer;naam;actief\r\nVIV900001;Jan Import;ja\r\nVIV-900 002;\"Jansen, Marie\";ja\r\nfout;Kapot;ja\r\nVIV900003;Weg;nee\r\n";

  it("reports added and invalid rows by line number, and a second import of the same file changes nothing", async () => {
    const first = await settle(() => membersPage.action(args(upload(FILE))));
    expect(first.status).toBe(303);
    const report = await settle(() => membersPage.loader(args(getRequest(first.location!.split("#")[0]!, cookie))));
    expect(report.data?.report).toMatchObject({
      fileName: "leden.csv",
      counts: { added: 3, updated: 0, unchanged: 0, invalid: 1 },
      added: [
        { line: 2, number: "VIV900001" },
        { line: 3, number: "VIV900002" },
        { line: 5, number: "VIV900003" },
      ],
      invalid: [{ line: 4, reason: expect.stringContaining('"fout" is geen geldig lidnummer') }],
    });
    const members = await db.selectFrom("members").select(["number", "name", "active"]).where("number", "like", "VIV9000%").orderBy("number").execute();
    expect(members).toEqual([
      { number: "VIV900001", name: "Jan Import", active: 1 },
      { number: "VIV900002", name: "Jansen, Marie", active: 1 },
      { number: "VIV900003", name: "Weg", active: 0 },
    ]);
    const auditCount = (await db.selectFrom("audit_log").select("id").execute()).length;

    const again = await settle(() => membersPage.action(args(upload(FILE))));
    const second = await settle(() => membersPage.loader(args(getRequest(again.location!.split("#")[0]!, cookie))));
    expect(second.data?.report).toMatchObject({ counts: { added: 0, updated: 0, unchanged: 3, invalid: 1 } });
    expect(await db.selectFrom("members").select(["number", "name", "active"]).where("number", "like", "VIV9000%").orderBy("number").execute()).toEqual(members);
    // Only the summary of the second import was logged: no member changed.
    expect((await db.selectFrom("audit_log").select("id").execute()).length).toBe(auditCount + 1);
  });

  it("updates a known member's name and state, with old and new values in the audit log", async () => {
    const response = await settle(() => membersPage.action(args(upload("lidnummer,naam,actief\nVIV900003,Weer Terug,1\n", "update.csv"))));
    expect(response.status).toBe(303);
    const entry = await lastAudit("member.import");
    expect(entry).toMatchObject({ staff_id: staff.id, staff_name: "Ans Beheer", entity_type: "member" });
    expect(entry.old).toEqual({ number: "VIV900003", name: "Weg", active: false });
    expect(entry.new).toEqual({ number: "VIV900003", name: "Weer Terug", active: true });
  });

  it("refuses a file without a lidnummer column with the reason at the field", async () => {
    const response = await settle(() => membersPage.action(args(upload("naam;adres\nJan;Dorpsstraat 1\n"))));
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({ form: "import", errors: { bestand: expect.stringContaining("lidnummer") } });
  });

  it("adds one member, deactivates and activates it, each audited, and finds it by number or name", async () => {
    const added = await settle(() => membersPage.action(args(postForm("/beheer/leden", cookie, [["intent", "add"], ["number", "viv 910 001"], ["name", "Sjaak Los"]]))));
    expect(added.status).toBe(303);
    const member = await db.selectFrom("members").selectAll().where("number", "=", "VIV910001").executeTakeFirstOrThrow();
    expect(await lastAudit("member.add")).toMatchObject({ entity_id: String(member.id), new: { number: "VIV910001", name: "Sjaak Los", active: true } });

    await settle(() => membersPage.action(args(postForm("/beheer/leden", cookie, [["intent", "deactivate"], ["memberId", String(member.id)]]))));
    expect((await db.selectFrom("members").select("active").where("id", "=", member.id).executeTakeFirstOrThrow()).active).toBe(0);
    expect(await lastAudit("member.deactivate")).toMatchObject({ old: { active: true }, new: { active: false } });
    await settle(() => membersPage.action(args(postForm("/beheer/leden", cookie, [["intent", "activate"], ["memberId", String(member.id)]]))));
    expect(await lastAudit("member.activate")).toMatchObject({ old: { active: false }, new: { active: true } });

    for (const q of ["VIV-910", "sjaak"]) {
      const page = await settle(() => membersPage.loader(args(getRequest(`/beheer/leden?q=${encodeURIComponent(q)}`, cookie))));
      expect(page.data?.members).toEqual([{ id: member.id, number: "VIV910001", name: "Sjaak Los", active: true }]);
    }
  });

  it("keeps what was typed and says what to fix for an invalid lidnummer", async () => {
    const response = await settle(() => membersPage.action(args(postForm("/beheer/leden", cookie, [["intent", "add"], ["number", "12"], ["name", "Kort"]]))));
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({ form: "add", values: { number: "12", name: "Kort" }, errors: { number: expect.stringContaining("6 tot 10") } });
  });
});

describe("categories", () => {
  it("adds a category at the end, offered on the home page", async () => {
    const response = await settle(() => categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "add"], ["name", "Tuinman"]]))));
    expect(response.status).toBe(303);
    const active = await listActiveCategories(db);
    expect(active.at(-1)).toMatchObject({ name: "Tuinman", slug: "tuinman" });
    expect(await lastAudit("category.add")).toMatchObject({ new: { name: "Tuinman", slug: "tuinman" } });

    const duplicate = await settle(() => categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "add"], ["name", "tuinman"]]))));
    expect(duplicate).toMatchObject({ status: 400, data: { field: "name", value: "tuinman", message: "Er is al een categorie met deze naam" } });
  });

  it("renames a category: the old address redirects for good and search finds the providers under the new name", async () => {
    const id = await categoryId("Tuinman");
    const providerId = await insertTestProvider(db, { firstName: "Hovenier" });
    await db.insertInto("provider_categories").values({ provider_id: providerId, category_id: id }).execute();

    const response = await settle(() =>
      categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "rename"], ["id", String(id)], ["name", "Tuinonderhoud"]]))),
    );
    expect(response.status).toBe(303);
    expect(await lastAudit("category.rename")).toMatchObject({
      entity_id: String(id),
      old: { name: "Tuinman", slug: "tuinman" },
      new: { name: "Tuinonderhoud", slug: "tuinonderhoud" },
    });

    const old = await settle(() => categoryPage.loader(args(getRequest("/categorie/tuinman?waar=Woerden"), { slug: "tuinman" })));
    expect(old).toMatchObject({ status: 301, location: "/categorie/tuinonderhoud?waar=Woerden" });
    const current = await settle(() => categoryPage.loader(args(getRequest("/categorie/tuinonderhoud"), { slug: "tuinonderhoud" })));
    expect(current.data).toMatchObject({ category: { name: "Tuinonderhoud", slug: "tuinonderhoud" } });
    const unknown = await settle(() => categoryPage.loader(args(getRequest("/categorie/bestaat-niet"), { slug: "bestaat-niet" })));
    expect(unknown.status).toBe(404);

    const byNewName = await searchProviders(db, { wat: "tuinonderhoud" });
    expect(byNewName.results.map((r) => r.id)).toContain(providerId);
    // The old name is gone from the index (a search for "tuinman" may still find "tuin…" by its parts).
    const oldTerm = await sql<{ n: number }>`SELECT count(*) AS n FROM provider_search WHERE provider_search MATCH '"tuinman"'`.execute(db);
    expect(oldTerm.rows[0]!.n).toBe(0);
  });

  it("refuses an empty new name and keeps what was typed", async () => {
    const id = await categoryId("Tuinonderhoud");
    const response = await settle(() =>
      categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "rename"], ["id", String(id)], ["name", " "], ["currentName", "Tuinonderhoud"]]))),
    );
    expect(response).toMatchObject({ status: 400, data: { field: `name-${id}`, value: " " } });
  });

  it("moves a category up and down", async () => {
    const id = await categoryId("Tuinonderhoud");
    const before = (await listActiveCategories(db)).map((c) => c.name);
    await settle(() => categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "up"], ["id", String(id)]]))));
    const after = (await listActiveCategories(db)).map((c) => c.name);
    expect(after.at(-2)).toBe("Tuinonderhoud");
    expect(after.at(-1)).toBe(before.at(-2));
    expect(await lastAudit("category.move_up")).toMatchObject({ old: { position: before.length - 1 }, new: { position: before.length - 2 } });
    await settle(() => categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "down"], ["id", String(id)]]))));
    expect((await listActiveCategories(db)).map((c) => c.name)).toEqual(before);
  });

  it("retires a category: off the home page and the wizard's choice, kept by providers that have it; and brings it back", async () => {
    const id = await categoryId("Tuinonderhoud");
    const [holder] = await db.selectFrom("provider_categories").select("provider_id").where("category_id", "=", id).execute();
    const newcomer = await insertTestProvider(db, { status: "draft" });
    const row = (providerId: number) => db.selectFrom("providers").selectAll().where("id", "=", providerId).executeTakeFirstOrThrow();

    await settle(() => categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "retire"], ["id", String(id)]]))));
    expect(await lastAudit("category.retire")).toMatchObject({ old: { retired_at: null }, new: { retired_at: expect.any(String) } });
    expect((await listActiveCategories(db)).map((c) => c.name)).not.toContain("Tuinonderhoud");
    const offered = await dienstenValues(db, newcomer, await row(newcomer));
    expect(offered.categoryOptions.map((o) => o.value)).not.toContain(String(id));
    const kept = await dienstenValues(db, holder!.provider_id, await row(holder!.provider_id));
    expect(kept.saved.categories).toContain(String(id));

    await settle(() => categoriesPage.action(args(postForm("/beheer/categorieen", cookie, [["intent", "unretire"], ["id", String(id)]]))));
    expect(await lastAudit("category.unretire")).toMatchObject({ new: { retired_at: null } });
    const again = await dienstenValues(db, newcomer, await row(newcomer));
    expect(again.categoryOptions.map((o) => o.value)).toContain(String(id));
  });
});

describe("packages", () => {
  const grossCalls: number[] = [];
  const fakePayments = openTestPayments((input) => grossCalls.push(input.grossCents));


  it("assigns a Pluspakket for € 290 after the € 10 credit, and € 300 without a paid fee; both audited", async () => {
    const withFee = await insertBillableProvider(db);
    await insertTestPayment(db, { providerId: withFee, purpose: "admin_fee", status: "paid" });
    const withoutFee = await insertBillableProvider(db);

    const first = await staffAssignPackage(db, staff, { providerId: withFee, package: "plus", startsOn: "2026-03-01" }, fakePayments);
    await staffAssignPackage(db, staff, { providerId: withoutFee, package: "plus" }, fakePayments);
    expect(grossCalls).toEqual([29_000, 30_000]);

    const entries = await db.selectFrom("audit_log").selectAll().where("action", "=", "package.assign").orderBy("id").execute();
    expect(entries.map((e) => e.provider_id)).toEqual([withFee, withoutFee]);
    expect(JSON.parse(entries[0]!.new_values!)).toEqual({
      package: "plus",
      price_cents: 30_000,
      credit_cents: 1000,
      amount_cents: 29_000,
      starts_on: "2026-03-01",
      ends_on: "2027-02-28",
    });
    expect(entries[0]!.entity_id).toBe(String(first.providerPackageId));
  });

  it("replaces a package still awaiting payment, keeping the credit for the new one", async () => {
    const providerId = await insertBillableProvider(db);
    await insertTestPayment(db, { providerId, purpose: "admin_fee", status: "paid" });
    const first = await staffAssignPackage(db, staff, { providerId, package: "basis" }, fakePayments);
    await staffAssignPackage(db, staff, { providerId, package: "fee", priceCents: 75_000 }, fakePayments);
    expect(grossCalls.slice(-2)).toEqual([9_000, 74_000]);
    expect((await db.selectFrom("provider_packages").select("status").where("id", "=", first.providerPackageId).executeTakeFirstOrThrow()).status).toBe("cancelled");
    expect(await lastAudit("package.cancel")).toMatchObject({ provider_id: providerId, old: { status: "awaiting_payment" }, new: { status: "cancelled" } });
    expect(await lastAudit("package.assign")).toMatchObject({ old: { package: "basis", price_cents: 10_000 }, new: { package: "fee", price_cents: 75_000 } });
  });

  it("refuses a Fee-pakket below € 500 and keeps the typed values", async () => {
    const providerId = await insertBillableProvider(db);
    const response = await settle(() =>
      packagesPage.action(args(postForm("/beheer/pakketten", cookie, [["intent", "assign"], ["providerId", String(providerId)], ["package", "fee"], ["price", "450"]]))),
    );
    expect(response).toMatchObject({ status: 400, data: { values: { package: "fee", price: "450" }, errors: { price: "Het Fee-pakket kost minstens € 500,00 per jaar" } } });
    expect(await db.selectFrom("provider_packages").select("id").where("provider_id", "=", providerId).execute()).toEqual([]);
  });

  it("lists the open package payment and queues one payment reminder with a link to the package page", async () => {
    const page = await settle(() => packagesPage.loader(args(getRequest("/beheer/pakketten", cookie))));
    const open = page.data?.open as Array<{ providerPackageId: number; amount: string; canRemind: boolean }>;
    const line = open.find((p) => p.amount === "€ 290,00");
    expect(line?.canRemind).toBe(true);

    const remind = () => packagesPage.action(args(postForm("/beheer/pakketten", cookie, [["intent", "remind"], ["providerPackageId", String(line!.providerPackageId)]])));
    expect((await settle(remind)).status).toBe(303);
    await settle(remind);
    const mails = await db.selectFrom("outbox_messages").selectAll().where("template", "=", "package-payment-reminder").execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain("€ 290,00");
    expect(mails[0]!.text_body).toContain("http://127.0.0.1:3000/backoffice/pakket");
    expect(await lastAudit("package.payment_reminder")).toMatchObject({ entity_id: String(line!.providerPackageId), new: { amount_cents: 29_000 } });
  });
});

describe("overdue requests", () => {
  it("lists requests past their deadline without a status, oldest first, and saves the gebeld note", async () => {
    const providerId = await insertBillableProvider(db, { firstName: "Laatje" });
    const day = 86_400_000;
    const older = await insertContactRequest(db, { providerId, createdAt: new Date(Date.now() - 6 * day), deadlineAt: new Date(Date.now() - 4 * day) });
    const newer = await insertContactRequest(db, { providerId, createdAt: new Date(Date.now() - 3 * day), deadlineAt: new Date(Date.now() - day) });
    await insertContactRequest(db, { providerId, createdAt: new Date(Date.now() - 6 * day), deadlineAt: new Date(Date.now() - 4 * day), status: "in_progress" });
    await insertContactRequest(db, { providerId });

    const page = await settle(() => overduePage.loader(args(getRequest("/beheer/te-laat", cookie))));
    const requests = page.data?.requests as Array<{ id: number; customerPhoneLink: { href: string }; providerEmail: string }>;
    expect(requests.map((r) => r.id)).toEqual([older, newer]);
    expect(requests[0]!.customerPhoneLink.href).toBe("tel:+31612345678");

    const empty = await settle(() => overduePage.action(args(postForm("/beheer/te-laat", cookie, [["requestId", String(older)], ["note", ""]]))));
    expect(empty).toMatchObject({ status: 400, data: { requestId: String(older), error: "Schrijf kort op wat er is besproken" } });

    const saved = await settle(() => overduePage.action(args(postForm("/beheer/te-laat", cookie, [["requestId", String(older)], ["note", "Dienstverlener belt de klant vandaag."]]))));
    expect(saved.status).toBe(303);
    const row = await db.selectFrom("contact_requests").select(["staff_called_at", "staff_note"]).where("id", "=", older).executeTakeFirstOrThrow();
    expect(row.staff_note).toBe("Dienstverlener belt de klant vandaag.");
    expect(await lastAudit("contact_request.called")).toMatchObject({
      provider_id: providerId,
      old: { staff_called_at: null, staff_note: null },
      new: { staff_called_at: row.staff_called_at, staff_note: "Dienstverlener belt de klant vandaag." },
    });
  });
});

describe("review moderation", () => {
  it("hides a review with a reason (it leaves the profile and the average) and shows it again", async () => {
    const providerId = await insertTestProvider(db);
    const now = new Date().toISOString();
    const insert = (rating: number, body: string) =>
      db.insertInto("reviews").values({ provider_id: providerId, rating, body, display_name: "Truus", created_at: now }).returning("id").executeTakeFirstOrThrow();
    await insert(5, "Heel fijn geholpen");
    const bad = await insert(1, "Scheldwoorden");
    expect(await publicReviews(db, providerId)).toMatchObject({ average: 3, count: 2 });

    const missing = await settle(() => reviewsPage.action(args(postForm("/beheer/beoordelingen", cookie, [["intent", "hide"], ["reviewId", String(bad.id)], ["reason", ""]]))));
    expect(missing.status).toBe(400);

    const hidden = await settle(() =>
      reviewsPage.action(args(postForm("/beheer/beoordelingen", cookie, [["intent", "hide"], ["reviewId", String(bad.id)], ["reason", "Grof taalgebruik"]]))),
    );
    expect(hidden.status).toBe(303);
    const summary = await publicReviews(db, providerId);
    expect(summary).toMatchObject({ average: 5, count: 1 });
    expect(summary.items.map((r) => r.text)).toEqual(["Heel fijn geholpen"]);
    expect(await lastAudit("review.hide")).toMatchObject({
      provider_id: providerId,
      old: { hidden_at: null, hidden_reason: null },
      new: { hidden_at: expect.any(String), hidden_reason: "Grof taalgebruik" },
    });

    const list = await settle(() => reviewsPage.loader(args(getRequest("/beheer/beoordelingen?toon=verborgen", cookie))));
    expect((list.data?.reviews as Array<{ id: number }>).map((r) => r.id)).toContain(bad.id);

    await settle(() => reviewsPage.action(args(postForm("/beheer/beoordelingen", cookie, [["intent", "unhide"], ["reviewId", String(bad.id)], ["reason", "Klant heeft het aangepast"]]))));
    expect(await publicReviews(db, providerId)).toMatchObject({ average: 3, count: 2 });
    expect(await lastAudit("review.unhide")).toMatchObject({ old: { hidden_reason: "Grof taalgebruik" }, new: { hidden_at: null, reason: "Klant heeft het aangepast" } });
  });
});

describe("video tool reports", () => {
  it("lists reports with provider and browser details and moves them nieuw → opgepakt → opgelost", async () => {
    const providerId = await insertBillableProvider(db, { firstName: "Camera" });
    const now = new Date().toISOString();
    const report = await db
      .insertInto("video_tool_reports")
      .values({ provider_id: providerId, description: "Ik zie geen beeld", user_agent: "Firefox 140", client_details: "mediaDevices: nee", created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();

    const page = await settle(() => videoReportsPage.loader(args(getRequest("/beheer/videomeldingen", cookie))));
    expect(page.data?.reports).toEqual([
      expect.objectContaining({ id: report.id, providerName: "Camera de Vries", description: "Ik zie geen beeld", userAgent: "Firefox 140", status: "nieuw" }),
    ]);

    for (const [from, to] of [["nieuw", "opgepakt"], ["opgepakt", "opgelost"]] as const) {
      const response = await settle(() => videoReportsPage.action(args(postForm("/beheer/videomeldingen", cookie, [["reportId", String(report.id)], ["status", to]]))));
      expect(response.status).toBe(303);
      expect(await lastAudit("video_report.status")).toMatchObject({ provider_id: providerId, old: { status: from }, new: { status: to } });
    }
    const bad = await settle(() => videoReportsPage.action(args(postForm("/beheer/videomeldingen", cookie, [["reportId", String(report.id)], ["status", "weg"]]))));
    expect(bad.status).toBe(400);
  });
});

describe("backups", () => {
  it("warns while there is no good backup, makes one on request with an audit entry, and shows it with its size", async () => {
    const before = await settle(() => backupsPage.loader(args(getRequest("/beheer/back-ups", cookie))));
    expect(before.data).toMatchObject({ warning: "none-yet", runs: [], schedule: { time: "03:30" } });

    const made = await settle(() => backupsPage.action(args(postForm("/beheer/back-ups", cookie, []))));
    expect(made.status).toBe(303);
    const page = await settle(() => backupsPage.loader(args(getRequest(made.location!, cookie))));
    const [run] = page.data?.runs as Array<{ id: number; folder: string; size: string }>;
    expect(page.data).toMatchObject({ warning: null });
    expect(run).toMatchObject({ status: "ok", trigger: "staff", staffName: "Ans Beheer", folderName: expect.stringMatching(/^vivium-\d{4}-/) });
    expect(run!.size).toMatch(/^\d+,\d (kB|MB)$/);
    expect(made.location).toBe(`/beheer/back-ups?gemaakt=${run!.id}`);
    const audit = await lastAudit("backup.create");
    expect(audit).toMatchObject({ staff_name: "Ans Beheer", entity_type: "backup", entity_id: String(run!.id), new: { status: "ok", folder: run!.folder } });
  });
});
