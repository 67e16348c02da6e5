import { type Kysely, sql } from "kysely";

// The werkgebied of each provider, shaped for the coverage query: one row per
// provider with its base and mode, a place list, and an R*Tree holding the
// bounding box of every radius provider's circle (see ADR 003).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("provider_coverage")
    .addColumn("provider_id", "integer", (c) => c.primaryKey().references("providers.id").onDelete("cascade"))
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode IN ('places', 'radius', 'nationwide')`))
    .addColumn("radius_km", "integer", (c) => c.check(sql`radius_km BETWEEN 1 AND 150`))
    .addColumn("base_pc4", "integer", (c) => c.references("pc4_areas.pc4"))
    .addColumn("base_lat", "real")
    .addColumn("base_lon", "real")
    .addCheckConstraint("radius_needs_km_and_base", sql`mode <> 'radius' OR (radius_km IS NOT NULL AND base_lat IS NOT NULL AND base_lon IS NOT NULL)`)
    .execute();
  await sql`CREATE INDEX provider_coverage_nationwide ON provider_coverage (provider_id) WHERE mode = 'nationwide'`.execute(db);

  await db.schema
    .createTable("provider_coverage_places")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("place_id", "integer", (c) => c.notNull().references("places.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("provider_coverage_places_pk", ["provider_id", "place_id"])
    .execute();
  await db.schema
    .createIndex("provider_coverage_places_place")
    .on("provider_coverage_places")
    .columns(["place_id", "provider_id"])
    .execute();

  // id = provider_id. Boxes are stored in degrees; R*Tree uses 32-bit floats,
  // so the box is widened by a small margin when written (coverage.server.ts).
  await sql`CREATE VIRTUAL TABLE provider_coverage_box USING rtree(id, min_lat, max_lat, min_lon, max_lon)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE provider_coverage_box`.execute(db);
  await db.schema.dropTable("provider_coverage_places").execute();
  await db.schema.dropTable("provider_coverage").execute();
}
