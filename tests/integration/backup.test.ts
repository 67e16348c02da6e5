import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { listBackupRuns, makeBackupForStaff, runBackup, type BackupTargets } from "~/server/backup-runs.server";
import { startBackupScheduler, type BackupScheduler } from "~/server/backup-scheduler.server";
import { backupDirName, createBackup, listBackups, restoreBackup } from "~/server/backup.server";
import { migrateToLatest, openDatabase } from "~/server/db.server";
import { createTestClock } from "../support/test-clock";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

const run = promisify(execFile);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-backup-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function databaseWithUploads(): Promise<{ database: TestDatabase; uploadsDir: string }> {
  const database = await createTestDatabase({ postcodes: false });
  cleanups.push(database.cleanup);
  const uploadsDir = path.join(database.dir, "uploads");
  fs.mkdirSync(path.join(uploadsDir, "photos", "abc"), { recursive: true });
  fs.writeFileSync(path.join(uploadsDir, "photos", "abc", "480.webp"), Buffer.from("not really a webp, but bytes to copy"));
  for (let i = 0; i < 5; i++) await insertTestProvider(database.db, { firstName: `Vóór${i}` });
  return { database, uploadsDir };
}

describe("backups", () => {
  it("copies a consistent database and the uploads while another connection keeps writing", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    const target = path.join(tempDir(), "backup");

    // A second connection writes in a loop during the backup, as the running server would.
    const writer = new Database(database.file);
    writer.pragma("busy_timeout = 5000");
    const insert = writer.prepare(
      "INSERT INTO providers (first_name, email, status, created_at, updated_at) VALUES (?, ?, 'draft', datetime('now'), datetime('now'))",
    );
    let written = 0;
    const timer = setInterval(() => {
      for (let i = 0; i < 20; i++) insert.run(`Tijdens${written}`, `tijdens${written++}@example.nl`);
    }, 1);
    let manifest;
    try {
      manifest = await createBackup({ databaseFile: database.file, uploadsDir, target });
    } finally {
      clearInterval(timer);
      writer.close();
    }

    expect(written).toBeGreaterThan(0);
    expect(manifest.uploadFiles).toBe(1);
    expect(manifest.tables.providers).toBeGreaterThanOrEqual(5);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    const copy = new Database(path.join(target, "vivium.sqlite"), { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      // The copy is one snapshot: its row count is the one the manifest recorded.
      expect(copy.prepare("SELECT count(*) FROM providers").pluck().get()).toBe(manifest.tables.providers);
    } finally {
      copy.close();
    }
    await expect(createBackup({ databaseFile: database.file, uploadsDir, target })).rejects.toThrow(/exists already/);
  });

  it("restores into an empty data folder, and moves current data aside only with force", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    const backupDir = path.join(tempDir(), "backup");
    await createBackup({ databaseFile: database.file, uploadsDir, target: backupDir });

    const dataDir = tempDir();
    const databaseFile = path.join(dataDir, "vivium.sqlite");
    const restoredUploads = path.join(dataDir, "uploads");
    restoreBackup({ backupDir, databaseFile, uploadsDir: restoredUploads });
    const restored = openDatabase(databaseFile);
    try {
      const names = await restored.db.selectFrom("providers").select("first_name").orderBy("id").execute();
      expect(names.map((r) => r.first_name)).toEqual(["Vóór0", "Vóór1", "Vóór2", "Vóór3", "Vóór4"]);
      await restored.db.deleteFrom("providers").where("first_name", "=", "Vóór0").execute();
    } finally {
      await restored.close();
    }
    expect(fs.readFileSync(path.join(restoredUploads, "photos", "abc", "480.webp"), "utf8")).toContain("bytes to copy");

    expect(() => restoreBackup({ backupDir, databaseFile, uploadsDir: restoredUploads })).toThrow(/--force/);
    const { movedAside } = restoreBackup({ backupDir, databaseFile, uploadsDir: restoredUploads, force: true });
    expect(movedAside).not.toBeNull();
    expect(fs.existsSync(path.join(movedAside!, "vivium.sqlite"))).toBe(true);
    const again = openDatabase(databaseFile);
    try {
      expect(await again.db.selectFrom("providers").select("id").execute()).toHaveLength(5);
    } finally {
      await again.close();
    }
  });

  it("refuses a backup whose database was changed after it was made", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    const backupDir = path.join(tempDir(), "backup");
    await createBackup({ databaseFile: database.file, uploadsDir, target: backupDir });
    fs.appendFileSync(path.join(backupDir, "vivium.sqlite"), "x");
    const dataDir = tempDir();
    expect(() =>
      restoreBackup({ backupDir, databaseFile: path.join(dataDir, "vivium.sqlite"), uploadsDir: path.join(dataDir, "uploads") }),
    ).toThrow(/checksum/);
    expect(fs.existsSync(path.join(dataDir, "vivium.sqlite"))).toBe(false);
  });

  it("works as `npm run backup` and `npm run restore` on a DATA_DIR", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    // The scripts read DATA_DIR/vivium.sqlite and DATA_DIR/uploads.
    const dataDir = tempDir();
    fs.copyFileSync(database.file, path.join(dataDir, "vivium.sqlite"));
    fs.cpSync(uploadsDir, path.join(dataDir, "uploads"), { recursive: true });
    const target = path.join(tempDir(), "cli-backup");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir };
    const backup = await run(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--to", target], { env });
    expect(backup.stdout).toContain("integrity ok");
    expect(backup.stdout).toContain("uploads: 1 files");

    const restoreDir = tempDir();
    const restore = await run(process.execPath, ["--import", "tsx", "scripts/restore.ts", target], { env: { ...env, DATA_DIR: restoreDir } });
    expect(restore.stdout).toContain("Restored the backup");
    expect(fs.existsSync(path.join(restoreDir, "uploads", "photos", "abc", "480.webp"))).toBe(true);
  }, 60_000);
});

const quiet = { info: () => undefined, error: () => undefined };
const NIGHTLY = { kind: "daily", hour: 3, minute: 30 } as const;

function targetsFor(database: TestDatabase, uploadsDir: string, keep = { days: 14, weeks: 8 }): BackupTargets {
  return { databaseFile: database.file, uploadsDir, backupDir: path.join(database.dir, "backups"), keep };
}

function schedulerFor(options: Parameters<typeof startBackupScheduler>[0]): BackupScheduler {
  const scheduler = startBackupScheduler(options);
  cleanups.push(() => scheduler.stop());
  return scheduler;
}

describe("scheduled backups", () => {
  it("back up every night at 03:30 Amsterdam time, record each run and keep what the retention rule says, touching nothing else", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    const targets = targetsFor(database, uploadsDir, { days: 3, weeks: 0 });
    // Things in the backup folder that are not our regular backups: they must survive every clean-up.
    fs.mkdirSync(path.join(targets.backupDir, "notes"), { recursive: true });
    fs.mkdirSync(path.join(targets.backupDir, "vivium-2020-01-01T00-00-00-000Z"));
    const madeBefore = path.join(targets.backupDir, backupDirName(new Date("2026-06-01T10:00:00Z"), "before-0099_example"));
    await createBackup({ databaseFile: database.file, uploadsDir, target: madeBefore, now: new Date("2026-06-01T10:00:00Z") });

    const clock = createTestClock(new Date("2026-06-10T12:00:00Z"));
    const scheduler = schedulerFor({ db: database.db, targets, schedule: NIGHTLY, clock, log: quiet });
    await scheduler.idle();
    // A new install makes no backup at start-up: the first one is tonight at 03:30 (01:30 UTC in summer).
    expect(await listBackupRuns(database.db)).toEqual([]);
    expect(scheduler.nextRunAt()?.toISOString()).toBe("2026-06-11T01:30:00.000Z");

    for (let night = 0; night < 5; night++) {
      clock.advanceTo(scheduler.nextRunAt()!);
      await scheduler.idle();
      // One timer at a time: the next night is planned, nothing piles up.
      expect(clock.pending()).toBe(1);
    }

    const runs = await listBackupRuns(database.db);
    expect(runs.map((r) => [r.startedAt, r.status, r.trigger])).toEqual(
      [15, 14, 13, 12, 11].map((day) => [`2026-06-${day}T01:30:00.000Z`, "ok", "schedule"]),
    );
    expect(runs[0]!.folder).toBe(path.join(targets.backupDir, "vivium-2026-06-15T01-30-00-000Z"));
    expect(runs[0]!.bytes).toBeGreaterThan(fs.statSync(database.file).size / 2);
    expect(runs[0]!.finishedAt).not.toBeNull();

    // Three days kept; the pre-migration backup and the folders we did not make stay.
    expect(listBackups(targets.backupDir).map((b) => b.name)).toEqual([
      "vivium-2026-06-15T01-30-00-000Z",
      "vivium-2026-06-14T01-30-00-000Z",
      "vivium-2026-06-13T01-30-00-000Z",
      path.basename(madeBefore),
    ]);
    expect(fs.existsSync(path.join(targets.backupDir, "notes"))).toBe(true);
    expect(fs.existsSync(path.join(targets.backupDir, "vivium-2020-01-01T00-00-00-000Z"))).toBe(true);
    expect(runs[0]!.folder && fs.existsSync(path.join(runs[0]!.folder, "manifest.json"))).toBe(true);

    await scheduler.stop();
    expect(scheduler.nextRunAt()).toBeNull();
    expect(clock.pending()).toBe(0);
  });

  it("makes a missed backup when the server starts after the scheduled moment, and none when the schedule is off", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    const targets = targetsFor(database, uploadsDir);
    await database.db
      .insertInto("backup_runs")
      .values({ trigger: "schedule", started_at: "2026-06-08T01:30:00.000Z", finished_at: "2026-06-08T01:30:05.000Z", status: "ok", folder: null, bytes: 1 })
      .execute();
    // A run the previous process left 'running' (it was killed meanwhile).
    await database.db.insertInto("backup_runs").values({ trigger: "schedule", started_at: "2026-06-09T01:30:00.000Z", status: "running" }).execute();

    const off = schedulerFor({ db: database.db, targets, schedule: { kind: "off" }, clock: createTestClock(new Date("2026-06-10T12:00:00Z")), log: quiet });
    await off.idle();
    expect(off.nextRunAt()).toBeNull();
    const [interrupted] = await listBackupRuns(database.db);
    expect(interrupted).toMatchObject({ status: "failed", error: "The server stopped while this backup was being made." });
    await off.stop();

    const clock = createTestClock(new Date("2026-06-10T12:00:00Z"));
    const scheduler = schedulerFor({ db: database.db, targets, schedule: NIGHTLY, clock, log: quiet });
    await scheduler.idle();
    const [caughtUp] = await listBackupRuns(database.db);
    expect(caughtUp).toMatchObject({ startedAt: "2026-06-10T12:00:00.000Z", status: "ok" });
    expect(scheduler.nextRunAt()?.toISOString()).toBe("2026-06-11T01:30:00.000Z");
  });

  it("records a backup whose copy fails the integrity check as failed, removes the broken copy and keeps the good ones", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    const targets = targetsFor(database, uploadsDir, { days: 1, weeks: 0 });
    const at = "2026-06-01T00:00:00.000Z";
    const { id } = await database.db
      .insertInto("staff")
      .values({ email: "medewerker@example.nl", name: "Test Medewerker", password_hash: "x", created_by: null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const staff = { id, name: "Test Medewerker" };
    const good = await makeBackupForStaff(database.db, staff, targets, () => new Date("2026-06-09T10:00:00Z"));
    expect(good).toMatchObject({ status: "ok", trigger: "staff" });

    // An index the size of many pages, then one of its pages overwritten on disk: the database "rots".
    database.sqlite.exec("CREATE TABLE filler (word TEXT); CREATE INDEX filler_word ON filler (word);");
    database.sqlite.prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler (word) SELECT hex(randomblob(16)) FROM n").run();
    database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const pageSize = database.sqlite.pragma("page_size", { simple: true }) as number;
    const rootPage = database.sqlite.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'filler_word'").pluck().get() as number;
    const fd = fs.openSync(database.file, "r+");
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootPage - 1) * pageSize);
    fs.closeSync(fd);

    const clock = createTestClock(new Date("2026-06-10T01:00:00Z"));
    const scheduler = schedulerFor({ db: database.db, targets, schedule: NIGHTLY, clock, log: quiet });
    clock.advanceTo(new Date("2026-06-10T01:30:00Z"));
    await scheduler.idle();

    const [failed] = await listBackupRuns(database.db);
    expect(failed).toMatchObject({ status: "failed", folder: null, bytes: null, trigger: "schedule" });
    expect(failed!.error).toMatch(/integrity_check/);
    const left = fs.readdirSync(targets.backupDir);
    // No half-made folder, and the retention rule did not run: the last good backup is still there.
    expect(left).toEqual([path.basename(good === "busy" ? "" : good.folder!)]);
    const audit = await database.db.selectFrom("audit_log").selectAll().execute();
    expect(audit).toMatchObject([{ action: "backup.create", entity_type: "backup", staff_name: "Test Medewerker" }]);
  });

  it("makes one backup at a time: a second one while the first runs is turned away", async () => {
    const { database, uploadsDir } = await databaseWithUploads();
    const targets = targetsFor(database, uploadsDir);
    const [first, second] = await Promise.all([
      runBackup(database.db, targets, { trigger: "schedule", log: quiet }),
      runBackup(database.db, targets, { trigger: "staff", log: quiet }),
    ]);
    expect(first).toMatchObject({ status: "ok" });
    expect(second).toBe("busy");
    expect(await listBackupRuns(database.db)).toHaveLength(1);
    // Once it is done, the next one may start.
    expect(await runBackup(database.db, targets, { trigger: "staff", log: quiet })).toMatchObject({ status: "ok" });
  });
});

describe("the restore drill", () => {
  it("gets the data of a scheduled backup back with `npm run restore -- <folder> --force` after it was changed", async () => {
    // A DATA_DIR as the server has it: DATA_DIR/vivium.sqlite, DATA_DIR/uploads, DATA_DIR/backups.
    const dataDir = tempDir();
    const databaseFile = path.join(dataDir, "vivium.sqlite");
    const uploadsDir = path.join(dataDir, "uploads");
    fs.mkdirSync(path.join(uploadsDir, "photos"), { recursive: true });
    fs.writeFileSync(path.join(uploadsDir, "photos", "bert.webp"), "Bert's photo");
    const database = openDatabase(databaseFile);
    await migrateToLatest(database.db);
    for (const name of ["Bert", "Annelies", "Kees"]) await insertTestProvider(database.db, { firstName: name });

    const clock = createTestClock(new Date("2026-06-10T12:00:00Z"));
    const targets: BackupTargets = { databaseFile, uploadsDir, backupDir: path.join(dataDir, "backups"), keep: { days: 14, weeks: 8 } };
    const scheduler = startBackupScheduler({ db: database.db, targets, schedule: NIGHTLY, clock, log: quiet });
    await scheduler.idle();
    clock.advanceTo(scheduler.nextRunAt()!);
    await scheduler.idle();
    await scheduler.stop();
    const [scheduled] = await listBackupRuns(database.db);
    expect(scheduled?.status).toBe("ok");
    const folder = scheduled!.folder!;

    // The day goes wrong: a provider deleted, another renamed, a photo lost.
    await database.db.deleteFrom("providers").where("first_name", "=", "Kees").execute();
    await database.db.updateTable("providers").set({ first_name: "Fout" }).where("first_name", "=", "Bert").execute();
    fs.rmSync(path.join(uploadsDir, "photos", "bert.webp"));
    // The drill: stop the service (close the database), restore, start again.
    await database.close();

    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir };
    const refused = await run(process.execPath, ["--import", "tsx", "scripts/restore.ts", folder], { env }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain("--force");
    const restore = await run(process.execPath, ["--import", "tsx", "scripts/restore.ts", folder, "--force"], { env });
    expect(restore.stdout).toContain("Restored the backup of 2026-06-11T01:30:00.000Z");
    expect(restore.stdout).toMatch(/The data it replaced is kept in .*replaced-/);

    const restored = openDatabase(databaseFile);
    try {
      const names = await restored.db.selectFrom("providers").select("first_name").orderBy("id").execute();
      expect(names.map((r) => r.first_name)).toEqual(["Bert", "Annelies", "Kees"]);
      expect(restored.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      // The backup was made with the runs table in it; its own run was still 'running' in the snapshot.
      expect(await restored.db.selectFrom("backup_runs").select("status").execute()).toEqual([{ status: "running" }]);
    } finally {
      await restored.close();
    }
    expect(fs.readFileSync(path.join(uploadsDir, "photos", "bert.webp"), "utf8")).toBe("Bert's photo");
  }, 60_000);
});
