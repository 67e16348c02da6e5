import { randomInt } from "node:crypto";
import type { DemoProvider } from "#db/seed/demo-providers";
import { DEMO_PASSWORD, insertDemoProvider } from "#db/seed/seed";
import { retryWhenBusy } from "~/server/db.server";
import { hashPassword } from "~/server/passwords.server";
import { openServerDatabase } from "./video";

/** A live provider made for one test: nobody else's test changes, suspends or reviews it. */
export type TestProvider = { id: number; slug: string; name: string; email: string; password: string };

let passwordHash: Promise<string> | null = null;

function randomLetters(length: number): string {
  return Array.from({ length }, () => String.fromCharCode(97 + randomInt(26))).join("");
}

/**
 * Adds a complete, live provider to the e2e server's database, as the demo
 * data has them (texts and prices of the category, dagdelen, werkgebied around
 * the place), with a last name no other test uses. Signs in with the demo
 * password.
 */
export async function createLiveProvider(
  demo: Pick<DemoProvider, "firstName" | "lastName" | "place" | "categories" | "coverage"> & Partial<Pick<DemoProvider, "gender" | "dayparts">>,
): Promise<TestProvider> {
  const lastName = `${demo.lastName}-${randomLetters(1).toUpperCase()}${randomLetters(5)}`;
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  const database = openServerDatabase();
  try {
    const categories = new Map((await database.db.selectFrom("categories").select(["id", "name"]).execute()).map((c) => [c.name, c.id] as const));
    // The server writes to the same file meanwhile; a transaction that meets its write is tried again.
    const { id, slug } = await retryWhenBusy(() =>
      database.db.transaction().execute(async (trx) =>
        insertDemoProvider(trx, { gender: "vrouw", dayparts: "weekdays", ...demo, lastName }, {
          index: randomInt(1000),
          passwordHash: hash,
          createdAt: new Date(Date.now() - 30 * 86_400_000),
          categories,
          // The random last name makes the address unique; the database refuses a clash.
          slugTaken: () => false,
        }),
      ),
    );
    return { id, slug, name: `${demo.firstName} ${lastName}`, email: `${slug}@demo.viviumservices.nl`, password: DEMO_PASSWORD };
  } finally {
    await database.close();
  }
}
