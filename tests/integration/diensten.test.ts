/**
 * The "Diensten & prijzen" step end to end on the server: real multipart
 * requests into the route's action and loader, a real SQLite file, real
 * files on disk, a real session cookie.
 */
import fs from "node:fs";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCategories } from "#db/seed/seed";
import * as diensten from "~/routes/aanmelden.diensten";
import * as prijslijst from "~/routes/prijslijst.$id";
import { forgetDatabase, type Db } from "~/server/db.server";
import { PRICE_LIST_MAX_BYTES, priceListFilePath } from "~/server/price-lists.server";
import { createProviderSession } from "~/server/session.server";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

const BASE = "http://localhost";
const STEPS_BEFORE = JSON.stringify(["aanmelding", "persoonlijk", "bedrijf", "profiel", "beschikbaarheid"]);
const context = { cspNonce: "", clientIp: "127.0.0.1" } as AppLoadContext;

let t: TestDatabase;
let db: Db;
let uploadsDir: string;
let categoryIds: Record<string, number>;

type Entry = [name: string, value: string | File];

/** A complete one-page PDF, as a PDF writer would produce it. */
function pdfFile(name = "tarieven.pdf", text = "Prijslijst"): File {
  const stream = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new File([body], name, { type: "application/pdf" });
}

/** The signature and header chunk of a PNG, named and typed as if it were a PDF. */
function pngPretendingToBePdf(): File {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return new File([png], "prijslijst.pdf", { type: "application/pdf" });
}

async function newProvider(status: "draft" | "live" = "draft"): Promise<{ id: number; cookie: string }> {
  const id = await insertTestProvider(db, { status });
  await db.updateTable("providers").set({ completed_steps: STEPS_BEFORE }).where("id", "=", id).execute();
  const response = await createProviderSession(new Request(`${BASE}/inloggen`), id, "/aanmelden/diensten");
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return { id, cookie };
}

function post(cookie: string, entries: Entry[]): Request {
  const body = new FormData();
  for (const [name, value] of entries) body.append(name, value);
  // No Content-Type: the runtime writes multipart/form-data with its boundary, as a browser does.
  return new Request(`${BASE}/aanmelden/diensten`, { method: "POST", body, headers: { Cookie: cookie } });
}

type ActionData = Exclude<Awaited<ReturnType<typeof diensten.action>>, Response>;

/** The action's answer: a redirect Response, or the re-shown form with its status. */
async function act(request: Request) {
  const result: Awaited<ReturnType<typeof diensten.action>> | Response = await diensten
    .action({ request, params: {}, context })
    .catch((thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    });
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), form: null };
  const reshown = result as ActionData;
  return { status: reshown.init?.status ?? 200, location: null, form: reshown.data };
}

async function load(cookie: string) {
  return diensten.loader({ request: new Request(`${BASE}/aanmelden/diensten`, { headers: { Cookie: cookie } }), params: {}, context });
}

async function download(id: string, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  return prijslijst.loader({ request: new Request(`${BASE}/prijslijst/${id}`, { headers }), params: { id }, context });
}

const storedServices = (providerId: number) =>
  db
    .selectFrom("provider_services")
    .select(["position", "name", "price_cents", "unit", "description"])
    .where("provider_id", "=", providerId)
    .orderBy("position")
    .execute();

const storedCategories = async (providerId: number) =>
  (await db.selectFrom("provider_categories").select("category_id").where("provider_id", "=", providerId).orderBy("category_id").execute()).map(
    (row) => row.category_id,
  );

const line = (index: number, name: string, price: string, unit = "hour", description = ""): Entry[] => [
  [`services[${index}].name`, name],
  [`services[${index}].price`, price],
  [`services[${index}].unit`, unit],
  [`services[${index}].description`, description],
];

/** What the browser posts for a filled-in step: three lines (the last left empty) and no file. */
function twoLines(): Entry[] {
  return [
    ["categories", String(categoryIds.computerhulp)],
    ["categories", String(categoryIds.overige)],
    ...line(0, "Computerhulp", "15,00", "hour", "Ik help u met al uw computerproblemen"),
    ...line(1, "Kapper plus", "€ 35,", "service"),
    ...line(2, "", ""),
    ["priceNote", "Binnen Woerden geen voorrijkosten"],
    ["priceList", new File([], "", { type: "application/octet-stream" })],
    ["intent", "save"],
  ];
}

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  process.env.DATA_DIR = t.dir;
  uploadsDir = path.join(t.dir, "uploads");
  // The route's database() finds the shared handle here, as it does in server.ts.
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  await seedCategories(db);
  const categories = await db.selectFrom("categories").select(["id", "slug"]).execute();
  categoryIds = Object.fromEntries(categories.map((category) => [category.slug, category.id]));
});

afterAll(async () => {
  forgetDatabase();
  await t.cleanup();
});

describe("Diensten & prijzen: saving", () => {
  it("offers a new provider the active categories and three empty price lines", async () => {
    const { cookie } = await newProvider();
    const page = await load(cookie);
    expect(page.lines).toHaveLength(3);
    expect(page.lines.every((row) => row.name === "" && row.price === "")).toBe(true);
    expect(page.categoryOptions.map((option) => option.label)).toContain("Overige");
    expect(page.priceList).toBeNull();
  });

  it("stores the categories, two lines in cents with their units, the price note, and moves on to Betaling", async () => {
    const { id, cookie } = await newProvider();
    const answer = await act(post(cookie, twoLines()));

    expect(answer).toMatchObject({ status: 302, location: "/aanmelden/betaling" });
    expect(await storedServices(id)).toEqual([
      { position: 0, name: "Computerhulp", price_cents: 1500, unit: "hour", description: "Ik help u met al uw computerproblemen" },
      { position: 1, name: "Kapper plus", price_cents: 3500, unit: "service", description: null },
    ]);
    expect(await storedCategories(id)).toEqual([categoryIds.computerhulp, categoryIds.overige].sort((a, b) => a! - b!));
    const provider = await db.selectFrom("providers").select(["price_note", "completed_steps", "price_list_upload_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(provider.price_note).toBe("Binnen Woerden geen voorrijkosten");
    expect(JSON.parse(provider.completed_steps)).toContain("diensten");
    expect(provider.price_list_upload_id).toBeNull();

    const page = await load(cookie);
    expect(page.lines).toEqual([
      { name: "Computerhulp", price: "15,00", unit: "hour", description: "Ik help u met al uw computerproblemen" },
      { name: "Kapper plus", price: "35,00", unit: "service", description: "" },
    ]);
    expect(page.saved.categories).toHaveLength(2);
  });

  it("replaces the lines on a second save instead of adding to them", async () => {
    const { id, cookie } = await newProvider();
    await act(post(cookie, twoLines()));
    const answer = await act(post(cookie, [["categories", String(categoryIds.massage)], ...line(0, "Stoelmassage", "25", "hour"), ["intent", "save"]]));

    expect(answer.status).toBe(302);
    expect((await storedServices(id)).map((row) => [row.position, row.name, row.price_cents])).toEqual([[0, "Stoelmassage", 2500]]);
    expect(await storedCategories(id)).toEqual([categoryIds.massage]);
  });

  it("leaves another provider's categories, lines and price list alone", async () => {
    const other = await newProvider();
    await act(post(other.cookie, [...twoLines().filter(([name]) => name !== "priceList"), ["priceList", pdfFile("andere.pdf")]]));
    const before = { services: await storedServices(other.id), categories: await storedCategories(other.id) };
    const otherList = (await db.selectFrom("providers").select("price_list_upload_id").where("id", "=", other.id).executeTakeFirstOrThrow())
      .price_list_upload_id;

    const me = await newProvider();
    await act(post(me.cookie, [...twoLines(), ...line(3, "Tuinieren", "20", "hour")]));
    await act(post(me.cookie, [["categories", String(categoryIds.massage)], ...line(0, "Alleen dit", "10"), ["intent", "save"]]));

    expect(await storedServices(other.id)).toEqual(before.services);
    expect(await storedCategories(other.id)).toEqual(before.categories);
    expect(otherList).not.toBeNull();
    expect(fs.existsSync(priceListFilePath(uploadsDir, otherList!))).toBe(true);
  });
});

describe("Diensten & prijzen: add and remove without saving", () => {
  it("adds an empty line, keeps everything typed, and saves nothing", async () => {
    const { id, cookie } = await newProvider();
    const answer = await act(
      post(cookie, [
        ["categories", String(categoryIds.computerhulp)],
        ...line(0, "Computerhulp", "15"),
        ...line(1, "Half af", "veel", "service", "nog niet klaar"),
        ["priceNote", "Voorrijkosten € 5"],
        ["intent", "add-service"],
      ]),
    );

    expect(answer.status).toBe(200);
    expect(answer.form?.lines).toEqual([
      { name: "Computerhulp", price: "15", unit: "hour", description: "" },
      { name: "Half af", price: "veel", unit: "service", description: "nog niet klaar" },
      { name: "", price: "", unit: "hour", description: "" },
    ]);
    expect(answer.form?.error).toBeUndefined();
    expect(answer.form?.initialValue).toMatchObject({ categories: String(categoryIds.computerhulp), priceNote: "Voorrijkosten € 5" });
    expect(answer.form?.notice).toMatch(/dienst 3/);
    expect(await storedServices(id)).toEqual([]);
    expect(await storedCategories(id)).toEqual([]);
  });

  it("removes a line, even an unfinished one, and renumbers the rest", async () => {
    const { id, cookie } = await newProvider();
    const answer = await act(
      post(cookie, [
        ...line(0, "Eerste", "10"),
        ...line(1, "Weg ermee", "niets"),
        ...line(2, "Derde", "30", "service", "blijft"),
        ["intent", "remove-service-1"],
      ]),
    );

    expect(answer.status).toBe(200);
    expect(answer.form?.lines).toEqual([
      { name: "Eerste", price: "10", unit: "hour", description: "" },
      { name: "Derde", price: "30", unit: "service", description: "blijft" },
    ]);
    expect(answer.form?.notice).toMatch(/^Dienst 2 \(Weg ermee\) is verwijderd/);
    expect(await storedServices(id)).toEqual([]);
  });

  it("says a chosen PDF is not stored yet when a line is added", async () => {
    const { id, cookie } = await newProvider();
    const answer = await act(post(cookie, [...line(0, "Eerste", "10"), ["priceList", pdfFile("lijst.pdf")], ["intent", "add-service"]]));

    expect(answer.status).toBe(200);
    expect(answer.form?.fileNote).toMatch(/"lijst\.pdf".*Kies het bestand opnieuw/);
    expect(await db.selectFrom("uploads").select("id").where("provider_id", "=", id).execute()).toEqual([]);
  });
});

describe("Diensten & prijzen: errors", () => {
  it("refuses an invalid price with 400 and keeps every value typed", async () => {
    const { id, cookie } = await newProvider();
    const entries = twoLines().map(([name, value]): Entry => [name, name === "services[1].price" ? "vijfendertig" : value]);
    const answer = await act(post(cookie, entries));

    expect(answer.status).toBe(400);
    expect(answer.form?.error).toEqual({ "services[1].price": ["Vul een bedrag in zoals 15 of 15,00"] });
    expect(answer.form?.lines.map((row) => [row.name, row.price, row.unit])).toEqual([
      ["Computerhulp", "15,00", "hour"],
      ["Kapper plus", "vijfendertig", "service"],
      ["", "", "hour"],
    ]);
    expect(answer.form?.initialValue).toMatchObject({
      categories: [String(categoryIds.computerhulp), String(categoryIds.overige)],
      priceNote: "Binnen Woerden geen voorrijkosten",
    });
    expect(await storedServices(id)).toEqual([]);
    const provider = await db.selectFrom("providers").select("completed_steps").where("id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(provider.completed_steps)).not.toContain("diensten");
  });

  it("asks for a category and a line when both are missing", async () => {
    const { cookie } = await newProvider();
    const answer = await act(post(cookie, [...line(0, "", ""), ["intent", "save"]]));
    expect(answer.status).toBe(400);
    expect(answer.form?.error).toEqual({ categories: ["Kies minstens één categorie"], services: ["Vul minstens één dienst met een prijs in"] });
  });

  it("refuses a PNG named .pdf, keeps the values, and stores nothing", async () => {
    const { id, cookie } = await newProvider();
    const entries = [...twoLines().filter(([name]) => name !== "priceList"), ["priceList", pngPretendingToBePdf()] as Entry];
    const answer = await act(post(cookie, entries));

    expect(answer.status).toBe(400);
    expect(answer.form?.error?.priceList?.[0]).toMatch(/^Dit bestand is geen PDF/);
    expect(answer.form?.lines[0]?.name).toBe("Computerhulp");
    expect(await storedServices(id)).toEqual([]);
    expect(await db.selectFrom("uploads").select("id").where("provider_id", "=", id).execute()).toEqual([]);
  });

  it("refuses a file over 10 MB at the file field and still keeps what was typed", async () => {
    const { id, cookie } = await newProvider();
    const big = new File([new Uint8Array(PRICE_LIST_MAX_BYTES + 1).fill(0x25)], "groot.pdf", { type: "application/pdf" });
    // The file comes before other fields here, so parsing must go on after the oversized part.
    const entries: Entry[] = [["priceList", big], ...twoLines().filter(([name]) => name !== "priceList")];
    const answer = await act(post(cookie, entries));

    expect(answer.status).toBe(400);
    expect(answer.form?.error).toEqual({ priceList: [expect.stringMatching(/^Het bestand is groter dan 10 MB/)] });
    expect(answer.form?.lines.map((row) => row.name)).toEqual(["Computerhulp", "Kapper plus", ""]);
    expect(answer.form?.initialValue).toMatchObject({ priceNote: "Binnen Woerden geen voorrijkosten" });
    expect(await storedServices(id)).toEqual([]);
  });

  it("asks to choose a valid PDF again when another field was wrong", async () => {
    const { id, cookie } = await newProvider();
    const entries = [
      ...twoLines().filter(([name]) => name !== "priceList" && name !== "categories"),
      ["priceList", pdfFile("goed.pdf")] as Entry,
    ];
    const answer = await act(post(cookie, entries));

    expect(answer.status).toBe(400);
    expect(answer.form?.error?.categories).toEqual(["Kies minstens één categorie"]);
    expect(answer.form?.error?.priceList?.[0]).toMatch(/Kies het bestand opnieuw/);
    expect(await db.selectFrom("uploads").select("id").where("provider_id", "=", id).execute()).toEqual([]);
  });

  it("offers a retired category only to a provider who already has it", async () => {
    await db.updateTable("categories").set({ retired_at: new Date().toISOString() }).where("id", "=", categoryIds.personenalarmering!).execute();
    try {
      const keeper = await newProvider();
      await db.insertInto("provider_categories").values({ provider_id: keeper.id, category_id: categoryIds.personenalarmering! }).execute();
      const keeperPage = await load(keeper.cookie);
      expect(keeperPage.saved.categories).toEqual([String(categoryIds.personenalarmering)]);
      expect(keeperPage.categoryOptions.some((option) => option.value === String(categoryIds.personenalarmering))).toBe(true);
      const kept = await act(post(keeper.cookie, [["categories", String(categoryIds.personenalarmering)], ...line(0, "Alarm", "12"), ["intent", "save"]]));
      expect(kept.status).toBe(302);

      const newcomer = await newProvider();
      const page = await load(newcomer.cookie);
      expect(page.categoryOptions.some((option) => option.value === String(categoryIds.personenalarmering))).toBe(false);
      const refused = await act(post(newcomer.cookie, [["categories", String(categoryIds.personenalarmering)], ...line(0, "Alarm", "12"), ["intent", "save"]]));
      expect(refused.status).toBe(400);
      expect(refused.form?.error).toEqual({ categories: ["Kies een categorie uit de lijst"] });
    } finally {
      await db.updateTable("categories").set({ retired_at: null }).where("id", "=", categoryIds.personenalarmering!).execute();
    }
  });
});

describe("Diensten & prijzen: the PDF price list", () => {
  it("stores the PDF with the step and serves it to its owner only while the profile is not live", async () => {
    const owner = await newProvider("draft");
    const stranger = await newProvider("draft");
    const file = pdfFile("Tarieven 2026.pdf");
    const answer = await act(post(owner.cookie, [...twoLines().filter(([name]) => name !== "priceList"), ["priceList", file]]));
    expect(answer.status).toBe(302);

    const page = await load(owner.cookie);
    expect(page.priceList).toMatchObject({ name: "Tarieven 2026.pdf", size: "1 kB" });
    const id = page.priceList!.href.replace("/prijslijst/", "");
    expect(fs.readFileSync(priceListFilePath(uploadsDir, id))).toEqual(Buffer.from(await file.arrayBuffer()));

    const mine = await download(id, owner.cookie);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Type")).toBe("application/pdf");
    expect(mine.headers.get("Content-Disposition")).toMatch(/^attachment; filename="prijslijst-[a-z0-9-]+\.pdf"$/);
    expect(mine.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(mine.headers.get("Cache-Control")).toBe("private, max-age=3600");
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(Buffer.from(await file.arrayBuffer()));

    expect((await download(id, stranger.cookie)).status).toBe(404);
    expect((await download(id)).status).toBe(404);

    await db.updateTable("providers").set({ status: "live" }).where("id", "=", owner.id).execute();
    expect((await download(id)).status).toBe(200);
    expect((await download(id, stranger.cookie)).status).toBe(200);
  });

  it("answers 404 for an id that is malformed or unknown", async () => {
    for (const id of ["../../vivium.sqlite", "abc", "0".repeat(32), `${"a".repeat(32)}.pdf`]) {
      expect((await download(id)).status).toBe(404);
    }
  });

  it("replaces the PDF on the next save and deletes the old file", async () => {
    const { cookie } = await newProvider();
    await act(post(cookie, [...twoLines().filter(([name]) => name !== "priceList"), ["priceList", pdfFile("oud.pdf", "Oud")]]));
    const first = (await load(cookie)).priceList!.href.replace("/prijslijst/", "");
    await act(post(cookie, [...twoLines().filter(([name]) => name !== "priceList"), ["priceList", pdfFile("nieuw.pdf", "Nieuw")]]));
    const second = await load(cookie);

    expect(second.priceList?.name).toBe("nieuw.pdf");
    expect(fs.existsSync(priceListFilePath(uploadsDir, first))).toBe(false);
    expect((await download(first, cookie)).status).toBe(404);
  });

  it("keeps the stored PDF when the step is saved without choosing a file", async () => {
    const { cookie } = await newProvider();
    await act(post(cookie, [...twoLines().filter(([name]) => name !== "priceList"), ["priceList", pdfFile()]]));
    const before = (await load(cookie)).priceList;
    await act(post(cookie, twoLines()));
    expect((await load(cookie)).priceList).toEqual(before);
  });

  it("'Prijslijst verwijderen' removes the file at once and keeps what was typed", async () => {
    const { id, cookie } = await newProvider();
    await act(post(cookie, [...twoLines().filter(([name]) => name !== "priceList"), ["priceList", pdfFile()]]));
    const uploadId = (await load(cookie)).priceList!.href.replace("/prijslijst/", "");

    const entries = twoLines().map(([name, value]): Entry => [name, name === "intent" ? "remove-price-list" : name === "services[0].name" ? "Nieuwe naam" : value]);
    const answer = await act(post(cookie, entries));

    expect(answer.status).toBe(200);
    expect(answer.form?.notice).toMatch(/prijslijst is verwijderd/);
    expect(answer.form?.lines[0]?.name).toBe("Nieuwe naam");
    expect((await load(cookie)).priceList).toBeNull();
    expect(fs.existsSync(priceListFilePath(uploadsDir, uploadId))).toBe(false);
    expect((await storedServices(id))[0]?.name).toBe("Computerhulp");
  });
});

describe("Diensten & prijzen: access", () => {
  it("sends a provider who has not finished Beschikbaarheid back to the step to do first", async () => {
    const { id, cookie } = await newProvider();
    await db.updateTable("providers").set({ completed_steps: JSON.stringify(["aanmelding", "persoonlijk"]) }).where("id", "=", id).execute();
    const answer = await act(post(cookie, twoLines()));
    expect(answer).toMatchObject({ status: 302, location: "/aanmelden/bedrijf" });
    expect(await storedServices(id)).toEqual([]);
  });

  it("sends a visitor without a session to the sign-in page", async () => {
    const answer = await act(post("vivium_session=nope", twoLines()));
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/inloggen\?redirectTo=/);
  });
});
