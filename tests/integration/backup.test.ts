import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createBackup, restoreBackup } from "~/server/backup.server";
import { openDatabase } from "~/server/db.server";
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
    const backup = await run("npx", ["tsx", "scripts/backup.ts", "--to", target], { env });
    expect(backup.stdout).toContain("integrity ok");
    expect(backup.stdout).toContain("uploads: 1 files");

    const restoreDir = tempDir();
    const restore = await run("npx", ["tsx", "scripts/restore.ts", target], { env: { ...env, DATA_DIR: restoreDir } });
    expect(restore.stdout).toContain("Restored the backup");
    expect(fs.existsSync(path.join(restoreDir, "uploads", "photos", "abc", "480.webp"))).toBe(true);
  }, 60_000);
});
