/**
 * `npm run upgrade`: the steps of bringing an installation to a new version,
 * in order, stopping at the first that fails. The backup comes first, so a
 * failure at any later step can be undone with `npm run restore`.
 *
 * The database is migrated by the new server itself when it starts, after a
 * backup of its own (migrate.server.ts), not by a step here: migrating while
 * the old version still runs would leave old code on a new schema, and the
 * server migrates as the service's user, so no file of the database ends up
 * owned by whoever ran the upgrade.
 *
 * The commands are run through `exec`, so the tests can check the order,
 * the stop at a failure and the messages without running npm or git.
 */
import fs from "node:fs";
import path from "node:path";
import { backupDirName, createBackup } from "./backup.server";

export type UpgradeOptions = {
  /** git pull --ff-only first; off for an installation from a tarball. */
  pull: boolean;
  /** npm prune --omit=dev after the build: a production install keeps no build or test tools. */
  prune: boolean;
  /** systemctl restart <service> at the end, then wait for /healthz; otherwise the command is printed. */
  restart: boolean;
  service: string;
};

export type Exec = (command: string, args: string[]) => { status: number | null; stdout?: string };

export type UpgradeStep = { label: string; command: [string, ...string[]] };

/** The commands after the backup, in order. */
export function upgradeCommands(options: UpgradeOptions): UpgradeStep[] {
  const steps: UpgradeStep[] = [];
  if (options.pull) steps.push({ label: "fetch the new version", command: ["git", "pull", "--ff-only"] });
  steps.push(
    { label: "install the dependencies", command: ["npm", "ci"] },
    { label: "build", command: ["npm", "run", "build"] },
  );
  if (options.prune) steps.push({ label: "remove the build and test tools", command: ["npm", "prune", "--omit=dev"] });
  if (options.restart) {
    steps.push({ label: "restart the service (it migrates the database at start, after a backup)", command: ["systemctl", "restart", options.service] });
  }
  return steps;
}

const shown = (step: UpgradeStep) => step.command.join(" ");

/** The plan as `--dry-run` prints it. */
export function upgradePlan(options: UpgradeOptions, backupDir: string): string[] {
  return [
    `1. back up the database and the uploads into ${backupDir}/vivium-<time>-before-upgrade`,
    ...upgradeCommands(options).map((step, i) => `${i + 2}. ${step.label}: ${shown(step)}`),
    options.restart
      ? `${upgradeCommands(options).length + 2}. wait until the new server answers /healthz`
      : `then restart the server yourself, e.g. systemctl restart ${options.service}; it migrates the database at start, after a backup`,
  ];
}

export type UpgradeResult = { ok: boolean; backup: string | null; failedStep: string | null };

export async function runUpgrade({
  options,
  databaseFile,
  uploadsDir,
  backupDir,
  exec,
  waitForHealth = async () => true,
  log = console.log,
  logError = console.error,
  now = new Date(),
}: {
  options: UpgradeOptions;
  databaseFile: string;
  uploadsDir: string;
  backupDir: string;
  exec: Exec;
  /** After the restart: resolves true once the new server answers /healthz, false when it does not in time. */
  waitForHealth?: () => Promise<boolean>;
  log?: (line: string) => void;
  logError?: (line: string) => void;
  now?: Date;
}): Promise<UpgradeResult> {
  let backup: string | null = null;
  if (fs.existsSync(databaseFile)) {
    backup = path.join(backupDir, backupDirName(now, "before-upgrade"));
    log(`[1] back up into ${backup}`);
    try {
      await createBackup({ databaseFile, uploadsDir, target: backup, now });
    } catch (error) {
      logError(`The backup failed, so nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, backup: null, failedStep: "backup" };
    }
  } else {
    log(`[1] no database at ${databaseFile} yet: nothing to back up`);
  }

  // Where the code was, to name in the way back.
  const revision = options.pull ? exec("git", ["rev-parse", "--short", "HEAD"]).stdout?.trim() || null : null;
  const steps = upgradeCommands(options);
  for (const [i, step] of steps.entries()) {
    log(`[${i + 2}] ${step.label}: ${shown(step)}`);
    const { status } = exec(step.command[0], step.command.slice(1));
    if (status !== 0) {
      logError(`\nThe upgrade stopped: "${shown(step)}" failed (exit code ${status ?? "none"}). The steps after it were not run.`);
      if (backup) {
        logError(`The data as it was before the upgrade is in ${backup}. To go back:`);
        if (revision) logError(`  git reset --hard ${revision} && npm ci && npm run build`);
        logError(`  stop the service, then: npm run restore -- ${backup} --force, and start it again`);
      }
      return { ok: false, backup, failedStep: shown(step) };
    }
  }
  if (!options.restart) {
    log(`\nDone. Restart the server to run the new version, e.g.: systemctl restart ${options.service}`);
    log("It applies new migrations when it starts, after a backup of its own.");
    return { ok: true, backup, failedStep: null };
  }
  log(`[${steps.length + 2}] wait until the new server answers /healthz`);
  if (!(await waitForHealth())) {
    logError(`\nThe new version does not answer /healthz. Its log says why: journalctl -u ${options.service} -n 50`);
    if (backup) logError(`The data as it was before the upgrade is in ${backup} (npm run restore -- ${backup} --force, with the service stopped).`);
    return { ok: false, backup, failedStep: "health check" };
  }
  log("\nDone: the new version runs.");
  return { ok: true, backup, failedStep: null };
}
