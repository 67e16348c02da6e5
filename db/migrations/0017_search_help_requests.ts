import { type Kysely, sql } from "kysely";

// "Help mij zoeken": a customer who found nobody asks Vivium's office to
// find someone. Staff call them back and mark the request handled; only the
// open ones are read often, so a partial index holds just those.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("search_help_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    // E.164, as contact_requests.customer_phone.
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("handled_at", "text")
    .addColumn("handled_by_staff_id", "integer", (c) => c.references("staff.id"))
    .execute();
  await sql`CREATE INDEX search_help_requests_open ON search_help_requests (created_at) WHERE handled_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("search_help_requests").execute();
}
