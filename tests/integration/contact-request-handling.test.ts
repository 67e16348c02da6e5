/**
 * The provider's side of contact requests on the server: the pages' loaders
 * and actions called with real Requests and session cookies on a real SQLite
 * file, the status changes with their history, and the deadline scheduler
 * with a fake clock, delivering through a real SMTP server on loopback.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as layout from "~/routes/backoffice";
import * as home from "~/routes/backoffice._index";
import * as detail from "~/routes/backoffice.aanvragen.$id";
import * as list from "~/routes/backoffice.aanvragen._index";
import { countOpenRequests, findRequestForProvider, finishHandling, listRequestsForProvider, startHandling } from "~/server/contact-request-handling.server";
import { openDatabase, type Db } from "~/server/db.server";
import { checkDeadlines, REMINDER_NOTE, remindOverdueRequest, startDeadlineScheduler } from "~/server/deadline-scheduler.server";
import { hashReviewToken } from "~/server/review-tokens.server";
import { insertContactRequest } from "../support/contact-requests";
import { deliverOutbox } from "../support/outbox";
import { BASE, BASE_URL, catchResponse, context, signIn, unwrapData } from "../support/route-calls";
import { startSmtpServer } from "../support/smtp-server";
import { insertTestProvider, setUpAppTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
setUpAppTestDatabase((opened) => {
  t = opened;
  db = opened.db;
});

type Provider = { id: number; cookie: string };

async function signedIn(firstName = "Bert"): Promise<Provider> {
  const id = await insertTestProvider(db, { firstName });
  return { id, cookie: await signIn(id) };
}

const get = (path: string, cookie: string) => new Request(`${BASE}${path}`, { headers: { Cookie: cookie } });
const post = (path: string, cookie: string, fields: Record<string, string>) =>
  new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

const loadDetail = (id: number | string, provider: Provider) =>
  catchResponse(detail.loader({ request: get(`/backoffice/aanvragen/${id}`, provider.cookie), params: { id: String(id) }, context }));
const postDetail = (id: number | string, provider: Provider, fields: Record<string, string>) =>
  catchResponse(detail.action({ request: post(`/backoffice/aanvragen/${id}`, provider.cookie, fields), params: { id: String(id) }, context }));

const history = (id: number) =>
  db.selectFrom("contact_request_history").select(["status", "outcome", "changed_by", "note"]).where("contact_request_id", "=", id).orderBy("id").execute();
const outbox = (key: string) => db.selectFrom("outbox_messages").selectAll().where("dedupe_key", "=", key).execute();

describe("the list of requests", () => {
  it("shows a provider only their own requests, newest first, with the open and overdue ones marked", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const now = new Date("2026-03-10T12:00:00Z");
    const old = await insertContactRequest(db, { providerId: owner.id, customerName: "Oud", createdAt: new Date("2026-03-02T09:00:00Z"), status: "handled" });
    const late = await insertContactRequest(db, { providerId: owner.id, customerName: "Laat", createdAt: new Date("2026-03-05T09:00:00Z") });
    const fresh = await insertContactRequest(db, { providerId: owner.id, customerName: "Vers", createdAt: new Date("2026-03-10T09:00:00Z") });
    await insertContactRequest(db, { providerId: other.id, customerName: "Van een ander" });

    const items = await listRequestsForProvider(db, owner.id, now);
    expect(items.map((r) => [r.id, r.customerName, r.status, r.overdue])).toEqual([
      [fresh, "Vers", "new", false],
      [late, "Laat", "new", true],
      [old, "Oud", "handled", false],
    ]);
    expect(await countOpenRequests(db, owner.id, now)).toEqual({ open: 2, waiting: 2, overdue: 1 });
    expect(await countOpenRequests(db, other.id, now)).toEqual({ open: 1, waiting: 1, overdue: 0 });
  });

  it("renders through the page for the signed-in provider, with the deadline in Dutch time and an empty list for someone new", async () => {
    const owner = await signedIn();
    await insertContactRequest(db, {
      providerId: owner.id,
      customerName: "Truus de Vries",
      createdAt: new Date("2026-03-02T09:00:00Z"),
      deadlineAt: new Date("2099-03-04T09:00:00Z"),
      memberNumber: "V1234567",
    });
    const page = (await list.loader({ request: get("/backoffice/aanvragen", owner.cookie), params: {}, context })) as Awaited<ReturnType<typeof list.loader>>;
    expect(page.requests).toEqual([
      expect.objectContaining({ customerName: "Truus de Vries", open: true, overdue: false, status: "Nieuw", isMember: true, deadline: "woensdag 4 maart 2099 om 10:00" }),
    ]);
    const newcomer = await signedIn();
    expect(await list.loader({ request: get("/backoffice/aanvragen", newcomer.cookie), params: {}, context })).toEqual({ requests: [] });

    expect(await layout.loader({ request: get("/backoffice", owner.cookie), params: {}, context })).toEqual({ openRequests: 1 });
    expect(await home.loader({ request: get("/backoffice", owner.cookie), params: {}, context })).toMatchObject({ requests: { open: 1, waiting: 1, overdue: 0 } });
  });
});

describe("one request", () => {
  it("shows every detail to its owner: member price, location, for whom, preferences, message and history", async () => {
    const owner = await signedIn();
    const id = await insertContactRequest(db, {
      providerId: owner.id,
      customerName: "Kees Klant",
      customerEmail: "kees@example.nl",
      memberNumber: "V7654321",
      forWhom: "other",
      otherPersonName: "Moeder Annie",
      message: "Graag op dinsdag.",
    });
    const { status, body } = unwrapData(await loadDetail(id, owner));
    expect(status).toBe(200);
    expect((body as Awaited<ReturnType<typeof detail.loader>>).request).toMatchObject({
      customerName: "Kees Klant",
      customerEmail: "kees@example.nl",
      customerPhone: "+31612345678",
      phoneText: "06\u00a012\u00a034\u00a056\u00a078",
      isMember: true,
      memberNumber: "V7654321",
      location: "3441 Woerden",
      locationInput: "3441 AB",
      forWhom: "Voor iemand anders: Moeder Annie",
      contactPreference: "Telefoon",
      contactMoments: "ochtend, avond",
      message: "Graag op dinsdag.",
      statusText: "Nieuw",
      history: [expect.objectContaining({ what: "Aanvraag ontvangen", who: "de klant" })],
    });
  });

  it("answers 404 to another provider by GET and by POST, and changes nothing", async () => {
    const owner = await signedIn();
    const intruder = await signedIn("Indringer");
    const id = await insertContactRequest(db, { providerId: owner.id });

    const got = await loadDetail(id, intruder);
    expect(got).toBeInstanceOf(Response);
    expect((got as Response).status).toBe(404);
    for (const fields of [{ intent: "start" }, { intent: "finish", outcome: "appointment" }, { intent: "finish" }] as Record<string, string>[]) {
      const posted = await postDetail(id, intruder, fields);
      expect(posted, JSON.stringify(fields)).toBeInstanceOf(Response);
      expect((posted as Response).status, JSON.stringify(fields)).toBe(404);
    }
    // The functions themselves refuse as well.
    expect(await startHandling(db, { providerId: intruder.id, requestId: id, baseUrl: BASE_URL })).toEqual({ kind: "not-found" });
    expect(await finishHandling(db, { providerId: intruder.id, requestId: id, outcome: "appointment", baseUrl: BASE_URL })).toEqual({ kind: "not-found" });
    expect(await findRequestForProvider(db, intruder.id, id)).toBeNull();

    const stored = await db.selectFrom("contact_requests").select(["status", "outcome"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "new", outcome: null });
    expect(await history(id)).toHaveLength(1);
    expect(await outbox(`contact-request:${id}:review-invitation`)).toEqual([]);
  });

  it("answers 404 for ids that do not exist or are not numbers", async () => {
    const owner = await signedIn();
    for (const id of ["999999", "0", "-1", "1.5", "abc", "1e3", "01"]) {
      expect(((await loadDetail(id, owner)) as Response).status, id).toBe(404);
      expect(((await postDetail(id, owner, { intent: "start" })) as Response).status, id).toBe(404);
    }
  });

  it("sends a visitor without a session to sign in", async () => {
    const owner = await signedIn();
    const id = await insertContactRequest(db, { providerId: owner.id });
    const response = (await catchResponse(
      detail.loader({ request: new Request(`${BASE}/backoffice/aanvragen/${id}`), params: { id: String(id) }, context }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/inloggen?${new URLSearchParams({ redirectTo: `/backoffice/aanvragen/${id}` })}`);
  });

  it("goes new → in behandeling → afgehandeld with geholpen, keeping the history and inviting a review once, after the visit", async () => {
    const owner = await signedIn();
    const id = await insertContactRequest(db, { providerId: owner.id, customerEmail: "truus@example.nl" });

    const started = (await postDetail(id, owner, { intent: "start" })) as Response;
    expect(started.status).toBe(303);
    expect(started.headers.get("Location")).toBe(`/backoffice/aanvragen/${id}?bijgewerkt=in-behandeling`);
    const again = (await postDetail(id, owner, { intent: "start" })) as Response;
    expect(again.headers.get("Location")).toBe(`/backoffice/aanvragen/${id}`);
    // In behandeling is where an appointment made stays until the visit: nobody is asked for a review yet.
    expect(await outbox(`contact-request:${id}:review-invitation`)).toEqual([]);
    expect(await db.selectFrom("review_invitations").select("id").where("contact_request_id", "=", id).execute()).toEqual([]);

    const missing = unwrapData(await postDetail(id, owner, { intent: "finish" }));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { outcome: ["Kies of u de klant heeft geholpen of niet"] } });
    const wrong = unwrapData(await postDetail(id, owner, { intent: "finish", outcome: "misschien" }));
    expect(wrong.status).toBe(400);

    const finished = (await postDetail(id, owner, { intent: "finish", outcome: "appointment" })) as Response;
    expect(finished.status).toBe(303);
    expect(finished.headers.get("Location")).toBe(`/backoffice/aanvragen/${id}?bijgewerkt=afgehandeld`);
    // Afgehandeld is final: another outcome later changes nothing.
    const late = (await postDetail(id, owner, { intent: "finish", outcome: "no_appointment" })) as Response;
    expect(late.headers.get("Location")).toBe(`/backoffice/aanvragen/${id}`);

    const stored = await db.selectFrom("contact_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "handled", outcome: "appointment" });
    expect(stored.first_response_at).not.toBeNull();
    expect(stored.handled_at).not.toBeNull();
    expect(await history(id)).toEqual([
      { status: "new", outcome: null, changed_by: "customer", note: null },
      { status: "in_progress", outcome: null, changed_by: "provider", note: null },
      { status: "handled", outcome: "appointment", changed_by: "provider", note: null },
    ]);

    const page = unwrapData(await loadDetail(id, owner)).body as Awaited<ReturnType<typeof detail.loader>>;
    expect(page.request.statusText).toBe("Afgehandeld: geholpen");
    expect(page.request.history.map((h) => h.what)).toEqual(["Aanvraag ontvangen", "In behandeling", "Afgehandeld: geholpen"]);

    const invitations = await db.selectFrom("review_invitations").selectAll().where("contact_request_id", "=", id).execute();
    expect(invitations).toHaveLength(1);
    const mails = await outbox(`contact-request:${id}:review-invitation`);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: "truus@example.nl", template: "review-invitation" });
    const token = /\/beoordeling\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.text_body)?.[1];
    expect(token).toBeDefined();
    // Only the hash is stored; the link's token is nowhere in the database.
    expect(invitations[0]!.token_hash).toBe(hashReviewToken(token!));
    expect(JSON.stringify(invitations)).not.toContain(token);
    const days = (Date.parse(invitations[0]!.expires_at) - Date.parse(invitations[0]!.created_at)) / 86_400_000;
    expect(days).toBe(60);
  });

  it("goes straight from new to afgehandeld with niet geholpen, and asks nobody for a review", async () => {
    const owner = await signedIn();
    const id = await insertContactRequest(db, { providerId: owner.id });
    const finished = (await postDetail(id, owner, { intent: "finish", outcome: "no_appointment" })) as Response;
    expect(finished.status).toBe(303);
    // The confirmation must not promise the provider a review request that is not sent.
    expect(finished.headers.get("Location")).toBe(`/backoffice/aanvragen/${id}?bijgewerkt=afgehandeld-niet-geholpen`);
    expect(await startHandling(db, { providerId: owner.id, requestId: id, baseUrl: BASE_URL })).toEqual({ ok: false, reason: "already-handled" });
    expect(await finishHandling(db, { providerId: owner.id, requestId: id, outcome: null, baseUrl: BASE_URL })).toEqual({ ok: false, reason: "already-handled" });
    expect((await history(id)).map((h) => [h.status, h.outcome])).toEqual([
      ["new", null],
      ["handled", "no_appointment"],
    ]);
    expect(await outbox(`contact-request:${id}:review-invitation`)).toEqual([]);
    expect(await db.selectFrom("review_invitations").select("id").where("contact_request_id", "=", id).execute()).toEqual([]);
  });
});

describe("the deadline scheduler", () => {
  const createdAt = new Date("2026-03-02T09:00:00Z");
  const deadlineAt = new Date("2026-03-04T09:00:00Z");
  const justBefore = new Date(deadlineAt.getTime() - 1);
  const after = new Date(deadlineAt.getTime() + 60_000);

  async function providerWithRequest(values: Partial<Parameters<typeof insertContactRequest>[1]> = {}) {
    const provider = await signedIn();
    const email = (await db.selectFrom("providers").select("email").where("id", "=", provider.id).executeTakeFirstOrThrow()).email;
    const id = await insertContactRequest(db, { providerId: provider.id, createdAt, deadlineAt, customerName: "Truus de Vries", ...values });
    return { provider, email, id };
  }

  it("does nothing before the deadline, then marks the request overdue and queues one reminder", async () => {
    const { email, id } = await providerWithRequest();
    await checkDeadlines(db, { now: justBefore, baseUrl: BASE_URL });
    expect(await outbox(`contact-request:${id}:reminder`)).toEqual([]);
    expect((await db.selectFrom("contact_requests").select("overdue_at").where("id", "=", id).executeTakeFirstOrThrow()).overdue_at).toBeNull();

    expect(await checkDeadlines(db, { now: after, baseUrl: BASE_URL })).toBeGreaterThanOrEqual(1);
    const stored = await db.selectFrom("contact_requests").select(["status", "overdue_at", "reminder_sent_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "new", overdue_at: after.toISOString(), reminder_sent_at: after.toISOString() });
    expect((await history(id)).at(-1)).toEqual({ status: "new", outcome: null, changed_by: "system", note: REMINDER_NOTE });
    const mails = await outbox(`contact-request:${id}:reminder`);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: email, template: "contact-request-reminder", subject: "Herinnering: Truus de Vries wacht op uw reactie" });
    expect(mails[0]!.text_body).toContain(`${BASE_URL}/backoffice/aanvragen/${id}`);

    // Later checks leave it alone: one reminder per request.
    await checkDeadlines(db, { now: new Date(after.getTime() + 86_400_000), baseUrl: BASE_URL });
    expect(await outbox(`contact-request:${id}:reminder`)).toHaveLength(1);
    expect((await history(id)).filter((h) => h.changed_by === "system")).toHaveLength(1);
  });

  it("leaves requests alone that the provider answered in time", async () => {
    const inProgress = await providerWithRequest({ status: "in_progress" });
    const handled = await providerWithRequest({ status: "handled" });
    await checkDeadlines(db, { now: after, baseUrl: BASE_URL });
    for (const { id } of [inProgress, handled]) {
      expect(await outbox(`contact-request:${id}:reminder`)).toEqual([]);
      expect((await db.selectFrom("contact_requests").select("overdue_at").where("id", "=", id).executeTakeFirstOrThrow()).overdue_at).toBeNull();
    }
  });

  it("sends one reminder when two processes check the same request", async () => {
    const { id } = await providerWithRequest();
    // A second connection to the same file, as a second server process would have.
    const second = openDatabase(path.join(t.dir, "test.sqlite"));
    try {
      const results = [
        await remindOverdueRequest(second.db, id, { now: after, baseUrl: BASE_URL }),
        await remindOverdueRequest(db, id, { now: new Date(after.getTime() + 1000), baseUrl: BASE_URL }),
      ];
      expect(results).toEqual([true, false]);
      await checkDeadlines(second.db, { now: after, baseUrl: BASE_URL });
    } finally {
      await second.close();
    }
    expect(await outbox(`contact-request:${id}:reminder`)).toHaveLength(1);
    expect((await history(id)).filter((h) => h.changed_by === "system")).toHaveLength(1);
  });

  it("no longer calls a request overdue once the provider takes it in behandeling", async () => {
    const { provider, id } = await providerWithRequest();
    await checkDeadlines(db, { now: after, baseUrl: BASE_URL });
    expect((await findRequestForProvider(db, provider.id, id, after))?.overdue).toBe(true);
    await startHandling(db, { providerId: provider.id, requestId: id, baseUrl: BASE_URL });
    expect((await findRequestForProvider(db, provider.id, id, after))?.overdue).toBe(false);
  });

  it("checks at start-up and on its interval, and the reminder reaches the provider over SMTP once", async () => {
    const quiet = { info: () => {}, error: () => {} };
    const first = await providerWithRequest();
    // Started after the deadline with an hour between checks: only the check at start-up can find it.
    const atStart = startDeadlineScheduler({ db, baseUrl: BASE_URL, intervalMs: 3_600_000, now: () => after, log: quiet });
    await expect.poll(async () => (await outbox(`contact-request:${first.id}:reminder`)).length, { timeout: 2000 }).toBe(1);
    await atStart.stop();
    expect(await atStart.runOnce()).toBe(0);

    const { email, id } = await providerWithRequest();
    let clock = justBefore;
    const scheduler = startDeadlineScheduler({ db, baseUrl: BASE_URL, intervalMs: 20, now: () => clock, log: quiet });
    try {
      await scheduler.runOnce();
      expect(await outbox(`contact-request:${id}:reminder`)).toEqual([]);
      clock = after;
      await expect.poll(async () => (await outbox(`contact-request:${id}:reminder`)).length, { timeout: 2000 }).toBe(1);
    } finally {
      await scheduler.stop();
    }

    const smtp = await startSmtpServer();
    try {
      await deliverOutbox(db, smtp.url);
    } finally {
      await smtp.close();
    }
    const reminders = smtp.received.filter((m) => m.raw.includes("Subject: Herinnering: Truus de Vries wacht op uw reactie") && m.to.includes(email));
    expect(reminders).toHaveLength(1);
  });
});
