import type { Kysely } from "kysely";

// What a message carries as an attachment, by reference (`{"invoice":"2026-0001"}`):
// the worker renders the file when it sends, so no PDF is stored twice in the database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox_messages").addColumn("attachment", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox_messages").dropColumn("attachment").execute();
}
