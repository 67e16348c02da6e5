import type { Db } from "~/server/db.server";
import { createSmtpTransport, startOutboxWorker } from "~/server/outbox.server";

/**
 * Runs the outbox worker twice against the SMTP server at `url`: what is due
 * goes out in the first run, and the second must not send it again. The
 * worker is stopped and its transport closed afterwards.
 */
export async function deliverOutbox(db: Db, url: string): Promise<void> {
  const transport = createSmtpTransport({ url, from: "Vivium Services <noreply@viviumservices.nl>" });
  const worker = startOutboxWorker({ db, transport, intervalMs: 60_000, log: { info: () => {}, warn: () => {}, error: () => {} } });
  try {
    await worker.runOnce();
    await worker.runOnce();
  } finally {
    await worker.stop();
    transport.close();
  }
}
