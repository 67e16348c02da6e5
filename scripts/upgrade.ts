/**
 * `npm run upgrade [-- --no-pull] [--restart] [--service vivium] [--dry-run]`:
 * backup, git pull --ff-only, npm ci, npm run build, npm run migrate, and
 * (with --restart, or when systemd runs this) systemctl restart. Stops at the
 * first failing step and names the backup to restore.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { loadConfig } from "../app/server/config.server";
import { runUpgrade, upgradePlan, type UpgradeOptions } from "../app/server/upgrade.server";

const { values } = parseArgs({
  options: {
    "no-pull": { type: "boolean", default: false },
    restart: { type: "boolean", default: false },
    service: { type: "string", default: "vivium" },
    "dry-run": { type: "boolean", default: false },
  },
});
const config = loadConfig();
const options: UpgradeOptions = {
  pull: !values["no-pull"],
  // systemd sets INVOCATION_ID for what it starts: an upgrade run as a unit restarts the service itself.
  restart: values.restart || Boolean(process.env.INVOCATION_ID),
  service: values.service,
};

if (values["dry-run"]) {
  console.log("npm run upgrade would:");
  for (const line of upgradePlan(options, config.backup.dir)) console.log(`  ${line}`);
} else {
  const result = await runUpgrade({
    options,
    databaseFile: config.databaseFile,
    uploadsDir: config.uploadsDir,
    backupDir: config.backup.dir,
    exec: (command, args) => {
      const capture = command === "git" && args[0] === "rev-parse";
      const child = spawnSync(command, args, { stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
      return { status: child.error ? null : child.status, stdout: capture ? child.stdout : undefined };
    },
  });
  process.exitCode = result.ok ? 0 : 1;
}
