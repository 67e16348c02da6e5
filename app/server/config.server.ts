import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_RETENTION, parseRetention, type RetentionRule } from "~/domain/backup-retention";
import { DEFAULT_BACKUP_SCHEDULE, parseBackupSchedule, type BackupSchedule } from "~/domain/backup-schedule";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  BASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  POSTCODE_DATA_DIR: z.string().min(1).default("../shared/data/nl-postcodes"),
  SESSION_SECRET: z.string().min(32, "moet minstens 32 tekens lang zijn").optional(),
  DEMO_DATA: booleanFromEnv.optional(),
  LOG_REQUESTS: booleanFromEnv.default(true),
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
  logRequests: boolean;
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
 * Reads and checks the environment once. A wrong value stops the process at
 * start-up with a message naming the variable, instead of failing on the
 * first request that happens to need it.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new ConfigError(`Invalid configuration in the environment:\n${problems}\nSee .env.example.`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === "production";
  const dataDir = path.resolve(values.DATA_DIR);

  if (isProduction && !values.MOLLIE_API_KEY) {
    throw new ConfigError("MOLLIE_API_KEY is required when NODE_ENV=production; the local test gateway is for development and tests only.");
  }
  if (isProduction && !values.SESSION_SECRET) {
    throw new ConfigError(
      "SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters). See .env.example.",
    );
  }
  // Demo data would put invented providers in front of real customers.
  if (isProduction && values.DEMO_DATA === true && values.BASE_URL && !isLoopbackUrl(values.BASE_URL)) {
    throw new ConfigError("DEMO_DATA=true is only allowed in production on a loopback BASE_URL (tests, demos).");
  }

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
    postcodeDataDir: path.resolve(values.POSTCODE_DATA_DIR),
    sessionSecret: values.SESSION_SECRET ?? developmentSessionSecret(dataDir),
    seedDemoData: values.DEMO_DATA ?? !isProduction,
    logRequests: values.LOG_REQUESTS,
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

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
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

let cached: Config | undefined;

/** The process-wide configuration, read on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
