import { type Kysely, sql } from "kysely";

/** As app/domain/geo.ts: mean Earth radius 6371.0088 km. */
const KM_PER_DEGREE_LAT = (Math.PI * 6371.0088) / 180;

/**
 * The grid of the postcode-only search, as app/server/search.server.ts
 * `searchCell`: cells of 0.1° latitude by 0.15° longitude (about 11 by 10 km
 * in the Netherlands), keyed `floor(lat / 0.1) * 100000 + floor(lon / 0.15)`.
 */
const LAT_STEP = 0.1;
const LON_STEP = 0.15;
/** Enough cells per side for the widest werkgebied box (150 km: about 30 cells) many times over. */
const MAX_STEPS = 2000;

// Two lists that a search by postcode or place reads instead of the wide
// providers rows, kept by triggers like the indexes of 0006:
//
// - provider_search_nationwide: the ids of live nationwide providers. Every
//   results page counts them; counting from provider_coverage meant reading
//   each one's providers row for its status (some 12,000 rows at 100,000
//   providers), most of that page's time.
// - provider_search_cell: each live radius provider in every grid cell that
//   its werkgebied box touches, with radius and base. A postcode's cell is
//   one contiguous range of this table, where the R*Tree of 0006 walked many
//   overlapping nodes (wide werkgebieden overlap everything) and looked up
//   radius and base per result. The exact distance still decides after.
//
// Pauses are checked at query time: they end by the clock, not by a write.

const refreshNationwide = (id: string) => `
  DELETE FROM provider_search_nationwide WHERE id = ${id};
  INSERT INTO provider_search_nationwide (id)
  SELECT c.provider_id FROM provider_coverage c JOIN providers p ON p.id = c.provider_id
  WHERE c.provider_id = ${id} AND c.mode = 'nationwide' AND p.status = 'live';`;

/** The cells of the live radius providers that `where` selects (alias `c`); the box is that of 0006. */
const cellRows = (where: string) => `
  INSERT INTO provider_search_cell (cell, id, radius_km, base_lat, base_lon)
  SELECT (b.lat0 + y.n) * 100000 + (b.lon0 + x.n), b.id, b.radius_km, b.base_lat, b.base_lon
  FROM (
    SELECT c.provider_id AS id, c.radius_km, c.base_lat, c.base_lon,
      CAST(floor((c.base_lat - c.radius_km / ${KM_PER_DEGREE_LAT} - 1e-3) / ${LAT_STEP}) AS INTEGER) AS lat0,
      CAST(floor((c.base_lat + c.radius_km / ${KM_PER_DEGREE_LAT} + 1e-3) / ${LAT_STEP}) AS INTEGER) AS lat1,
      CAST(floor((c.base_lon - c.radius_km / (${KM_PER_DEGREE_LAT} * cos(radians(min(89, abs(c.base_lat) + c.radius_km / ${KM_PER_DEGREE_LAT})))) - 1e-3) / ${LON_STEP}) AS INTEGER) AS lon0,
      CAST(floor((c.base_lon + c.radius_km / (${KM_PER_DEGREE_LAT} * cos(radians(min(89, abs(c.base_lat) + c.radius_km / ${KM_PER_DEGREE_LAT})))) + 1e-3) / ${LON_STEP}) AS INTEGER) AS lon1
    FROM provider_coverage c JOIN providers p ON p.id = c.provider_id
    WHERE c.mode = 'radius' AND c.radius_km IS NOT NULL AND c.base_lat IS NOT NULL AND c.base_lon IS NOT NULL
      AND p.status = 'live' AND ${where}
  ) b
  JOIN search_grid_steps y ON y.n <= b.lat1 - b.lat0
  JOIN search_grid_steps x ON x.n <= b.lon1 - b.lon0;`;

const refreshCells = (id: string) => `
  DELETE FROM provider_search_cell WHERE id = ${id};
  ${cellRows(`c.provider_id = ${id}`)}`;

const refreshBoth = (id: string) => `${refreshNationwide(id)} ${refreshCells(id)}`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE search_grid_steps (n INTEGER PRIMARY KEY)`.execute(db);
  await sql`INSERT INTO search_grid_steps (n) SELECT value FROM json_each(${JSON.stringify(Array.from({ length: MAX_STEPS }, (_, i) => i))})`.execute(db);
  await sql`CREATE TABLE provider_search_nationwide (id INTEGER PRIMARY KEY)`.execute(db);
  await sql`CREATE TABLE provider_search_cell (
    cell INTEGER NOT NULL,
    id INTEGER NOT NULL,
    radius_km REAL NOT NULL,
    base_lat REAL NOT NULL,
    base_lon REAL NOT NULL,
    PRIMARY KEY (cell, id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX provider_search_cell_provider ON provider_search_cell (id)`.execute(db);

  await sql.raw(`INSERT INTO provider_search_nationwide (id)
    SELECT c.provider_id FROM provider_coverage c JOIN providers p ON p.id = c.provider_id
    WHERE c.mode = 'nationwide' AND p.status = 'live'`).execute(db);
  await sql.raw(cellRows("1 = 1")).execute(db);

  const triggers = [
    `CREATE TRIGGER provider_search_lists_status AFTER UPDATE OF status ON providers BEGIN ${refreshBoth("new.id")} END`,
    `CREATE TRIGGER provider_search_lists_provider_delete AFTER DELETE ON providers BEGIN
       DELETE FROM provider_search_nationwide WHERE id = old.id; DELETE FROM provider_search_cell WHERE id = old.id; END`,
    `CREATE TRIGGER provider_search_lists_coverage_insert AFTER INSERT ON provider_coverage BEGIN ${refreshBoth("new.provider_id")} END`,
    `CREATE TRIGGER provider_search_lists_coverage_update AFTER UPDATE ON provider_coverage BEGIN
       ${refreshBoth("old.provider_id")} ${refreshBoth("new.provider_id")} END`,
    `CREATE TRIGGER provider_search_lists_coverage_delete AFTER DELETE ON provider_coverage BEGIN
       DELETE FROM provider_search_nationwide WHERE id = old.provider_id; DELETE FROM provider_search_cell WHERE id = old.provider_id; END`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ["status", "provider_delete", "coverage_insert", "coverage_update", "coverage_delete"]) {
    await sql.raw(`DROP TRIGGER provider_search_lists_${name}`).execute(db);
  }
  await sql`DROP TABLE provider_search_cell`.execute(db);
  await sql`DROP TABLE provider_search_nationwide`.execute(db);
  await sql`DROP TABLE search_grid_steps`.execute(db);
}
