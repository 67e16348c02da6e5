import { type Kysely, sql } from "kysely";

// The staff console: staff accounts and their sessions, the verification
// checks staff tick per provider, intake notes, call notes on overdue
// requests, renamed category slugs, and the audit log of every staff action.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("staff")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active IN (0, 1)`))
    .addColumn("created_by", "integer", (c) => c.references("staff.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Kept apart from provider sessions: a staff token can never be read as a provider's and vice versa.
  await db.schema
    .createTable("staff_sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("cascade"))
    .addColumn("user_agent", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("staff_sessions_staff").on("staff_sessions").column("staff_id").execute();

  await db.schema
    .createTable("provider_verifications")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("check_key", "text", (c) =>
      c.notNull().check(sql`check_key IN ('identity_seen', 'met_in_person', 'vog_received', 'video_approved')`),
    )
    .addColumn("checked_by", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("checked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("provider_verifications_pk", ["provider_id", "check_key"])
    .execute();

  await db.schema
    .createTable("provider_intake_notes")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("provider_intake_notes_provider").on("provider_intake_notes").columns(["provider_id", "id"]).execute();

  // Why a provider was suspended (shown to staff, mailed to the provider).
  await db.schema.alterTable("providers").addColumn("suspended_reason", "text").execute();
  await db.schema.alterTable("providers").addColumn("suspended_at", "text").execute();

  // Staff's "gebeld" note on an overdue request.
  await db.schema.alterTable("contact_requests").addColumn("staff_called_at", "text").execute();
  await db.schema.alterTable("contact_requests").addColumn("staff_note", "text").execute();

  await db.schema
    .createTable("category_slug_history")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id").onDelete("cascade"))
    .addColumn("replaced_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("staff_id", "integer", (c) => c.references("staff.id"))
    // The name at the time, so the log still reads right after a staff account is renamed or removed.
    .addColumn("staff_name", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    // Set whenever the action concerns one provider, so the log can be filtered per provider.
    .addColumn("provider_id", "integer")
    // JSON objects of the changed fields before and after.
    .addColumn("old_values", "text")
    .addColumn("new_values", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_provider").on("audit_log").columns(["provider_id", "id"]).execute();
  await db.schema.createIndex("audit_log_created").on("audit_log").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  await db.schema.dropTable("category_slug_history").execute();
  await db.schema.alterTable("contact_requests").dropColumn("staff_note").execute();
  await db.schema.alterTable("contact_requests").dropColumn("staff_called_at").execute();
  await db.schema.alterTable("providers").dropColumn("suspended_at").execute();
  await db.schema.alterTable("providers").dropColumn("suspended_reason").execute();
  await db.schema.dropTable("provider_intake_notes").execute();
  await db.schema.dropTable("provider_verifications").execute();
  await db.schema.dropTable("staff_sessions").execute();
  await db.schema.dropTable("staff").execute();
}
