import { type Kysely, sql } from "kysely";

/** As app/domain/geo.ts: mean Earth radius 6371.0088 km. */
const KM_PER_DEGREE_LAT = (Math.PI * 6371.0088) / 180;

// Keyword search (ADR 003, issue 5): an FTS5 index over the text of live
// providers, one row per provider (rowid = providers.id). Diacritics are
// folded by the tokenizer, prefix indexes make "pedi"* cheap. Triggers keep
// it in step with every write to providers, their categories and services
// and category names, so no code path has to remember to refresh it.

/** The index rows of the live providers that `join` and `where` select (alias `p`). */
const indexRows = (join: string, where: string) => `
  INSERT INTO provider_search (rowid, name, categories, services, intro, profile)
  SELECT p.id,
    trim(p.first_name || ' ' || coalesce(p.infix, '') || ' ' || coalesce(p.last_name, '') || ' ' || coalesce(p.company_name, '')),
    coalesce((SELECT group_concat(c.name, ' ') FROM provider_categories pc JOIN categories c ON c.id = pc.category_id WHERE pc.provider_id = p.id), ''),
    coalesce((SELECT group_concat(s.name || ' ' || coalesce(s.description, ''), ' ') FROM provider_services s WHERE s.provider_id = p.id), ''),
    coalesce(p.intro_text, ''),
    coalesce(p.profile_text, '')
  FROM providers p ${join}
  WHERE p.status = 'live' AND ${where};`;

/** Rebuilds the index row of one provider (none when not live). */
const refresh = (id: string) => `
  DELETE FROM provider_search WHERE rowid = ${id};
  ${indexRows("", `p.id = ${id}`)}`;

/**
 * The werkgebied box of one live radius provider, with radius and base as
 * auxiliary columns: the postcode-only search reads candidates from this one
 * R*Tree without touching providers or provider_coverage. Same box
 * as coverage.server.ts (width at the poleward edge), widened by about 100 m
 * for rounding; the exact haversine distance decides afterwards.
 */
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

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE provider_search_area USING rtree(id, min_lat, max_lat, min_lon, max_lon, +radius_km, +base_lat, +base_lon)`.execute(db);
  await sql`CREATE VIRTUAL TABLE provider_search USING fts5(
    name, categories, services, intro, profile,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3 4'
  )`.execute(db);

  const triggers = [
    `CREATE TRIGGER provider_search_providers_insert AFTER INSERT ON providers BEGIN ${refresh("new.id")} END`,
    `CREATE TRIGGER provider_search_providers_update
       AFTER UPDATE OF status, first_name, infix, last_name, company_name, intro_text, profile_text ON providers
       BEGIN ${refresh("old.id")} ${refresh("new.id")} ${refreshArea("new.id")} END`,
    `CREATE TRIGGER provider_search_providers_delete AFTER DELETE ON providers BEGIN
       DELETE FROM provider_search WHERE rowid = old.id; DELETE FROM provider_search_area WHERE id = old.id; END`,
    `CREATE TRIGGER provider_search_coverage_insert AFTER INSERT ON provider_coverage BEGIN ${refreshArea("new.provider_id")} END`,
    `CREATE TRIGGER provider_search_coverage_update AFTER UPDATE ON provider_coverage BEGIN ${refreshArea("old.provider_id")} ${refreshArea("new.provider_id")} END`,
    `CREATE TRIGGER provider_search_coverage_delete AFTER DELETE ON provider_coverage BEGIN DELETE FROM provider_search_area WHERE id = old.provider_id; END`,
    `CREATE TRIGGER provider_search_categories_insert AFTER INSERT ON provider_categories BEGIN ${refresh("new.provider_id")} END`,
    `CREATE TRIGGER provider_search_categories_delete AFTER DELETE ON provider_categories BEGIN ${refresh("old.provider_id")} END`,
    `CREATE TRIGGER provider_search_categories_update AFTER UPDATE ON provider_categories BEGIN ${refresh("old.provider_id")} ${refresh("new.provider_id")} END`,
    `CREATE TRIGGER provider_search_services_insert AFTER INSERT ON provider_services BEGIN ${refresh("new.provider_id")} END`,
    `CREATE TRIGGER provider_search_services_delete AFTER DELETE ON provider_services BEGIN ${refresh("old.provider_id")} END`,
    `CREATE TRIGGER provider_search_services_update AFTER UPDATE ON provider_services BEGIN ${refresh("old.provider_id")} ${refresh("new.provider_id")} END`,
    // A renamed category: every provider in it gets the new name in the index.
    `CREATE TRIGGER provider_search_category_rename AFTER UPDATE OF name ON categories BEGIN
       DELETE FROM provider_search WHERE rowid IN (SELECT provider_id FROM provider_categories WHERE category_id = new.id);
       ${indexRows("JOIN provider_categories x ON x.provider_id = p.id", "x.category_id = new.id")}
     END`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);

  // Backfill: every provider that is live now.
  await sql.raw(indexRows("", "1")).execute(db);
  await sql.raw(areaRows("1")).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "providers_insert", "providers_update", "providers_delete",
    "categories_insert", "categories_delete", "categories_update",
    "services_insert", "services_delete", "services_update", "category_rename",
    "coverage_insert", "coverage_update", "coverage_delete",
  ]) {
    await sql.raw(`DROP TRIGGER IF EXISTS provider_search_${name}`).execute(db);
  }
  await sql`DROP TABLE provider_search`.execute(db);
  await sql`DROP TABLE provider_search_area`.execute(db);
}
