import { type Kysely, sql } from "kysely";

// Categories, providers and what the public profile and search need of them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("categories")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("providers")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status IN ('draft', 'awaiting_payment', 'live', 'paused', 'suspended')`),
    )
    // JSON array of the chosen offerings (diensten aan huis, cursussen, kortingen).
    .addColumn("offerings", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("heard_from", "text")
    .addColumn("terms_accepted_at", "text")
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("infix", "text")
    .addColumn("last_name", "text")
    .addColumn("phone", "text")
    .addColumn("gender", "text")
    .addColumn("birth_date", "text")
    .addColumn("home_postcode", "text")
    .addColumn("home_house_number", "text")
    .addColumn("home_addition", "text")
    .addColumn("home_street", "text")
    .addColumn("home_city", "text")
    .addColumn("has_kvk", "integer")
    .addColumn("company_name", "text")
    .addColumn("kvk_number", "text")
    .addColumn("has_work_address", "integer")
    .addColumn("work_postcode", "text")
    .addColumn("work_house_number", "text")
    .addColumn("work_addition", "text")
    .addColumn("work_street", "text")
    .addColumn("work_city", "text")
    .addColumn("intro_text", "text")
    .addColumn("profile_text", "text")
    .addColumn("price_note", "text")
    // JSON array of finished wizard step keys; the wizard resumes at the first missing one.
    .addColumn("completed_steps", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("published_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The login name is case-insensitive.
  await sql`CREATE UNIQUE INDEX providers_email ON providers (lower(email))`.execute(db);
  await db.schema.createIndex("providers_status").on("providers").column("status").execute();

  await db.schema
    .createTable("provider_categories")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
    .addPrimaryKeyConstraint("provider_categories_pk", ["provider_id", "category_id"])
    .execute();
  await db.schema
    .createIndex("provider_categories_category")
    .on("provider_categories")
    .columns(["category_id", "provider_id"])
    .execute();

  await db.schema
    .createTable("provider_services")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("price_cents", "integer", (c) => c.notNull().check(sql`price_cents > 0 AND price_cents <= 1000000`))
    .addColumn("unit", "text", (c) => c.notNull().check(sql`unit IN ('hour', 'service')`))
    .addColumn("description", "text")
    .execute();
  await db.schema
    .createIndex("provider_services_provider")
    .on("provider_services")
    .columns(["provider_id", "position"])
    .execute();

  await db.schema
    .createTable("provider_dayparts")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("weekday", "integer", (c) => c.notNull().check(sql`weekday BETWEEN 0 AND 6`))
    .addColumn("daypart", "integer", (c) => c.notNull().check(sql`daypart BETWEEN 0 AND 2`))
    .addPrimaryKeyConstraint("provider_dayparts_pk", ["provider_id", "weekday", "daypart"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["provider_dayparts", "provider_services", "provider_categories", "providers", "categories"]) {
    await db.schema.dropTable(table).execute();
  }
}
