import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { ReceivedMail } from "../../support/smtp-server";

/**
 * An SMTP sink like tests/support/smtp-server.ts, whose final "250 OK" can
 * be held back: the message is kept as soon as its data has arrived (as a
 * real server queues it), while the sender still waits for the answer. A
 * process killed in that window has had its message delivered without
 * knowing it, which is the duplicate case of ADR 006.
 */
export async function startSlowSmtpSink() {
  const received: ReceivedMail[] = [];
  const state = { acceptDelayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString("utf8") });
        setTimeout(() => callback(), state.acceptDelayMs);
      });
    },
  });
  const listening = await new Promise<AddressInfo>((resolve, reject) => {
    const net = server.listen(0, "127.0.0.1", () => resolve(net.address() as AddressInfo));
    net.once("error", reject);
  });
  return {
    url: `smtp://127.0.0.1:${listening.port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
