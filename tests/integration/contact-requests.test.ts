import { parseWithZod } from "@conform-to/zod/v4";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoMembers } from "#db/seed/members";
import { seedCategories, seedDemoProviders } from "#db/seed/seed";
import { CONTACT } from "~/domain/contact";
import { contactRequestSchema, type ContactRequestValues } from "~/domain/contact-request-schema";
import {
  checkContactRequest,
  findContactableProvider,
  findContactConfirmation,
  submitContactRequest,
  type ContactableProvider,
} from "~/server/contact-requests.server";
import { addMember, deactivateMember, findActiveMember, searchMembers } from "~/server/members.server";
import { createSmtpTransport, startOutboxWorker } from "~/server/outbox.server";
import { contactLimit, hitRateLimit } from "~/server/rate-limit.server";
import { decodeSubject, mailParts, parseMail, startSmtpServer } from "../support/smtp-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const BASE_URL = "https://vivium.test";
// Monday 30 November 2026, 10:00 in Amsterdam: due Wednesday 2 December at 23:59.
const NOW = new Date("2026-11-30T09:00:00Z");

let t: TestDatabase;
let bert: ContactableProvider;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedCategories(t.db);
  await seedDemoProviders(t.db);
  await seedDemoMembers(t.db);
  const found = await findContactableProvider(t.db, "bert-klinkenberg");
  if (found.kind !== "found") throw new Error("Bert should take requests");
  bert = found.provider;
}, 60_000);

afterAll(async () => {
  await t.cleanup();
});

/** The form as the browser posts it, through the same schema the route uses. */
function values(changes: Record<string, string | string[]> = {}): ContactRequestValues {
  const form = new FormData();
  const fields: Record<string, string | string[]> = {
    name: "Jan Janssen",
    email: "jan@example.nl",
    phone: "06 12345678",
    location: "3447 GT",
    forWhom: "self",
    contactPreference: "phone",
    contactMoments: ["ochtend", "middag"],
    message: "Ik zoek hulp bij de boodschappen.",
    ...changes,
  };
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  const submission = parseWithZod(form, { schema: contactRequestSchema });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value;
}

async function checked(changes: Record<string, string | string[]> = {}) {
  const input = values(changes);
  const check = await checkContactRequest(t.db, bert, input);
  if (!check.ok) throw new Error(JSON.stringify(check.fieldErrors));
  return { values: input, location: check.location, member: check.member };
}

describe("which providers take requests", () => {
  it("finds a live provider by slug, with the first category for the search link", async () => {
    expect(bert).toMatchObject({ slug: "bert-klinkenberg", firstName: "Bert", name: "Bert Klinkenberg", category: { slug: "thuiskeepers" } });
  });

  it("does not find unknown, paused or unpublished providers", async () => {
    expect(await findContactableProvider(t.db, "bestaat-niet")).toEqual({ kind: "not-found" });
    const annelies = await t.db.selectFrom("providers").select("id").where("slug", "=", "annelies-de-vries").executeTakeFirstOrThrow();
    try {
      await t.db.updateTable("providers").set({ status: "paused" }).where("id", "=", annelies.id).execute();
      expect(await findContactableProvider(t.db, "annelies-de-vries")).toEqual({ kind: "not-found" });
      await t.db.updateTable("providers").set({ status: "draft" }).where("id", "=", annelies.id).execute();
      expect(await findContactableProvider(t.db, "annelies-de-vries")).toEqual({ kind: "not-found" });
    } finally {
      await t.db.updateTable("providers").set({ status: "live" }).where("id", "=", annelies.id).execute();
    }
    expect((await findContactableProvider(t.db, "annelies-de-vries")).kind).toBe("found");
  });
});

describe("checkContactRequest", () => {
  it("accepts a postcode or place in the werkgebied, and an active lidnummer typed loosely", async () => {
    const byPostcode = await checked({ memberNumber: "viv-100 001" });
    expect(byPostcode.location).toMatchObject({ kind: "postcode", label: "3447 GT", place: { name: "Woerden" }, pc4: 3447 });
    expect(byPostcode.member).toMatchObject({ number: "VIV100001", active: 1 });
    const byPlace = await checked({ location: "woerden" });
    expect(byPlace.location).toMatchObject({ kind: "place", label: "Woerden" });
    expect(byPlace.member).toBeNull();
  });

  it("refuses an unknown and an inactive lidnummer, each with its own message", async () => {
    const unknown = await checkContactRequest(t.db, bert, values({ memberNumber: "VIV999999" }));
    expect(unknown.ok === false && unknown.fieldErrors.memberNumber?.[0]).toBe(
      "Wij kennen lidnummer VIV999999 niet. Controleer het nummer op uw ledenpas, of laat dit veld leeg.",
    );
    const inactive = await checkContactRequest(t.db, bert, values({ memberNumber: "VIV200001" }));
    expect(inactive.ok === false && inactive.fieldErrors.memberNumber?.[0]).toBe(
      "Lidnummer VIV200001 is niet meer actief. Laat dit veld leeg, of bel ons als u denkt dat dit niet klopt.",
    );
  });

  it("says when the place is outside the werkgebied and links to providers in the same category who do come there", async () => {
    const check = await checkContactRequest(t.db, bert, values({ location: "3311 AA" }));
    if (check.ok) throw new Error("Dordrecht is outside Bert's werkgebied");
    expect(check.fieldErrors.location?.[0]).toBe(
      "Bert komt niet in 3311 AA (Dordrecht): dat ligt buiten het werkgebied van Bert. Kies een dienstverlener die daar wel komt.",
    );
    expect(check.outside).toEqual({ place: "Dordrecht", href: "/zoeken?waar=Dordrecht&categorie=thuiskeepers" });
  });

  it("names what was not found, with suggestions for a misspelt place", async () => {
    const place = await checkContactRequest(t.db, bert, values({ location: "Woerdn" }));
    expect(place.ok === false && place.fieldErrors.location?.[0]).toMatch(/^Wij kennen de plaats “Woerdn” niet\. Bedoelt u misschien .*Woerden/);
    const postcode = await checkContactRequest(t.db, bert, values({ location: "0999" }));
    expect(postcode.ok === false && postcode.fieldErrors.location?.[0]).toBe(
      "Deze postcode kennen wij niet. Controleer de cijfers en letters, of vul de naam van de plaats in",
    );
  });

  it("says what is wrong with a postcode that misses a letter, instead of calling it an unknown place", async () => {
    const check = await checkContactRequest(t.db, bert, values({ location: "3447 G" }));
    expect(check.ok === false && check.fieldErrors.location?.[0]).toBe(
      "Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT. Of vul alleen de naam van de plaats in",
    );
  });

  it("reads a postcode with the place written after it as the postcode", async () => {
    const check = await checkContactRequest(t.db, bert, values({ location: "3447 GT Woerden" }));
    expect(check.ok && check.location).toMatchObject({ kind: "postcode", label: "3447 GT", place: { name: "Woerden" } });
  });

  it("reports the lidnummer and the location together", async () => {
    const check = await checkContactRequest(t.db, bert, values({ memberNumber: "VIV999999", location: "Dordrecht" }));
    expect(check.ok === false && Object.keys(check.fieldErrors).sort()).toEqual(["location", "memberNumber"]);
  });
});

describe("submitContactRequest", () => {
  it("stores the request with its deadline and history, and enqueues one mail to the provider and one to the customer", async () => {
    const input = await checked({ memberNumber: "VIV100002", forWhom: "other", otherPersonName: "Marie Janssen", contactPreference: "email" });
    const submitted = await submitContactRequest(t.db, bert.id, input, NOW, BASE_URL);
    expect(submitted.deadline.toISOString()).toBe("2026-12-02T22:59:59.999Z");
    expect(submitted.publicId).toMatch(/^[\w-]{22}$/);

    const row = await t.db.selectFrom("contact_requests").selectAll().where("id", "=", submitted.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      public_id: submitted.publicId,
      provider_id: bert.id,
      customer_name: "Jan Janssen",
      customer_email: "jan@example.nl",
      customer_phone: "+31612345678",
      member_number: "VIV100002",
      location_input: "3447 GT",
      location_label: "3447 GT",
      location_pc4: 3447,
      for_whom: "other",
      other_person_name: "Marie Janssen",
      contact_preference: "email",
      contact_moments: '["ochtend","middag"]',
      message: "Ik zoek hulp bij de boodschappen.",
      consent_at: NOW.toISOString(),
      status: "new",
      outcome: null,
      deadline_at: "2026-12-02T22:59:59.999Z",
      created_at: NOW.toISOString(),
    });
    expect(row.member_id).not.toBeNull();
    const history = await t.db.selectFrom("contact_request_history").selectAll().where("contact_request_id", "=", submitted.id).execute();
    expect(history).toEqual([expect.objectContaining({ status: "new", outcome: null, changed_by: "customer", recorded_at: NOW.toISOString() })]);

    const mails = await t.db
      .selectFrom("outbox_messages")
      .select(["to_address", "template", "subject", "dedupe_key", "text_body"])
      .where("dedupe_key", "like", `contact-request:${submitted.id}:%`)
      .orderBy("id")
      .execute();
    expect(mails.map((m) => [m.to_address, m.template, m.dedupe_key])).toEqual([
      ["bert-klinkenberg@demo.viviumservices.nl", "contact-request-provider", `contact-request:${submitted.id}:provider`],
      ["jan@example.nl", "contact-request-customer", `contact-request:${submitted.id}:customer`],
    ]);
    expect(mails[0]!.text_body).toContain(`${BASE_URL}/backoffice/aanvragen/${submitted.id}`);
    expect(mails[0]!.text_body).toContain("de ledenprijs geldt");
    expect(mails[1]!.text_body).toContain(`${BASE_URL}/dienstverlener/bert-klinkenberg`);
  });

  it("confirms to one typed address at most three times a day; every request still reaches the provider", async () => {
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) {
      // Capitals do not make it another address.
      const email = n % 2 === 0 ? "Herhaald@Example.nl" : "herhaald@example.nl";
      ids.push((await submitContactRequest(t.db, bert.id, await checked({ email }), NOW, BASE_URL)).id);
    }
    const mails = await t.db
      .selectFrom("outbox_messages")
      .select(["template", "dedupe_key"])
      .where((eb) => eb.or(ids.map((id) => eb("dedupe_key", "like", `contact-request:${id}:%`))))
      .execute();
    expect(mails.filter((m) => m.template === "contact-request-provider")).toHaveLength(5);
    expect(mails.filter((m) => m.template === "contact-request-customer").map((m) => m.dedupe_key)).toEqual(ids.slice(0, 3).map((id) => `contact-request:${id}:customer`));
    // The page after the fifth does not promise an e-mail that will not come.
    const fifth = await t.db.selectFrom("contact_requests").select("public_id").where("id", "=", ids[4]!).executeTakeFirstOrThrow();
    expect((await findContactConfirmation(t.db, "bert-klinkenberg", fifth.public_id))?.mailed).toBe(false);
  });

  it("stores nothing and sends nothing when part of it fails", async () => {
    const input = await checked();
    const before = await t.db.selectFrom("contact_requests").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const outboxBefore = await t.db.selectFrom("outbox_messages").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    // An address the outbox refuses makes the second enqueue throw, after the row and the first mail were written.
    await expect(submitContactRequest(t.db, bert.id, { ...input, values: { ...input.values, email: "geen adres" } }, NOW, BASE_URL)).rejects.toThrow();
    const after = await t.db.selectFrom("contact_requests").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const outboxAfter = await t.db.selectFrom("outbox_messages").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(outboxAfter.n).toBe(outboxBefore.n);
  });

  it("shows the confirmation by public id and slug together, without personal details", async () => {
    const submitted = await submitContactRequest(t.db, bert.id, await checked({ memberNumber: "VIV100003" }), NOW, BASE_URL);
    const confirmation = await findContactConfirmation(t.db, "bert-klinkenberg", submitted.publicId);
    expect(confirmation).toEqual({
      providerFirstName: "Bert",
      providerName: "Bert Klinkenberg",
      contactPreference: "phone",
      contactMoments: ["ochtend", "middag"],
      dueDay: "woensdag 2 december",
      member: true,
      mailed: true,
    });
    expect(await findContactConfirmation(t.db, "annelies-de-vries", submitted.publicId)).toBeNull();
    expect(await findContactConfirmation(t.db, "bert-klinkenberg", "bestaat-niet")).toBeNull();
  });
});

describe("the e-mails of a request, through a real SMTP server", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  afterEach(async () => {
    await smtp?.close();
  });

  it("delivers exactly two messages, once each, to the provider and the customer, with the right subjects and content", async () => {
    // Only this request's mails are waiting.
    await t.db.updateTable("outbox_messages").set({ status: "sent" }).where("status", "=", "pending").execute();
    smtp = await startSmtpServer();
    const submitted = await submitContactRequest(t.db, bert.id, await checked({ name: "Truus Bos", email: "truus@example.nl" }), NOW, BASE_URL);

    const transport = createSmtpTransport({ url: smtp.url, from: "Vivium Services <noreply@viviumservices.nl>" });
    const worker = startOutboxWorker({ db: t.db, transport, intervalMs: 60_000, log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() }, random: () => 0 });
    try {
      expect(await worker.runOnce()).toBe(2);
      expect(await worker.runOnce()).toBe(0);
    } finally {
      await worker.stop();
      transport.close();
    }

    expect(smtp.received.map((m) => m.to)).toEqual([["bert-klinkenberg@demo.viviumservices.nl"], ["truus@example.nl"]]);
    const [toProvider, toCustomer] = smtp.received.map((m) => parseMail(m.raw));

    expect(decodeSubject(toProvider!.headers.get("subject") ?? "")).toBe("Nieuwe aanvraag van Truus Bos");
    const providerText = mailParts(toProvider!).get("text/plain") ?? "";
    expect(providerText).toContain("Beste Bert,");
    expect(providerText).toContain("uiterlijk woensdag 2 december om 23:59");
    expect(providerText).toContain("Telefoon: 06\u00a012\u00a034\u00a056\u00a078");
    expect(providerText).toContain("truus@example.nl");
    expect(providerText).toContain(`${BASE_URL}/backoffice/aanvragen/${submitted.id}`);
    expect(mailParts(toProvider!).get("text/html")).toContain(`href="${BASE_URL}/backoffice/aanvragen/${submitted.id}"`);

    expect(decodeSubject(toCustomer!.headers.get("subject") ?? "")).toBe("Uw aanvraag is verstuurd naar Bert Klinkenberg");
    const customerText = mailParts(toCustomer!).get("text/plain") ?? "";
    expect(customerText).toContain("Beste Truus Bos,");
    expect(customerText).toContain("Bert neemt uiterlijk woensdag 2 december contact met u op. U wordt gebeld, het liefst 's ochtends en 's middags.");
    expect(customerText).toContain(`Hoort u niets? Bel ons op ${CONTACT.phone} (${CONTACT.hoursShort})`);
    expect(customerText).not.toContain("23:59");
    expect(customerText).toContain(CONTACT.phone);
    expect(customerText).toContain(CONTACT.email);
  });
});

describe("the member registry", () => {
  it("is seeded with ten active and two inactive demo lidnummers, once", async () => {
    expect(await seedDemoMembers(t.db)).toBe(0);
    const demo = await t.db.selectFrom("members").select(["number", "active"]).where("number", "like", "VIV%").execute();
    expect(demo.filter((m) => m.active === 1)).toHaveLength(10);
    expect(demo.filter((m) => m.active === 0).map((m) => m.number)).toEqual(["VIV200001", "VIV200002"]);
  });

  it("adds, finds, deactivates and reactivates lidnummers in their normal form", async () => {
    const added = await addMember(t.db, "tst-123 456", "Test Lid");
    expect(added).toMatchObject({ number: "TST123456", name: "Test Lid", active: 1 });
    expect(await findActiveMember(t.db, "TST123456")).toMatchObject({ ok: true });
    expect(await deactivateMember(t.db, "tst123456")).toBe(true);
    expect(await findActiveMember(t.db, "TST123456")).toEqual({ ok: false, reason: "inactive" });
    expect(await deactivateMember(t.db, "ONBEKEND1")).toBe(false);
    expect(await addMember(t.db, "TST123456", "Test Lid")).toMatchObject({ id: added.id, active: 1 });
    expect(await findActiveMember(t.db, "nee")).toEqual({ ok: false, reason: "invalid" });
    expect(await findActiveMember(t.db, "ONBEKEND1")).toEqual({ ok: false, reason: "unknown" });
    await expect(addMember(t.db, "x")).rejects.toThrow("Not a lidnummer");
  });

  it("searches by number prefix or part of the name, active members first", async () => {
    expect((await searchMembers(t.db, "viv-2000")).map((m) => m.number)).toEqual(["VIV200001", "VIV200002"]);
    expect((await searchMembers(t.db, "janssen")).map((m) => m.number)).toEqual(["VIV100001"]);
    expect((await searchMembers(t.db, "100%")).map((m) => m.number)).toEqual([]);
    const all = await searchMembers(t.db, "");
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.at(-1)?.active).toBe(0);
  });
});

describe("the per-address limit on contact requests", () => {
  it("allows CONTACT_RATE_LIMIT requests per address per hour (10 by default), then refuses that address only", async () => {
    const rule = contactLimit();
    expect(rule).toEqual({ bucket: "contact", limit: 10, windowSeconds: 3600 });
    const at = NOW.getTime();
    for (let i = 0; i < 10; i++) expect((await hitRateLimit(t.db, rule, "203.0.113.7", at)).allowed).toBe(true);
    expect((await hitRateLimit(t.db, rule, "203.0.113.7", at)).allowed).toBe(false);
    expect((await hitRateLimit(t.db, rule, "203.0.113.8", at)).allowed).toBe(true);
    expect((await hitRateLimit(t.db, rule, "203.0.113.7", at + 3600_000)).allowed).toBe(true);
  });
});
