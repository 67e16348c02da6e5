/**
 * "Help mij zoeken" on a real SQLite file: a customer's request through the
 * public route (/hulp-bij-zoeken), refused with Dutch messages when it is
 * incomplete, limited per client address; and the staff console's list
 * (/beheer/hulpvragen), where "Afgehandeld" closes a request with an audit
 * entry. Routes are called with real Requests and real sessions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as dashboard from "~/routes/beheer._index";
import * as staffPage from "~/routes/beheer.hulpvragen";
import * as publicPage from "~/routes/hulp-bij-zoeken";
import type { Db } from "~/server/db.server";
import { searchHelpLimit } from "~/server/rate-limit.server";
import { staffSessionCookieFor } from "~/server/staff-session.server";
import { context, getRequest, postForm, settle, signIn } from "../support/route-calls";
import { insertTestProvider, setUpAppTestDatabase } from "../support/test-database";

let db: Db;
setUpAppTestDatabase((t) => {
  db = t.db;
});

let staff: { id: number; name: string };
let staffCookie: string;

beforeAll(async () => {
  const now = new Date().toISOString();
  staff = await db
    .insertInto("staff")
    .values({ email: "hulp@vivium.test", name: "Henk Hulp", password_hash: "x", created_at: now, updated_at: now })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  staffCookie = await staffSessionCookieFor(staff.id);
});

const PATH = "/hulp-bij-zoeken";
const VALID: Array<[string, string]> = [
  ["name", "Truus de Boer"],
  ["phone", "06 12345678"],
  ["what", "Iemand die mijn haar thuis knipt"],
  ["place", "Woerden"],
  ["website", ""],
];

let ipCounter = 0;
/** Each test's posts come from their own address, so the rate limit of one test never refuses another's. */
function freshContext() {
  ipCounter += 1;
  return { ...context, clientIp: `198.51.100.${ipCounter}` };
}

function send(entries: Array<[string, string]>, ctx = freshContext()) {
  return settle(() => publicPage.action({ request: postForm(PATH, undefined, entries), params: {}, context: ctx }));
}

const stored = () => db.selectFrom("search_help_requests").selectAll().orderBy("id").execute();

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

describe("a customer asks for help", () => {
  it("starts the form with what and where from the search page", async () => {
    const page = await settle(() => publicPage.loader({ request: getRequest(`${PATH}?wat=kapper&waar=Woerden`), params: {}, context }));
    expect(page.status).toBe(200);
    expect(page.data).toEqual({ prefill: { what: "kapper", place: "Woerden" }, searchHref: "/zoeken?wat=kapper&waar=Woerden" });
  });

  it("stores a complete request with the phone number in E.164 and sends the customer to the confirmation (303)", async () => {
    const before = (await stored()).length;
    const sent = await send(VALID);
    expect(sent.status).toBe(303);
    expect(sent.location).toBe("/hulp-bij-zoeken/verzonden");
    const rows = await stored();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      name: "Truus de Boer",
      phone: "+31612345678",
      what: "Iemand die mijn haar thuis knipt",
      place: "Woerden",
      handled_at: null,
      handled_by_staff_id: null,
    });
  });

  it("refuses empty fields and a wrong phone number with Dutch messages (400), keeps what was typed and stores nothing", async () => {
    const before = (await stored()).length;
    const refused = await send([
      ["name", "Truus de Boer"],
      ["phone", "12345"],
      ["what", ""],
      ["place", "  "],
      ["website", ""],
    ]);
    expect(refused.status).toBe(400);
    const result = (refused.data as { result: Reply }).result;
    expect(result.error).toEqual({
      phone: ["Het telefoonnummer klopt niet. Vul een Nederlands vast of mobiel nummer in, bijvoorbeeld 0612345678 of 030 1234567"],
      what: ["Vul in waar u hulp bij zoekt, bijvoorbeeld: iemand die mijn haar thuis knipt"],
      place: ["Vul de plaats of de postcode in waar u hulp zoekt"],
    });
    expect(result.initialValue).toMatchObject({ name: "Truus de Boer", phone: "12345" });
    expect(await stored()).toHaveLength(before);
  });

  it("stores nothing when the hidden field is filled in (a bot), and says nothing about why", async () => {
    const before = (await stored()).length;
    const refused = await send([...VALID.filter(([name]) => name !== "website"), ["website", "https://spam.example"]]);
    expect(refused.status).toBe(400);
    // The page shows only the general message: the hidden field has no label in the summary and no error of its own.
    expect((refused.data as { result: Reply }).result.error?.[""]).toEqual([expect.stringContaining("Uw vraag kon niet worden verstuurd")]);
    expect(await stored()).toHaveLength(before);
  });

  it("takes as many requests per client address per hour as the limit, then refuses that address only (429)", async () => {
    const ctx = freshContext();
    const { limit } = searchHelpLimit();
    for (let i = 0; i < limit; i++) expect((await send(VALID, ctx)).status).toBe(303);
    const before = (await stored()).length;
    const refused = await send(VALID, ctx);
    expect(refused.status).toBe(429);
    expect(JSON.stringify(refused.data)).toContain("te veel vragen verstuurd");
    expect(await stored()).toHaveLength(before);
    expect((await send(VALID)).status).toBe(303);
  });
});

describe("staff handle the requests", () => {
  async function openRequest(name: string): Promise<number> {
    const sent = await send([["name", name], ...VALID.filter(([field]) => field !== "name")]);
    expect(sent.status).toBe(303);
    return (await db.selectFrom("search_help_requests").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
  }

  const list = async () => {
    const page = await settle(() => staffPage.loader({ request: getRequest("/beheer/hulpvragen", staffCookie), params: {}, context }));
    expect(page.status).toBe(200);
    return page.data as { handled: { name: string; by: string | null; when: string } | null; requests: Array<{ id: number; name: string; phone: { label: string; href: string } }> };
  };
  const openCount = async () => {
    const page = await settle(() => dashboard.loader({ request: getRequest("/beheer", staffCookie), params: {}, context }));
    return (page.data as { counts: { openSearchHelp: number } }).counts.openSearchHelp;
  };

  it("see an open request with its phone number to call, mark it handled (303 with a message), and the audit log says who", async () => {
    const id = await openRequest("Gerrit Hulpvraag");
    const countBefore = await openCount();
    const shown = (await list()).requests.find((r) => r.id === id);
    expect(shown).toMatchObject({ name: "Gerrit Hulpvraag", phone: { label: "06\u00a012\u00a034\u00a056\u00a078", href: "tel:+31612345678" } });

    const done = await settle(() =>
      staffPage.action({ request: postForm("/beheer/hulpvragen", staffCookie, [["requestId", String(id)]]), params: {}, context }),
    );
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/beheer/hulpvragen?afgehandeld=${id}`);

    const row = await db.selectFrom("search_help_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.handled_by_staff_id).toBe(staff.id);
    expect(row.handled_at).not.toBeNull();
    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "search_help_request.handle").where("entity_id", "=", String(id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: staff.id, staff_name: "Henk Hulp", entity_type: "search_help_request" });
    expect(JSON.parse(audit[0]!.old_values!)).toEqual({ name: "Gerrit Hulpvraag", handled_at: null });
    expect(JSON.parse(audit[0]!.new_values!)).toEqual({ name: "Gerrit Hulpvraag", handled_at: row.handled_at });

    const after = await settle(() => staffPage.loader({ request: getRequest(`/beheer/hulpvragen?afgehandeld=${id}`, staffCookie), params: {}, context }));
    const data = after.data as Awaited<ReturnType<typeof list>>;
    expect(data.handled).toMatchObject({ name: "Gerrit Hulpvraag", by: "Henk Hulp" });
    expect(data.requests.map((r) => r.id)).not.toContain(id);
    expect(await openCount()).toBe(countBefore - 1);
  });

  it("change and log nothing when a handled request is marked again, and answer 404 for an unknown one and 400 for junk", async () => {
    const id = await openRequest("Dubbel Geklikt");
    const press = (requestId: string) =>
      settle(() => staffPage.action({ request: postForm("/beheer/hulpvragen", staffCookie, [["requestId", requestId]]), params: {}, context }));
    expect((await press(String(id))).status).toBe(303);
    const first = await db.selectFrom("search_help_requests").select("handled_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect((await press(String(id))).status).toBe(303);
    expect(await db.selectFrom("search_help_requests").select("handled_at").where("id", "=", id).executeTakeFirstOrThrow()).toEqual(first);
    expect(await db.selectFrom("audit_log").select("id").where("entity_id", "=", String(id)).execute()).toHaveLength(1);
    expect((await press("999999")).status).toBe(404);
    expect((await press("kapot")).status).toBe(400);
  });

  it("is out of reach for anonymous visitors and providers: 404 by GET and by POST, and nothing is handled", async () => {
    const id = await openRequest("Niet Voor Iedereen");
    const providerCookie = await signIn(await insertTestProvider(db));
    for (const cookie of [undefined, providerCookie]) {
      const page = await settle(() => staffPage.loader({ request: getRequest("/beheer/hulpvragen", cookie), params: {}, context }));
      expect(page.status).toBe(404);
      expect(JSON.stringify(page.data)).not.toContain("Niet Voor Iedereen");
      const post = await settle(() => staffPage.action({ request: postForm("/beheer/hulpvragen", cookie, [["requestId", String(id)]]), params: {}, context }));
      expect(post.status).toBe(404);
      expect((await settle(() => dashboard.loader({ request: getRequest("/beheer", cookie), params: {}, context }))).status).toBe(404);
    }
    const row = await db.selectFrom("search_help_requests").select(["handled_at", "handled_by_staff_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ handled_at: null, handled_by_staff_id: null });
  });
});
