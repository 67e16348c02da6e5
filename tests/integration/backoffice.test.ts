/**
 * The provider's backoffice pages for packages and invoices on the server:
 * the route loaders and actions called with real Requests and session
 * cookies, a real SQLite file and the local Mollie gateway over HTTPS. Every
 * page is checked for the owner and for another provider.
 */
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WIZARD_STEPS } from "~/domain/wizard";
import * as layout from "~/routes/backoffice";
import * as home from "~/routes/backoffice._index";
import * as download from "~/routes/backoffice.facturen.$number";
import * as pakket from "~/routes/backoffice.pakket";
import { forgetDatabase, type Db } from "~/server/db.server";
import { clearLocalGateway, setLocalGateway } from "~/server/mollie-client.server";
import { startLocalMollieGateway, type LocalMollieGateway } from "~/server/mollie-gateway/gateway.server";
import { activatePackage, assignPackage } from "~/server/packages.server";
import { findProviderInvoice, issueInvoice, renderInvoicePdf } from "~/server/invoices.server";
import { createProviderSession } from "~/server/session.server";
import { insertBillableProvider, insertTestPayment, pdfText } from "../support/billing";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const BASE = "http://localhost";
const context = { cspNonce: "", clientIp: "127.0.0.1" } as AppLoadContext;

let t: TestDatabase;
let db: Db;
let gateway: LocalMollieGateway;
const gatewayLog: string[] = [];
const consoleErrors = vi.spyOn(console, "error");

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  // Nothing listens here: the gateway's webhook fails, so a paid payment is only learned by asking Mollie.
  process.env.BASE_URL = "http://127.0.0.1:9";
  process.env.DATA_DIR = t.dir;
  delete process.env.MOLLIE_API_KEY;
  gateway = await startLocalMollieGateway({ dataDir: t.dir, apiPort: 0, checkoutPort: 0, log: (line) => gatewayLog.push(line), webhookTimeoutMs: 1000 });
  setLocalGateway(gateway);
});

afterAll(async () => {
  clearLocalGateway();
  await gateway?.close();
  forgetDatabase();
  await t?.cleanup();
});

type Provider = { id: number; cookie: string };

async function signedIn(options: { finished?: boolean; feePaid?: boolean } = {}): Promise<Provider> {
  const id = await insertBillableProvider(db);
  const steps = options.finished === false ? ["aanmelding", "persoonlijk"] : WIZARD_STEPS.map((step) => step.key);
  await db.updateTable("providers").set({ completed_steps: JSON.stringify(steps) }).where("id", "=", id).execute();
  if (options.feePaid ?? true) await insertTestPayment(db, { providerId: id, purpose: "admin_fee", status: "paid" });
  const response = await createProviderSession(new Request(`${BASE}/inloggen`), id, "/backoffice");
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return { id, cookie };
}

const get = (path: string, cookie?: string) => new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

/** A loader's answer, or the Response it threw (a redirect to sign in). */
async function settle<T>(work: Promise<T>): Promise<T | Response> {
  return work.catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });
}

const loadPakket = (provider: Provider) => pakket.loader({ request: get("/backoffice/pakket", provider.cookie), params: {}, context });

async function pay(provider: Provider, packageId: string): Promise<{ status: number; location: string | null }> {
  const request = new Request(`${BASE}/backoffice/pakket`, {
    method: "POST",
    headers: { Cookie: provider.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ pakket: packageId }).toString(),
  });
  const result = await settle(pakket.action({ request, params: {}, context }));
  if (!(result instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  return { status: result.status, location: result.headers.get("Location") };
}

const fetchInvoice = (number: string, cookie?: string) =>
  settle(download.loader({ request: get(`/backoffice/facturen/${encodeURIComponent(number)}`, cookie), params: { number }, context }));

/** The gateway's checkout page, choosing an outcome as the provider would at their bank. */
async function choose(checkoutUrl: string, outcome: "paid" | "failed"): Promise<void> {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ status: outcome }).toString(),
    redirect: "manual",
  });
  expect(response.status).toBe(303);
}

const paymentCount = async () => (await db.selectFrom("payments").select("id").execute()).length;

describe("the backoffice layout and welcome page", () => {
  it("sends a visitor without a session to sign in, and back here afterwards", async () => {
    for (const [path, work] of [
      ["/backoffice", layout.loader({ request: get("/backoffice"), params: {}, context })],
      ["/backoffice/pakket", pakket.loader({ request: get("/backoffice/pakket"), params: {}, context })],
    ] as const) {
      const result = await settle<unknown>(work);
      expect(result).toBeInstanceOf(Response);
      expect((result as Response).headers.get("Location")).toBe(`/inloggen?${new URLSearchParams({ redirectTo: path })}`);
    }
  });

  it("welcomes the provider by first name and offers to finish an unfinished signup", async () => {
    const unfinished = await signedIn({ finished: false });
    const finished = await signedIn();
    expect(await layout.loader({ request: get("/backoffice", unfinished.cookie), params: {}, context })).toEqual({ openRequests: 0 });

    expect(await home.loader({ request: get("/backoffice", unfinished.cookie), params: {}, context })).toMatchObject({ firstName: "Bert", signupUnfinished: true, requests: { open: 0, waiting: 0, overdue: 0 } });
    expect(await home.loader({ request: get("/backoffice", finished.cookie), params: {}, context })).toMatchObject({ firstName: "Bert", signupUnfinished: false, requests: { open: 0, waiting: 0, overdue: 0 } });
  });
});

describe("Pakket en facturen", () => {
  it("shows a provider without a package nothing to pay and no invoices", async () => {
    const provider = await signedIn();
    expect(await loadPakket(provider)).toEqual({
      packages: { current: null, upcoming: [], awaitingPayment: [] },
      invoices: [],
      // The administration fee paid at signup; its invoice is issued by the payment flow, not by this test.
      payments: [expect.objectContaining({ description: "Vivium Services administratiekosten", grossCents: 1000, status: "paid", invoiceNumber: null })],
    });
  });

  it("takes the owner from Betalen to the checkout of the package payment, and another provider nowhere", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const assigned = await assignPackage(db, { providerId: owner.id, package: "basis", startsOn: "2026-03-01" });

    const page = await loadPakket(owner);
    expect(page.packages.awaitingPayment).toEqual([
      expect.objectContaining({
        id: assigned.providerPackageId,
        name: "Basispakket",
        stars: 1,
        priceCents: 10_000,
        creditCents: 1000,
        amountCents: 9000,
        startsOn: "2026-03-01",
        endsOn: "2027-02-28",
        payment: { publicId: assigned.paymentPublicId, status: "open" },
        statusPath: `/betaling/${assigned.paymentPublicId}`,
      }),
    ]);
    expect(await loadPakket(other)).toMatchObject({ packages: { current: null, upcoming: [], awaitingPayment: [] }, invoices: [] });
    expect((await loadPakket(other)).payments.map((payment) => payment.description)).toEqual(["Vivium Services administratiekosten"]);

    const before = await paymentCount();
    // The open payment is continued (through our page that sends the browser on to the checkout), not started a second time.
    expect(await pay(owner, String(assigned.providerPackageId))).toEqual({ status: 303, location: `/betaling/${assigned.paymentPublicId}?start=1` });
    expect(await pay(other, String(assigned.providerPackageId))).toEqual({ status: 303, location: "/backoffice/pakket" });
    expect(await pay(owner, "niets")).toEqual({ status: 303, location: "/backoffice/pakket" });
    expect(await paymentCount()).toBe(before);
  });

  it("starts a new payment for the same amount after a failed one", async () => {
    const owner = await signedIn();
    const assigned = await assignPackage(db, { providerId: owner.id, package: "plus", startsOn: "2026-03-01" });
    await choose(assigned.checkoutUrl, "failed");

    const page = await loadPakket(owner);
    expect(page.packages.awaitingPayment[0]?.payment).toEqual({ publicId: assigned.paymentPublicId, status: "failed" });

    const again = await pay(owner, String(assigned.providerPackageId));
    const newest = await db
      .selectFrom("payments")
      .select(["public_id", "gross_cents", "status", "checkout_url"])
      .where("provider_package_id", "=", assigned.providerPackageId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(newest.public_id).not.toBe(assigned.paymentPublicId);
    expect(again).toEqual({ status: 303, location: `/betaling/${newest.public_id}?start=1` });
    expect(newest).toMatchObject({ gross_cents: 29_000, status: "open" });
    expect(newest.checkout_url).not.toBe(assigned.checkoutUrl);
  });

  it("shows the paid package with its period and the invoice, also when the webhook never arrived", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const assigned = await assignPackage(db, { providerId: owner.id, package: "basis" });
    await choose(assigned.checkoutUrl, "paid");
    expect(gatewayLog.some((line) => line.includes("failed"))).toBe(true);

    const page = await loadPakket(owner);
    expect(page.packages.awaitingPayment).toEqual([]);
    expect(page.packages.current).toMatchObject({ id: assigned.providerPackageId, name: "Basispakket", status: "active", amountCents: 9000 });
    expect(page.invoices).toHaveLength(1);
    expect(page.invoices[0]).toMatchObject({ grossCents: 9000, description: expect.stringContaining("Basispakket Vivium Services") });
    expect(page.invoices[0]!.number).toMatch(/^\d{4}-\d{4}$/);
    // The list of payments names the package payment as paid, with a link to the same invoice.
    expect(page.payments[0]).toMatchObject({ status: "paid", grossCents: 9000, invoiceNumber: page.invoices[0]!.number });
    expect((await loadPakket(other)).payments.some((payment) => payment.invoiceNumber !== null)).toBe(false);
    expect((await loadPakket(other)).invoices).toEqual([]);
  });
});

describe("downloading an invoice", () => {
  async function ownerWithInvoice(): Promise<{ owner: Provider; number: string }> {
    const owner = await signedIn();
    const pkg = await assignPackage(db, { providerId: owner.id, package: "luxe", startsOn: "2026-03-01" }, async (database, input) => {
      const payment = await insertTestPayment(database, { ...input, providerPackageId: input.providerPackageId, status: "paid" });
      return { publicId: payment.publicId, checkoutUrl: "https://checkout.example/" };
    });
    const payment = await db.selectFrom("payments").select("id").where("public_id", "=", pkg.paymentPublicId).executeTakeFirstOrThrow();
    await activatePackage(db, pkg.providerPackageId);
    const { number } = await issueInvoice(db, payment.id);
    return { owner, number };
  }

  it("gives the owner the PDF as an attachment named after the number", async () => {
    const { owner, number } = await ownerWithInvoice();
    const response = await fetchInvoice(number, owner.cookie);

    expect(response).toBeInstanceOf(Response);
    const pdf = Buffer.from(await (response as Response).arrayBuffer());
    expect((response as Response).status).toBe(200);
    expect(Object.fromEntries((response as Response).headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="factuur-${number}.pdf"`,
      "content-length": String(pdf.length),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("answers 404 to another provider, for a number that does not exist and for anything that is not a number", async () => {
    const { number } = await ownerWithInvoice();
    const other = await signedIn();
    const year = number.slice(0, 4);

    for (const attempt of [number, `${year}-9999`, `${year}-1`, `${year}-00001`, `${number}.pdf`, "../../etc/passwd", "", `${number} `]) {
      const response = await fetchInvoice(attempt, other.cookie);
      expect(response, attempt).toBeInstanceOf(Response);
      expect((response as Response).status, attempt).toBe(404);
      expect((response as Response).headers.get("Content-Type"), attempt).toBe("text/plain; charset=utf-8");
    }
  });

  it("sends a visitor without a session to sign in", async () => {
    const { number } = await ownerWithInvoice();
    const response = (await fetchInvoice(number)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/inloggen?${new URLSearchParams({ redirectTo: `/backoffice/facturen/${number}` })}`);
  });

  it("shows what the PDF says: the number and the package with the fee taken off", async () => {
    const { owner, number } = await ownerWithInvoice();
    const invoice = (await findProviderInvoice(db, owner.id, number))!;
    // Words, whatever line the PDF wrapped them onto.
    const text = pdfText(await renderInvoicePdf(invoice, { compress: false })).replace(/\s+/g, " ");
    expect(text).toContain(`Factuur ${number}`);
    expect(text).toContain("Luxepakket Vivium Services, 1 maart 2026 t/m 28 februari 2027");
    expect(text).toContain("€ 500,00");
    // The fee taken off is a Tegoed row below the lines, as on the Betaling step: no "€ -10,00".
    expect(text).toContain("Tegoed: administratiekosten, al betaald bij uw aanmelding € 10,00");
    expect(text).not.toMatch(/€ -|-\s?€/);
    expect(text).toContain("Subtotaal excl. btw € 404,96");
    expect(text).toContain("Totaal incl. btw € 490,00");
  });
});

afterAll(() => {
  // Loading the page asks Mollie about open payments; nothing may have gone wrong on the way.
  expect(consoleErrors).not.toHaveBeenCalled();
});
