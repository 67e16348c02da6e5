/**
 * Reviews on the server: the invitation that a handled request leads to, the
 * single-use link at /beoordeling/:token, the review on the profile and the
 * search cards, and the provider's one public reply. Route loaders and
 * actions are called with real Requests on a real SQLite file; the
 * invitation is delivered through a real SMTP server on loopback.
 */
import { describe, expect, it } from "vitest";
import * as replies from "~/routes/backoffice.beoordelingen";
import * as thanks from "~/routes/beoordeling.bedankt";
import * as reviewPage from "~/routes/beoordeling.$token";
import * as profilePage from "~/routes/dienstverlener.$slug";
import { finishHandling } from "~/server/contact-request-handling.server";
import type { Db } from "~/server/db.server";
import { findPublicProfile } from "~/server/profile.server";
import { newReviewToken } from "~/server/review-tokens.server";
import { findReviewInvitation, ratingsFor, submitReview } from "~/server/reviews.server";
import { searchProviders } from "~/server/search.server";
import { insertContactRequest } from "../support/contact-requests";
import { deliverOutbox } from "../support/outbox";
import { BASE, BASE_URL, catchResponse, context, signIn, unwrapData } from "../support/route-calls";
import { startSmtpServer } from "../support/smtp-server";
import { insertTestProvider, setUpAppTestDatabase } from "../support/test-database";

let db: Db;
setUpAppTestDatabase((opened) => {
  db = opened.db;
});

let names = 0;
/** A live provider with a name nobody else has, so search finds just them. */
async function provider(): Promise<{ id: number; slug: string; cookie: string; firstName: string }> {
  names += 1;
  const firstName = `Zwaluw${"abcdefghij"[names % 10]}${"klmnopqrst"[Math.floor(names / 10) % 10]}`;
  const id = await insertTestProvider(db, { firstName });
  const { slug } = await db.selectFrom("providers").select("slug").where("id", "=", id).executeTakeFirstOrThrow();
  return { id, slug: slug!, cookie: await signIn(id), firstName };
}

/** A handled request for this provider, and the token from the invitation e-mail. */
async function invitation(providerId: number, customerName = "Truus de Vries"): Promise<{ requestId: number; token: string }> {
  const requestId = await insertContactRequest(db, { providerId, customerName, customerEmail: "truus@example.nl" });
  const result = await finishHandling(db, { providerId, requestId, outcome: "appointment", baseUrl: BASE_URL });
  expect(result).toEqual({ ok: true, status: "handled" });
  const mail = await db.selectFrom("outbox_messages").select("text_body").where("dedupe_key", "=", `contact-request:${requestId}:review-invitation`).executeTakeFirstOrThrow();
  const token = new RegExp(`${BASE_URL}/beoordeling/([A-Za-z0-9_-]{43})`).exec(mail.text_body)?.[1];
  if (!token) throw new Error("no review link in the e-mail");
  return { requestId, token };
}

const openPage = async (token: string) =>
  unwrapData(await reviewPage.loader({ request: new Request(`${BASE}/beoordeling/${token}`), params: { token }, context }));

const postReviewResponse = (token: string, fields: Record<string, string>) =>
  catchResponse(
    reviewPage.action({
      request: new Request(`${BASE}/beoordeling/${token}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      }),
      params: { token },
      context,
    }),
  );

const postReview = async (token: string, fields: Record<string, string>) => unwrapData(await postReviewResponse(token, fields));

const profileOf = async (slug: string) => {
  const found = await findPublicProfile(db, slug);
  if (found.kind !== "found") throw new Error(`no profile for ${slug}`);
  return found.profile;
};

const GOOD = { rating: "4", body: "Bert kwam op tijd en heeft de dakgoot netjes gemaakt.", displayName: "Truus" };

describe("the review link", () => {
  it("shows whom the review is about and suggests the customer's first name", async () => {
    const p = await provider();
    const { token } = await invitation(p.id, "Truus de Vries");
    const page = await openPage(token);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      invitation: { providerName: `${p.firstName}`, providerSlug: p.slug, requestedOn: expect.stringMatching(/^\d{1,2} \w+ \d{4}$/), suggestedName: "Truus" },
    });
  });

  it("publishes a review once: the second use of the link is refused", async () => {
    const p = await provider();
    const { requestId, token } = await invitation(p.id);
    const response = (await postReviewResponse(token, GOOD)) as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/beoordeling/bedankt?dienstverlener=${p.slug}`);
    expect(thanks.loader({ request: new Request(`${BASE}${response.headers.get("Location")}`), params: {}, context })).toEqual({
      profilePath: `/dienstverlener/${p.slug}`,
    });

    const stored = await db.selectFrom("reviews").selectAll().where("contact_request_id", "=", requestId).execute();
    expect(stored).toEqual([expect.objectContaining({ provider_id: p.id, rating: 4, body: GOOD.body, display_name: "Truus", hidden_at: null, reply: null })]);
    const used = await db.selectFrom("review_invitations").select("used_at").where("contact_request_id", "=", requestId).executeTakeFirstOrThrow();
    expect(used.used_at).not.toBeNull();

    expect(await openPage(token)).toEqual({ status: 410, body: { invitation: null } });
    expect(await postReview(token, { ...GOOD, rating: "1" })).toEqual({ status: 410, body: { gone: true, reply: null } });
    expect(await db.selectFrom("reviews").select("id").where("contact_request_id", "=", requestId).execute()).toHaveLength(1);
  });

  it("lets only one of two simultaneous submissions through", async () => {
    const p = await provider();
    const { requestId, token } = await invitation(p.id);
    const input = { rating: 5, body: "Heel vriendelijk en vakkundig.", displayName: "T." };
    const results = await Promise.all([submitReview(db, token, input), submitReview(db, token, input)]);
    expect(results.map((r) => r.kind).sort()).toEqual(["invalid", "saved"]);
    expect(await db.selectFrom("reviews").select("id").where("contact_request_id", "=", requestId).execute()).toHaveLength(1);
  });

  it("answers an unknown, malformed or expired link with the same page, status 410", async () => {
    const p = await provider();
    const { requestId, token } = await invitation(p.id);
    await db.updateTable("review_invitations").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("contact_request_id", "=", requestId).execute();
    for (const attempt of [token, newReviewToken(), "kort", `${token}x`, "../etc/passwd"]) {
      expect(await openPage(attempt), attempt).toEqual({ status: 410, body: { invitation: null } });
      expect(await postReview(attempt, GOOD), attempt).toEqual({ status: 410, body: { gone: true, reply: null } });
    }
    expect(await db.selectFrom("reviews").select("id").where("provider_id", "=", p.id).execute()).toEqual([]);
    // The link works until the moment it expires, not after.
    const fresh = await invitation(p.id);
    const row = await db.selectFrom("review_invitations").select("expires_at").where("contact_request_id", "=", fresh.requestId).executeTakeFirstOrThrow();
    expect(await findReviewInvitation(db, fresh.token, new Date(Date.parse(row.expires_at) - 1))).not.toBeNull();
    expect(await findReviewInvitation(db, fresh.token, new Date(row.expires_at))).toBeNull();
  });

  it("returns a rejected form with what was typed and what to fix, and keeps the link usable", async () => {
    const p = await provider();
    const { token } = await invitation(p.id);
    const rejected = await postReview(token, { rating: "", body: "Kort", displayName: "Truus" });
    expect(rejected.status).toBe(400);
    expect(rejected.body).toMatchObject({
      gone: false,
      reply: {
        initialValue: { body: "Kort", displayName: "Truus" },
        error: { rating: ["Kies hoeveel sterren u geeft"], body: ["Schrijf minstens 10 tekens"] },
      },
    });
    expect((await openPage(token)).status).toBe(200);
    expect(((await postReviewResponse(token, GOOD)) as Response).status).toBe(303);
  });
});

describe("reviews on the profile and in search", () => {
  it("shows visible reviews newest first with the average, without hidden ones, and the rating on the search card", async () => {
    const p = await provider();
    expect((await profileOf(p.slug)).reviews).toEqual({ average: null, count: 0, items: [] });

    const first = await invitation(p.id);
    await submitReview(db, first.token, { rating: 5, body: "Uitstekend geholpen, aanrader!", displayName: "Truus" }, new Date("2026-03-01T10:00:00Z"));
    const second = await invitation(p.id);
    await submitReview(db, second.token, { rating: 4, body: "Goed, maar kwam wat later.", displayName: "Kees" }, new Date("2026-03-02T10:00:00Z"));
    const third = await invitation(p.id);
    await submitReview(db, third.token, { rating: 1, body: "Dit was niet netjes verwoord.", displayName: "Anoniem" }, new Date("2026-03-03T10:00:00Z"));
    await db.updateTable("reviews").set({ hidden_at: new Date().toISOString(), hidden_reason: "Beledigend" }).where("display_name", "=", "Anoniem").execute();

    const reviews = (await profileOf(p.slug)).reviews;
    expect(reviews.average).toBe(4.5);
    expect(reviews.count).toBe(2);
    expect(reviews.items).toEqual([
      { author: "Kees", stars: 4, text: "Goed, maar kwam wat later.", date: "2 maart 2026", reply: null },
      { author: "Truus", stars: 5, text: "Uitstekend geholpen, aanrader!", date: "1 maart 2026", reply: null },
    ]);

    const loaded = await profilePage.loader({ request: new Request(`${BASE}/dienstverlener/${p.slug}`), params: { slug: p.slug }, context });
    expect(loaded.profile.reviews.count).toBe(2);

    expect(await ratingsFor(db, [p.id, 999_999])).toEqual(new Map([[p.id, { average: 4.5, count: 2 }]]));
    const search = await searchProviders(db, { wat: p.firstName });
    expect(search.results.find((card) => card.id === p.id)?.rating).toEqual({ average: 4.5, count: 2 });
  });
});

describe("the provider's reply", () => {
  const postReply = (cookie: string, fields: Record<string, string>) =>
    catchResponse(
      replies.action({
        request: new Request(`${BASE}/backoffice/beoordelingen`, {
          method: "POST",
          headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields).toString(),
        }),
        params: {},
        context,
      }),
    );

  it("lets the owner reply once, publicly; another provider gets 404", async () => {
    const owner = await provider();
    const other = await provider();
    const { token } = await invitation(owner.id);
    await submitReview(db, token, { rating: 5, body: "Heel fijn geholpen met de tuin.", displayName: "Truus" });
    const { id: reviewId } = await db.selectFrom("reviews").select("id").where("provider_id", "=", owner.id).executeTakeFirstOrThrow();

    const page = await replies.loader({ request: new Request(`${BASE}/backoffice/beoordelingen`, { headers: { Cookie: owner.cookie } }), params: {}, context });
    expect(page.reviews).toEqual([expect.objectContaining({ id: reviewId, author: "Truus", stars: 5, reply: null, hidden: false })]);
    expect(page.summary).toBe("5 van 5 sterren, 1 beoordeling");
    const othersPage = await replies.loader({ request: new Request(`${BASE}/backoffice/beoordelingen`, { headers: { Cookie: other.cookie } }), params: {}, context });
    expect(othersPage.reviews).toEqual([]);

    const stolen = (await postReply(other.cookie, { reviewId: String(reviewId), reply: "Niet van mij" })) as Response;
    expect(stolen.status).toBe(404);

    const empty = unwrapData(await postReply(owner.cookie, { reviewId: String(reviewId), reply: " " }));
    expect(empty).toEqual({ status: 400, body: { reviewId: String(reviewId), reply: " ", error: "Schrijf uw reactie" } });

    const saved = (await postReply(owner.cookie, { reviewId: String(reviewId), reply: "Dank u wel, Truus!" })) as Response;
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/backoffice/beoordelingen?geplaatst=${reviewId}`);
    // One reply: a second one does not replace it.
    const second = (await postReply(owner.cookie, { reviewId: String(reviewId), reply: "Toch iets anders" })) as Response;
    expect(second.headers.get("Location")).toBe("/backoffice/beoordelingen");

    const shown = (await profileOf(owner.slug)).reviews.items[0];
    expect(shown?.reply).toEqual({ text: "Dank u wel, Truus!", date: expect.any(String) });
  });
});

describe("the invitation e-mail", () => {
  it("reaches the customer over SMTP once, with the personal link", async () => {
    const p = await provider();
    const { token } = await invitation(p.id);
    const smtp = await startSmtpServer();
    try {
      await deliverOutbox(db, smtp.url);
    } finally {
      await smtp.close();
    }
    // Quoted-printable may wrap long lines with "=\r\n"; the link is whole once those are removed.
    const ours = smtp.received.filter((m) => m.raw.replace(/=\r?\n/g, "").includes(`/beoordeling/${token}`));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.to).toEqual(["truus@example.nl"]);
    expect(ours[0]!.raw).toContain(`Subject: Hoe was uw ervaring met ${p.firstName}?`);
  });
});
