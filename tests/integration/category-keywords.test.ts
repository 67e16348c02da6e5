/**
 * Staff edit a category's zoekwoorden on /beheer/categorieen: the words are
 * stored normalised, audited old → new, and search finds the category's live
 * providers by them at once. Route actions are called with real Requests and
 * a real staff session, on a real SQLite file.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as categoriesPage from "~/routes/beheer.categorieen";
import type { Db } from "~/server/db.server";
import { searchProviders } from "~/server/search.server";
import { isStaffRefusal, staffSessionCookieFor } from "~/server/staff-session.server";
import { context, getRequest, postForm, settle } from "../support/route-calls";
import { insertTestProvider, setUpAppTestDatabase } from "../support/test-database";

let db: Db;
let cookie: string;
let categoryId: number;
let providerId: number;
const CATEGORY = "Proefhulp aan huis";

setUpAppTestDatabase((t) => {
  db = t.db;
});

beforeAll(async () => {
  const now = new Date().toISOString();
  const staff = await db
    .insertInto("staff")
    .values({ email: "ans@vivium.test", name: "Ans Beheer", password_hash: "x", created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  cookie = await staffSessionCookieFor(staff.id);
  const category = await db
    .insertInto("categories")
    .values({ slug: "proefhulp-aan-huis", name: CATEGORY, position: 900, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  categoryId = category.id;
  providerId = await insertTestProvider(db, { firstName: "Gerda" });
  await db.insertInto("provider_categories").values({ provider_id: providerId, category_id: categoryId }).execute();
});

const args = (request: Request) => ({ request, params: {}, context });

function saveKeywords(keywords: string, id = String(categoryId)) {
  return settle(() =>
    categoriesPage.action(
      args(postForm("/beheer/categorieen", cookie, [["intent", "keywords"], ["id", id], ["currentName", CATEGORY], ["keywords", keywords]])),
    ),
  );
}

async function storedKeywords(): Promise<string> {
  return (await db.selectFrom("categories").select("keywords").where("id", "=", categoryId).executeTakeFirstOrThrow()).keywords;
}

async function keywordAudits() {
  const rows = await db.selectFrom("audit_log").selectAll().where("action", "=", "category.keywords").orderBy("id").execute();
  return rows.map((row) => ({ ...row, old: JSON.parse(row.old_values ?? "null"), new: JSON.parse(row.new_values ?? "null") }));
}

async function found(wat: string): Promise<boolean> {
  const { results } = await searchProviders(db, { wat });
  return results.some((result) => result.id === providerId);
}

describe("zoekwoorden of a category", () => {
  it("are stored normalised, audited old → new, shown on the page, and found by search at once", async () => {
    expect(await found("zwierbolk")).toBe(false);

    const response = await saveKeywords("  Zwierbolk, zwierbolk ,\nkrul   knipper\r\n, ZWIERBÖLK,,");
    expect(response).toMatchObject({ status: 303, location: `/beheer/categorieen?klaar=zoekwoorden#categorie-${categoryId}` });
    expect(await storedKeywords()).toBe("Zwierbolk, krul knipper");
    const [audit] = await keywordAudits();
    expect(audit).toMatchObject({
      entity_type: "category",
      entity_id: String(categoryId),
      staff_name: "Ans Beheer",
      old: { name: CATEGORY, keywords: "" },
      new: { name: CATEGORY, keywords: "Zwierbolk, krul knipper" },
    });

    expect(await found("zwierbolk")).toBe(true);
    expect(await found("krul knipper")).toBe(true);

    const page = await settle(() => categoriesPage.loader(args(getRequest("/beheer/categorieen", cookie))));
    const categories = (page.data as { categories: Array<{ id: number; keywords: string[] }> }).categories;
    expect(categories.find((c) => c.id === categoryId)?.keywords).toEqual(["Zwierbolk", "krul knipper"]);
  });

  it("replaced, the old words no longer find the provider and the audit shows both lists", async () => {
    const response = await saveKeywords("pluimstrijker, krul knipper");
    expect(response.status).toBe(303);
    expect(await storedKeywords()).toBe("pluimstrijker, krul knipper");
    expect(await found("pluimstrijker")).toBe(true);
    expect(await found("zwierbolk")).toBe(false);
    expect((await keywordAudits()).at(-1)).toMatchObject({
      old: { keywords: "Zwierbolk, krul knipper" },
      new: { keywords: "pluimstrijker, krul knipper" },
    });
  });

  it("saved again unchanged, leave no second audit entry", async () => {
    const before = (await keywordAudits()).length;
    expect((await saveKeywords(" pluimstrijker,krul   knipper\n")).status).toBe(303);
    expect(await storedKeywords()).toBe("pluimstrijker, krul knipper");
    expect(await keywordAudits()).toHaveLength(before);
  });

  it("refused, change nothing and come back with what was typed and the message", async () => {
    const before = (await keywordAudits()).length;
    const typed = "kapper; kapster, haar";
    const response = await saveKeywords(typed);
    expect(response).toMatchObject({
      status: 400,
      data: {
        field: `keywords-${categoryId}`,
        label: `Zoekwoorden voor ${CATEGORY}`,
        value: typed,
        message: expect.stringContaining('Het zoekwoord "kapper; kapster" heeft een teken dat niet kan'),
      },
    });
    const tooMany = await saveKeywords(Array.from({ length: 61 }, (_, i) => `woord${i}`).join(", "));
    expect(tooMany).toMatchObject({ status: 400, data: { message: "Gebruik hoogstens 60 zoekwoorden; dit zijn er 61" } });

    expect(await storedKeywords()).toBe("pluimstrijker, krul knipper");
    expect(await keywordAudits()).toHaveLength(before);
    expect(await found("kapster")).toBe(false);
    expect(await found("pluimstrijker")).toBe(true);
  });

  it("for an unknown category are a 404, and without a staff session nothing is saved", async () => {
    const unknown = await saveKeywords("kapper", "999999");
    expect(unknown.status).toBe(404);
    expect(isStaffRefusal(unknown.response)).toBe(false);
    expect((await saveKeywords("kapper", "geen")).status).toBe(400);

    const anonymous = await settle(() =>
      categoriesPage.action(args(postForm("/beheer/categorieen", undefined, [["intent", "keywords"], ["id", String(categoryId)], ["keywords", "kapper"]]))),
    );
    expect(isStaffRefusal(anonymous.response)).toBe(true);
    expect(await storedKeywords()).toBe("pluimstrijker, krul knipper");
  });

  it("emptied, the category is found by its name alone", async () => {
    expect((await saveKeywords(" , \n")).status).toBe(303);
    expect(await storedKeywords()).toBe("");
    expect(await found("pluimstrijker")).toBe(false);
    expect(await found("proefhulp")).toBe(true);
    expect((await keywordAudits()).at(-1)).toMatchObject({ old: { keywords: "pluimstrijker, krul knipper" }, new: { keywords: "" } });
  });
});
