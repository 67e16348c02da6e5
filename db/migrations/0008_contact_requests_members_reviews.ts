import { type Kysely, sql } from "kysely";

// Contact requests from customers, the member registry their lidnummer is
// checked against, and the reviews a handled request can lead to.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("members")
    .addColumn("id", "integer", (c) => c.primaryKey())
    // Normalised: upper case, no spaces or dashes (see app/domain/member-number.ts).
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active IN (0, 1)`))
    .addColumn("name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("contact_requests")
    .addColumn("id", "integer", (c) => c.primaryKey())
    // Random; the customer's confirmation page is addressed by it, never by the row id.
    .addColumn("public_id", "text", (c) => c.notNull().unique())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("customer_name", "text", (c) => c.notNull())
    .addColumn("customer_email", "text", (c) => c.notNull())
    // E.164, as app/domain/phone.ts normalises it.
    .addColumn("customer_phone", "text", (c) => c.notNull())
    // Set when a valid, active lidnummer was given: the member price applies.
    .addColumn("member_id", "integer", (c) => c.references("members.id"))
    .addColumn("member_number", "text")
    // Where the help is needed: as typed, and as resolved by the geo module.
    .addColumn("location_input", "text", (c) => c.notNull())
    .addColumn("location_label", "text", (c) => c.notNull())
    .addColumn("location_pc4", "integer")
    .addColumn("location_place_id", "integer")
    .addColumn("for_whom", "text", (c) => c.notNull().check(sql`for_whom IN ('self', 'other')`))
    .addColumn("other_person_name", "text")
    .addColumn("contact_preference", "text", (c) => c.notNull().check(sql`contact_preference IN ('phone', 'email')`))
    // JSON array of 'ochtend' | 'middag' | 'avond'.
    .addColumn("contact_moments", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("message", "text")
    .addColumn("consent_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("new").check(sql`status IN ('new', 'in_progress', 'handled')`),
    )
    .addColumn("outcome", "text", (c) => c.check(sql`outcome IN ('appointment', 'no_appointment')`))
    // UTC ISO instants; the deadline is two working days after created_at (app/domain/working-days.ts).
    .addColumn("deadline_at", "text", (c) => c.notNull())
    // Set once by the deadline scheduler: the provider got the reminder and staff see it as overdue.
    .addColumn("overdue_at", "text")
    .addColumn("reminder_sent_at", "text")
    .addColumn("first_response_at", "text")
    .addColumn("handled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("contact_requests_outcome_when_handled", sql`(status = 'handled') = (outcome IS NOT NULL)`)
    .addCheckConstraint("contact_requests_other_person", sql`for_whom = 'self' OR other_person_name IS NOT NULL`)
    .execute();
  await db.schema.createIndex("contact_requests_provider").on("contact_requests").columns(["provider_id", "created_at"]).execute();
  await db.schema.createIndex("contact_requests_deadline").on("contact_requests").columns(["status", "deadline_at"]).execute();

  await db.schema
    .createTable("contact_request_history")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("contact_request_id", "integer", (c) => c.notNull().references("contact_requests.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    // Who made the change: provider, staff or system (the deadline scheduler).
    .addColumn("changed_by", "text", (c) => c.notNull().check(sql`changed_by IN ('customer', 'provider', 'staff', 'system')`))
    .addColumn("note", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contact_request_history_request")
    .on("contact_request_history")
    .columns(["contact_request_id", "id"])
    .execute();

  await db.schema
    .createTable("review_invitations")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("contact_request_id", "integer", (c) =>
      c.notNull().unique().references("contact_requests.id").onDelete("cascade"),
    )
    // SHA-256 of the random token in the e-mailed link; the token itself is never stored.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("reviews")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    // One review per request.
    .addColumn("contact_request_id", "integer", (c) => c.unique().references("contact_requests.id").onDelete("set null"))
    .addColumn("rating", "integer", (c) => c.notNull().check(sql`rating BETWEEN 1 AND 5`))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    // Staff moderation: a hidden review leaves the profile and the average.
    .addColumn("hidden_at", "text")
    .addColumn("hidden_reason", "text")
    // The provider's one public reply.
    .addColumn("reply", "text")
    .addColumn("replied_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reviews_provider").on("reviews").columns(["provider_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reviews").execute();
  await db.schema.dropTable("review_invitations").execute();
  await db.schema.dropTable("contact_request_history").execute();
  await db.schema.dropTable("contact_requests").execute();
  await db.schema.dropTable("members").execute();
}
