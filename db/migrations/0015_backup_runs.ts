import { type Kysely, sql } from "kysely";

// One row per backup the server made (on its schedule or because staff
// pressed the button), so staff can see that backups happen and when one failed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("backup_runs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("trigger", "text", (c) => c.notNull().check(sql`"trigger" IN ('schedule', 'staff')`))
    .addColumn("staff_id", "integer")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('running', 'ok', 'failed')`))
    .addColumn("folder", "text")
    .addColumn("bytes", "integer")
    .addColumn("error", "text")
    .execute();
  await sql`CREATE INDEX backup_runs_started ON backup_runs (started_at)`.execute(db);
  // At most one backup at a time, also across processes: a second 'running' row cannot be inserted.
  await sql`CREATE UNIQUE INDEX backup_runs_one_running ON backup_runs (status) WHERE status = 'running'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("backup_runs").execute();
}
