/**
 * Backups the server makes by itself (on its schedule, or when staff press
 * "Nu een back-up maken"): each one recorded in backup_runs with its result,
 * and afterwards the retention rule applied to the backup folder.
 *
 * One backup at a time, also across processes: a run first inserts its
 * 'running' row, and a unique index allows only one such row.
 */
import fs from "node:fs";
import path from "node:path";
import { backupsToRemove, type RetentionRule } from "~/domain/backup-retention";
import type { BackupTrigger } from "#db/schema";
import { recordStaffAction, type StaffActor } from "./audit.server";
import { backupDirName, createBackup, folderBytes, listBackups, type BackupFolder } from "./backup.server";
import type { Db } from "./db.server";

export type BackupTargets = {
  databaseFile: string;
  uploadsDir: string;
  /** BACKUP_DIR: where the backups go and where the retention rule looks. */
  backupDir: string;
  keep: RetentionRule;
};

export type BackupRun = {
  id: number;
  trigger: BackupTrigger;
  startedAt: string;
  finishedAt: string | null;
  status: "running" | "ok" | "failed";
  folder: string | null;
  bytes: number | null;
  error: string | null;
};

type Log = Pick<Console, "info" | "error">;

function toRun(row: {
  id: number;
  trigger: BackupTrigger;
  started_at: string;
  finished_at: string | null;
  status: "running" | "ok" | "failed";
  folder: string | null;
  bytes: number | null;
  error: string | null;
}): BackupRun {
  return {
    id: row.id,
    trigger: row.trigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    folder: row.folder,
    bytes: row.bytes,
    error: row.error,
  };
}

/** The busy answer: another backup is being made right now. */
export const BACKUP_BUSY = "busy" as const;

/**
 * Makes one backup and records it. Resolves with the finished run (ok or
 * failed, never throws for a failed backup), or "busy" when another backup
 * is in progress.
 */
export async function runBackup(
  db: Db,
  targets: BackupTargets,
  { trigger, staffId = null, now = () => new Date(), log = console }: { trigger: BackupTrigger; staffId?: number | null; now?: () => Date; log?: Log },
): Promise<BackupRun | typeof BACKUP_BUSY> {
  const startedAt = now();
  let id: number;
  try {
    const row = await db
      .insertInto("backup_runs")
      .values({ trigger, staff_id: staffId, started_at: startedAt.toISOString(), status: "running" })
      .returning("id")
      .executeTakeFirstOrThrow();
    id = row.id;
  } catch (error) {
    if (String(error).includes("UNIQUE")) return BACKUP_BUSY;
    throw error;
  }

  const folder = path.join(targets.backupDir, backupDirName(startedAt));
  let result: { status: "ok"; bytes: number } | { status: "failed"; error: string };
  try {
    await createBackup({ databaseFile: targets.databaseFile, uploadsDir: targets.uploadsDir, target: folder, now: startedAt });
    result = { status: "ok", bytes: folderBytes(folder) };
  } catch (error) {
    result = { status: "failed", error: error instanceof Error ? error.message : String(error) };
  }
  const row = await db
    .updateTable("backup_runs")
    .set({
      finished_at: now().toISOString(),
      status: result.status,
      folder: result.status === "ok" ? folder : null,
      bytes: result.status === "ok" ? result.bytes : null,
      error: result.status === "failed" ? result.error : null,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();

  if (result.status === "ok") {
    log.info(`backups: ${folder} written (${result.bytes} bytes, integrity ok)`);
    // Only after a good backup: a failing schedule must never thin out the backups that are left.
    for (const removed of pruneBackups(targets.backupDir, targets.keep, startedAt)) log.info(`backups: removed ${removed} (retention ${targets.keep.days}d,${targets.keep.weeks}w)`);
  } else {
    log.error(`backups: the backup to ${folder} failed: ${result.error}`);
  }
  return toRun(row);
}

/**
 * Removes the backups the retention rule lets go. Only the regular backups
 * take part: a backup made before a migration or an upgrade stays until
 * someone removes it, as it is the way back from that upgrade.
 */
export function pruneBackups(backupDir: string, keep: RetentionRule, now: Date): string[] {
  const regular = listBackups(backupDir).filter((b) => b.madeBefore === null);
  const removed = backupsToRemove(regular, keep, now);
  for (const name of removed) fs.rmSync(path.join(backupDir, name), { recursive: true, force: true });
  return removed;
}

/** A run still 'running' when the process starts was cut off by a crash or a kill: it failed. */
export async function markInterruptedRuns(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable("backup_runs")
    .set({ status: "failed", finished_at: now.toISOString(), error: "The server stopped while this backup was being made." })
    .where("status", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listBackupRuns(db: Db, limit = 10): Promise<BackupRun[]> {
  const rows = await db.selectFrom("backup_runs").selectAll().orderBy("started_at", "desc").orderBy("id", "desc").limit(limit).execute();
  return rows.map(toRun);
}

export type BackupRunWithStaff = BackupRun & { staffName: string | null; folderName: string | null };

/** For the staff page: the last runs with who started them, and the last good one (which may be older than all of those). */
export async function backupOverview(db: Db, limit = 10): Promise<{ runs: BackupRunWithStaff[]; lastGood: BackupRun | null }> {
  const rows = await db
    .selectFrom("backup_runs as b")
    .leftJoin("staff as s", "s.id", "b.staff_id")
    .selectAll("b")
    .select("s.name as staff_name")
    .orderBy("b.started_at", "desc")
    .orderBy("b.id", "desc")
    .limit(limit)
    .execute();
  return { runs: rows.map((row) => ({ ...toRun(row), staffName: row.staff_name, folderName: row.folder ? path.basename(row.folder) : null })), lastGood: await lastSuccessfulRun(db) };
}

export async function lastSuccessfulRun(db: Db): Promise<BackupRun | null> {
  const row = await db.selectFrom("backup_runs").selectAll().where("status", "=", "ok").orderBy("started_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row ? toRun(row) : null;
}

/** Staff pressed "Nu een back-up maken": the backup, then its result in the audit log. */
export async function makeBackupForStaff(db: Db, actor: StaffActor, targets: BackupTargets, now = () => new Date()): Promise<BackupRun | typeof BACKUP_BUSY> {
  const run = await runBackup(db, targets, { trigger: "staff", staffId: actor.id, now });
  if (run === BACKUP_BUSY) return run;
  // After the backup, not in one transaction with it: a backup takes too long to hold the database's write lock.
  await recordStaffAction(
    db,
    actor,
    { action: "backup.create", entityType: "backup", entityId: run.id, newValues: run.status === "ok" ? { status: run.status, folder: run.folder } : { status: run.status, error: run.error } },
    now(),
  );
  return run;
}

/**
 * The backup to name when the database is newer than the code: the one made
 * before the first unknown migration if there is one (the state the older
 * code last knew), else the newest backup, else where to look.
 */
export function restoreHint(backupDir: string, unknownMigrations: string[]): string {
  const backups = listBackups(backupDir);
  const before: BackupFolder | undefined = backups.find((b) => b.madeBefore !== null && unknownMigrations.includes(b.madeBefore));
  const chosen = before ?? backups[0];
  if (!chosen) return `No backup was found in ${backupDir}; look where your backups are copied to (README, "Backups").`;
  return `The backup to restore is ${chosen.path} (made ${chosen.createdAt.toISOString()}): stop the service, then run npm run restore -- ${chosen.path} --force`;
}
