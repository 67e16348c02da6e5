/**
 * `npm run restore -- <backup folder> [--force]`: puts a backup made by
 * `npm run backup` back into DATA_DIR. Stop the server first. With --force the
 * current database and uploads are moved aside to DATA_DIR/replaced-<time>/.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreBackup } from "../app/server/backup.server";
import { scriptConfig } from "./support/script-config";

const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
const [backupDir] = positionals;
if (!backupDir) {
  console.error("Usage: npm run restore -- <backup folder> [--force]");
  process.exit(2);
}
const config = scriptConfig();
try {
  const { manifest, movedAside } = restoreBackup({
    backupDir: path.resolve(backupDir),
    databaseFile: config.databaseFile,
    uploadsDir: config.uploadsDir,
    force: values.force,
  });
  console.log(`Restored the backup of ${manifest.createdAt} into ${config.dataDir}.`);
  if (movedAside) console.log(`The data it replaced is kept in ${movedAside}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
