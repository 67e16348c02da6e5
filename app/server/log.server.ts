import { randomBytes } from "node:crypto";

/**
 * One log line per event, as readable text (the default, for a person at a
 * terminal or `journalctl`) or as one JSON object per line (LOG_FORMAT=json,
 * for journald's JSON output and log collectors). Every line has a time, a
 * level and a message; requests and background jobs add fields of their own.
 *
 * Hand-written rather than pino: the app needs three levels and two formats,
 * and pino's readable output (pino-pretty) runs in a worker thread, which
 * would cost a second V8 heap on a server kept under 300 MB (ADR 015).
 */

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogFormat = "text" | "json";

export type Logger = {
  /** Like console's: a message, then optional details (an Error, an object of fields, or anything printable). */
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  /** A logger that adds these fields to every line (e.g. `{ job: "outbox" }`). */
  with(fields: LogFields): Logger;
};

type Sink = (line: string, level: LogLevel) => void;

/** Through console, so that info goes to stdout and warnings and errors to stderr, as journald ranks them. */
const defaultSink: Sink = (line, level) => {
  if (level === "info") console.log(line);
  else if (level === "warn") console.warn(line);
  else console.error(line);
};

function formatFromEnvironment(): LogFormat {
  return process.env.LOG_FORMAT === "json" ? "json" : "text";
}

/** Text values with spaces or quotes are quoted, so that a line still splits into its fields. */
function textValue(value: string | number | boolean | null): string {
  const text = String(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

export function formatLine(format: LogFormat, time: Date, level: LogLevel, message: string, fields: LogFields): string {
  const present = Object.entries(fields).filter((entry): entry is [string, string | number | boolean | null] => entry[1] !== undefined);
  if (format === "json") {
    return JSON.stringify({ time: time.toISOString(), level, msg: message, ...Object.fromEntries(present) });
  }
  // A stack trace reads best as the lines it is made of, below its line.
  const stack = present.find(([key]) => key === "stack")?.[1];
  const rest = present
    .filter(([key]) => key !== "stack")
    .map(([key, value]) => `${key}=${textValue(value)}`)
    .join(" ");
  const line = `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${rest ? ` ${rest}` : ""}`;
  return typeof stack === "string" ? `${line}\n${stack.replace(/^/gm, "    ")}` : line;
}

/** Folds console-style details into the message and the fields. */
function fold(message: string, details: unknown[]): { message: string; fields: LogFields } {
  const fields: LogFields = {};
  const extra: string[] = [];
  for (const detail of details) {
    if (detail instanceof Error) {
      fields.error = detail.message;
      if (detail.stack) fields.stack = detail.stack;
    } else if (detail && typeof detail === "object" && !Array.isArray(detail)) {
      for (const [key, value] of Object.entries(detail)) {
        fields[key] = value === null || ["string", "number", "boolean"].includes(typeof value) ? (value as string | number | boolean | null) : JSON.stringify(value);
      }
    } else if (detail !== undefined) {
      extra.push(String(detail));
    }
  }
  return { message: extra.length > 0 ? `${message} ${extra.join(" ")}` : message, fields };
}

export function createLogger({
  format = formatFromEnvironment(),
  sink = defaultSink,
  now = () => new Date(),
  fields: base = {},
}: { format?: LogFormat; sink?: Sink; now?: () => Date; fields?: LogFields } = {}): Logger {
  const write = (level: LogLevel, message: string, details: unknown[]) => {
    const folded = fold(message, details);
    sink(formatLine(format, now(), level, folded.message, { ...base, ...folded.fields }), level);
  };
  return {
    info: (message, ...details) => write("info", message, details),
    warn: (message, ...details) => write("warn", message, details),
    error: (message, ...details) => write("error", message, details),
    with: (fields) => createLogger({ format, sink, now, fields: { ...base, ...fields } }),
  };
}

/** The process's logger; LOG_FORMAT is read from the environment, which server.ts has checked. */
export const log: Logger = createLogger();

/**
 * Letters and digits that cannot be mistaken for each other when read out on
 * the phone (no I, L, O, U, 0 or 1): a customer quotes the code on the error
 * page, and the office finds the request's log line by it.
 */
const READABLE = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A short request id such as `7KQ2-M9XD`. */
export function newRequestId(): string {
  const bytes = randomBytes(8);
  let id = "";
  for (const byte of bytes) id += READABLE[byte % READABLE.length];
  return `${id.slice(0, 4)}-${id.slice(4)}`;
}

/**
 * Paths with a secret in them (password reset and review links) are logged
 * without it: logs travel further than the database.
 */
export function loggablePath(url: string): string {
  const pathname = url.split("?", 1)[0] ?? url;
  return pathname.replace(/^\/(wachtwoord-herstellen|beoordeling)\/[^/]+/, "/$1/…");
}
