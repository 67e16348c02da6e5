import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Online backups of the database and the uploads, and restoring them.
 *
 * The database is copied with SQLite's backup API through a connection of
 * its own, so the copy is one consistent snapshot even while the server keeps
 * writing (WAL readers never block the writer). The uploads are copied after
 * the snapshot: files are written before the rows that point at them commit,
 * so every file the snapshot refers to already exists when we copy.
 */

export type BackupManifest = {
  format: 1;
  createdAt: string;
  databaseFile: string;
  databaseSha256: string;
  databaseBytes: number;
  uploadFiles: number;
  tables: Record<string, number>;
};

const MANIFEST = "manifest.json";
const DATABASE_COPY = "vivium.sqlite";
const UPLOADS_COPY = "uploads";

function sha256File(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/** The tables that hold what people entered: counted in the manifest as a quick check of a restore. */
const COUNTED_TABLES = ["providers", "provider_services", "uploads", "payments", "invoices", "contact_requests", "reviews", "members", "outbox_messages"];

function tableCounts(sqlite: Database.Database): Record<string, number> {
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  const counts: Record<string, number> = {};
  // Names come from the constant list above, never from input.
  for (const name of COUNTED_TABLES.filter((t) => present.has(t))) {
    counts[name] = sqlite.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number;
  }
  return counts;
}

function checkIntegrity(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`The copy of the database fails PRAGMA integrity_check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

export function backupDirName(now: Date, suffix?: string): string {
  return `vivium-${now.toISOString().replace(/[:.]/g, "-")}${suffix ? `-${suffix}` : ""}`;
}

/** `vivium-2026-06-17T01-30-00-000Z`, optionally followed by `-before-<migration>` or `-before-upgrade`: the folders backupDirName makes. */
const BACKUP_NAME = /^vivium-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-before-([\w-]+))?$/;

export type BackupFolder = {
  name: string;
  path: string;
  createdAt: Date;
  /** What a backup was made before: a migration's name, or "upgrade" (npm run upgrade); null for the regular ones. */
  madeBefore: string | null;
};

/**
 * The backups in a folder, newest first: only folders named as backupDirName
 * names them and holding a manifest, so nothing else that happens to be in
 * the folder is ever taken for one (or removed by the retention rule).
 */
export function listBackups(backupDir: string): BackupFolder[] {
  if (!fs.existsSync(backupDir)) return [];
  const found: BackupFolder[] = [];
  for (const entry of fs.readdirSync(backupDir, { withFileTypes: true })) {
    const match = BACKUP_NAME.exec(entry.name);
    if (!entry.isDirectory() || !match || !fs.existsSync(path.join(backupDir, entry.name, MANIFEST))) continue;
    const [, day, hh, mm, ss, ms, migration] = match;
    found.push({
      name: entry.name,
      path: path.join(backupDir, entry.name),
      createdAt: new Date(`${day}T${hh}:${mm}:${ss}.${ms}Z`),
      madeBefore: migration ?? null,
    });
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** Bytes of every file under a folder. */
export function folderBytes(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

/**
 * Writes `<target>/vivium.sqlite`, `<target>/uploads/…` and a manifest. The
 * target must not exist yet: a backup never overwrites another one.
 */
export async function createBackup({
  databaseFile,
  uploadsDir,
  target,
  now = new Date(),
}: {
  databaseFile: string;
  uploadsDir: string;
  target: string;
  now?: Date;
}): Promise<BackupManifest> {
  if (!fs.existsSync(databaseFile)) throw new Error(`There is no database at ${databaseFile}.`);
  if (fs.existsSync(target)) throw new Error(`${target} exists already; choose a new folder for the backup.`);
  // Written under a temporary name and renamed at the end, so that a half-made backup is never mistaken for one.
  const partial = `${target}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    const manifest = await writeBackup({ databaseFile, uploadsDir, partial, now });
    fs.renameSync(partial, target);
    return manifest;
  } catch (error) {
    // A copy that failed its integrity check (or was cut short by a full disk) must not stay around looking like a backup.
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

async function writeBackup({ databaseFile, uploadsDir, partial, now }: { databaseFile: string; uploadsDir: string; partial: string; now: Date }): Promise<BackupManifest> {
  const source = new Database(databaseFile, { fileMustExist: true });
  let tables: Record<string, number>;
  try {
    source.pragma("busy_timeout = 5000");
    // All remaining pages in one step: a step reads one snapshot (WAL keeps the
    // server's writers going meanwhile), whereas small steps restart from the
    // beginning whenever another connection writes, and may never finish on a busy server.
    await source.backup(path.join(partial, DATABASE_COPY), { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  checkIntegrity(path.join(partial, DATABASE_COPY));
  const copy = new Database(path.join(partial, DATABASE_COPY), { readonly: true });
  try {
    tables = tableCounts(copy);
  } finally {
    copy.close();
  }

  if (fs.existsSync(uploadsDir)) {
    fs.cpSync(uploadsDir, path.join(partial, UPLOADS_COPY), { recursive: true, errorOnExist: true, preserveTimestamps: true });
  } else {
    fs.mkdirSync(path.join(partial, UPLOADS_COPY));
  }

  const manifest: BackupManifest = {
    format: 1,
    createdAt: now.toISOString(),
    databaseFile: DATABASE_COPY,
    databaseSha256: sha256File(path.join(partial, DATABASE_COPY)),
    databaseBytes: fs.statSync(path.join(partial, DATABASE_COPY)).size,
    uploadFiles: countFiles(path.join(partial, UPLOADS_COPY)),
    tables,
  };
  fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(backupDir: string): BackupManifest {
  const file = path.join(backupDir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${backupDir} is not a backup: ${MANIFEST} is missing.`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`Unknown backup format ${String(manifest.format)}.`);
  return manifest;
}

/**
 * Puts a backup back in place. The server must be stopped: a running server
 * keeps the old database open. Without `force`, an existing database is left
 * alone; with it, the current database and uploads are moved aside (never
 * deleted) to `<dataDir>/replaced-<time>/`.
 */
export function restoreBackup({
  backupDir,
  databaseFile,
  uploadsDir,
  force = false,
  now = new Date(),
}: {
  backupDir: string;
  databaseFile: string;
  uploadsDir: string;
  force?: boolean;
  now?: Date;
}): { manifest: BackupManifest; movedAside: string | null } {
  const manifest = readManifest(backupDir);
  const copy = path.join(backupDir, manifest.databaseFile);
  if (sha256File(copy) !== manifest.databaseSha256) {
    throw new Error("The database in this backup does not match its manifest (checksum differs); it is not restored.");
  }
  checkIntegrity(copy);

  let movedAside: string | null = null;
  const existing = [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, uploadsDir].filter((f) => fs.existsSync(f));
  if (existing.length > 0) {
    if (!force) {
      throw new Error(`${databaseFile} exists. Stop the server and run the restore with --force; the current data is moved aside, not deleted.`);
    }
    movedAside = path.join(path.dirname(databaseFile), `replaced-${now.toISOString().replace(/[:.]/g, "-")}`);
    fs.mkdirSync(movedAside, { recursive: true });
    for (const file of existing) fs.renameSync(file, path.join(movedAside, path.basename(file)));
  }

  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  fs.copyFileSync(copy, databaseFile);
  fs.cpSync(path.join(backupDir, UPLOADS_COPY), uploadsDir, { recursive: true, preserveTimestamps: true });
  return { manifest, movedAside };
}
