/**
 * `npm run backup [-- --to <folder>]`: an online, consistent copy of the
 * database and the uploads, safe while the server runs. Default target:
 * BACKUP_DIR (or DATA_DIR/backups)/vivium-<time>/.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDirName, createBackup } from "../app/server/backup.server";
import { scriptConfig } from "./support/script-config";

const { values } = parseArgs({ options: { to: { type: "string" } } });
const config = scriptConfig();
const now = new Date();
const target = path.resolve(values.to ?? path.join(config.backup.dir, backupDirName(now)));
const manifest = await createBackup({ databaseFile: config.databaseFile, uploadsDir: config.uploadsDir, target, now });
console.log(`Backup written to ${target}`);
console.log(`  database: ${manifest.databaseBytes} bytes, integrity ok, sha256 ${manifest.databaseSha256.slice(0, 16)}…`);
console.log(`  uploads: ${manifest.uploadFiles} files`);
console.log(`  providers: ${manifest.tables.providers ?? 0}, payments: ${manifest.tables.payments ?? 0}`);
