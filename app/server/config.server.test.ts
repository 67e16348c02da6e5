import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.server";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vivium-config-"));
}

describe("loadConfig", () => {
  it("has working defaults for development", () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      nodeEnv: "development",
      port: 3000,
      host: "127.0.0.1",
      baseUrl: "http://127.0.0.1:3000",
      databaseFile: path.join(dir, "vivium.sqlite"),
      uploadsDir: path.join(dir, "uploads"),
      mailDir: path.join(dir, "mail"),
      seedDemoData: true,
    });
    expect(config.postcodeDataDir).toBe(path.resolve("../shared/data/nl-postcodes"));
  });

  it("makes a development session secret once and keeps it", () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it("requires a session secret in production and keeps demo data out", () => {
    const mollie = { MOLLIE_API_KEY: "live_abcdefghijklmnopqrstuvwxyz12" };
    expect(() => loadConfig({ NODE_ENV: "production", DATA_DIR: tempDir(), ...mollie })).toThrow(/SESSION_SECRET is required/);
    const config = loadConfig({ NODE_ENV: "production", DATA_DIR: tempDir(), SESSION_SECRET: "x".repeat(40), ...mollie });
    expect(config.seedDemoData).toBe(false);
    expect(config.isProduction).toBe(true);
  });

  it("refuses production without a real Mollie key: the local gateway is for development and tests", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATA_DIR: tempDir(), SESSION_SECRET: "x".repeat(40) })).toThrow(/MOLLIE_API_KEY is required/);
    expect(loadConfig({ DATA_DIR: tempDir() }).mollie).toMatchObject({ apiKey: null, useLocalGateway: true });
    expect(() => loadConfig({ DATA_DIR: tempDir(), MOLLIE_API_KEY: "geheim" })).toThrow(/MOLLIE_API_KEY/);
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "tachtig" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "tachtig" })).toThrow(/PORT/);
    expect(() => loadConfig({ BASE_URL: "niet een url" })).toThrow(/BASE_URL/);
    expect(() => loadConfig({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });

  it("reads the backup settings, with a daily backup at 03:30 kept 14 days and 8 weeks by default", () => {
    const dir = tempDir();
    expect(loadConfig({ DATA_DIR: dir }).backup).toEqual({
      dir: path.join(dir, "backups"),
      schedule: { kind: "daily", hour: 3, minute: 30 },
      keep: { days: 14, weeks: 8 },
    });
    const set = loadConfig({ DATA_DIR: dir, BACKUP_DIR: "/srv/backups", BACKUP_SCHEDULE: "off", BACKUP_KEEP: "30d" }).backup;
    expect(set).toEqual({ dir: "/srv/backups", schedule: { kind: "off" }, keep: { days: 30, weeks: 0 } });
    expect(() => loadConfig({ DATA_DIR: dir, BACKUP_SCHEDULE: "nightly" })).toThrow(/BACKUP_SCHEDULE: must be a time of day like "03:30"/);
    expect(() => loadConfig({ DATA_DIR: dir, BACKUP_KEEP: "forever" })).toThrow(/BACKUP_KEEP: must look like "14d,8w"/);
  });
});
