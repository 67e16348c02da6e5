/**
 * Staff accounts and the provider pages of the staff console, on a real
 * SQLite file with the demo data: sign-in through /inloggen, staff sessions
 * kept apart from provider sessions, `npm run staff:create`, verification
 * ticks on the public profile and search cards, suspending and republishing,
 * and an audit entry for every action.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoMembers } from "#db/seed/members";
import { DEMO_PASSWORD, seedCategories, seedDemoProviders } from "#db/seed/seed";
import { seedDemoStaff } from "#db/seed/staff";
import * as detailPage from "~/routes/beheer.dienstverleners.$id";
import * as listPage from "~/routes/beheer.dienstverleners._index";
import * as logPage from "~/routes/beheer.logboek";
import * as staffPage from "~/routes/beheer.medewerkers";
import * as signInPage from "~/routes/inloggen";
import * as signOut from "~/routes/uitloggen";
import { listAuditEntries } from "~/server/audit.server";
import { forgetDatabase, openDatabase, type Db } from "~/server/db.server";
import { verifyPassword } from "~/server/passwords.server";
import { findPublicProfile } from "~/server/profile.server";
import { searchProviders } from "~/server/search.server";
import { getProviderSession } from "~/server/session.server";
import { DEMO_STAFF } from "~/server/staff.server";
import { getStaff } from "~/server/staff-session.server";
import { BASE, context, getRequest, postForm, settle, signIn as providerCookie } from "../support/route-calls";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const run = promisify(execFile);

let t: TestDatabase;
let db: Db;
let bertId: number;
let anneliesId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  await seedCategories(db);
  await seedDemoProviders(db);
  await seedDemoMembers(db);
  expect(await seedDemoStaff(db)).toBe(1);
  expect(await seedDemoStaff(db)).toBe(0);
  bertId = (await db.selectFrom("providers").select("id").where("slug", "=", "bert-klinkenberg").executeTakeFirstOrThrow()).id;
  anneliesId = (await db.selectFrom("providers").select("id").where("slug", "=", "annelies-de-vries").executeTakeFirstOrThrow()).id;
}, 60_000);

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

const cookieFrom = (response: Response | null) => response?.headers.get("Set-Cookie")?.split(";")[0] ?? "";

let clients = 0;
/** Each sign-in from its own address, unless told otherwise: the rate limit is tested on its own. */
async function signIn(email: string, password: string, clientIp = `10.0.0.${++clients}`) {
  return settle(() =>
    signInPage.action({ request: postForm("/inloggen", undefined, [["email", email], ["password", password]]), params: {}, context: { ...context, clientIp } }),
  );
}

async function staffCookie(): Promise<string> {
  const result = await signIn(DEMO_STAFF.email, DEMO_PASSWORD);
  expect(result.status).toBe(302);
  return cookieFrom(result.response);
}

const detail = (id: number) => `/beheer/dienstverleners/${id}`;

async function act(cookie: string, providerId: number, entries: Array<[string, string]>) {
  return settle(() => detailPage.action({ request: postForm(detail(providerId), cookie, entries), params: { id: String(providerId) }, context }));
}

describe("staff sign-in", () => {
  it("signs staff in on /inloggen and lands them on /beheer with a staff cookie only", async () => {
    const result = await signIn("  Beheer@Demo.ViviumServices.nl ", DEMO_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/beheer");
    const setCookie = result.response!.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^vivium_staff=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieFrom(result.response);
    const request = getRequest("/beheer", cookie);
    expect(await getStaff(request)).toMatchObject({ name: DEMO_STAFF.name, email: DEMO_STAFF.email });
    expect(await getProviderSession(request)).toBeNull();
    // Only the hash of the token is stored.
    const token = decodeURIComponent(cookie.split("=")[1]!);
    const rows = await db.selectFrom("staff_sessions").select("token_hash").execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => token.includes(row.token_hash))).toBe(false);
  });

  it("still signs providers in as providers", async () => {
    const result = await signIn("bert-klinkenberg@demo.viviumservices.nl", DEMO_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.location).not.toMatch(/^\/beheer/);
    const cookie = cookieFrom(result.response);
    expect(cookie).toMatch(/^vivium_session=/);
    expect(await getStaff(getRequest("/beheer", cookie))).toBeNull();
    expect((await getProviderSession(getRequest("/backoffice", cookie)))?.providerId).toBe(bertId);
  });

  it("gives a wrong staff password and an unknown address the same answer", async () => {
    const wrong = await signIn(DEMO_STAFF.email, "niet-het-goede-wachtwoord");
    const unknown = await signIn("niemand@demo.viviumservices.nl", "niet-het-goede-wachtwoord");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.data?.error).toEqual(unknown.data?.error);
    expect(JSON.stringify(wrong.data)).not.toContain("niet-het-goede-wachtwoord");
  });

  it("rate-limits staff sign-ins like provider sign-ins", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(DEMO_STAFF.email, "fout-wachtwoord-123", "192.0.2.50")).status).toBe(400);
    expect((await signIn(DEMO_STAFF.email, DEMO_PASSWORD, "192.0.2.50")).status).toBe(429);
  });

  it("does not let a deactivated staff member in", async () => {
    const cookie = await staffCookie();
    await db.updateTable("staff").set({ active: 0 }).where("email", "=", DEMO_STAFF.email).execute();
    try {
      expect(await getStaff(getRequest("/beheer", cookie))).toBeNull();
      expect((await signIn(DEMO_STAFF.email, DEMO_PASSWORD)).status).toBe(400);
    } finally {
      await db.updateTable("staff").set({ active: 1 }).where("email", "=", DEMO_STAFF.email).execute();
    }
  });

  it("ends a staff session after 12 idle hours", async () => {
    const cookie = await staffCookie();
    await db.updateTable("staff_sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect(await getStaff(getRequest("/beheer", cookie))).toBeNull();
  });

  it("signs staff out on /uitloggen", async () => {
    const cookie = await staffCookie();
    const before = await db.selectFrom("staff_sessions").select("token_hash").execute();
    const response = (await signOut.action({ request: postForm("/uitloggen", cookie, []), params: {}, context })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/vivium_staff=;/);
    expect(await getStaff(getRequest("/beheer", cookie))).toBeNull();
    expect((await db.selectFrom("staff_sessions").select("token_hash").execute()).length).toBe(before.length - 1);
  });
});

describe("npm run staff:create", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-staff-create-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const script = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/staff-create.ts", ...args], { env: { ...process.env, DATA_DIR: dataDir }, timeout: 60_000 });

  it("creates an account with a generated password, printed once, that signs in", async () => {
    const { stdout } = await script("--email", "Sanne@ViviumServices.nl", "--name", "Sanne de Wit");
    const password = /Wachtwoord \(wordt maar één keer getoond\): (\S+)/.exec(stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const created = openDatabase(path.join(dataDir, "vivium.sqlite"));
    try {
      const row = await created.db.selectFrom("staff").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ email: "sanne@viviumservices.nl", name: "Sanne de Wit", active: 1 });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row.password_hash, password!)).toBe(true);
    } finally {
      await created.close();
    }
  }, 60_000);

  it("refuses a second account with the same address and a bad address", async () => {
    await expect(script("--email", "sanne@viviumservices.nl", "--name", "Nog een Sanne")).rejects.toMatchObject({
      stderr: expect.stringContaining("Er is al een medewerker met dit e-mailadres"),
    });
    await expect(script("--email", "geen-adres", "--name", "Iemand")).rejects.toMatchObject({ stderr: expect.stringContaining("geldig e-mailadres") });
    await expect(script("--name", "Zonder adres")).rejects.toMatchObject({ stderr: expect.stringContaining("Gebruik:") });
  }, 60_000);
});

describe("provider pages for staff", () => {
  it("finds providers by name, place and e-mail, with counts per filter value", async () => {
    const cookie = await staffCookie();
    const find = async (query: string) => {
      const result = await settle(() => listPage.loader({ request: getRequest(`/beheer/dienstverleners?${query}`, cookie), params: {}, context }));
      expect(result.status).toBe(200);
      return (result.data as Awaited<ReturnType<typeof listPage.loader>>).list;
    };
    const byName = await find("q=klinkenberg");
    expect(byName.rows.map((row) => row.id)).toEqual([bertId]);
    expect((await find("q=woerden")).rows.map((row) => row.id)).toContain(bertId);
    expect((await find("q=annelies-de-vries%40demo")).rows.map((row) => row.id)).toEqual([anneliesId]);
    const all = await find("");
    expect(all.total).toBeGreaterThanOrEqual(41);
    expect(all.counts.status.live).toBe(all.total);
    expect(all.counts.verification.none).toBe(all.total);
    const suspendedOnly = await find("status=suspended");
    expect(suspendedOnly.total).toBe(0);
  });

  it("ticks verification checks, which then show on the profile and the search card, each in the audit log", async () => {
    const cookie = await staffCookie();
    for (const check of ["identity_seen", "met_in_person", "vog_received"]) {
      const result = await act(cookie, bertId, [["intent", "check"], ["check", check]]);
      expect(result.status).toBe(303);
      expect(result.location).toBe(`${detail(bertId)}?gedaan=aangevinkt`);
    }
    // Ticking again changes nothing and logs nothing.
    expect((await act(cookie, bertId, [["intent", "check"], ["check", "identity_seen"]])).location).toContain("gedaan=ongewijzigd");

    const profile = await findPublicProfile(db, "bert-klinkenberg");
    if (profile.kind !== "found") throw new Error("profile not found");
    expect(profile.profile.checks).toEqual({ identitySeen: true, metInPerson: true, vogReceived: true, introVideo: false });
    const search = await searchProviders(db, { waar: "Woerden", categorie: "thuiskeepers" });
    const card = search.results.find((c) => c.id === bertId);
    expect(card?.badges).toEqual(["Identiteitsbewijs gezien", "Persoonlijk gezien", "Verklaring omtrent gedrag"]);

    const entries = await listAuditEntries(db, { providerId: bertId });
    expect(entries.filter((e) => e.action === "verification.check")).toHaveLength(3);
    expect(entries[0]).toMatchObject({ staff_name: DEMO_STAFF.name, entity_type: "provider", entity_id: String(bertId), new_values: '{"vog_received":true}' });

    // The detail page shows who ticked each check.
    const page = await settle(() => detailPage.loader({ request: getRequest(detail(bertId), cookie), params: { id: String(bertId) }, context }));
    const checks = (page.data as Awaited<ReturnType<typeof detailPage.loader>>).detail.checks;
    expect(checks.find((c) => c.key === "identity_seen")).toMatchObject({ checkedBy: DEMO_STAFF.name });
    expect(checks.find((c) => c.key === "video_approved")).toMatchObject({ checkedBy: null, checkedAt: null });

    await act(cookie, bertId, [["intent", "uncheck"], ["check", "vog_received"]]);
    const after = await findPublicProfile(db, "bert-klinkenberg");
    expect(after.kind === "found" && after.profile.checks.vogReceived).toBe(false);
    expect((await listAuditEntries(db, { providerId: bertId, action: "verification.uncheck" }))[0]?.old_values).toBe('{"vog_received":true}');
  });

  it("suspends with a reason: gone from search and the profile at once, the provider mailed; republish brings it back", async () => {
    const cookie = await staffCookie();
    const inSearch = async () => (await searchProviders(db, { waar: "Utrecht", categorie: "computerhulp" })).results.some((c) => c.id === anneliesId);
    expect(await inSearch()).toBe(true);

    const empty = await act(cookie, anneliesId, [["intent", "suspend"], ["suspendReason", ""]]);
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.data)).toContain("Schrijf de reden op");
    expect((await db.selectFrom("providers").select("status").where("id", "=", anneliesId).executeTakeFirstOrThrow()).status).toBe("live");

    const reason = "Wij krijgen klachten over niet nagekomen afspraken.";
    const result = await act(cookie, anneliesId, [["intent", "suspend"], ["suspendReason", reason]]);
    expect(result.location).toBe(`${detail(anneliesId)}?gedaan=offline`);
    const row = await db.selectFrom("providers").select(["status", "suspended_reason", "suspended_at"]).where("id", "=", anneliesId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "suspended", suspended_reason: reason });
    expect(row.suspended_at).not.toBeNull();
    expect(await inSearch()).toBe(false);
    expect((await findPublicProfile(db, "annelies-de-vries")).kind).toBe("not-found");

    const mail = await db.selectFrom("outbox_messages").selectAll().where("template", "=", "provider-suspended").executeTakeFirstOrThrow();
    expect(mail.to_address).toBe("annelies-de-vries@demo.viviumservices.nl");
    expect(mail.text_body).toContain(reason);

    const republished = await act(cookie, anneliesId, [["intent", "republish"]]);
    expect(republished.location).toBe(`${detail(anneliesId)}?gedaan=online`);
    expect(await inSearch()).toBe(true);
    expect((await findPublicProfile(db, "annelies-de-vries")).kind).toBe("found");

    const log = await listAuditEntries(db, { providerId: anneliesId });
    expect(log.map((e) => e.action)).toEqual(["provider.republish", "provider.suspend"]);
    expect(JSON.parse(log[1]!.old_values!)).toEqual({ status: "live" });
    expect(JSON.parse(log[1]!.new_values!)).toEqual({ status: "suspended", suspended_reason: reason });
  });

  it("keeps intake notes with who and when", async () => {
    const cookie = await staffCookie();
    expect((await act(cookie, bertId, [["intent", "note"], ["note", "  "]])).status).toBe(400);
    expect((await act(cookie, bertId, [["intent", "note"], ["note", "Gebeld: vriendelijk gesprek, wil het Plus-pakket overwegen."]])).status).toBe(303);
    const notes = await db.selectFrom("provider_intake_notes").selectAll().where("provider_id", "=", bertId).execute();
    expect(notes).toHaveLength(1);
    expect((await listAuditEntries(db, { providerId: bertId, action: "intake_note.add" }))).toHaveLength(1);
  });

  it("approves a waiting video and ticks 'introductievideo goedgekeurd'; rejects another with a reason", async () => {
    const cookie = await staffCookie();
    const now = new Date().toISOString();
    const insertVideo = (providerId: number, id: string) =>
      db
        .insertInto("provider_videos")
        .values({ id, provider_id: providerId, content_type: "video/webm", byte_size: 1000, source: "recorded", created_at: now, updated_at: now })
        .execute();
    await insertVideo(bertId, "a".repeat(32));
    expect((await act(cookie, bertId, [["intent", "approve-video"]])).location).toContain("gedaan=video-goedgekeurd");
    expect((await db.selectFrom("provider_videos").select(["status", "reviewed_by"]).where("id", "=", "a".repeat(32)).executeTakeFirstOrThrow())).toEqual({
      status: "approved",
      reviewed_by: DEMO_STAFF.name,
    });
    expect(await db.selectFrom("provider_verifications").select("check_key").where("provider_id", "=", bertId).where("check_key", "=", "video_approved").executeTakeFirst()).toBeDefined();
    expect((await listAuditEntries(db, { providerId: bertId, action: "video.approve" }))[0]?.entity_id).toBe("a".repeat(32));
    // Nothing waits any more.
    expect((await act(cookie, bertId, [["intent", "approve-video"]])).location).toContain("gedaan=ongewijzigd");

    await insertVideo(anneliesId, "b".repeat(32));
    expect((await act(cookie, anneliesId, [["intent", "reject-video"], ["rejectReason", ""]])).status).toBe(400);
    expect((await act(cookie, anneliesId, [["intent", "reject-video"], ["rejectReason", "Het geluid is niet te verstaan."]])).location).toContain("gedaan=video-afgewezen");
    expect((await db.selectFrom("provider_videos").select(["status", "rejection_reason"]).where("id", "=", "b".repeat(32)).executeTakeFirstOrThrow())).toEqual({
      status: "rejected",
      rejection_reason: "Het geluid is niet te verstaan.",
    });
    expect(await listAuditEntries(db, { providerId: anneliesId, action: "video.reject" })).toHaveLength(1);
  });

  it("shows the audit log, filtered by provider and action, in Dutch terms", async () => {
    const cookie = await staffCookie();
    const result = await settle(() => logPage.loader({ request: getRequest(`/beheer/logboek?dienstverlener=${anneliesId}`, cookie), params: {}, context }));
    const loaded = result.data as Awaited<ReturnType<typeof logPage.loader>>;
    expect(loaded.entries.every((e) => e.provider_id === anneliesId)).toBe(true);
    expect(loaded.entries.length).toBeGreaterThanOrEqual(3);
    expect(loaded.filter.providerName).toBe("Annelies de Vries");
    const byAction = await settle(() => logPage.loader({ request: getRequest("/beheer/logboek?actie=provider.suspend", cookie), params: {}, context }));
    expect((byAction.data as typeof loaded).entries.map((e) => e.action)).toEqual(["provider.suspend"]);
  });

  it("lets staff add a colleague, audited, who can then sign in", async () => {
    const cookie = await staffCookie();
    const bad = await settle(() =>
      staffPage.action({ request: postForm("/beheer/medewerkers", cookie, [["name", "Piet"], ["email", "piet@viviumservices.nl"], ["password", "wachtwoord"]]), params: {}, context }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).not.toContain('"wachtwoord"');
    const ok = await settle(() =>
      staffPage.action({
        request: postForm("/beheer/medewerkers", cookie, [["name", "Piet Post"], ["email", "Piet@ViviumServices.nl"], ["password", "Sterk-genoeg-2026"]]),
        params: {},
        context,
      }),
    );
    expect(ok.status).toBe(303);
    expect((await signIn("piet@viviumservices.nl", "Sterk-genoeg-2026")).location).toBe("/beheer");
    const [entry] = await listAuditEntries(db, { action: "staff.create" });
    expect(entry).toMatchObject({ staff_name: DEMO_STAFF.name, entity_type: "staff" });
    expect(JSON.parse(entry!.new_values!)).toEqual({ name: "Piet Post", email: "piet@viviumservices.nl" });
  });

  it("does not let a provider session reach the staff pages", async () => {
    const cookie = await providerCookie(bertId);
    const result = await settle(() => detailPage.loader({ request: getRequest(detail(bertId), cookie), params: { id: String(bertId) }, context }));
    expect(result.status).toBe(404);
    void BASE;
  });
});
