/**
 * Every staff console route (app/routes/beheer*.tsx, read from disk so a new
 * route cannot be missed) refuses anonymous visitors and provider sessions
 * with a plain 404, by GET (loader) and by POST (action); with a staff
 * session it is not refused.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetDatabase, type Db } from "~/server/db.server";
import { issueInvoice } from "~/server/invoices.server";
import { createStaff } from "~/server/staff.server";
import { isStaffRefusal, staffSessionCookieFor } from "~/server/staff-session.server";
import { insertBillableProvider, insertTestPayment } from "../support/billing";
import { BASE, context, signIn } from "../support/route-calls";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((file) => /^beheer([.[].*)?\.tsx$/.test(file) && !file.includes(".test."))
  .sort();

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
  action?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
};

let t: TestDatabase;
let db: Db;
let providerId: number;
let invoiceNumber: string;
const cookies: Record<"anonymous" | "provider" | "staff", string | undefined> = { anonymous: undefined, provider: undefined, staff: undefined };

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  providerId = await insertBillableProvider(db);
  const payment = await insertTestPayment(db, { providerId, status: "paid" });
  invoiceNumber = (await issueInvoice(db, payment.id)).number;
  cookies.provider = await signIn(providerId);
  const staffId = await createStaff(db, { email: "beheer@example.nl", name: "Sanne Beheer", password: "lange-zin-als-wachtwoord" });
  cookies.staff = await staffSessionCookieFor(staffId);
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

/** The route's URL params, named by its file name (`$id`, `$id_`), filled with records that exist. */
function paramsFor(file: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const segment of file.replace(/\.tsx$/, "").split(".")) {
    if (!segment.startsWith("$")) continue;
    const name = segment.slice(1).replace(/_$/, "");
    params[name] = name === "number" ? invoiceNumber : String(providerId);
  }
  return params;
}

function urlFor(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? params[s.slice(1).replace(/_$/, "")] : s.replace(/_$/, "")));
  return `${BASE}/${segments.join("/")}`;
}

async function outcome(run: () => Promise<unknown>): Promise<{ status: number; refused: boolean }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, refused: isStaffRefusal(result) };
    const value = result as { type?: string; init?: ResponseInit | null } | null;
    return { status: value?.type === "DataWithResponseInit" ? (value.init?.status ?? 200) : 200, refused: false };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, refused: isStaffRefusal(thrown) };
    throw thrown;
  }
}

function request(url: string, method: "GET" | "POST", cookie: string | undefined): Request {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (method === "GET") return new Request(url, { headers });
  return new Request(url, {
    method,
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "check", check: "identity_seen" }),
  });
}

describe("staff console authorization", () => {
  it("finds the console's route files", () => {
    expect(routeFiles).toContain("beheer.tsx");
    expect(routeFiles).toContain("beheer._index.tsx");
    expect(routeFiles).toContain("beheer.dienstverleners.$id.tsx");
    expect(routeFiles.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of routeFiles) {
    describe(file, () => {
      const load = async () => (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;

      it("has a loader or an action", async () => {
        const route = await load();
        expect(route.loader ?? route.action).toBeTypeOf("function");
      });

      for (const who of ["anonymous", "provider"] as const) {
        it(`gives ${who} visitors a 404 by GET and by POST`, async () => {
          const route = await load();
          const params = paramsFor(file);
          const url = urlFor(file, params);
          const logBefore = await db.selectFrom("audit_log").select("id").execute();
          if (route.loader) {
            const result = await outcome(() => route.loader!({ request: request(url, "GET", cookies[who]), params, context }));
            expect(result).toEqual({ status: 404, refused: true });
          }
          if (route.action) {
            const result = await outcome(() => route.action!({ request: request(url, "POST", cookies[who]), params, context }));
            expect(result).toEqual({ status: 404, refused: true });
          }
          // The refused POST changed nothing.
          expect(await db.selectFrom("audit_log").select("id").execute()).toEqual(logBefore);
        });
      }

      it("lets staff in", async () => {
        const route = await load();
        const params = paramsFor(file);
        const url = urlFor(file, params);
        if (route.loader) {
          const result = await outcome(() => route.loader!({ request: request(url, "GET", cookies.staff), params, context }));
          expect(result.refused).toBe(false);
          expect(result.status).not.toBe(404);
        }
        if (route.action) {
          const result = await outcome(() => route.action!({ request: request(url, "POST", cookies.staff), params, context }));
          expect(result.refused).toBe(false);
          expect(result.status).not.toBe(404);
        }
      });
    });
  }

  it("does not take a provider cookie for a staff one or the other way round", async () => {
    const staffCookieValue = cookies.staff!.split("=").slice(1).join("=");
    const providerCookieName = cookies.provider!.split("=")[0]!;
    const route = (await import("~/routes/beheer._index")) as RouteModule;
    const asProviderCookie = await outcome(() =>
      route.loader!({ request: request(`${BASE}/beheer`, "GET", `${providerCookieName}=${staffCookieValue}`), params: {}, context }),
    );
    expect(asProviderCookie).toEqual({ status: 404, refused: true });
  });
});
