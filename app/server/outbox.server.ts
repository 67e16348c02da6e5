import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Selectable } from "kysely";
import nodemailer from "nodemailer";
import type { OutboxMessagesTable } from "#db/schema";
import { ConfigError, type Config } from "./config.server";
import type { Db } from "./db.server";
import { invoicePdfAttachment } from "./invoices.server";

/**
 * The e-mail outbox. Code that causes an e-mail (a provider goes live, a
 * payment fails) calls `enqueueMail` with its own transaction, so the message
 * is stored if and only if the event is. A worker in the server process
 * sends the stored messages one at a time.
 *
 * Delivery guarantees:
 * - Nothing is lost: a message leaves the table only by being sent or, after
 *   `maxAttempts` tries, by being marked `failed` with the last error.
 * - Enqueueing is idempotent per `dedupeKey`: replaying an event adds nothing.
 * - Sending is at-least-once at the SMTP boundary. A message is claimed by
 *   setting it to `sending` with a lock (`locked_until`) in one statement, and
 *   marked `sent` after the server accepted it. If the process dies between
 *   the server's acceptance and that update, the row stays `sending`; once
 *   the lock has expired any worker claims it again and sends it again.
 *   Nothing on our side can close that gap (SMTP has no idempotency key), so
 *   the Message-ID header is chosen once per row, stored before the first
 *   attempt and reused on every retry: receiving servers and mail apps that
 *   deduplicate on Message-ID show the copy once, and support can see both
 *   copies are the same message.
 * - No transaction is open while SMTP is being spoken: claiming and marking
 *   are single statements on either side of the network call.
 */

export type OutboxMessageInput = {
  to: string;
  /** A short name of the template (`provider-live`), shown in /dev/mail and the logs. */
  template: string;
  subject: string;
  text: string;
  html: string;
  /** Names the event that causes the message (`provider-live:42`); a second message with the same key is dropped. */
  dedupeKey?: string;
  /** A file to attach, by reference; the worker renders it when it sends (see renderAttachment). */
  attachment?: MailAttachment;
};

/** What can be attached: an issued invoice, as its PDF. Stored as JSON in `outbox_messages.attachment`. */
export type MailAttachment = { invoice: string };

/** An attachment as a transport sends it. */
export type MailFile = { filename: string; contentType: string; content: Buffer };

/** The file for an attachment reference, made from what the database holds now. */
export function renderAttachment(db: Db, attachment: MailAttachment): Promise<MailFile> {
  return invoicePdfAttachment(db, attachment.invoice);
}

function parseAttachment(json: string): MailAttachment {
  const value: unknown = JSON.parse(json);
  if (typeof value === "object" && value !== null && typeof (value as { invoice?: unknown }).invoice === "string") {
    return { invoice: (value as { invoice: string }).invoice };
  }
  throw new TypeError(`unknown attachment: ${json}`);
}

const SINGLE_ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * Stores a message for the worker. Pass the transaction of the event that
 * causes it (`trx`), so that a rollback takes the message with it.
 */
export async function enqueueMail(db: Db, message: OutboxMessageInput): Promise<void> {
  const to = message.to.trim();
  // A list of addresses or a display name here would be a bug in the caller, not something to send.
  if (!SINGLE_ADDRESS.test(to)) throw new TypeError(`enqueueMail needs one plain e-mail address, got: ${message.to}`);
  const now = new Date().toISOString();
  await db
    .insertInto("outbox_messages")
    .values({
      dedupe_key: message.dedupeKey ?? null,
      template: message.template,
      to_address: to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      attachment: message.attachment ? JSON.stringify(message.attachment) : null,
      next_attempt_at: now,
      created_at: now,
    })
    .onConflict((conflict) => conflict.column("dedupe_key").doNothing())
    .execute();
}

/** One message as a transport gets it; everything needed to build the same message again on a retry. */
export type OutgoingMail = {
  /** The outbox row. */
  id: number;
  /** `<…@domain>`, the same on every attempt. */
  messageId: string;
  /** When the message was enqueued: the Date header, the same on every attempt. */
  date: Date;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailFile[];
};

export type MailTransport = {
  /** The From header (`Vivium Services <noreply@viviumservices.nl>`); its domain also names the Message-IDs. */
  readonly from: string;
  /** Resolves once the message is accepted (SMTP) or written (file); rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

// A bounded send, so that a hanging server cannot outlast the lock of the message being sent.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

function mailOptions(from: string, mail: OutgoingMail) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.date,
    attachments: mail.attachments.map((file) => ({ filename: file.filename, content: file.content, contentType: file.contentType })),
    // RFC 3834: out-of-office replies and the like are not sent back to automatic messages.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

/** Sends through an SMTP server: `smtp://user:pass@host:587`, `smtps://…:465`; nodemailer's URL options apply. */
export function createSmtpTransport({ url, from }: { url: string; from: string }): MailTransport {
  // One kept connection instead of a new one (connect, greeting, EHLO, TLS) per message: under load every
  // SMTP round trip waits behind the web requests, and the outbox fell minutes behind a burst of contact requests.
  const mailer = nodemailer.createTransport({ url, pool: true, maxConnections: 1, ...SMTP_TIMEOUTS });
  return {
    from,
    async send(mail) {
      await mailer.sendMail(mailOptions(from, mail));
    },
    close: () => mailer.close(),
  };
}

/** `2026-11-29T09-05-03-120Z-42.eml`: sorts by time; fixed per message, so a retry overwrites instead of adding a copy. */
export function emlFileName(mail: Pick<OutgoingMail, "id" | "date">): string {
  return `${mail.date.toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`;
}

/** For development and tests without an SMTP server: every message becomes an .eml file in `dir`. */
export function createFileTransport({ dir, from }: { dir: string; from: string }): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    from,
    async send(mail) {
      const info = await composer.sendMail(mailOptions(from, mail));
      if (!Buffer.isBuffer(info.message)) throw new Error("nodemailer's stream transport did not return the message as a buffer");
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, emlFileName(mail));
      // Written aside and renamed, so /dev/mail never reads half a message.
      const partial = `${file}.${process.pid}.partial`;
      await fs.writeFile(partial, info.message);
      await fs.rename(partial, file);
    },
    close: () => composer.close(),
  };
}

/**
 * The transport for this configuration: SMTP when SMTP_URL is set, otherwise
 * .eml files under DATA_DIR/mail. Production refuses to start without SMTP,
 * where files would mean that nobody ever receives anything.
 */
export function createMailTransport(config: Config): MailTransport {
  if (config.mail.smtpUrl) return createSmtpTransport({ url: config.mail.smtpUrl, from: config.mail.from });
  if (config.isProduction) {
    throw new ConfigError("SMTP_URL is required when NODE_ENV=production; without it e-mails are only written to DATA_DIR/mail.");
  }
  return createFileTransport({ dir: config.mailDir, from: config.mail.from });
}

/** The header block of a message the file transport wrote, or null when there is no such file. */
export async function readStoredHeaders(dir: string, mail: Pick<OutgoingMail, "id" | "date">): Promise<string | null> {
  let content: string;
  try {
    content = await fs.readFile(path.join(dir, emlFileName(mail)), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return content.split(/\r?\n\r?\n/, 1)[0] ?? "";
}

/** Newest first, for /dev/mail. */
export function listOutboxMessages(db: Db, limit: number) {
  return db
    .selectFrom("outbox_messages")
    .select(["id", "to_address", "subject", "template", "status", "attempts", "created_at", "sent_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export function findOutboxMessage(db: Db, id: number) {
  return db.selectFrom("outbox_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
const JITTER = 0.1;

/**
 * How long to wait after the `attempts`-th failed attempt: 30 s, 1 min,
 * 2 min, … doubling up to an hour, plus up to 10% so that messages that
 * failed together do not all retry in the same second.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random, baseMs: number = BASE_DELAY_MS): number {
  const base = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(base * (1 + JITTER * random()));
}

type Log = Pick<Console, "info" | "warn" | "error">;

export type OutboxWorkerOptions = {
  db: Db;
  transport: MailTransport;
  /** Pause between passes over the outbox. */
  intervalMs?: number;
  /** Attempts before a message is marked `failed`; a claim counts as an attempt, so a message that crashes the process cannot loop forever. */
  maxAttempts?: number;
  /** How long a claimed message is left alone before another pass may take it over; must outlast one send (see SMTP_TIMEOUTS). */
  lockMs?: number;
  /** The first retry delay (30 s); later ones double. Only tests shorten it (OUTBOX_RETRY_BASE_MS). */
  retryBaseMs?: number;
  log?: Log;
  /** The clock and the jitter source, replaceable in tests. */
  now?: () => Date;
  random?: () => number;
};

export type OutboxWorker = {
  /** One pass: sends every due message, one at a time; resolves with how many it tried. */
  runOnce(): Promise<number>;
  /**
   * No new passes; resolves once the message being sent (if any) is finished
   * and recorded. With `drainMs`, first sends what is due for at most that
   * long, so that mail of the last requests before a shutdown goes out now.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
};

type OutboxRow = Selectable<OutboxMessagesTable>;

/** `Vivium Services <noreply@viviumservices.nl>` → `viviumservices.nl`. */
function messageIdDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "vivium.invalid";
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" ? `${code}: ${error.message}` : error.message).slice(0, 1000);
}

/**
 * Starts the sending loop: a pass every `intervalMs` (the first one after
 * `intervalMs`), passes never overlap. The timer does not keep the process
 * alive; call `stop()` before closing the database, then `transport.close()`.
 */
export function startOutboxWorker({
  db,
  transport,
  intervalMs = 1000,
  maxAttempts = 8,
  lockMs = 5 * 60_000,
  retryBaseMs = BASE_DELAY_MS,
  log = console,
  now = () => new Date(),
  random = Math.random,
}: OutboxWorkerOptions): OutboxWorker {
  const domain = messageIdDomain(transport.from);
  let stopped = false;
  let draining = false;
  // Wall-clock deadline of the final pass on shutdown; a drain must end even if the clock in `now` is a test's.
  let drainDeadline = Number.POSITIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> = Promise.resolve(0);

  /** A process killed during its last allowed attempt leaves `sending` behind: that is a failure too. */
  async function failAbandoned(at: string): Promise<void> {
    const abandoned = await db
      .updateTable("outbox_messages")
      .set({ status: "failed", locked_until: null, last_error: "the process stopped while sending the last allowed attempt" })
      .where("status", "=", "sending")
      .where("locked_until", "<", at)
      .where("attempts", ">=", maxAttempts)
      .returning(["id", "template"])
      .execute();
    for (const row of abandoned) log.error(`outbox: message ${row.id} (${row.template}) failed: its last attempt was interrupted`);
  }

  /**
   * Takes the oldest due message in one UPDATE … RETURNING: SQLite runs it
   * under the write lock, so two workers (or two processes) never claim the
   * same row while its lock holds.
   */
  async function claimNext(): Promise<OutboxRow | undefined> {
    const at = now();
    const atIso = at.toISOString();
    const newMessageId = `<${randomUUID()}@${domain}>`;
    return db
      .updateTable("outbox_messages")
      .set((eb) => ({
        status: "sending",
        attempts: eb("attempts", "+", 1),
        locked_until: new Date(at.getTime() + lockMs).toISOString(),
        message_id: eb.fn.coalesce("message_id", eb.val(newMessageId)),
      }))
      .where("id", "=", (eb) =>
        eb
          .selectFrom("outbox_messages")
          .select("id")
          .where("attempts", "<", maxAttempts)
          .where((due) =>
            due.or([
              due.and([due("status", "=", "pending"), due("next_attempt_at", "<=", atIso)]),
              due.and([due("status", "=", "sending"), due("locked_until", "<", atIso)]),
            ]),
          )
          .orderBy("next_attempt_at")
          .orderBy("id")
          .limit(1),
      )
      .returningAll()
      .executeTakeFirst();
  }

  async function deliver(row: OutboxRow): Promise<void> {
    // The claim sets it; a fresh one here would defeat deduplication by receivers.
    if (!row.message_id) throw new Error(`outbox message ${row.id} was claimed without a Message-ID`);
    try {
      // Rendered here, in the try: a file that cannot be made now is retried like a refused send.
      const attachments = row.attachment ? [await renderAttachment(db, parseAttachment(row.attachment))] : [];
      await transport.send({
        id: row.id,
        messageId: row.message_id,
        date: new Date(row.created_at),
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        attachments,
      });
    } catch (error) {
      await recordFailure(row, describeError(error));
      return;
    }
    await db
      .updateTable("outbox_messages")
      .set({ status: "sent", sent_at: now().toISOString(), locked_until: null, last_error: null })
      .where("id", "=", row.id)
      .execute();
    log.info(`outbox: sent message ${row.id} (${row.template})`);
  }

  async function recordFailure(row: OutboxRow, reason: string): Promise<void> {
    const update = db.updateTable("outbox_messages").where("id", "=", row.id).where("status", "=", "sending");
    if (row.attempts >= maxAttempts) {
      await update.set({ status: "failed", locked_until: null, last_error: reason }).execute();
      log.error(`outbox: message ${row.id} (${row.template}) failed after ${row.attempts} attempts: ${reason}`);
      return;
    }
    const delay = retryDelayMs(row.attempts, random, retryBaseMs);
    const nextAttemptAt = new Date(now().getTime() + delay).toISOString();
    await update.set({ status: "pending", locked_until: null, next_attempt_at: nextAttemptAt, last_error: reason }).execute();
    log.warn(`outbox: attempt ${row.attempts} for message ${row.id} (${row.template}) failed, next try at ${nextAttemptAt}: ${reason}`);
  }

  async function pass(): Promise<number> {
    await failAbandoned(now().toISOString());
    let tried = 0;
    while (!stopped && Date.now() < drainDeadline) {
      const row = await claimNext();
      if (!row) break;
      tried += 1;
      await deliver(row);
    }
    return tried;
  }

  function runOnce(): Promise<number> {
    // A timer tick and a direct call queue up behind each other instead of sending side by side.
    const next = current.catch(() => 0).then(() => (stopped ? 0 : pass()));
    current = next;
    return next;
  }

  function schedule(): void {
    if (stopped || draining) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log.error(`outbox: a pass stopped early: ${describeError(error)}`))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }
  schedule();

  return {
    runOnce,
    async stop({ drainMs = 0 } = {}) {
      draining = true;
      clearTimeout(timer);
      if (drainMs > 0 && !stopped) {
        drainDeadline = Date.now() + drainMs;
        await runOnce().catch((error: unknown) => log.error(`outbox: the final pass stopped early: ${describeError(error)}`));
      }
      stopped = true;
      await current.catch(() => undefined);
    },
  };
}
