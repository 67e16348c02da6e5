import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { listBackups } from "~/server/backup.server";
import { runUpgrade, type Exec } from "~/server/upgrade.server";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

const run = promisify(execFile);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function installation(): Promise<{ database: TestDatabase; backupDir: string; uploadsDir: string }> {
  const database = await createTestDatabase({ postcodes: false });
  cleanups.push(database.cleanup);
  await insertTestProvider(database.db, { firstName: "Bert" });
  return { database, backupDir: path.join(database.dir, "backups"), uploadsDir: path.join(database.dir, "uploads") };
}

/** Records the commands; `failing` (joined with spaces) exits 1. */
function fakeExec(failing?: string): { exec: Exec; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    exec: (command, args) => {
      const line = [command, ...args].join(" ");
      calls.push(line);
      if (line === "git rev-parse --short HEAD") return { status: 0, stdout: "abc1234\n" };
      return { status: line === failing ? 1 : 0 };
    },
  };
}

describe("npm run upgrade", () => {
  it("prints its plan with --dry-run and changes nothing", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-upgrade-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, BACKUP_DIR: path.join(dataDir, "elders") };
    delete env.INVOCATION_ID;

    const plain = await run(process.execPath, ["--import", "tsx", "scripts/upgrade.ts", "--dry-run"], { env });
    const [announced, ...plan] = plain.stdout.split("\n").map((line) => line.trim());
    expect(announced).toBe(`Database: ${path.join(dataDir, "vivium.sqlite")} (configuration from the environment; no .env here)`);
    expect(plan).toEqual([
      "npm run upgrade would:",
      `1. back up the database and the uploads into ${path.join(dataDir, "elders")}/vivium-<time>-before-upgrade`,
      "2. fetch the new version: git pull --ff-only",
      "3. install the dependencies: npm ci",
      "4. build: npm run build",
      "then restart the server yourself, e.g. systemctl restart vivium; it migrates the database at start, after a backup",
      "",
    ]);
    const tarball = await run(process.execPath, ["--import", "tsx", "scripts/upgrade.ts", "--dry-run", "--no-pull", "--restart", "--service", "vivium-test"], { env });
    expect(tarball.stdout).not.toContain("git pull");
    expect(tarball.stdout).toContain("4. restart the service (it migrates the database at start, after a backup): systemctl restart vivium-test");
    expect(tarball.stdout).toContain("5. wait until the new server answers /healthz");
    // In production the build and test tools are removed after the build.
    const production = await run(process.execPath, ["--import", "tsx", "scripts/upgrade.ts", "--dry-run"], {
      env: { ...env, NODE_ENV: "production", BASE_URL: "https://www.example.nl", SESSION_SECRET: "x".repeat(40), MOLLIE_API_KEY: "live_abcdefghijklmnopqrstuvwxyz12", SMTP_URL: "smtp://127.0.0.1:2525" },
    });
    expect(production.stdout).toContain("5. remove the build and test tools: npm prune --omit=dev");
    expect(fs.readdirSync(dataDir).filter((name) => name !== "session-secret")).toEqual([]);
  }, 60_000);

  it("backs up first, then runs the steps in order, and stops at the first failure naming the backup to restore", async () => {
    const { database, backupDir, uploadsDir } = await installation();
    const { exec, calls } = fakeExec("npm run build");
    const errors: string[] = [];
    const result = await runUpgrade({
      options: { pull: true, restart: false, service: "vivium", prune: false },
      databaseFile: database.file,
      uploadsDir,
      backupDir,
      exec,
      log: () => undefined,
      logError: (line) => errors.push(line),
      now: new Date("2026-06-17T08:00:00Z"),
    });

    expect(calls).toEqual(["git rev-parse --short HEAD", "git pull --ff-only", "npm ci", "npm run build"]);
    const [backup] = listBackups(backupDir);
    expect(backup).toMatchObject({ name: "vivium-2026-06-17T08-00-00-000Z-before-upgrade", madeBefore: "upgrade" });
    expect(result).toEqual({ ok: false, backup: backup!.path, failedStep: "npm run build" });
    expect(errors.join("\n")).toContain('The upgrade stopped: "npm run build" failed (exit code 1). The steps after it were not run.');
    expect(errors.join("\n")).toContain("git reset --hard abc1234");
    expect(errors.join("\n")).toContain(`npm run restore -- ${backup!.path} --force`);
    // The backup is a real one, with the data of before.
    const copy = new Database(path.join(backup!.path, "vivium.sqlite"), { readonly: true });
    try {
      expect(copy.prepare("SELECT first_name FROM providers").pluck().all()).toEqual(["Bert"]);
    } finally {
      copy.close();
    }
  });

  it("without git (a tarball) and with --restart: no pull, pruned, restarted, and only done when the new server is healthy", async () => {
    const { database, backupDir, uploadsDir } = await installation();
    const { exec, calls } = fakeExec();
    const lines: string[] = [];
    const options = { pull: false, restart: true, service: "vivium", prune: true };
    const result = await runUpgrade({ options, databaseFile: database.file, uploadsDir, backupDir, exec, log: (l) => lines.push(l), waitForHealth: async () => true });
    expect(result.ok).toBe(true);
    expect(calls).toEqual(["npm ci", "npm run build", "npm prune --omit=dev", "systemctl restart vivium"]);
    expect(lines[0]).toBe(`[1] back up into ${result.backup}`);
    expect(lines.at(-1)).toContain("Done: the new version runs.");

    const errors: string[] = [];
    const unhealthy = await runUpgrade({ options, databaseFile: database.file, uploadsDir, backupDir, exec, log: () => undefined, logError: (l) => errors.push(l), waitForHealth: async () => false, now: new Date("2026-06-18T08:00:00Z") });
    expect(unhealthy).toMatchObject({ ok: false, failedStep: "health check" });
    expect(errors.join("\n")).toContain("journalctl -u vivium");
    expect(errors.join("\n")).toContain(`npm run restore -- ${unhealthy.backup} --force`);
  });
});
