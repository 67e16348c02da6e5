/**
 * Payments end to end on the server: the real local Mollie gateway over
 * HTTPS, our webhook served over HTTP on loopback (the gateway's checkout
 * calls it as Mollie would), the route loaders and actions called with real
 * Requests and a real session cookie, and a real SQLite file.
 */
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { seedCategories } from "#db/seed/seed";
import * as betalingStep from "~/routes/aanmelden.betaling";
import * as voltooiingStep from "~/routes/aanmelden.voltooiing";
import * as webhook from "~/routes/api.mollie.webhook";
import * as returnPage from "~/routes/betaling.$publicId";
import { forgetDatabase, type Db } from "~/server/db.server";
import { clearLocalGateway, mollieClient, setLocalGateway } from "~/server/mollie-client.server";
import { startLocalMollieGateway, type LocalMollieGateway } from "~/server/mollie-gateway/gateway.server";
import { assignPackage } from "~/server/packages.server";
import { syncPayment } from "~/server/payments.server";
import { createProviderSession } from "~/server/session.server";
import { deliverOutbox } from "../support/outbox";
import { decodeSubject, parseMail, startSmtpServer } from "../support/smtp-server";
import { startWebhookApp, type WebhookApp } from "../support/webhook-app";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

const context = { cspNonce: "", clientIp: "127.0.0.1" } as AppLoadContext;
const STEPS_BEFORE_BETALING = ["aanmelding", "persoonlijk", "bedrijf", "profiel", "beschikbaarheid", "diensten"];

let t: TestDatabase;
let db: Db;
let gateway: LocalMollieGateway;
let hook: WebhookApp;
let base: string;
let categoryId: number;
const gatewayLog: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  await seedCategories(db);
  categoryId = (await db.selectFrom("categories").select("id").where("slug", "=", "computerhulp").executeTakeFirstOrThrow()).id;

  hook = await startWebhookApp(context);
  base = hook.base;
  // Read by config() on first use: the redirect and webhook URLs point at the server above.
  process.env.BASE_URL = base;
  process.env.DATA_DIR = t.dir;
  delete process.env.MOLLIE_API_KEY;

  gateway = await startLocalMollieGateway({ dataDir: t.dir, apiPort: 0, checkoutPort: 0, log: (line) => gatewayLog.push(line) });
  setLocalGateway(gateway);
});

afterAll(async () => {
  clearLocalGateway();
  await gateway?.close();
  await hook?.close();
  forgetDatabase();
  await t?.cleanup();
});

beforeEach(() => {
  hook.down = false;
});

type Provider = { id: number; cookie: string };

let nameCounter = 0;
async function newProvider(name: { first?: string; infix?: string | null; last?: string } = {}): Promise<Provider> {
  nameCounter += 1;
  const id = await insertTestProvider(db, { firstName: name.first ?? "Bert", status: "draft" });
  await db
    .updateTable("providers")
    .set({
      slug: null,
      infix: name.infix ?? null,
      last_name: name.last ?? `Klinkenberg${nameCounter}`,
      phone: "+31610034891",
      intro_text: "Ik help u graag met de computer.",
      completed_steps: JSON.stringify(STEPS_BEFORE_BETALING),
    })
    .where("id", "=", id)
    .execute();
  await db.insertInto("provider_categories").values({ provider_id: id, category_id: categoryId }).execute();
  const response = await createProviderSession(new Request(`${base}/inloggen`), id, "/aanmelden/betaling");
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return { id, cookie };
}

/** A loader or action's answer: a redirect, or the page data. Thrown Responses (redirects, 404) count as answers. */
async function answer<T>(work: () => Promise<T>): Promise<{ status: number; location: string | null; page: Exclude<T, Response> | null }> {
  try {
    const result = await work();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), page: null };
    const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
    if (wrapped?.type === "DataWithResponseInit") {
      return { status: wrapped.init?.status ?? 200, location: null, page: wrapped.data as Exclude<T, Response> };
    }
    return { status: 200, location: null, page: result as Exclude<T, Response> };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), page: null };
    throw thrown;
  }
}

const get = (path: string, cookie: string) => new Request(`${base}${path}`, { headers: { Cookie: cookie } });
const post = (path: string, cookie: string) =>
  new Request(`${base}${path}`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: "" });

const publicIdOf = (path: string) => /^\/betaling\/([^/?]+)/.exec(path)?.[1] ?? "";

function openReturnPage(path: string, cookie: string) {
  const url = new URL(path, base);
  return answer(() => returnPage.loader({ request: get(`${url.pathname}${url.search}`, cookie), params: { publicId: publicIdOf(url.pathname) }, context }));
}

function retry(path: string, cookie: string) {
  return answer(() => returnPage.action({ request: post(path, cookie), params: { publicId: publicIdOf(path) }, context }));
}

/** "Betalen met iDEAL" on Betaling: returns the path of our page that sends the browser on to the checkout. */
async function startFeePayment(provider: Provider): Promise<string> {
  const result = await answer(() => betalingStep.action({ request: post("/aanmelden/betaling", provider.cookie), params: {}, context }));
  expect(result.status).toBe(303);
  expect(result.location).toMatch(/^\/betaling\/[A-Za-z0-9_-]+\?start=1$/);
  return result.location!;
}

/** The "on to iDEAL" page: it must offer the gateway's checkout. */
async function checkoutUrlFrom(startPath: string, cookie: string): Promise<string> {
  const page = await openReturnPage(startPath, cookie);
  expect(page.page?.state).toBe("start");
  const checkoutUrl = page.page!.checkoutUrl!;
  expect(checkoutUrl.startsWith(`${gateway.checkoutBaseUrl}/checkout/tr_`)).toBe(true);
  return checkoutUrl;
}

/** The tester's choice on the gateway's checkout page; returns where the browser is sent (our redirectUrl). */
async function choose(checkoutUrl: string, outcome: "paid" | "failed" | "canceled" | "expired"): Promise<string> {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ status: outcome }).toString(),
    redirect: "manual",
  });
  expect(response.status).toBe(303);
  const location = response.headers.get("Location")!;
  expect(location.startsWith(`${base}/betaling/`)).toBe(true);
  return new URL(location).pathname;
}

async function paymentRow(publicId: string) {
  return db.selectFrom("payments").selectAll().where("public_id", "=", publicId).executeTakeFirstOrThrow();
}

async function history(publicId: string) {
  const { id } = await paymentRow(publicId);
  return (
    await db.selectFrom("payment_status_history").select(["status", "source"]).where("payment_id", "=", id).orderBy("id").execute()
  ).map((row) => `${row.status}:${row.source}`);
}

async function providerRow(id: number) {
  return db.selectFrom("providers").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function mailsFor(publicId: string) {
  return db
    .selectFrom("outbox_messages")
    .select(["template", "to_address", "subject", "text_body"])
    .where("dedupe_key", "like", `payment:${publicId}:%`)
    .orderBy("id")
    .execute();
}

async function invoiceCount(publicId: string) {
  const { id } = await paymentRow(publicId);
  return (await db.selectFrom("invoices").select("number").where("payment_id", "=", id).execute()).length;
}

function sendWebhook(body: string, method = "POST") {
  return fetch(`${base}/api/mollie/webhook`, {
    method,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: method === "POST" ? body : undefined,
  });
}

describe("the Betaling step", () => {
  it("shows the fee as € 8,26 + € 1,74 btw = € 10,00 and has no payment yet", async () => {
    const provider = await newProvider();
    const page = await answer(() => betalingStep.loader({ request: get("/aanmelden/betaling", provider.cookie), params: {}, context }));
    expect(page.page).toEqual({ fee: { netCents: 826, vatCents: 174, grossCents: 1000 }, previous: null });
  });

  it("creates our row first, then the iDEAL payment at Mollie with our id, amount, URLs and idempotency key", async () => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    const row = await paymentRow(publicIdOf(startPath));

    expect(row).toMatchObject({
      provider_id: provider.id,
      purpose: "admin_fee",
      net_cents: 826,
      vat_cents: 174,
      gross_cents: 1000,
      status: "open",
      paid_at: null,
    });
    expect(row.mollie_id).toMatch(/^tr_/);
    expect(row.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await history(row.public_id)).toEqual(["created:create", "open:create"]);
    expect((await providerRow(provider.id)).status).toBe("awaiting_payment");

    const remote = await mollieClient().payments.get(row.mollie_id!);
    expect(remote.amount).toEqual({ currency: "EUR", value: "10.00" });
    expect(remote.metadata).toEqual({ paymentId: row.public_id });
    expect(remote.method).toBe("ideal");
    expect(remote.redirectUrl).toBe(`${base}/betaling/${row.public_id}`);
    expect(remote.webhookUrl).toBe(`${base}/api/mollie/webhook`);
    expect(row.checkout_url).toBe(remote.getCheckoutUrl());
  });

  it("continues an open payment instead of starting a second one", async () => {
    const provider = await newProvider();
    const first = await startFeePayment(provider);
    const second = await startFeePayment(provider);
    expect(second).toBe(first);
    const rows = await db.selectFrom("payments").select("id").where("provider_id", "=", provider.id).execute();
    expect(rows).toHaveLength(1);

    const page = await answer(() => betalingStep.loader({ request: get("/aanmelden/betaling", provider.cookie), params: {}, context }));
    expect(page.page?.previous).toEqual({ outcome: "waiting", statusPath: `/betaling/${publicIdOf(first)}` });
  });

  it("says so when Mollie cannot be reached, and keeps nothing half-started in the way", async () => {
    const provider = await newProvider();
    clearLocalGateway();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const result = await answer(() => betalingStep.action({ request: post("/aanmelden/betaling", provider.cookie), params: {}, context }));
      expect(result.status).toBe(503);
      expect(result.page).toMatchObject({ error: expect.stringContaining("Er is niets afgeschreven") });
    } finally {
      errors.mockRestore();
      setLocalGateway(gateway);
    }
    const [row] = await db.selectFrom("payments").selectAll().where("provider_id", "=", provider.id).execute();
    expect(row).toMatchObject({ status: "created", mollie_id: null });

    // The next try starts a payment that does reach Mollie.
    const startPath = await startFeePayment(provider);
    expect(publicIdOf(startPath)).not.toBe(row!.public_id);
    expect((await paymentRow(publicIdOf(startPath))).status).toBe("open");
  });
});

describe("paying the administration fee", () => {
  it("paid: the webhook arrives before the redirect; the profile goes live with its slug, an invoice and two e-mails", async () => {
    const provider = await newProvider({ first: "Zoë", infix: "van 't", last: "Hof" });
    const startPath = await startFeePayment(provider);
    const publicId = publicIdOf(startPath);
    const callsBefore = hook.calls;

    const returnPath = await choose(await checkoutUrlFrom(startPath, provider.cookie), "paid");
    expect(hook.calls).toBe(callsBefore + 1);
    // The webhook has done its work before the provider is back.
    expect((await paymentRow(publicId)).status).toBe("paid");
    expect(await history(publicId)).toEqual(["created:create", "open:create", "paid:webhook"]);

    const back = await openReturnPage(returnPath, provider.cookie);
    expect(back).toMatchObject({ status: 302, location: "/aanmelden/voltooiing" });

    const live = await providerRow(provider.id);
    expect(live.status).toBe("live");
    expect(live.slug).toBe("zoe-van-t-hof");
    expect(live.published_at).not.toBeNull();
    expect(JSON.parse(live.completed_steps)).toContain("betaling");
    expect((await paymentRow(publicId)).paid_at).not.toBeNull();
    expect(await invoiceCount(publicId)).toBe(1);

    const mails = await mailsFor(publicId);
    expect(mails.map((mail) => [mail.template, mail.to_address])).toEqual([
      ["provider-live", live.email],
      ["staff-provider-live", "dienstverleners@viviumservices.nl"],
    ]);
    expect(mails[0]!.text_body).toContain(`${base}/dienstverlener/zoe-van-t-hof`);
    // Staff's mail opens the provider in the staff console, to call them.
    expect(mails[1]!.text_body).toContain(`${base}/beheer/dienstverleners/${provider.id}`);

    const voltooiing = await answer(() => voltooiingStep.loader({ request: get("/aanmelden/voltooiing", provider.cookie), params: {}, context }));
    expect(voltooiing.page).toEqual({
      live: true,
      categories: [{ name: "Computerhulp", slug: "computerhulp" }],
      profileAddress: `${base}/dienstverlener/zoe-van-t-hof`,
    });
    expect(JSON.parse((await providerRow(provider.id)).completed_steps)).toContain("voltooiing");

    // Betaling now goes straight on to Voltooiing; there is nothing left to pay.
    const again = await answer(() => betalingStep.loader({ request: get("/aanmelden/betaling", provider.cookie), params: {}, context }));
    expect(again).toMatchObject({ status: 302, location: "/aanmelden/voltooiing" });
    expect(await startFeePaymentLocation(provider)).toBe("/aanmelden/voltooiing");
  });

  it("gives the next provider with the same name the next free address", async () => {
    const provider = await newProvider({ first: "Zoë", infix: "van 't", last: "Hof" });
    const startPath = await startFeePayment(provider);
    await choose(await checkoutUrlFrom(startPath, provider.cookie), "paid");
    expect((await providerRow(provider.id)).slug).toBe("zoe-van-t-hof-2");
  });

  it.each(["failed", "canceled", "expired"] as const)("%s: the return page says so and offers another try; nothing goes live", async (outcome) => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    const publicId = publicIdOf(startPath);
    const returnPath = await choose(await checkoutUrlFrom(startPath, provider.cookie), outcome);

    const page = await openReturnPage(returnPath, provider.cookie);
    expect(page.status).toBe(200);
    expect(page.page).toMatchObject({ state: outcome, amount: "€ 10,00", isAdminFee: true, checkoutUrl: null });
    expect(await history(publicId)).toEqual(["created:create", "open:create", `${outcome}:webhook`]);

    const stillDraft = await providerRow(provider.id);
    expect(stillDraft.status).toBe("awaiting_payment");
    expect(stillDraft.slug).toBeNull();
    expect(JSON.parse(stillDraft.completed_steps)).not.toContain("betaling");
    expect(await invoiceCount(publicId)).toBe(0);
    expect(await mailsFor(publicId)).toEqual([]);

    // Voltooiing stays closed; Betaling tells what happened.
    const voltooiing = await answer(() => voltooiingStep.loader({ request: get("/aanmelden/voltooiing", provider.cookie), params: {}, context }));
    expect(voltooiing).toMatchObject({ status: 302, location: "/aanmelden/betaling" });
    const betaling = await answer(() => betalingStep.loader({ request: get("/aanmelden/betaling", provider.cookie), params: {}, context }));
    expect(betaling.page?.previous?.outcome).toBe(outcome);
  });

  it("retry after a failure: Probeer opnieuw starts a new payment, which goes live when paid", async () => {
    const provider = await newProvider();
    const firstStart = await startFeePayment(provider);
    const failedPath = await choose(await checkoutUrlFrom(firstStart, provider.cookie), "failed");

    const retried = await retry(failedPath, provider.cookie);
    expect(retried.status).toBe(303);
    const secondStart = retried.location!;
    expect(publicIdOf(secondStart)).not.toBe(publicIdOf(firstStart));
    // A second press (double click, back button) continues the same new payment.
    expect((await retry(failedPath, provider.cookie)).location).toBe(secondStart);

    const paidPath = await choose(await checkoutUrlFrom(secondStart, provider.cookie), "paid");
    expect(await openReturnPage(paidPath, provider.cookie)).toMatchObject({ status: 302, location: "/aanmelden/voltooiing" });
    expect((await providerRow(provider.id)).status).toBe("live");
    expect((await paymentRow(publicIdOf(firstStart))).status).toBe("failed");
    expect((await db.selectFrom("payments").select("id").where("provider_id", "=", provider.id).execute()).length).toBe(2);

    // The old failed page now knows there is nothing left to pay.
    expect(await retry(failedPath, provider.cookie)).toMatchObject({ status: 303, location: "/aanmelden/voltooiing" });
  });

  it("the return page asks Mollie itself when the webhook has not arrived", async () => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    const publicId = publicIdOf(startPath);
    hook.down = true;
    const returnPath = await choose(await checkoutUrlFrom(startPath, provider.cookie), "paid");
    expect(gatewayLog.some((line) => line.includes("answered 503"))).toBe(true);
    expect((await paymentRow(publicId)).status).toBe("open");

    const back = await openReturnPage(returnPath, provider.cookie);
    expect(back).toMatchObject({ status: 302, location: "/aanmelden/voltooiing" });
    expect(await history(publicId)).toEqual(["created:create", "open:create", "paid:return"]);
    expect((await providerRow(provider.id)).status).toBe("live");

    // Mollie's retry comes later and changes nothing.
    hook.down = false;
    const mollieId = (await paymentRow(publicId)).mollie_id!;
    expect((await sendWebhook(`id=${mollieId}`)).status).toBe(200);
    expect(await history(publicId)).toEqual(["created:create", "open:create", "paid:return"]);
    expect(await mailsFor(publicId)).toHaveLength(2);
    expect(await invoiceCount(publicId)).toBe(1);
  });

  it("while the bank has not confirmed, the return page waits and offers Vernieuwen and the way back to iDEAL", async () => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    const page = await openReturnPage(`/betaling/${publicIdOf(startPath)}`, provider.cookie);
    const row = await paymentRow(publicIdOf(startPath));
    expect(page.page).toEqual({
      state: "waiting",
      amount: "€ 10,00",
      isAdminFee: true,
      checkoutUrl: row.checkout_url,
      selfPath: `/betaling/${row.public_id}`,
    });
    // Nothing to try again while it is open.
    expect(await retry(`/betaling/${row.public_id}`, provider.cookie)).toMatchObject({ status: 303, location: `/betaling/${row.public_id}` });
    expect((await db.selectFrom("payments").select("id").where("provider_id", "=", provider.id).execute()).length).toBe(1);
  });

  it("another provider's payment is not found, and needs a session at all", async () => {
    const owner = await newProvider();
    const other = await newProvider();
    const startPath = await startFeePayment(owner);
    const path = `/betaling/${publicIdOf(startPath)}`;
    expect((await openReturnPage(path, other.cookie)).status).toBe(404);
    expect((await retry(path, other.cookie)).status).toBe(404);
    expect((await openReturnPage("/betaling/bestaat-niet", owner.cookie)).status).toBe(404);
    const anonymous = await openReturnPage(path, "");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/inloggen\?redirectTo=/);
  });
});

describe("the webhook", () => {
  it("applies a status once however often and however concurrently Mollie calls", async () => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    const publicId = publicIdOf(startPath);
    await choose(await checkoutUrlFrom(startPath, provider.cookie), "paid");
    const mollieId = (await paymentRow(publicId)).mollie_id!;

    for (let i = 0; i < 5; i++) expect((await sendWebhook(`id=${mollieId}`)).status).toBe(200);
    const together = await Promise.all([
      ...Array.from({ length: 5 }, () => sendWebhook(`id=${mollieId}`)),
      ...Array.from({ length: 5 }, () => syncPayment(db, mollieId, "poll")),
    ]);
    expect(together.slice(0, 5).map((response) => (response as Response).status)).toEqual([200, 200, 200, 200, 200]);

    expect(await history(publicId)).toEqual(["created:create", "open:create", "paid:webhook"]);
    expect((await mailsFor(publicId)).map((mail) => mail.template)).toEqual(["provider-live", "staff-provider-live"]);
    expect(await invoiceCount(publicId)).toBe(1);
    const live = await providerRow(provider.id);
    expect(live.status).toBe("live");
  });

  it("goes live once when the first news comes from five syncs at the same time", async () => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    const publicId = publicIdOf(startPath);
    hook.down = true;
    await choose(await checkoutUrlFrom(startPath, provider.cookie), "paid");
    const mollieId = (await paymentRow(publicId)).mollie_id!;

    const results = await Promise.all(Array.from({ length: 5 }, () => syncPayment(db, mollieId, "poll")));
    expect(results.filter((result) => result?.changed)).toHaveLength(1);
    expect(results.every((result) => result?.payment.status === "paid")).toBe(true);
    expect(await history(publicId)).toEqual(["created:create", "open:create", "paid:poll"]);
    expect(await mailsFor(publicId)).toHaveLength(2);
    expect(await invoiceCount(publicId)).toBe(1);
    const live = await providerRow(provider.id);
    expect(live.status).toBe("live");
    expect(live.published_at).not.toBeNull();
  });

  it("answers 200 to an id that is not ours, and changes nothing", async () => {
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const before = await db.selectFrom("payment_status_history").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      // Unknown to us and to Mollie…
      expect((await sendWebhook("id=tr_Onbekend123")).status).toBe(200);
      // …and a real payment at Mollie that we never created.
      const foreign = await mollieClient().payments.create({
        amount: { currency: "EUR", value: "10.00" },
        description: "Iemand anders",
        redirectUrl: "https://example.org/terug",
        metadata: { paymentId: "niet-van-ons" },
      });
      expect((await sendWebhook(`id=${foreign.id}`)).status).toBe(200);
      const after = await db.selectFrom("payment_status_history").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
      expect(warnings.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("unknown Mollie id"))).toHaveLength(2);
    } finally {
      warnings.mockRestore();
    }
  });

  it("refuses a body without a payment id, and GET", async () => {
    expect((await sendWebhook("")).status).toBe(400);
    expect((await sendWebhook("id=ord_12345")).status).toBe(400);
    expect((await sendWebhook("id=tr_abc%27%3B--")).status).toBe(400);
    const viaGet = await webhook.loader();
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get("Allow")).toBe("POST");
  });

  it("does not trust a Mollie payment whose metadata names another payment of ours", async () => {
    const victim = await newProvider();
    const victimStart = await startFeePayment(victim);
    const victimId = publicIdOf(victimStart);
    // Someone pays €10 of their own, made to look like it belongs to the victim's row.
    const swapped = await mollieClient().payments.create({
      amount: { currency: "EUR", value: "10.00" },
      description: "Vals",
      redirectUrl: "https://example.org/terug",
      metadata: { paymentId: "iets-anders" },
    });
    await db.updateTable("payments").set({ mollie_id: swapped.id }).where("public_id", "=", victimId).execute();
    const paidElsewhere = await fetch(swapped.getCheckoutUrl()!, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "status=paid",
      redirect: "manual",
    });
    expect(paidElsewhere.headers.get("Location")).toBe("https://example.org/terug");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const result = await syncPayment(db, swapped.id, "webhook");
      expect(result?.changed).toBe(false);
      expect(errors.mock.calls.some((call) => String(call[0]).includes("does not belong"))).toBe(true);
    } finally {
      errors.mockRestore();
    }
    expect((await paymentRow(victimId)).status).toBe("open");
    expect((await providerRow(victim.id)).status).toBe("awaiting_payment");
  });

  it("answers 500 when Mollie cannot be asked, so that Mollie tries again", async () => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    const mollieId = (await paymentRow(publicIdOf(startPath))).mollie_id!;
    clearLocalGateway();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await sendWebhook(`id=${mollieId}`)).status).toBe(500);
    } finally {
      errors.mockRestore();
      setLocalGateway(gateway);
    }
    expect((await paymentRow(publicIdOf(startPath))).status).toBe("open");
  });
});

describe("paying a package", () => {
  it("activates the package and issues its invoice when paid; the return page goes to the package page", async () => {
    const provider = await newProvider();
    await db.updateTable("providers").set({ status: "live", completed_steps: JSON.stringify([...STEPS_BEFORE_BETALING, "betaling", "voltooiing"]) }).where("id", "=", provider.id).execute();
    const assigned = await assignPackage(db, { providerId: provider.id, package: "basis" });
    const returnPath = await choose(assigned.checkoutUrl, "paid");
    expect(await openReturnPage(returnPath, provider.cookie)).toMatchObject({ status: 302, location: "/backoffice/pakket" });

    const pkg = await db.selectFrom("provider_packages").select("status").where("id", "=", assigned.providerPackageId).executeTakeFirstOrThrow();
    expect(pkg.status).toBe("active");
    const payment = await paymentRow(assigned.paymentPublicId);
    expect(payment).toMatchObject({ purpose: "package", status: "paid", provider_package_id: assigned.providerPackageId });
    expect(await invoiceCount(assigned.paymentPublicId)).toBe(1);
    // A package payment sends no "you are live" e-mails.
    expect(await mailsFor(assigned.paymentPublicId)).toEqual([]);
  });
});

async function startFeePaymentLocation(provider: Provider): Promise<string | null> {
  return (await answer(() => betalingStep.action({ request: post("/aanmelden/betaling", provider.cookie), params: {}, context }))).location;
}


async function invoiceNumberOf(publicId: string): Promise<string> {
  const { id } = await paymentRow(publicId);
  return (await db.selectFrom("invoices").select("number").where("payment_id", "=", id).executeTakeFirstOrThrow()).number;
}

/** Outbox rows that carry an invoice, by its number. */
function invoiceMails(number: string) {
  return db
    .selectFrom("outbox_messages")
    .select(["template", "to_address", "subject", "text_body", "attachment", "status"])
    .where("dedupe_key", "=", `invoice:${number}`)
    .execute();
}

/** The attached files of a received message: name, type and decoded bytes. */
function attachmentsOf(raw: string): { filename: string; type: string; content: Buffer }[] {
  const files: { filename: string; type: string; content: Buffer }[] = [];
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const mail = parseMail(part);
    const disposition = mail.headers.get("content-disposition") ?? "";
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1];
    if (!disposition.startsWith("attachment") || !filename) continue;
    const body = mail.body.split(/\r?\n--/)[0] ?? "";
    files.push({ filename, type: (mail.headers.get("content-type") ?? "").split(";")[0]!, content: Buffer.from(body.replace(/\s+/g, ""), "base64") });
  }
  return files;
}

describe("the invoice e-mail", () => {
  it("is sent once with the invoice PDF attached when the fee is paid, though both the return page and the webhook report paid", async () => {
    const provider = await newProvider({ first: "Gerda" });
    const startPath = await startFeePayment(provider);
    const publicId = publicIdOf(startPath);
    hook.down = true;
    const returnPath = await choose(await checkoutUrlFrom(startPath, provider.cookie), "paid");
    expect(await openReturnPage(returnPath, provider.cookie)).toMatchObject({ status: 302, location: "/aanmelden/voltooiing" });
    hook.down = false;
    expect((await sendWebhook(`id=${(await paymentRow(publicId)).mollie_id!}`)).status).toBe(200);
    await openReturnPage(returnPath, provider.cookie);

    const number = await invoiceNumberOf(publicId);
    const { email } = await providerRow(provider.id);
    const stored = await invoiceMails(number);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ template: "invoice", to_address: email, subject: `Uw factuur ${number} van Vivium Services` });
    // A reference, not the PDF: the worker renders it when it sends.
    expect(JSON.parse(stored[0]!.attachment!)).toEqual({ invoice: number });
    expect(stored[0]!.text_body).toContain("Beste Gerda,");
    expect(stored[0]!.text_body).toContain("Hartelijk dank voor uw betaling van € 10,00 (inclusief btw) voor: Vivium Services administratiekosten.");
    expect(stored[0]!.text_body).toContain(`In de bijlage van deze e-mail vindt u de factuur (factuur-${number}.pdf).`);
    expect(stored[0]!.text_body).toContain(`${base}/backoffice/pakket`);

    const smtp = await startSmtpServer();
    try {
      await deliverOutbox(db, smtp.url);
    } finally {
      await smtp.close();
    }
    const received = smtp.received.filter((mail) => decodeSubject(parseMail(mail.raw).headers.get("subject") ?? "") === `Uw factuur ${number} van Vivium Services`);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([email]);
    const files = attachmentsOf(received[0]!.raw);
    expect(files.map((file) => [file.filename, file.type])).toEqual([[`factuur-${number}.pdf`, "application/pdf"]]);
    expect(files[0]!.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await invoiceMails(number))[0]!.status).toBe("sent");
  });

  it("is sent for a paid package too, with the package's invoice", async () => {
    const provider = await newProvider();
    await db.updateTable("providers").set({ status: "live", completed_steps: JSON.stringify([...STEPS_BEFORE_BETALING, "betaling", "voltooiing"]) }).where("id", "=", provider.id).execute();
    const assigned = await assignPackage(db, { providerId: provider.id, package: "plus" });
    const returnPath = await choose(assigned.checkoutUrl, "paid");
    await openReturnPage(returnPath, provider.cookie);
    await syncPayment(db, (await paymentRow(assigned.paymentPublicId)).mollie_id!, "poll");

    const number = await invoiceNumberOf(assigned.paymentPublicId);
    const stored = await invoiceMails(number);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ template: "invoice", to_address: (await providerRow(provider.id)).email });
    expect(stored[0]!.text_body).toContain("€ 300,00 (inclusief btw) voor: Pluspakket");
  });

  it("is not sent for a payment that failed", async () => {
    const provider = await newProvider();
    const startPath = await startFeePayment(provider);
    await choose(await checkoutUrlFrom(startPath, provider.cookie), "failed");
    const templates = await db
      .selectFrom("outbox_messages")
      .select("template")
      .where("to_address", "=", (await providerRow(provider.id)).email)
      .execute();
    expect(templates).toEqual([]);
  });
});
