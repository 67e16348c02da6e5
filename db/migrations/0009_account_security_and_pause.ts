import type { Kysely } from "kysely";

// Account security and the pause switch (issue 7): single-use password reset
// tokens, stored only as a SHA-256 of the token that was e-mailed, and the
// provider's own "tijdelijk niet beschikbaar" with an optional end.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("password_reset_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    // hex SHA-256 of the random token in the link; the token itself is never stored.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("password_reset_tokens_provider").on("password_reset_tokens").column("provider_id").execute();

  // Set while the provider pauses; paused_until (a UTC instant) ends the pause
  // by itself: queries compare it with the current time, no job is needed.
  await db.schema.alterTable("providers").addColumn("paused_at", "text").execute();
  await db.schema.alterTable("providers").addColumn("paused_until", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("providers").dropColumn("paused_until").execute();
  await db.schema.alterTable("providers").dropColumn("paused_at").execute();
  await db.schema.dropTable("password_reset_tokens").execute();
}
