import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CONTACT } from "~/domain/contact";
import { providerLiveMail } from "~/domain/mail/templates";
import { ConfigError, loadConfig } from "~/server/config.server";
import { openDatabase, type Db } from "~/server/db.server";
import {
  createFileTransport,
  createMailTransport,
  createSmtpTransport,
  enqueueMail,
  readStoredHeaders,
  startOutboxWorker,
  type MailTransport,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from "~/server/outbox.server";
import { mailParts, parseMail, startSmtpServer, type SmtpServer } from "../support/smtp-server";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

const FROM = "Vivium Services <noreply@viviumservices.nl>";

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const quietLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

function liveMail(firstName = "Bert") {
  return providerLiveMail({ firstName, profileUrl: "https://vivium.test/dienstverlener/bert", backofficeUrl: "https://vivium.test/backoffice" });
}

let t: TestDatabase;
let smtp: SmtpServer | undefined;
const workers: OutboxWorker[] = [];
const transports: MailTransport[] = [];

/** A controllable clock: tests move time forward instead of waiting for the backoff. */
function clock(start = Date.now()) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms), get ms() { return at; } };
}

function worker(options: Partial<OutboxWorkerOptions> & Pick<OutboxWorkerOptions, "transport">): OutboxWorker {
  const started = startOutboxWorker({ db: t.db, intervalMs: 60_000, log: quietLog(), random: () => 0, ...options });
  workers.push(started);
  return started;
}

function smtpTransport(url: string): MailTransport {
  const transport = createSmtpTransport({ url, from: FROM });
  transports.push(transport);
  return transport;
}

async function outboxRows(db: Db = t.db) {
  return db.selectFrom("outbox_messages").selectAll().orderBy("id").execute();
}

async function onlyRow() {
  const rows = await outboxRows();
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

beforeEach(async () => {
  t = await createTestDatabase({ postcodes: false });
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => Promise.race([w.stop(), new Promise((resolve) => setTimeout(resolve, 100))])));
  for (const transport of transports.splice(0)) transport.close();
  await smtp?.close();
  smtp = undefined;
  await t.cleanup();
});

describe("enqueueMail", () => {
  it("sends a message enqueued with its event exactly once, as text and HTML from MAIL_FROM", async () => {
    smtp = await startSmtpServer();
    const providerId = await insertTestProvider(t.db, { status: "draft" });
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable("providers").set({ status: "live" }).where("id", "=", providerId).execute();
      await enqueueMail(trx, { to: "bert@example.nl", dedupeKey: `provider-live:${providerId}`, ...liveMail() });
    });

    const sender = worker({ transport: smtpTransport(smtp.url) });
    expect(await sender.runOnce()).toBe(1);
    expect(await sender.runOnce()).toBe(0);

    expect(smtp.received).toHaveLength(1);
    const [delivered] = smtp.received;
    expect(delivered!.to).toEqual(["bert@example.nl"]);
    const message = parseMail(delivered!.raw);
    const row = await onlyRow();
    expect(message.headers.get("from")).toBe(FROM);
    expect(message.headers.get("to")).toBe("bert@example.nl");
    expect(message.headers.get("subject")).toBe("Uw profiel staat online");
    expect(message.headers.get("message-id")).toBe(row.message_id);
    expect(row.message_id).toMatch(/^<[0-9a-f-]{36}@viviumservices\.nl>$/);
    expect(message.headers.get("auto-submitted")).toBe("auto-generated");
    expect(message.headers.get("content-type")).toMatch(/^multipart\/alternative/);
    const parts = mailParts(message);
    expect(parts.get("text/plain")).toContain("Beste Bert,");
    expect(parts.get("text/plain")).toContain(CONTACT.phone);
    expect(parts.get("text/html")).toContain("<h1");
    expect(parts.get("text/html")).toContain("Beste Bert,");

    expect(row).toMatchObject({ status: "sent", attempts: 1, last_error: null, locked_until: null, template: "provider-live" });
    expect(row.sent_at).not.toBeNull();
  });

  it("stores nothing when the event's transaction rolls back", async () => {
    smtp = await startSmtpServer();
    const providerId = await insertTestProvider(t.db, { status: "draft" });
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable("providers").set({ status: "live" }).where("id", "=", providerId).execute();
        await enqueueMail(trx, { to: "bert@example.nl", ...liveMail() });
        throw new Error("the payment turned out to be unpaid");
      }),
    ).rejects.toThrow("unpaid");

    expect(await outboxRows()).toHaveLength(0);
    expect(await worker({ transport: smtpTransport(smtp.url) }).runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    const provider = await t.db.selectFrom("providers").select("status").where("id", "=", providerId).executeTakeFirstOrThrow();
    expect(provider.status).toBe("draft");
  });

  it("ignores a replayed event with the same dedupe key, but not messages without a key", async () => {
    smtp = await startSmtpServer();
    for (let i = 0; i < 2; i++) {
      await t.db.transaction().execute((trx) => enqueueMail(trx, { to: "bert@example.nl", dedupeKey: "payment:tr_1:live", ...liveMail() }));
    }
    await enqueueMail(t.db, { to: "a@example.nl", ...liveMail("Anna") });
    await enqueueMail(t.db, { to: "a@example.nl", ...liveMail("Anna") });

    expect(await outboxRows()).toHaveLength(3);
    await worker({ transport: smtpTransport(smtp.url) }).runOnce();
    expect(smtp.received.map((message) => message.to[0])).toEqual(["bert@example.nl", "a@example.nl", "a@example.nl"]);
  });

  it.each(["", "Bert <bert@example.nl>", "a@example.nl, b@example.nl", "geen-adres"])("refuses %j as an address", async (to) => {
    await expect(enqueueMail(t.db, { to, ...liveMail() })).rejects.toThrow(TypeError);
    expect(await outboxRows()).toHaveLength(0);
  });
});

describe("the outbox worker", () => {
  it("sends on its own every interval, and stop() ends the loop", async () => {
    smtp = await startSmtpServer();
    const sender = worker({ transport: smtpTransport(smtp.url), intervalMs: 20 });
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    await until(() => smtp!.received.length === 1, "the first message");
    await sender.stop();
    await enqueueMail(t.db, { to: "anna@example.nl", ...liveMail("Anna") });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toHaveLength(1);
    expect(await sender.runOnce()).toBe(0);
  });

  it("retries with growing pauses while the server refuses, then delivers once it accepts", async () => {
    smtp = await startSmtpServer();
    smtp.state.refuse = "Mailbox tijdelijk niet beschikbaar";
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    const time = clock();
    const sender = worker({ transport: smtpTransport(smtp.url), now: time.now });

    expect(await sender.runOnce()).toBe(1);
    let row = await onlyRow();
    const messageId = row.message_id;
    expect(row).toMatchObject({ status: "pending", attempts: 1, locked_until: null });
    expect(row.last_error).toContain("Mailbox tijdelijk niet beschikbaar");
    expect(row.next_attempt_at).toBe(new Date(time.ms + 30_000).toISOString());

    // Not due yet: nothing happens before the pause is over.
    time.advance(29_000);
    expect(await sender.runOnce()).toBe(0);
    time.advance(1_000);
    expect(await sender.runOnce()).toBe(1);
    row = await onlyRow();
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    expect(row.next_attempt_at).toBe(new Date(time.ms + 60_000).toISOString());

    smtp.state.refuse = null;
    time.advance(60_000);
    expect(await sender.runOnce()).toBe(1);
    row = await onlyRow();
    expect(row).toMatchObject({ status: "sent", attempts: 3, last_error: null, message_id: messageId });
    expect(smtp.received).toHaveLength(1);
    expect(parseMail(smtp.received[0]!.raw).headers.get("message-id")).toBe(messageId);
  });

  it("retries while the server is down and delivers when it is back", async () => {
    const down = await startSmtpServer();
    const { port, url } = down;
    await down.close();
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    const time = clock();
    const log = quietLog();
    const sender = worker({ transport: smtpTransport(url), now: time.now, log });

    expect(await sender.runOnce()).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: "pending", attempts: 1 });
    expect((await onlyRow()).last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(log.warn).toHaveBeenCalledTimes(1);

    smtp = await startSmtpServer(port);
    time.advance(30_000);
    expect(await sender.runOnce()).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: "sent", attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it("keeps a message whose attachment cannot be made for a retry, and sends nothing without it", async () => {
    smtp = await startSmtpServer();
    await enqueueMail(t.db, { to: "bert@example.nl", attachment: { invoice: "2026-9999" }, ...liveMail() });
    const sender = worker({ transport: smtpTransport(smtp.url), now: clock().now });

    expect(await sender.runOnce()).toBe(1);
    const row = await onlyRow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, attachment: '{"invoice":"2026-9999"}' });
    expect(row.last_error).toContain("Invoice 2026-9999 does not exist");
    expect(smtp.received).toHaveLength(0);
  });

  it("marks a message failed after maxAttempts and leaves it alone from then on", async () => {
    smtp = await startSmtpServer();
    smtp.state.refuse = "Mailbox tijdelijk niet beschikbaar";
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    const time = clock();
    const log = quietLog();
    const sender = worker({ transport: smtpTransport(smtp.url), now: time.now, maxAttempts: 3, log });

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await sender.runOnce()).toBe(1);
      time.advance(2 * 60 * 60_000);
    }
    const row = await onlyRow();
    expect(row).toMatchObject({ status: "failed", attempts: 3, locked_until: null });
    expect(row.last_error).toContain("Mailbox tijdelijk niet beschikbaar");
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining("failed after 3 attempts"));

    smtp.state.refuse = null;
    expect(await sender.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it("after a crash mid-send, sends the message once more with the same Message-ID when the lock expires", async () => {
    smtp = await startSmtpServer();
    const real = smtpTransport(smtp.url);
    // The server accepts the message, then the process "dies" before it can record that.
    const dying: MailTransport = {
      from: FROM,
      send: async (mail) => {
        await real.send(mail);
        await new Promise(() => undefined);
      },
      close: () => undefined,
    };
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    const start = clock();
    const crashed = startOutboxWorker({ db: t.db, transport: dying, intervalMs: 60_000, lockMs: 60_000, now: start.now, log: quietLog() });
    void crashed.runOnce();
    await until(() => smtp!.received.length === 1, "the first delivery");
    const left = await onlyRow();
    expect(left).toMatchObject({ status: "sending", attempts: 1, locked_until: new Date(start.ms + 60_000).toISOString() });

    // After a restart, nothing is resent while the lock still holds...
    const early = clock(start.ms + 30_000);
    expect(await worker({ transport: real, lockMs: 60_000, now: early.now }).runOnce()).toBe(0);

    // ...and exactly once after it expired.
    const later = clock(start.ms + 61_000);
    const restarted = worker({ transport: real, lockMs: 60_000, now: later.now });
    expect(await restarted.runOnce()).toBe(1);
    expect(await restarted.runOnce()).toBe(0);

    expect(smtp.received).toHaveLength(2);
    const ids = smtp.received.map((message) => parseMail(message.raw).headers.get("message-id"));
    expect(ids).toEqual([left.message_id, left.message_id]);
    expect(await onlyRow()).toMatchObject({ status: "sent", attempts: 2, message_id: left.message_id });
  });

  it("marks a message failed when the process died during its last allowed attempt", async () => {
    smtp = await startSmtpServer();
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    const past = new Date(Date.now() - 1_000).toISOString();
    await t.db.updateTable("outbox_messages").set({ status: "sending", attempts: 3, locked_until: past, message_id: "<x@viviumservices.nl>" }).execute();

    expect(await worker({ transport: smtpTransport(smtp.url), maxAttempts: 3 }).runOnce()).toBe(0);
    const row = await onlyRow();
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.last_error).toMatch(/stopped while sending/);
    expect(smtp.received).toHaveLength(0);
  });

  it("lets two processes work the same outbox without sending anything twice", async () => {
    smtp = await startSmtpServer();
    for (let i = 0; i < 6; i++) await enqueueMail(t.db, { to: `klant${i}@example.nl`, ...liveMail() });
    const second = openDatabase(t.file);
    try {
      const a = worker({ transport: smtpTransport(smtp.url) });
      const b = worker({ transport: smtpTransport(smtp.url), db: second.db });
      const [sentByA, sentByB] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(sentByA + sentByB).toBe(6);
      await b.stop();
    } finally {
      await second.close();
    }
    expect(smtp.received.map((message) => message.to[0]).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `klant${i}@example.nl`));
    expect((await outboxRows()).every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });

  it("stop() waits for the message being sent and records it", async () => {
    let finish: () => void = () => undefined;
    const sent: string[] = [];
    const slow: MailTransport = {
      from: FROM,
      send: (mail) =>
        new Promise<void>((resolve) => {
          finish = () => {
            sent.push(mail.to);
            resolve();
          };
        }),
      close: () => undefined,
    };
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    await enqueueMail(t.db, { to: "anna@example.nl", ...liveMail("Anna") });
    const sender = worker({ transport: slow });
    const pass = sender.runOnce();
    await until(() => (t.sqlite.prepare("SELECT count(*) AS n FROM outbox_messages WHERE status = 'sending'").get() as { n: number }).n === 1, "a claim");

    let stopped = false;
    const stopping = sender.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(await pass).toBe(1);
    expect(sent).toEqual(["bert@example.nl"]);
    expect((await outboxRows()).map((row) => row.status)).toEqual(["sent", "pending"]);
  });

  it("stop({ drainMs }) sends what is due before it stops, and no more once the time is up", async () => {
    const sent: string[] = [];
    const quick: MailTransport = { from: FROM, send: async (mail) => void sent.push(mail.to), close: () => undefined };
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    await enqueueMail(t.db, { to: "anna@example.nl", ...liveMail("Anna") });
    // The interval is a minute: only the drain can send these now.
    await worker({ transport: quick }).stop({ drainMs: 5_000 });
    expect(sent).toEqual(["bert@example.nl", "anna@example.nl"]);

    await enqueueMail(t.db, { to: "carla@example.nl", ...liveMail("Carla") });
    let release: () => void = () => undefined;
    const slow: MailTransport = {
      from: FROM,
      send: (mail) => new Promise<void>((resolve) => (release = () => (sent.push(mail.to), resolve()))),
      close: () => undefined,
    };
    await enqueueMail(t.db, { to: "dirk@example.nl", ...liveMail("Dirk") });
    const stopping = worker({ transport: slow }).stop({ drainMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await stopping;
    // Carla's send was under way when the time ran out: finished and recorded; Dirk's waits for the next start.
    expect(sent).toEqual(["bert@example.nl", "anna@example.nl", "carla@example.nl"]);
    expect((await outboxRows()).map((row) => row.status)).toEqual(["sent", "sent", "sent", "pending"]);
  });
});

describe("the .eml file transport", () => {
  it("writes each message as a parseable .eml file with both parts, once", async () => {
    const dir = path.join(t.dir, "mail");
    const transport = createFileTransport({ dir, from: FROM });
    await enqueueMail(t.db, { to: "zoe@example.nl", ...liveMail("Zoë") });
    const time = clock();
    expect(await worker({ transport, now: time.now }).runOnce()).toBe(1);

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-\d+\.eml$/);
    const raw = fs.readFileSync(path.join(dir, files[0]!), "utf8");
    expect(raw).toContain("\r\n");
    const message = parseMail(raw);
    const row = await onlyRow();
    expect(message.headers.get("from")).toBe(FROM);
    expect(message.headers.get("to")).toBe("zoe@example.nl");
    expect(message.headers.get("subject")).toBe("Uw profiel staat online");
    expect(message.headers.get("message-id")).toBe(row.message_id);
    expect(message.headers.get("mime-version")).toBe("1.0");
    expect(new Date(message.headers.get("date") ?? "").getTime()).toBe(Math.floor(new Date(row.created_at).getTime() / 1000) * 1000);
    const parts = mailParts(message);
    expect(parts.get("text/plain")).toContain("Beste Zoë,");
    expect(parts.get("text/plain")).toContain("https://vivium.test/backoffice");
    expect(parts.get("text/html")).toContain("Beste Zoë,");
    expect(parts.get("text/html")).toContain(`href="mailto:${CONTACT.email}"`);

    const headers = await readStoredHeaders(dir, { id: row.id, date: new Date(row.created_at) });
    expect(headers).toContain("Subject: Uw profiel staat online");
    expect(headers).not.toContain("Beste");

    // A retry after a crash rewrites the same file instead of adding a copy.
    await t.db.updateTable("outbox_messages").set({ status: "sending", locked_until: new Date(time.ms - 1).toISOString() }).execute();
    expect(await worker({ transport, now: time.now }).runOnce()).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(files);
  });

  it("is what createMailTransport picks without SMTP_URL; SMTP with it; production refuses to go without", async () => {
    const development = loadConfig({ DATA_DIR: t.dir });
    await enqueueMail(t.db, { to: "bert@example.nl", ...liveMail() });
    const fileTransport = createMailTransport(development);
    transports.push(fileTransport);
    expect(fileTransport.from).toBe("Vivium Services <noreply@viviumservices.nl>");
    expect(await worker({ transport: fileTransport }).runOnce()).toBe(1);
    expect(fs.readdirSync(development.mailDir)).toHaveLength(1);

    smtp = await startSmtpServer();
    const withSmtp = loadConfig({ DATA_DIR: t.dir, SMTP_URL: smtp.url, MAIL_FROM: "Vivium <post@vivium.test>" });
    await enqueueMail(t.db, { to: "anna@example.nl", ...liveMail("Anna") });
    const smtpTransportFromConfig = createMailTransport(withSmtp);
    transports.push(smtpTransportFromConfig);
    expect(await worker({ transport: smtpTransportFromConfig }).runOnce()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(parseMail(smtp.received[0]!.raw).headers.get("from")).toBe("Vivium <post@vivium.test>");
    expect(parseMail(smtp.received[0]!.raw).headers.get("message-id")).toMatch(/@vivium\.test>$/);

    expect(() => createMailTransport({ ...development, isProduction: true })).toThrow(ConfigError);
  });
});
