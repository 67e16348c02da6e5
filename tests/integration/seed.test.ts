import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCategories, seedDemoProviders, DEMO_PASSWORD } from "#db/seed/seed";
import { findCoveringProviders } from "~/server/coverage.server";
import { resolveLocation } from "~/server/geo.server";
import { verifyPassword } from "~/server/passwords.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

describe("demo data", () => {
  it("adds the manual's categories plus Kapper aan huis and Overige, once, with their zoekwoorden", async () => {
    expect(await seedCategories(t.db)).toBe(22);
    expect(await seedCategories(t.db)).toBe(0);
    const names = (await t.db.selectFrom("categories").select("name").orderBy("position").execute()).map((c) => c.name);
    expect(names[0]).toBe("Administratie");
    expect(names).toContain("Pedicures (medisch)");
    expect(names).toContain("Kapper aan huis");
    expect(names.at(-1)).toBe("Overige");
    const hairdresser = await t.db.selectFrom("categories").select("keywords").where("name", "=", "Kapper aan huis").executeTakeFirstOrThrow();
    expect(hairdresser.keywords.split(", ")).toEqual(expect.arrayContaining(["kapper", "thuiskapper", "kapster", "knippen"]));
  });

  it("adds about forty live providers with every coverage mode, once", async () => {
    expect(await seedDemoProviders(t.db)).toBe(41);
    expect(await seedDemoProviders(t.db)).toBe(0);
    const providers = await t.db.selectFrom("providers").select(["status", "slug", "password_hash"]).execute();
    expect(providers).toHaveLength(41);
    expect(providers.every((p) => p.status === "live" && p.slug)).toBe(true);
    expect(await verifyPassword(providers[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    const modes = await t.db.selectFrom("provider_coverage").select("mode").distinct().execute();
    expect(modes.map((m) => m.mode).sort()).toEqual(["nationwide", "places", "radius"]);
    const services = await t.db.selectFrom("provider_services").select("provider_id").distinct().execute();
    expect(services).toHaveLength(41);
  });

  it("makes search return nearby demo providers", async () => {
    const woerden = await resolveLocation(t.db, "3447 GT");
    if (!woerden.ok) throw new Error("Woerden not found");
    const found = await findCoveringProviders(t.db, woerden.location);
    const names = await t.db.selectFrom("providers").select("first_name").where("id", "in", found.map((f) => f.providerId)).execute();
    expect(names.map((n) => n.first_name)).toEqual(expect.arrayContaining(["Bert", "Hanneke", "Kees"]));
  });
});
