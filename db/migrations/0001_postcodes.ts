import { type Kysely, sql } from "kysely";

// Reference geography: PC4 areas and places from db/postcodes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("places")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    // Not unique: the table has spellings that fold alike (Kapel Avezaath, Kapel-Avezaath).
    .addColumn("name_folded", "text", (c) => c.notNull())
    .addColumn("lat", "real", (c) => c.notNull())
    .addColumn("lon", "real", (c) => c.notNull())
    .addColumn("area_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("places_name_folded").on("places").column("name_folded").execute();

  await db.schema
    .createTable("place_aliases")
    .addColumn("alias_folded", "text", (c) => c.primaryKey())
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("place_id", "integer", (c) => c.notNull().references("places.id").onDelete("cascade"))
    .execute();

  await db.schema
    .createTable("pc4_areas")
    .addColumn("pc4", "integer", (c) => c.primaryKey())
    .addColumn("place_id", "integer", (c) => c.notNull().references("places.id"))
    .addColumn("lat", "real", (c) => c.notNull())
    .addColumn("lon", "real", (c) => c.notNull())
    .addColumn("has_addresses", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("pc4_areas_place").on("pc4_areas").column("place_id").execute();

  await sql`CREATE TABLE postcode_import (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    source_dir TEXT NOT NULL,
    area_count INTEGER NOT NULL,
    place_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("postcode_import").execute();
  await db.schema.dropTable("pc4_areas").execute();
  await db.schema.dropTable("place_aliases").execute();
  await db.schema.dropTable("places").execute();
}
