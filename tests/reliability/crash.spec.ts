import { expect, test } from "@playwright/test";
import { parseMail, startSmtpServer } from "../support/smtp-server";
import {
  insertAwaitingPackages,
  openDb,
  postContactRequest,
  postPackagePayment,
  signInDemoProvider,
  sleep,
  startServer,
  tempDataDir,
  waitFor,
} from "./support/server";

/**
 * Crash safety (issue 9): the server is killed with SIGKILL while contact
 * requests and payments are being written, and started again on the same
 * DATA_DIR. Whatever it had answered with success must be there, the
 * database must be intact, and the outbox must deliver every message once
 * (a message being sent at the kill may go out again, with the same
 * Message-ID: ADR 006).
 */
test("a SIGKILL mid-write loses no answered request, keeps the database intact and sends each mail once", async () => {
  test.setTimeout(90_000);
  const t0 = Date.now();
  const mark = (what: string) => test.info().annotations.push({ type: "timing", description: `${what} at ${Date.now() - t0} ms` });
  // While the load runs, the sink holds its "250 OK" back for a while, so that the kill most likely
  // lands between a message's delivery and the worker recording it as sent.
  const smtp = await startSmtpServer();
  smtp.state.acceptDelayMs = 400;
  const dataDir = await tempDataDir("crash");
  let server = await startServer({ dataDir, smtpUrl: smtp.url });
  try {
    mark("started");
    const cookie = await signInDemoProvider(server.baseUrl);
    const packageIds = insertAwaitingPackages(dataDir, 200);

    const contacts: string[] = [];
    const payments: string[] = [];
    let stop = false;
    let failures = 0;
    let loopError: unknown = null;
    const contactLoop = async (worker: number) => {
      while (!stop) {
        try {
          const result = await postContactRequest(server.baseUrl, `crash${worker}`);
          if (result.publicId) contacts.push(result.publicId);
          else if (!stop) throw new Error(`contact request answered ${result.status}`);
          // Paced, so that the outbox (two mails per request) stays small enough to drain quickly after the restart.
          await sleep(150);
        } catch (error) {
          if (stop) failures += 1;
          else {
            loopError = error;
            stop = true;
          }
        }
      }
    };
    const paymentLoop = async () => {
      while (!stop) {
        const packageId = packageIds.shift();
        if (packageId === undefined) {
          await sleep(50);
          continue;
        }
        try {
          const result = await postPackagePayment(server.baseUrl, cookie, packageId);
          if (result.publicId) payments.push(result.publicId);
          else if (!stop) throw new Error(`payment answered ${result.status}: ${result.body.slice(0, 300)}`);
        } catch (error) {
          if (stop) failures += 1;
          else {
            loopError = error;
            stop = true;
          }
        }
      }
    };
    const loops = Promise.all([contactLoop(1), paymentLoop(), paymentLoop()]);

    // Kill once enough has been answered (and the worker has had time to be mid-send), with requests in flight.
    await waitFor("answered requests", () => (contacts.length >= 10 && payments.length >= 5 && smtp.received.length >= 4) || loopError !== null, 45_000, 20);
    if (loopError) throw loopError;
    await sleep(Math.floor(Math.random() * 300));
    mark("killing");
    const killed = server.kill("SIGKILL");
    stop = true;
    expect((await killed).signal).toBe("SIGKILL");
    await loops;
    const answeredContacts = [...contacts];
    const answeredPayments = [...payments];
    test.info().annotations.push({
      type: "crash",
      description: `killed after ${answeredContacts.length} contact requests and ${answeredPayments.length} payments answered; ${failures} requests cut off`,
    });

    // Straight after the kill, before anything repairs it: every answered write is in the file.
    const afterKill = openDb(dataDir);
    try {
      expect(afterKill.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      afterKill.close();
    }

    smtp.state.acceptDelayMs = 0;
    server = await startServer({ dataDir, smtpUrl: smtp.url });
    mark("restarted");
    const db = openDb(dataDir);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const storedContacts = new Set(
        (db.prepare("SELECT public_id FROM contact_requests").all() as Array<{ public_id: string }>).map((r) => r.public_id),
      );
      for (const id of answeredContacts) expect(storedContacts.has(id), `contact request ${id}`).toBe(true);
      const storedPayments = new Map(
        (db.prepare("SELECT public_id, status, mollie_id FROM payments").all() as Array<{ public_id: string; status: string; mollie_id: string | null }>).map(
          (r) => [r.public_id, r] as const,
        ),
      );
      for (const id of answeredPayments) {
        const row = storedPayments.get(id);
        expect(row, `payment ${id}`).toBeDefined();
        // Answered means Mollie had it and we had recorded its id.
        expect(row?.status).toBe("open");
        expect(row?.mollie_id).toMatch(/^tr_/);
      }

      // Two mails per contact request (provider and customer); wait until the restarted worker has sent them all.
      type Row = { id: number; status: string; message_id: string | null };
      const rows = await waitFor(
        "the outbox to drain",
        () => {
          const all = db.prepare("SELECT id, status, message_id FROM outbox_messages").all() as Row[];
          return all.length > 0 && all.every((r) => r.status === "sent") ? all : null;
        },
        45_000,
      );
      mark("drained");
      expect(rows.length).toBeGreaterThanOrEqual(answeredContacts.length * 2);

      const copies = new Map<string, number>();
      for (const mail of smtp.received) {
        const messageId = parseMail(mail.raw).headers.get("message-id") ?? "";
        copies.set(messageId, (copies.get(messageId) ?? 0) + 1);
      }
      const rowIds = new Set(rows.map((r) => r.message_id));
      expect(rowIds.size, "one distinct Message-ID per outbox row").toBe(rows.length);
      for (const row of rows) expect(copies.get(row.message_id ?? ""), `message ${row.id} delivered`).toBeGreaterThanOrEqual(1);
      // Nothing was delivered that is not an outbox row, and only the one message being sent at the kill may have gone out twice.
      for (const messageId of copies.keys()) expect(rowIds.has(messageId), `unknown Message-ID ${messageId}`).toBe(true);
      const resent = [...copies.values()].filter((n) => n > 1);
      test.info().annotations.push({ type: "crash", description: `${rows.length} mails, ${smtp.received.length} delivered, ${resent.length} sent again after the kill` });
      expect(resent.length).toBeLessThanOrEqual(1);
      expect(resent.every((n) => n === 2)).toBe(true);
    } finally {
      db.close();
    }
  } finally {
    await server.kill("SIGKILL");
    await smtp.close();
  }
});
