import { type Kysely, sql } from "kysely";

// The public profile: old slugs that redirect to a renamed provider's current
// one, and the daily counts of profile views and search appearances.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("provider_slug_history")
    // A slug this provider used before; /dienstverlener/<slug> answers 301 to the current one.
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    .addColumn("replaced_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("provider_slug_history_provider").on("provider_slug_history").column("provider_id").execute();

  await db.schema
    .createTable("provider_daily_stats")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("providers.id").onDelete("cascade"))
    // The calendar day in Europe/Amsterdam, YYYY-MM-DD.
    .addColumn("day", "text", (c) => c.notNull().check(sql`day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`))
    .addColumn("profile_views", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("search_appearances", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("provider_daily_stats_pk", ["provider_id", "day"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("provider_daily_stats").execute();
  await db.schema.dropTable("provider_slug_history").execute();
}
