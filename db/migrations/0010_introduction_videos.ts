import { type Kysely, sql } from "kysely";

// Introduction videos of providers, which staff approve before they are public,
// and the "De video tool werkt niet" reports for the staff console.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("provider_videos")
    // Random, unguessable; also the stored file's name (`videos/<id>.webm|mp4`).
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status IN ('pending', 'approved', 'rejected')`))
    // Decided by the file's bytes, never by what the browser said.
    .addColumn("content_type", "text", (c) => c.notNull().check(sql`content_type IN ('video/webm', 'video/mp4')`))
    .addColumn("byte_size", "integer", (c) => c.notNull().check(sql`byte_size > 0`))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source IN ('recorded', 'uploaded')`))
    // As the provider's computer named it; text only, never a path.
    .addColumn("original_name", "text")
    // A WebVTT file next to the video (`videos/<id>.vtt`), once staff add captions.
    .addColumn("captions_file", "text")
    .addColumn("reviewed_by", "text")
    .addColumn("reviewed_at", "text")
    .addColumn("rejection_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // One public video and one new video (waiting or rejected) per provider: a
  // new recording does not take the approved one offline before it is approved itself.
  await sql`CREATE UNIQUE INDEX provider_videos_one_approved ON provider_videos (provider_id) WHERE status = 'approved'`.execute(db);
  await sql`CREATE UNIQUE INDEX provider_videos_one_candidate ON provider_videos (provider_id) WHERE status <> 'approved'`.execute(db);

  await db.schema
    .createTable("video_tool_reports")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("description", "text", (c) => c.notNull())
    // The User-Agent header the server saw.
    .addColumn("user_agent", "text")
    // What the page's script read from `navigator` (absent without JavaScript).
    .addColumn("client_details", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("nieuw").check(sql`status IN ('nieuw', 'opgepakt', 'opgelost')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("video_tool_reports_status").on("video_tool_reports").columns(["status", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("video_tool_reports").execute();
  await db.schema.dropTable("provider_videos").execute();
}
