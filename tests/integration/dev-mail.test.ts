import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { providerLiveMail } from "~/domain/mail/templates";
import type * as configModule from "~/server/config.server";
import { loadConfig, type Config } from "~/server/config.server";
import type * as dbModule from "~/server/db.server";
import { createFileTransport, enqueueMail, startOutboxWorker } from "~/server/outbox.server";
import { loader as messageLoader } from "~/routes/dev.mail.$id";
import { loader as stylesLoader } from "~/routes/dev.mail.$id.styles[.]css";
import { loader as listLoader } from "~/routes/dev.mail._index";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const current = vi.hoisted(() => ({ config: undefined as Config | undefined, database: undefined as TestDatabase | undefined }));

vi.mock("~/server/config.server", async (importOriginal) => ({
  ...(await importOriginal<typeof configModule>()),
  config: () => current.config,
}));
vi.mock("~/server/db.server", async (importOriginal) => ({
  ...(await importOriginal<typeof dbModule>()),
  database: () => current.database,
}));

let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase({ postcodes: false });
  current.database = t;
  current.config = loadConfig({ DATA_DIR: t.dir });
});

afterEach(async () => {
  await t.cleanup();
});

function args(id = "", { clientIp = "127.0.0.1", headers = {} }: { clientIp?: string; headers?: Record<string, string> } = {}) {
  return { params: { id }, request: new Request(`http://127.0.0.1/dev/mail/${id}`, { headers }), context: { cspNonce: "", clientIp } };
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    const result = await promise;
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function sendTwo(): Promise<void> {
  const urls = { profileUrl: "https://vivium.test/p/bert", backofficeUrl: "https://vivium.test/backoffice" };
  await enqueueMail(t.db, { to: "bert@example.nl", ...providerLiveMail({ firstName: "Bert", ...urls }) });
  const transport = createFileTransport({ dir: current.config!.mailDir, from: current.config!.mail.from });
  const worker = startOutboxWorker({ db: t.db, transport, intervalMs: 60_000, log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } });
  await worker.runOnce();
  await worker.stop();
  await enqueueMail(t.db, { to: "anna@example.nl", ...providerLiveMail({ firstName: "Anna", ...urls }) });
}

describe("/dev/mail", () => {
  it("lists the outbox newest first, with Dutch statuses and Dutch times", async () => {
    await sendTwo();
    const { messages, folder } = await listLoader(args());
    expect(folder).toBe(current.config!.mailDir);
    expect(messages.map((message) => [message.to, message.status, message.attempts])).toEqual([
      ["anna@example.nl", "wacht op verzending", 0],
      ["bert@example.nl", "verstuurd", 1],
    ]);
    expect(messages[1]!.sentAt).toMatch(/^\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}:\d{2}$/);
    expect(messages[0]!.sentAt).toBeNull();
  });

  it("shows one message: headers from its .eml file, the text, and the HTML without inline styles", async () => {
    await sendTwo();
    const message = await messageLoader(args("1"));
    expect(message.subject).toBe("Uw profiel staat online");
    expect(message.file?.headers).toContain("To: bert@example.nl");
    expect(message.file?.headers).toContain(`Message-ID: ${message.messageId}`);
    expect(message.text).toContain("Beste Bert,");
    expect(message.links).toEqual(["https://vivium.test/p/bert", "https://vivium.test/backoffice"]);
    expect(message.previewHtml).toContain('<link rel="stylesheet" href="/dev/mail/1/styles.css">');
    expect(message.previewHtml).not.toMatch(/\sstyle=/);

    const styles = await stylesLoader(args("1"));
    expect(styles.status).toBe(200);
    expect(styles.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(await styles.text()).toContain("font-size:18px");

    const pending = await messageLoader(args("2"));
    expect(pending.file).toBeNull();
    expect(pending.status).toBe("wacht op verzending");
  });

  it.each(["99", "0", "abc", "1.5", "01"])("answers 404 for message %j", async (id) => {
    await sendTwo();
    expect(await statusOf(messageLoader(args(id)))).toBe(404);
    expect(await statusOf(stylesLoader(args(id)))).toBe(404);
  });

  it("does not exist in production", async () => {
    await sendTwo();
    current.config = { ...current.config!, isProduction: true };
    expect(await statusOf(listLoader(args()))).toBe(404);
    expect(await statusOf(messageLoader(args("1")))).toBe(404);
    expect(await statusOf(stylesLoader(args("1")))).toBe(404);
  });

  it("is shut outside production too when mail really goes out, for another machine, and through a proxy", async () => {
    await sendTwo();
    const closed = async (options: Parameters<typeof args>[1]) => [
      await statusOf(listLoader(args("", options))),
      await statusOf(messageLoader(args("1", options))),
      await statusOf(stylesLoader(args("1", options))),
    ];
    expect(await closed({ clientIp: "192.168.1.20" })).toEqual([404, 404, 404]);
    expect(await closed({ clientIp: "::ffff:10.0.0.7" })).toEqual([404, 404, 404]);
    expect(await closed({ headers: { "X-Forwarded-For": "203.0.113.9" } })).toEqual([404, 404, 404]);
    expect(await closed({ clientIp: "::1" })).toEqual([200, 200, 200]);
    current.config = loadConfig({ DATA_DIR: t.dir, SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(await closed({})).toEqual([404, 404, 404]);
  });
});
