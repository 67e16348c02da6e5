import { type Kysely, sql } from "kysely";
import { DEFAULT_CATEGORY_KEYWORDS } from "../seed/category-keywords";

/** As app/domain/geo.ts: mean Earth radius 6371.0088 km. */
const KM_PER_DEGREE_LAT = (Math.PI * 6371.0088) / 180;

// Search that understands what people type:
//
// - categories.keywords: the category's zoekwoorden (comma separated),
//   indexed in the `categories` column of provider_search next to the
//   category name, so "valalarm" finds Personenalarmering. Staff edit them.
// - The index triggers of 0006 are rebuilt to index those words, and every
//   change to the index also counts up search_index_state.version, so the
//   app's in-memory copy of the vocabulary (for typos and compounds) knows
//   when to read it again.
// - provider_search_terms: fts5vocab over the index, one row per term and
//   column: the words the index knows, for typo correction and for finding
//   a typed word inside longer compounds.
// - A "Kapper aan huis" category: hairdressers were in Overige, where
//   nobody searching for a kapper looked. The demo thuiskapper moves there.

/** The text of a provider's categories in the index: names and zoekwoorden (or, as in 0006, names only). */
const CATEGORY_TEXT = "c.name || ' ' || replace(c.keywords, ',', ' ')";
const CATEGORY_NAMES = "c.name";

/** The index rows of the live providers that `join` and `where` select (alias `p`). */
const indexRows = (join: string, where: string, categoryText = CATEGORY_TEXT) => `
  INSERT INTO provider_search (rowid, name, categories, services, intro, profile)
  SELECT p.id,
    trim(p.first_name || ' ' || coalesce(p.infix, '') || ' ' || coalesce(p.last_name, '') || ' ' || coalesce(p.company_name, '')),
    coalesce((SELECT group_concat(${categoryText}, ' ') FROM provider_categories pc JOIN categories c ON c.id = pc.category_id WHERE pc.provider_id = p.id), ''),
    coalesce((SELECT group_concat(s.name || ' ' || coalesce(s.description, ''), ' ') FROM provider_services s WHERE s.provider_id = p.id), ''),
    coalesce(p.intro_text, ''),
    coalesce(p.profile_text, '')
  FROM providers p ${join}
  WHERE p.status = 'live' AND ${where};`;

/** How the triggers index: this migration's way, or 0006's (for down). */
type IndexStyle = { categoryText: string; bumpVersion: string };
const WITH_KEYWORDS: IndexStyle = { categoryText: CATEGORY_TEXT, bumpVersion: "UPDATE search_index_state SET version = version + 1;" };
const AS_0006: IndexStyle = { categoryText: CATEGORY_NAMES, bumpVersion: "" };

/** Rebuilds the index row of one provider (none when not live). */
const refresh = (id: string, o: IndexStyle) => `
  DELETE FROM provider_search WHERE rowid = ${id};
  ${indexRows("", `p.id = ${id}`, o.categoryText)}
  ${o.bumpVersion}`;

/** As 0006: the werkgebied box of one live radius provider. */
const areaRows = (where: string) => `
  INSERT INTO provider_search_area (id, min_lat, max_lat, min_lon, max_lon, radius_km, base_lat, base_lon)
  SELECT c.provider_id,
    c.base_lat - c.radius_km / ${KM_PER_DEGREE_LAT} - 1e-3,
    c.base_lat + c.radius_km / ${KM_PER_DEGREE_LAT} + 1e-3,
    c.base_lon - c.radius_km / (${KM_PER_DEGREE_LAT} * cos(radians(min(89, abs(c.base_lat) + c.radius_km / ${KM_PER_DEGREE_LAT})))) - 1e-3,
    c.base_lon + c.radius_km / (${KM_PER_DEGREE_LAT} * cos(radians(min(89, abs(c.base_lat) + c.radius_km / ${KM_PER_DEGREE_LAT})))) + 1e-3,
    c.radius_km, c.base_lat, c.base_lon
  FROM provider_coverage c JOIN providers p ON p.id = c.provider_id
  WHERE c.mode = 'radius' AND c.base_lat IS NOT NULL AND c.base_lon IS NOT NULL AND p.status = 'live' AND ${where};`;

const refreshArea = (id: string) => `
  DELETE FROM provider_search_area WHERE id = ${id};
  ${areaRows(`c.provider_id = ${id}`)}`;

/** Every provider in category `id` gets its row rebuilt. */
const refreshCategory = (id: string, o: IndexStyle) => `
  DELETE FROM provider_search WHERE rowid IN (SELECT provider_id FROM provider_categories WHERE category_id = ${id});
  ${indexRows("JOIN provider_categories x ON x.provider_id = p.id", `x.category_id = ${id}`, o.categoryText)}
  ${o.bumpVersion}`;

/** The 0006 triggers that write provider_search, rebuilt here. */
const INDEX_TRIGGERS = [
  "providers_insert", "providers_update", "providers_delete",
  "categories_insert", "categories_delete", "categories_update",
  "services_insert", "services_delete", "services_update", "category_rename",
];

const HAIRDRESSER = "Kapper aan huis";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE categories ADD COLUMN keywords TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE TABLE search_index_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)`.execute(db);
  await sql`INSERT INTO search_index_state (id, version) VALUES (1, 1)`.execute(db);
  await sql`CREATE VIRTUAL TABLE provider_search_terms USING fts5vocab(provider_search, 'col')`.execute(db);

  // An existing database (categories are seeded after the first migrations):
  // the hairdressers' category in its alphabetical place, the demo thuiskapper in it.
  const categories = await sql<{ id: number; name: string; position: number }>`SELECT id, name, position FROM categories`.execute(db);
  if (categories.rows.length > 0 && !categories.rows.some((c) => c.name.toLowerCase() === HAIRDRESSER.toLowerCase())) {
    const next = categories.rows
      .filter((c) => c.name.localeCompare(HAIRDRESSER, "nl") > 0 && c.name !== "Overige")
      .sort((a, b) => a.position - b.position)[0];
    const position = next?.position ?? Math.max(...categories.rows.map((c) => c.position)) + 1;
    await sql`UPDATE categories SET position = position + 1 WHERE position >= ${position}`.execute(db);
    const now = new Date().toISOString();
    await sql`INSERT INTO categories (slug, name, position, created_at) VALUES ('kapper-aan-huis', ${HAIRDRESSER}, ${position}, ${now})`.execute(db);
    await sql`
      UPDATE provider_categories
      SET category_id = (SELECT id FROM categories WHERE slug = 'kapper-aan-huis')
      WHERE category_id = (SELECT id FROM categories WHERE name = 'Overige')
        AND provider_id IN (SELECT id FROM providers WHERE email LIKE '%@demo.viviumservices.nl' AND first_name = 'Daphne' AND last_name = 'Rijnders')`.execute(db);
  }
  for (const [name, keywords] of Object.entries(DEFAULT_CATEGORY_KEYWORDS)) {
    await sql`UPDATE categories SET keywords = ${keywords.join(", ")} WHERE name = ${name} AND keywords = ''`.execute(db);
  }

  await createIndexTriggers(db, WITH_KEYWORDS);

  // Every live provider indexed again, now with the zoekwoorden.
  await sql`DELETE FROM provider_search`.execute(db);
  await sql.raw(indexRows("", "1")).execute(db);
}

/** Drops the index triggers and creates them in style `o`. */
async function createIndexTriggers(db: Kysely<any>, o: IndexStyle): Promise<void> {
  for (const name of INDEX_TRIGGERS) await sql.raw(`DROP TRIGGER IF EXISTS provider_search_${name}`).execute(db);
  const triggers = [
    `CREATE TRIGGER provider_search_providers_insert AFTER INSERT ON providers BEGIN ${refresh("new.id", o)} END`,
    `CREATE TRIGGER provider_search_providers_update
       AFTER UPDATE OF status, first_name, infix, last_name, company_name, intro_text, profile_text ON providers
       BEGIN ${refresh("old.id", o)} ${refresh("new.id", o)} ${refreshArea("new.id")} END`,
    `CREATE TRIGGER provider_search_providers_delete AFTER DELETE ON providers BEGIN
       DELETE FROM provider_search WHERE rowid = old.id; DELETE FROM provider_search_area WHERE id = old.id; ${o.bumpVersion} END`,
    `CREATE TRIGGER provider_search_categories_insert AFTER INSERT ON provider_categories BEGIN ${refresh("new.provider_id", o)} END`,
    `CREATE TRIGGER provider_search_categories_delete AFTER DELETE ON provider_categories BEGIN ${refresh("old.provider_id", o)} END`,
    `CREATE TRIGGER provider_search_categories_update AFTER UPDATE ON provider_categories BEGIN ${refresh("old.provider_id", o)} ${refresh("new.provider_id", o)} END`,
    `CREATE TRIGGER provider_search_services_insert AFTER INSERT ON provider_services BEGIN ${refresh("new.provider_id", o)} END`,
    `CREATE TRIGGER provider_search_services_delete AFTER DELETE ON provider_services BEGIN ${refresh("old.provider_id", o)} END`,
    `CREATE TRIGGER provider_search_services_update AFTER UPDATE ON provider_services BEGIN ${refresh("old.provider_id", o)} ${refresh("new.provider_id", o)} END`,
    // A renamed category or new zoekwoorden: every provider in it is indexed again.
    `CREATE TRIGGER provider_search_category_rename AFTER UPDATE OF name, keywords ON categories BEGIN ${refreshCategory("new.id", o)} END`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

/** Back to the triggers of 0006: category names only, no version. The categories and their moves stay. */
export async function down(db: Kysely<any>): Promise<void> {
  await createIndexTriggers(db, AS_0006);
  await sql`DELETE FROM provider_search`.execute(db);
  await sql.raw(indexRows("", "1", CATEGORY_NAMES)).execute(db);
  await sql`DROP TABLE provider_search_terms`.execute(db);
  await sql`DROP TABLE search_index_state`.execute(db);
  await sql`ALTER TABLE categories DROP COLUMN keywords`.execute(db);
}
