/**
 * The site header's link to someone's own pages, from the root loader with
 * real sessions: "Mijn aanmelding" while a provider is signing up, "Mijn
 * Vivium" (the backoffice) once online, "Beheer" for staff, none for a visitor.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ProviderStatus } from "#db/schema";
import * as root from "~/root";
import type { Db } from "~/server/db.server";
import { staffSessionCookieFor } from "~/server/staff-session.server";
import { context, getRequest, settle, signIn } from "../support/route-calls";
import { insertTestProvider, setUpAppTestDatabase } from "../support/test-database";

let db: Db;
setUpAppTestDatabase((t) => {
  db = t.db;
});

let staffCookie: string;
beforeAll(async () => {
  const now = new Date().toISOString();
  const staff = await db
    .insertInto("staff")
    .values({ email: "kop@vivium.test", name: "Henk", password_hash: "x", created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  staffCookie = await staffSessionCookieFor(staff.id);
});

async function headerFor(cookie?: string) {
  const page = await settle(() => root.loader({ request: getRequest("/", cookie), params: {}, context }));
  expect(page.status).toBe(200);
  return page.data?.signedIn;
}

async function providerWith(status: ProviderStatus): Promise<string> {
  const id = await insertTestProvider(db, { firstName: "Gerda" });
  await db.updateTable("providers").set({ status }).where("id", "=", id).execute();
  return signIn(id);
}

describe("the header link to one's own pages", () => {
  it.each(["draft", "awaiting_payment"] as const)("a provider still signing up (%s) goes on with the signup", async (status) => {
    expect(await headerFor(await providerWith(status))).toEqual({
      firstName: "Gerda",
      ownPages: { label: "Mijn aanmelding", href: "/aanmelden/verder" },
    });
  });

  it.each(["live", "paused", "suspended"] as const)("a provider who is online (%s) goes to Mijn Vivium, the backoffice", async (status) => {
    expect(await headerFor(await providerWith(status))).toEqual({
      firstName: "Gerda",
      ownPages: { label: "Mijn Vivium", href: "/backoffice" },
    });
  });

  it("says Mijn Vivium from the moment the profile goes live", async () => {
    const id = await insertTestProvider(db, { firstName: "Gerda", status: "draft" });
    const cookie = await signIn(id);
    expect(await headerFor(cookie)).toMatchObject({ ownPages: { label: "Mijn aanmelding" } });
    await db.updateTable("providers").set({ status: "live" }).where("id", "=", id).execute();
    expect(await headerFor(cookie)).toMatchObject({ ownPages: { label: "Mijn Vivium", href: "/backoffice" } });
  });

  it("takes staff to the staff console, and shows a visitor no such link", async () => {
    expect(await headerFor(staffCookie)).toEqual({ firstName: "Henk", ownPages: { label: "Beheer", href: "/beheer" } });
    expect(await headerFor()).toBeNull();
  });
});
