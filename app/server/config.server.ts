import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_RETENTION, parseRetention, type RetentionRule } from "~/domain/backup-retention";
import { DEFAULT_BACKUP_SCHEDULE, parseBackupSchedule, type BackupSchedule } from "~/domain/backup-schedule";
import { isLoopbackHostname } from "~/domain/loopback";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  BASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  POSTCODE_DATA_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, "moet minstens 32 tekens lang zijn").optional(),
  DEMO_DATA: booleanFromEnv.optional(),
  ALLOW_PUBLIC_HOST: booleanFromEnv.default(false),
  TRUST_PROXY: z
    .string()
    .default("none")
    .transform((text, ctx) => {
      const trusted = parseTrustProxy(text);
      if (trusted === null) {
        ctx.addIssue({ code: "custom", message: `must be "none", "loopback" or a comma-separated list of proxy addresses (e.g. 127.0.0.1 or 10.0.0.0/8), got "${text}"` });
        return z.NEVER;
      }
      return trusted;
    }),
  LOG_REQUESTS: booleanFromEnv.default(true),
  LOG_FORMAT: z.enum(["text", "json"]).default("text"),
  MOLLIE_API_KEY: z
    .string()
    .regex(/^(test|live)_\w{20,}$/, "moet een Mollie API-sleutel zijn (test_… of live_…)")
    .optional(),
  MOLLIE_API_ENDPOINT: z.url().optional(),
  MOLLIE_GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(3443),
  MOLLIE_CHECKOUT_PORT: z.coerce.number().int().min(0).max(65535).default(3444),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Vivium Services <noreply@viviumservices.nl>"),
  STAFF_EMAIL: z.email().default("dienstverleners@viviumservices.nl"),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  CONTACT_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  PASSWORD_RESET_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  VIDEO_MAX_MB: z.coerce.number().int().min(1).max(2000).default(100),
  // Test-only knobs of the outbox worker (tests/reliability): shorter retries and locks.
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(100).optional(),
  OUTBOX_LOCK_MS: z.coerce.number().int().min(1000).optional(),
  // Backups: where, when, and how many are kept (README, "Backups").
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_SCHEDULE: z
    .string()
    .default(DEFAULT_BACKUP_SCHEDULE)
    .transform((text, ctx) => {
      const schedule = parseBackupSchedule(text);
      if (!schedule) {
        ctx.addIssue({ code: "custom", message: `must be a time of day like "03:30" (Europe/Amsterdam) or "off", got "${text}"` });
        return z.NEVER;
      }
      return schedule;
    }),
  BACKUP_KEEP: z
    .string()
    .default(DEFAULT_RETENTION)
    .transform((text, ctx) => {
      const rule = parseRetention(text);
      if ("error" in rule) {
        ctx.addIssue({ code: "custom", message: rule.error });
        return z.NEVER;
      }
      return rule;
    }),
});

export type Config = {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseFile: string;
  uploadsDir: string;
  mailDir: string;
  postcodeDataDir: string;
  sessionSecret: string;
  seedDemoData: boolean;
  /**
   * The proxies whose X-Forwarded-For is believed (Express' "trust proxy"): none by default, so a
   * forged header never changes the client address that rate limits count.
   */
  trustProxy: false | string[];
  logRequests: boolean;
  /** text (readable, the default) or json (one object per line, for journald and collectors); read by log.server.ts. */
  logFormat: "text" | "json";
  /** Sign-in attempts per client address per 15 minutes. */
  signInRateLimit: number;
  /** New accounts per client address per hour. */
  signupRateLimit: number;
  /** Contact requests per client address per hour. */
  contactRateLimit: number;
  /** Password reset requests per client address per hour (per e-mail address it is fixed at 3). */
  passwordResetRateLimit: number;
  /** The largest introduction video accepted (VIDEO_MAX_MB, default 100 MB). */
  videoMaxBytes: number;
  mollie: {
    /** Without a key, the local Mollie-compatible test gateway is started and used. */
    apiKey: string | null;
    /** Mollie's API base (default https://api.mollie.com/v2/); set for the local gateway. */
    endpoint: string | null;
    useLocalGateway: boolean;
    /** Ports of the local gateway: its API (HTTPS) and its checkout page (HTTP, so no certificate warning). */
    localGatewayPort: number;
    localCheckoutPort: number;
  };
  mail: {
    /** Without SMTP_URL, messages are written as .eml files under DATA_DIR/mail. */
    smtpUrl: string | null;
    from: string;
    /** Where staff notices go (a provider went live, …). */
    staffAddress: string;
    /** The outbox worker's first retry delay and claim lock; null = its defaults (30 s, 5 min). Only tests set them. */
    outboxRetryBaseMs: number | null;
    outboxLockMs: number | null;
  };
  backup: {
    /** BACKUP_DIR, default DATA_DIR/backups: the scheduled and pre-migration backups. */
    dir: string;
    schedule: BackupSchedule;
    keep: RetentionRule;
  };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and checks the environment once. Every problem is reported at once,
 * before anything touches the database, so a wrong setup needs one restart
 * to fix instead of one per variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw configProblems([...problems, ...productionProblems(env)]);
  }
  const values = parsed.data;
  const problems = [...productionProblems(values), ...publicHostProblems(values)];
  if (problems.length > 0) throw configProblems(problems);

  const isProduction = values.NODE_ENV === "production";
  const dataDir = path.resolve(values.DATA_DIR);
  const sessionSecret = values.SESSION_SECRET;

  return {
    nodeEnv: values.NODE_ENV,
    isProduction,
    port: values.PORT,
    host: values.HOST,
    baseUrl: (values.BASE_URL ?? `http://${values.HOST}:${values.PORT}`).replace(/\/$/, ""),
    dataDir,
    databaseFile: path.join(dataDir, "vivium.sqlite"),
    uploadsDir: path.join(dataDir, "uploads"),
    mailDir: path.join(dataDir, "mail"),
    postcodeDataDir: values.POSTCODE_DATA_DIR ? path.resolve(values.POSTCODE_DATA_DIR) : BUNDLED_POSTCODE_DIR,
    // Made on first use: scripts (backup, staff:create, …) never need it and must not
    // leave a development secret file in a production data folder.
    get sessionSecret() {
      return sessionSecret ?? developmentSessionSecret(dataDir);
    },
    // Demo accounts (with the README's passwords) only where asked for, or on a server only this machine reaches.
    seedDemoData: values.DEMO_DATA ?? (!isProduction && isLoopbackHostname(values.HOST)),
    trustProxy: values.TRUST_PROXY,
    logRequests: values.LOG_REQUESTS,
    logFormat: values.LOG_FORMAT,
    signInRateLimit: values.SIGN_IN_RATE_LIMIT,
    signupRateLimit: values.SIGNUP_RATE_LIMIT,
    contactRateLimit: values.CONTACT_RATE_LIMIT,
    passwordResetRateLimit: values.PASSWORD_RESET_RATE_LIMIT,
    videoMaxBytes: values.VIDEO_MAX_MB * 1024 * 1024,
    mollie: {
      apiKey: values.MOLLIE_API_KEY ?? null,
      endpoint: values.MOLLIE_API_ENDPOINT ?? null,
      useLocalGateway: !values.MOLLIE_API_KEY,
      localGatewayPort: values.MOLLIE_GATEWAY_PORT,
      localCheckoutPort: values.MOLLIE_CHECKOUT_PORT,
    },
    mail: {
      smtpUrl: values.SMTP_URL ?? null,
      from: values.MAIL_FROM,
      staffAddress: values.STAFF_EMAIL,
      outboxRetryBaseMs: values.OUTBOX_RETRY_BASE_MS ?? null,
      outboxLockMs: values.OUTBOX_LOCK_MS ?? null,
    },
    backup: {
      dir: path.resolve(values.BACKUP_DIR ?? path.join(dataDir, "backups")),
      schedule: values.BACKUP_SCHEDULE,
      keep: values.BACKUP_KEEP,
    },
  };
}

function configProblems(problems: string[]): ConfigError {
  const lines = problems.map((problem) => `  - ${problem}`).join("\n");
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return new ConfigError(`Invalid configuration (${count}); nothing was started:\n${lines}\nSee .env.example and the README's configuration table.`);
}

/**
 * What production needs beyond well-formed values. Read from the raw
 * variables too, so that a badly formed PORT does not hide a missing secret.
 */
function productionProblems(env: Record<string, unknown>): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const present = (name: string) => typeof env[name] === "string" && env[name] !== "";
  if (!present("BASE_URL")) {
    problems.push("BASE_URL is required when NODE_ENV=production: the public https:// address, used in e-mail links and Mollie's return and webhook addresses.");
  }
  if (!present("SESSION_SECRET")) {
    problems.push("SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters, e.g. `openssl rand -hex 32`).");
  }
  if (!present("MOLLIE_API_KEY")) {
    problems.push("MOLLIE_API_KEY is required when NODE_ENV=production; the local test gateway is for development and tests only.");
  }
  if (!present("SMTP_URL")) {
    problems.push("SMTP_URL is required when NODE_ENV=production; without it e-mails are only written to DATA_DIR/mail.");
  }
  // Demo data would put invented providers in front of real customers.
  const demo = String(env.DEMO_DATA ?? "");
  if (["true", "1", "yes"].includes(demo) && present("BASE_URL") && !isLoopbackUrl(String(env.BASE_URL))) {
    problems.push("DEMO_DATA=true is only allowed in production on a loopback BASE_URL (tests, demos).");
  }
  return problems;
}

/**
 * A development or test server shows every e-mail on /dev/mail, starts the
 * Mollie test gateway and may carry demo accounts: on an address other
 * machines reach, it refuses to start unless told that this is intended.
 */
function publicHostProblems(values: { NODE_ENV: string; HOST: string; ALLOW_PUBLIC_HOST: boolean }): string[] {
  if (values.NODE_ENV === "production" || values.ALLOW_PUBLIC_HOST || isLoopbackHostname(values.HOST)) return [];
  return [
    `HOST=${values.HOST} makes this ${values.NODE_ENV} server reachable from other machines, with its test payments, demo accounts and mail viewer. ` +
      "Use NODE_ENV=production for a public server, keep HOST=127.0.0.1, or set ALLOW_PUBLIC_HOST=true if this network is yours alone.",
  ];
}

/** TRUST_PROXY: "none" (or false), "loopback", or proxy addresses and ranges; null when it is none of these. */
export function parseTrustProxy(text: string): false | string[] | null {
  const value = text.trim().toLowerCase();
  if (["", "none", "false", "0", "no"].includes(value)) return false;
  const entries = value.split(",").map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (entry === "loopback") return true;
    const [address, bits, ...rest] = entry.split("/");
    if (rest.length > 0 || !address || net.isIP(address) === 0) return false;
    if (bits === undefined) return true;
    const max = net.isIP(address) === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
  });
  return valid ? entries : null;
}

function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHostname(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Outside production a secret is made once and kept, so sessions survive restarts. */
function developmentSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process (a script next to the server) wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The project folder, found by walking up from this file: it runs from
 * app/server (tsx, Vitest) or bundled into build/ (the production server).
 */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** The Dutch postcode data that ships with the project (db/postcodes, see its README for sources and licence). */
export const BUNDLED_POSTCODE_DIR = path.join(projectRoot(), "db", "postcodes");

/**
 * Reads `.env` from the working folder into process.env, as the server and
 * every npm script do, so that all of them act on the same configuration.
 * Variables already set in the environment win. Returns the file read, if any.
 */
export function loadEnvFile(file = path.resolve(".env")): string | null {
  if (!fs.existsSync(file)) return null;
  process.loadEnvFile(file);
  return file;
}

let cached: Config | undefined;

/** The process-wide configuration, read on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
