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
    expect(config.postcodeDataDir).toBe(path.resolve("db/postcodes"));
  });

  it("makes a development session secret once and keeps it", () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  const production = {
    NODE_ENV: "production",
    BASE_URL: "https://www.viviumservices.nl",
    SESSION_SECRET: "x".repeat(40),
    MOLLIE_API_KEY: "live_abcdefghijklmnopqrstuvwxyz12",
    SMTP_URL: "smtps://user:pass@smtp.example.nl:465",
  };

  it("accepts a complete production configuration and keeps demo data out", () => {
    const config = loadConfig({ ...production, DATA_DIR: tempDir() });
    expect(config.seedDemoData).toBe(false);
    expect(config.isProduction).toBe(true);
    expect(config.baseUrl).toBe("https://www.viviumservices.nl");
  });

  it.each(["BASE_URL", "SESSION_SECRET", "MOLLIE_API_KEY", "SMTP_URL"] as const)("refuses production without %s", (name) => {
    const env: Record<string, string> = { ...production, DATA_DIR: tempDir() };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name} is required when NODE_ENV=production`));
  });

  it("reports every problem at once, also next to a badly formed value", () => {
    let message = "";
    try {
      loadConfig({ NODE_ENV: "production", DATA_DIR: tempDir(), PORT: "tachtig" });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/5 problems/);
    for (const name of ["PORT", "BASE_URL", "SESSION_SECRET", "MOLLIE_API_KEY", "SMTP_URL"]) expect(message).toContain(name);
  });

  it("does not write a development session secret until one is needed", () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(fs.existsSync(path.join(dir, "session-secret"))).toBe(false);
    expect(config.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(dir, "session-secret"))).toBe(true);
  });

  it("refuses production without a real Mollie key: the local gateway is for development and tests", () => {
    const { MOLLIE_API_KEY: _key, ...withoutKey } = production;
    expect(() => loadConfig({ ...withoutKey, DATA_DIR: tempDir() })).toThrow(/MOLLIE_API_KEY is required/);
    expect(loadConfig({ DATA_DIR: tempDir() }).mollie).toMatchObject({ apiKey: null, useLocalGateway: true });
    expect(() => loadConfig({ DATA_DIR: tempDir(), MOLLIE_API_KEY: "geheim" })).toThrow(/MOLLIE_API_KEY/);
  });

  it("refuses demo data in production on a public address", () => {
    expect(() => loadConfig({ ...production, DATA_DIR: tempDir(), DEMO_DATA: "true" })).toThrow(/DEMO_DATA=true/);
    expect(loadConfig({ ...production, BASE_URL: "http://127.0.0.1:3000", DATA_DIR: tempDir(), DEMO_DATA: "true" }).seedDemoData).toBe(true);
  });

  it("refuses a development or test server on an address other machines reach, unless told it is intended", () => {
    for (const HOST of ["0.0.0.0", "192.168.1.20", "::"]) {
      expect(() => loadConfig({ DATA_DIR: tempDir(), HOST }), HOST).toThrow(/ALLOW_PUBLIC_HOST=true/);
      expect(() => loadConfig({ NODE_ENV: "test", DATA_DIR: tempDir(), HOST }), HOST).toThrow(/reachable from other machines/);
    }
    for (const HOST of ["127.0.0.1", "localhost", "::1"]) expect(loadConfig({ DATA_DIR: tempDir(), HOST }).host).toBe(HOST);
    const allowed = loadConfig({ DATA_DIR: tempDir(), HOST: "0.0.0.0", ALLOW_PUBLIC_HOST: "true" });
    expect(allowed.host).toBe("0.0.0.0");
    // Demo accounts (their passwords are in the README) only when asked for on such a server.
    expect(allowed.seedDemoData).toBe(false);
    expect(loadConfig({ DATA_DIR: tempDir(), HOST: "0.0.0.0", ALLOW_PUBLIC_HOST: "true", DEMO_DATA: "true" }).seedDemoData).toBe(true);
    expect(loadConfig({ ...production, DATA_DIR: tempDir(), HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });

  it("believes no proxy's X-Forwarded-For unless TRUST_PROXY names it", () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: tempDir(), TRUST_PROXY: "none" }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: tempDir(), TRUST_PROXY: "loopback" }).trustProxy).toEqual(["loopback"]);
    expect(loadConfig({ DATA_DIR: tempDir(), TRUST_PROXY: "10.0.0.2, 10.1.0.0/16,::1" }).trustProxy).toEqual(["10.0.0.2", "10.1.0.0/16", "::1"]);
    for (const TRUST_PROXY of ["true", "*", "all", "10.0.0.0/33", "proxy.example.nl", "1.2.3.4/8/8"]) {
      expect(() => loadConfig({ DATA_DIR: tempDir(), TRUST_PROXY }), TRUST_PROXY).toThrow(/TRUST_PROXY/);
    }
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
