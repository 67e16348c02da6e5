import { type Kysely, sql } from "kysely";

// A payment can be paid for a package that can no longer be activated (it
// was replaced while its payment was still open): the money is in, nothing
// happens for the provider, so staff must look at it (ADR 014).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("payments")
    .addColumn("attention", "text", (c) => c.check(sql`attention IN ('package_not_activated')`))
    .execute();
  await db.schema.alterTable("payments").addColumn("attention_at", "text").execute();
  await db.schema.alterTable("payments").addColumn("attention_resolved_at", "text").execute();
  // The staff member's id, like audit_log.staff_id; no foreign key, so that the column can be dropped again.
  await db.schema.alterTable("payments").addColumn("attention_resolved_by", "integer").execute();
  await db.schema.alterTable("payments").addColumn("attention_note", "text").execute();
  await sql`CREATE INDEX payments_attention_open ON payments (attention_at) WHERE attention IS NOT NULL AND attention_resolved_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX payments_attention_open`.execute(db);
  for (const column of ["attention_note", "attention_resolved_by", "attention_resolved_at", "attention_at", "attention"]) {
    await db.schema.alterTable("payments").dropColumn(column).execute();
  }
}
