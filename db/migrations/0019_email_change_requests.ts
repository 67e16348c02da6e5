import type { Kysely } from "kysely";

// A new login address takes effect only after its owner clicks the link that
// was mailed to it, so a typo cannot lock a provider out. Each row is one
// mailed link; like the password reset tokens only the link's SHA-256 is kept.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("email_change_requests")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("new_email", "text", (c) => c.notNull())
    // hex SHA-256 of the random token in the link; the token itself is never stored.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    // The link was used and the address changed.
    .addColumn("confirmed_at", "text")
    // The provider cancelled, asked for another address, or another link of theirs was used.
    .addColumn("ended_at", "text")
    .execute();
  await db.schema.createIndex("email_change_requests_provider").on("email_change_requests").column("provider_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_change_requests").execute();
}
