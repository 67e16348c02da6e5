import { sql } from "kysely";
import { slugify, uniqueSlug } from "~/domain/slug";
import type { Db } from "~/server/db.server";
import { saveCoverage } from "~/server/coverage.server";
import { findPlaceByName } from "~/server/geo.server";
import { hashPassword } from "~/server/passwords.server";
import { DEFAULT_CATEGORIES } from "./categories";
import { DEFAULT_CATEGORY_KEYWORDS } from "./category-keywords";
import { CATEGORY_TEXTS, DEMO_PROVIDERS, type DemoProvider } from "./demo-providers";

/** The managed category list starts as the manual's; staff change it later. */
export async function seedCategories(db: Db): Promise<number> {
  const existing = await db.selectFrom("categories").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  if (existing.n > 0) return 0;
  const now = new Date().toISOString();
  await db
    .insertInto("categories")
    .values(DEFAULT_CATEGORIES.map((name, position) => ({ slug: slugify(name), name, position, keywords: (DEFAULT_CATEGORY_KEYWORDS[name] ?? []).join(", "), created_at: now })))
    .execute();
  return DEFAULT_CATEGORIES.length;
}

const DAYPART_PATTERNS: Record<DemoProvider["dayparts"], Array<[weekday: number, daypart: number]>> = {
  weekdays: grid([0, 1, 2, 3, 4], [0, 1]),
  mornings: grid([0, 1, 2, 3, 4, 5], [0]),
  afternoons: grid([0, 1, 2, 3, 4], [1]),
  "weekdays-and-saturday": grid([0, 1, 2, 3, 4, 5], [0, 1]),
  evenings: grid([0, 1, 2, 3, 4], [2]),
  "whole-week": grid([0, 1, 2, 3, 4, 5, 6], [0, 1, 2]),
};

function grid(weekdays: number[], parts: number[]): Array<[number, number]> {
  return weekdays.flatMap((w) => parts.map((p) => [w, p] as [number, number]));
}

/** The PC4 area nearest the centre of a place: a believable address for a demo provider. */
async function centralPc4(db: Db, placeId: number, lat: number, lon: number): Promise<number> {
  const row = await db
    .selectFrom("pc4_areas")
    .select("pc4")
    .where("place_id", "=", placeId)
    .where("has_addresses", "=", 1)
    .orderBy(sql`(lat - ${lat}) * (lat - ${lat}) + (lon - ${lon}) * (lon - ${lon})`)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.pc4;
}

/** Every demo provider signs in with its own address and this password (README: demo accounts). */
export const DEMO_PASSWORD = "Vivium-demo-2026";

/**
 * One live provider as the demo data has them: complete signup, texts and
 * prices of the main category, dagdelen and werkgebied around a central
 * address of its place. Also used by the browser tests, which give each test
 * a provider of its own.
 */
export async function insertDemoProvider(
  db: Db,
  demo: DemoProvider,
  options: {
    /** Varies the phone number, birth date and address between providers. */
    index: number;
    passwordHash: string;
    createdAt: Date;
    categories: ReadonlyMap<string, number>;
    slugTaken: (slug: string) => boolean;
  },
): Promise<{ id: number; slug: string }> {
  const { index, passwordHash, categories } = options;
  const place = await findPlaceByName(db, demo.place);
  if (!place) throw new Error(`Demo provider ${demo.firstName} lives in unknown place ${demo.place}`);
  const pc4 = await centralPc4(db, place.id, place.lat, place.lon);
  const fullName = [demo.firstName, demo.infix, demo.lastName].filter(Boolean).join(" ");
  const slug = uniqueSlug(slugify(fullName), options.slugTaken);
  const mainCategory = demo.categories[0] ?? "Overige";
  const texts = CATEGORY_TEXTS[mainCategory];
  if (!texts) throw new Error(`No demo texts for category ${mainCategory}`);
  const createdAt = options.createdAt.toISOString();

  const { id } = await db
    .insertInto("providers")
    .values({
      slug,
      email: `${slug}@demo.viviumservices.nl`,
      password_hash: passwordHash,
      status: "live",
      offerings: JSON.stringify(["diensten-aan-huis"]),
      terms_accepted_at: createdAt,
      first_name: demo.firstName,
      infix: demo.infix ?? null,
      last_name: demo.lastName,
      phone: `06${String(12_345_678 + index * 1_111_111).slice(0, 8)}`,
      gender: demo.gender,
      birth_date: `${1955 + (index % 30)}-${String((index % 12) + 1).padStart(2, "0")}-${String((index % 27) + 1).padStart(2, "0")}`,
      home_postcode: `${pc4} ${"ABCDEGHJKL"[index % 10]}${"BCEGHJKLMN"[(index * 3) % 10]}`,
      home_house_number: String(1 + ((index * 7) % 120)),
      home_addition: null,
      home_street: ["Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Julianalaan"][index % 5] ?? "Dorpsstraat",
      home_city: place.name,
      has_kvk: 1,
      company_name: demo.company ?? `${fullName} Diensten`,
      kvk_number: String(60_000_000 + index * 104_729),
      has_work_address: 0,
      intro_text: texts.intro,
      profile_text: texts.profile,
      price_note: texts.priceNote,
      completed_steps: JSON.stringify(["aanmelding", "persoonlijk", "bedrijf", "profiel", "beschikbaarheid", "diensten", "betaling"]),
      published_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  for (const name of demo.categories) {
    const categoryId = categories.get(name);
    if (categoryId === undefined) throw new Error(`Unknown demo category ${name}`);
    await db.insertInto("provider_categories").values({ provider_id: id, category_id: categoryId }).execute();
  }
  await db
    .insertInto("provider_services")
    .values(
      texts.services.map((service, position) => ({
        provider_id: id,
        position,
        name: service.name,
        price_cents: Math.round(service.euros * 100),
        unit: service.unit,
        description: service.description,
      })),
    )
    .execute();
  await db
    .insertInto("provider_dayparts")
    .values(DAYPART_PATTERNS[demo.dayparts].map(([weekday, daypart]) => ({ provider_id: id, weekday, daypart })))
    .execute();

  if (demo.coverage.mode === "places") {
    const placeIds = [place.id];
    for (const extra of demo.coverage.extraPlaces) {
      const other = await findPlaceByName(db, extra);
      if (!other) throw new Error(`Demo provider ${demo.firstName} covers unknown place ${extra}`);
      placeIds.push(other.id);
    }
    await saveCoverage(db, id, { mode: "places", placeIds }, pc4);
  } else {
    await saveCoverage(db, id, demo.coverage, pc4);
  }
  return { id, slug };
}

/**
 * About forty live providers spread over the country, for development and
 * demos. Runs only on an empty providers table, in one transaction.
 */
export async function seedDemoProviders(db: Db, now = new Date()): Promise<number> {
  const existing = await db.selectFrom("providers").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  if (existing.n > 0) return 0;
  const categories = new Map(
    (await db.selectFrom("categories").select(["id", "name"]).execute()).map((c) => [c.name, c.id] as const),
  );

  // One hash for all: argon2id is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const slugs = new Set<string>();
    for (const [index, demo] of DEMO_PROVIDERS.entries()) {
      const createdAt = new Date(now.getTime() - (index + 3) * 86_400_000 * 4);
      const { slug } = await insertDemoProvider(trx, demo, { index, passwordHash, createdAt, categories, slugTaken: (s) => slugs.has(s) });
      slugs.add(slug);
    }
  });
  return DEMO_PROVIDERS.length;
}
