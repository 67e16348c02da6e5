import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The npm scripts act on the database the server would use: they read `.env`
 * from the folder they run in (npm runs them in the project folder) as the
 * server does, say which database they touch, and leave no development
 * secret behind in a data folder.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
// tsx as a loader in this node process (its CLI would start a second one).
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const folders: string[] = [];

function runScript(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  // Only what a shell has: no DATA_DIR from the test run leaks in.
  // npm runs a script in the project folder; here the folder is another one (with its own .env), so tsx is told where the paths are.
  const result = spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, "scripts", script), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd, NODE_ENV: "development", TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function workFolder(): { cwd: string; dataDir: string } {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-scripts-"));
  folders.push(cwd);
  const dataDir = path.join(cwd, "elders-data");
  fs.writeFileSync(path.join(cwd, ".env"), `# as a team would write it\nDATA_DIR=${dataDir}\n`);
  return { cwd, dataDir };
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("npm scripts read the server's configuration", () => {
  it("migrate and staff:create act on DATA_DIR from .env, say so, and leave no session-secret file", () => {
    const { cwd, dataDir } = workFolder();
    const migrate = runScript("migrate.ts", [], cwd);
    expect(migrate.status, migrate.output).toBe(0);
    expect(migrate.output).toContain(`Database: ${path.join(dataDir, "vivium.sqlite")} (configuration from ${path.join(cwd, ".env")})`);

    const staff = runScript("staff-create.ts", ["--email", "eerste@viviumservices.nl", "--name", "Eerste Medewerker"], cwd);
    expect(staff.status, staff.output).toBe(0);
    expect(staff.output).toContain(`Database: ${path.join(dataDir, "vivium.sqlite")}`);
    const sqlite = new Database(path.join(dataDir, "vivium.sqlite"), { readonly: true });
    expect(sqlite.prepare("SELECT email FROM staff").pluck().all()).toEqual(["eerste@viviumservices.nl"]);
    sqlite.close();
    expect(fs.existsSync(path.join(dataDir, "session-secret"))).toBe(false);
    expect(fs.existsSync(path.join(cwd, "data"))).toBe(false);
  });

  it("backup copies the database named in .env, not ./data", () => {
    const { cwd, dataDir } = workFolder();
    expect(runScript("migrate.ts", [], cwd).status).toBe(0);
    const target = path.join(cwd, "copy");
    const backup = runScript("backup.ts", ["--to", target], cwd);
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toContain(`Database: ${path.join(dataDir, "vivium.sqlite")}`);
    expect(fs.existsSync(path.join(target, "vivium.sqlite"))).toBe(true);
    expect(fs.existsSync(path.join(cwd, "data"))).toBe(false);
  });

  it("a script refuses a production configuration with every problem named, before touching anything", () => {
    const { cwd, dataDir } = workFolder();
    const migrate = runScript("migrate.ts", [], cwd, { NODE_ENV: "production" });
    expect(migrate.status).toBe(1);
    for (const name of ["BASE_URL", "SESSION_SECRET", "MOLLIE_API_KEY", "SMTP_URL"]) expect(migrate.output).toContain(`${name} is required`);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
