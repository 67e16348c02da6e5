import { expect, test } from "@playwright/test";
import { parseMail, startSmtpServer } from "../support/smtp-server";
import {
  freePort,
  insertAwaitingPackages,
  openDb,
  postContactRequest,
  postForm,
  postPackagePayment,
  signInDemoProvider,
  signUpUntilBetaling,
  sleep,
  startServer,
  startSwitchableProxy,
  tempDataDir,
  waitFor,
} from "./support/server";

const GATEWAY_DOWN_MESSAGE = "Het lukt op dit moment niet om de betaling te starten. Er is niets afgeschreven.";

/**
 * Outages (issue 9): with Mollie or the SMTP server unreachable, what does
 * not need them keeps working, and what does completes once they are back.
 */
test("with Mollie unreachable, signup and contact requests work, the payment start says so in Dutch, and works once Mollie is back", async () => {
  test.setTimeout(60_000);
  const dataDir = await tempDataDir("mollie-down");
  // The app reaches the local gateway through a proxy (MOLLIE_API_ENDPOINT) that starts switched off.
  const proxyPort = await freePort();
  let gatewayPort = 0;
  const proxy = await startSwitchableProxy(proxyPort, () => gatewayPort);
  const server = await startServer({ dataDir, env: { MOLLIE_API_ENDPOINT: `https://127.0.0.1:${proxyPort}/v2/` } });
  try {
    gatewayPort = server.gatewayApiPort();

    // Signing up does not need Mollie: steps 1–6 with plain form posts, on to Betaling.
    const jar = await signUpUntilBetaling(server.baseUrl, dataDir);
    const betaling = await fetch(`${server.baseUrl}/aanmelden/betaling`, { headers: { cookie: jar.header() } });
    expect(betaling.status).toBe(200);
    expect(await betaling.text()).toContain("Stap 7: Betaling");

    const contact = await postContactRequest(server.baseUrl, "mollie-down");
    expect(contact.status).toBe(302);
    expect(contact.publicId).toBeTruthy();

    // Paying needs Mollie: a clear message and a 503, not an error page.
    const refused = await postForm(server.baseUrl, "/aanmelden/betaling", [], jar.header());
    expect(refused.status).toBe(503);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("De betaling is niet gestart");
    expect(refusedPage).toContain(GATEWAY_DOWN_MESSAGE);
    // A package payment of a provider who is live says the same.
    const cookie = await signInDemoProvider(server.baseUrl);
    const [packageId] = insertAwaitingPackages(dataDir, 1);
    const refusedPackage = await postPackagePayment(server.baseUrl, cookie, packageId!);
    expect(refusedPackage.status).toBe(503);
    expect(refusedPackage.body).toContain(GATEWAY_DOWN_MESSAGE);

    // Mollie is back: the same button starts the payment.
    await proxy.up();
    const started = await postForm(server.baseUrl, "/aanmelden/betaling", [], jar.header());
    await started.body?.cancel();
    expect(started.status).toBe(303);
    const publicId = /^\/betaling\/([^/?]+)\?start=1$/.exec(started.headers.get("location") ?? "")?.[1];
    expect(publicId).toBeTruthy();
    const startedPackage = await postPackagePayment(server.baseUrl, cookie, packageId!);
    expect(startedPackage.status).toBe(303);
    expect(startedPackage.publicId).toBeTruthy();
    const db = openDb(dataDir, { readonly: true });
    try {
      for (const id of [publicId, startedPackage.publicId]) {
        const row = db.prepare("SELECT status, mollie_id FROM payments WHERE public_id = ?").get(id) as { status: string; mollie_id: string };
        expect(row.status).toBe("open");
        expect(row.mollie_id).toMatch(/^tr_/);
      }
      // The attempts during the outage left rows that never reached Mollie, and nothing else.
      const unreached = db.prepare("SELECT count(*) AS n FROM payments WHERE mollie_id IS NULL AND status = 'created'").get() as { n: number };
      expect(unreached.n).toBe(2);
    } finally {
      db.close();
    }
  } finally {
    await server.kill("SIGKILL");
    await proxy.down();
  }
});

test("with the SMTP server down, contact requests succeed and their mails go out once it is back", async () => {
  test.setTimeout(60_000);
  const dataDir = await tempDataDir("smtp-down");
  // A port with nothing listening yet: every send is refused until the SMTP server starts there.
  const smtpPort = await freePort();
  const server = await startServer({ dataDir, smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
  try {
    const answered: Array<{ publicId: string; email: string }> = [];
    for (let i = 0; i < 3; i++) {
      const result = await postContactRequest(server.baseUrl, "smtp-down");
      expect(result.status).toBe(302);
      answered.push({ publicId: result.publicId!, email: result.email });
    }

    const db = openDb(dataDir, { readonly: true });
    try {
      type Row = { id: number; status: string; attempts: number; last_error: string | null; message_id: string | null };
      const select = db.prepare("SELECT id, status, attempts, last_error, message_id FROM outbox_messages");
      // The worker tried, failed and scheduled a retry for every message.
      await waitFor("failed attempts", () => {
        const rows = select.all() as Row[];
        return rows.length >= 6 && rows.every((r) => r.status === "pending" && r.attempts >= 1 && r.last_error?.includes("ECONNREFUSED"));
      });
      await sleep(1_000);

      smtp = await startSmtpServer(smtpPort);
      const rows = await waitFor(
        "the outbox to deliver",
        () => {
          const all = select.all() as Row[];
          return all.every((r) => r.status === "sent") ? all : null;
        },
        30_000,
      );
      const received = smtp.received;
      for (const { email } of answered) expect(received.filter((mail) => mail.to.includes(email))).toHaveLength(1);
      const messageIds = received.map((mail) => parseMail(mail.raw).headers.get("message-id"));
      expect(new Set(messageIds).size).toBe(received.length);
      expect(messageIds.sort()).toEqual(rows.map((r) => r.message_id).sort());
      expect(rows.every((r) => r.attempts >= 2)).toBe(true);
    } finally {
      db.close();
    }
  } finally {
    await server.kill("SIGKILL");
    await smtp?.close();
  }
});
