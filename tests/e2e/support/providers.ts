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
export async function createLiveProvider(demo: TestProviderValues): Promise<TestProvider> {
  return insertTestProvider({ ...demo, lastName: `${demo.lastName}-${randomLetters(1).toUpperCase()}${randomLetters(5)}` }, "live");
}

/**
 * A provider who filled in steps 1–6 as the demo data has them and has not
 * paid yet: signing in leads to Betaling. For journeys about the payment or
 * what follows it, without walking the wizard again (the wizard has journeys
 * of its own). `lastName` must be one no other test uses (uniqueLastName).
 */
export async function createProviderAtPayment(demo: TestProviderValues): Promise<TestProvider> {
  return insertTestProvider(demo, "payment");
}

type TestProviderValues = Pick<DemoProvider, "firstName" | "lastName" | "place" | "categories" | "coverage"> & Partial<Pick<DemoProvider, "gender" | "dayparts">>;

async function insertTestProvider(demo: TestProviderValues, stage: "live" | "payment"): Promise<TestProvider> {
  const { lastName } = demo;
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
        }).then(async (inserted) => {
          if (stage === "payment") {
            await trx
              .updateTable("providers")
              .set({ status: "draft", published_at: null, completed_steps: JSON.stringify(["aanmelding", "persoonlijk", "bedrijf", "profiel", "beschikbaarheid", "diensten"]) })
              .where("id", "=", inserted.id)
              .execute();
          }
          return inserted;
        }),
      ),
    );
    return { id, slug, name: `${demo.firstName} ${lastName}`, email: `${slug}@demo.viviumservices.nl`, password: DEMO_PASSWORD };
  } finally {
    await database.close();
  }
}
