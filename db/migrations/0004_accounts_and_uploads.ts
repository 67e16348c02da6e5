import { type Kysely, sql } from "kysely";

// Sign-in sessions, rate limits and uploaded files (profile photos, price lists).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sessions")
    // SHA-256 of the random token in the cookie: a copy of the database does not hold usable sessions.
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_provider").on("sessions").column("provider_id").execute();
  await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();

  await db.schema
    .createTable("rate_limit_hits")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_hits_pk", ["bucket", "key", "window_start"])
    .execute();

  await db.schema
    .createTable("uploads")
    // Random, unguessable; also the base of the stored file names.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('photo', 'price_list')`))
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    // JSON {left, top, width, height} in original pixels, for photos.
    .addColumn("crop", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("uploads_provider").on("uploads").columns(["provider_id", "kind"]).execute();

  await db.schema.alterTable("providers").addColumn("photo_upload_id", "text", (c) => c.references("uploads.id").onDelete("set null")).execute();
  await db.schema.alterTable("providers").addColumn("price_list_upload_id", "text", (c) => c.references("uploads.id").onDelete("set null")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("providers").dropColumn("price_list_upload_id").execute();
  await db.schema.alterTable("providers").dropColumn("photo_upload_id").execute();
  await db.schema.dropTable("uploads").execute();
  await db.schema.dropTable("rate_limit_hits").execute();
  await db.schema.dropTable("sessions").execute();
}
