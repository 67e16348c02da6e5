import { type Kysely, sql } from "kysely";

// Payments through Mollie, invoices with gap-free numbers per year, promotion
// packages, and the e-mail outbox that events write to in their own transaction.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("provider_packages")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("package", "text", (c) => c.notNull().check(sql`package IN ('basis', 'plus', 'luxe', 'fee')`))
    // The yearly price incl. VAT, and the administration fee credited on the first package.
    .addColumn("price_cents", "integer", (c) => c.notNull().check(sql`price_cents > 0`))
    .addColumn("credit_cents", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("awaiting_payment").check(sql`status IN ('awaiting_payment', 'active', 'expired', 'cancelled')`),
    )
    .addColumn("renewal_reminded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("provider_packages_provider").on("provider_packages").columns(["provider_id", "starts_on"]).execute();

  await db.schema
    .createTable("payments")
    .addColumn("id", "integer", (c) => c.primaryKey())
    // Random; goes into Mollie's metadata and our return URL instead of the row id.
    .addColumn("public_id", "text", (c) => c.notNull().unique())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose IN ('admin_fee', 'package')`))
    .addColumn("provider_package_id", "integer", (c) => c.references("provider_packages.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("net_cents", "integer", (c) => c.notNull())
    .addColumn("vat_cents", "integer", (c) => c.notNull())
    .addColumn("gross_cents", "integer", (c) => c.notNull().check(sql`gross_cents > 0`))
    .addColumn("vat_rate", "integer", (c) => c.notNull().defaultTo(21))
    .addColumn("mollie_id", "text", (c) => c.unique())
    .addColumn("checkout_url", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("created").check(sql`status IN ('created', 'open', 'pending', 'authorized', 'paid', 'failed', 'canceled', 'expired')`),
    )
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("paid_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("payments_amounts_add_up", sql`net_cents + vat_cents = gross_cents`)
    .execute();
  await db.schema.createIndex("payments_provider").on("payments").columns(["provider_id", "created_at"]).execute();

  await db.schema
    .createTable("payment_status_history")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("payment_id", "integer", (c) => c.notNull().references("payments.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    // Where we learned it: create, webhook, return (the redirect page), poll.
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("payment_status_history_payment").on("payment_status_history").columns(["payment_id", "id"]).execute();

  await db.schema
    .createTable("invoice_sequences")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("last_sequence", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("invoices")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("sequence", "integer", (c) => c.notNull())
    .addColumn("payment_id", "integer", (c) => c.notNull().unique().references("payments.id"))
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id"))
    .addColumn("issued_at", "text", (c) => c.notNull())
    // Frozen copies: an invoice never changes when the provider edits their details later.
    .addColumn("seller", "text", (c) => c.notNull())
    .addColumn("buyer", "text", (c) => c.notNull())
    .addColumn("lines", "text", (c) => c.notNull())
    .addColumn("net_cents", "integer", (c) => c.notNull())
    .addColumn("vat_cents", "integer", (c) => c.notNull())
    .addColumn("gross_cents", "integer", (c) => c.notNull())
    .addUniqueConstraint("invoices_year_sequence", ["year", "sequence"])
    .execute();
  await db.schema.createIndex("invoices_provider").on("invoices").columns(["provider_id", "issued_at"]).execute();

  await db.schema
    .createTable("outbox_messages")
    .addColumn("id", "integer", (c) => c.primaryKey())
    // Makes enqueueing idempotent: the same event never produces a second message.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status IN ('pending', 'sending', 'sent', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("message_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_messages_due").on("outbox_messages").columns(["status", "next_attempt_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["outbox_messages", "invoices", "invoice_sequences", "payment_status_history", "payments", "provider_packages"]) {
    await db.schema.dropTable(table).execute();
  }
}
