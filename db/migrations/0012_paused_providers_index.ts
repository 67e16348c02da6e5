import { type Kysely, sql } from "kysely";

// Few providers pause at a time: a partial index lets a search read just
// those, instead of checking every candidate's providers row for a pause.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX providers_paused ON providers (paused_until) WHERE paused_at IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX providers_paused`.execute(db);
}
