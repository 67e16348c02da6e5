/**
 * `npm run upgrade [-- --no-pull] [--restart] [--service vivium] [--dry-run]`:
 * backup, git pull --ff-only, npm ci, npm run build, npm run migrate, and
 * (with --restart, or when systemd runs this) systemctl restart. Stops at the
 * first failing step and names the backup to restore.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { scriptConfig } from "./support/script-config";
import { runUpgrade, upgradePlan, type UpgradeOptions } from "../app/server/upgrade.server";

const { values } = parseArgs({
  options: {
    "no-pull": { type: "boolean", default: false },
    restart: { type: "boolean", default: false },
    service: { type: "string", default: "vivium" },
    "dry-run": { type: "boolean", default: false },
    "keep-dev": { type: "boolean", default: false },
  },
});
const config = scriptConfig();
const options: UpgradeOptions = {
  pull: !values["no-pull"],
  // systemd sets INVOCATION_ID for what it starts: an upgrade run as a unit restarts the service itself.
  restart: values.restart || Boolean(process.env.INVOCATION_ID),
  service: values.service,
  // A production install is pruned after its build (README, Installation); a development clone keeps its tools.
  prune: config.isProduction && !values["keep-dev"],
};

/** Polls the restarted server's health check on its own address for up to a minute. */
async function waitForHealth(): Promise<boolean> {
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${config.port}/healthz`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

if (values["dry-run"]) {
  console.log("npm run upgrade would:");
  for (const line of upgradePlan(options, config.backup.dir)) console.log(`  ${line}`);
} else {
  const result = await runUpgrade({
    options,
    databaseFile: config.databaseFile,
    uploadsDir: config.uploadsDir,
    backupDir: config.backup.dir,
    waitForHealth,
    exec: (command, args) => {
      const capture = command === "git" && args[0] === "rev-parse";
      const child = spawnSync(command, args, { stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
      return { status: child.error ? null : child.status, stdout: capture ? child.stdout : undefined };
    },
  });
  process.exitCode = result.ok ? 0 : 1;
}
