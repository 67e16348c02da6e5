import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback that keeps what it receives, with helpers
 * to read the raw messages back: for integration tests of e-mails that go
 * through the outbox worker, and for the reliability tests' mail sink.
 */

export type ReceivedMail = { to: string[]; raw: string };

/** How the server answers; tests change it while the server runs. */
export type SmtpServerState = {
  /** When set, every recipient is refused with a temporary 451 and this text. */
  refuse: string | null;
  /**
   * How long the final "250 OK" is held back. The message is kept as soon as
   * its data has arrived (as a real server queues it), while the sender still
   * waits for the answer. A process killed in that window has had its message
   * delivered without knowing it, which is the duplicate case of ADR 006.
   */
  acceptDelayMs: number;
};

export async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const state: SmtpServerState = { refuse: null, acceptDelayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: without this nodemailer would upgrade to TLS with the server's self-signed certificate.
    hideSTARTTLS: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse) return callback(Object.assign(new Error(state.refuse), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString("utf8") });
        if (state.acceptDelayMs > 0) setTimeout(() => callback(), state.acceptDelayMs);
        else callback();
      });
    },
  });
  const listening = await new Promise<AddressInfo>((resolve, reject) => {
    const net = server.listen(port, "127.0.0.1", () => resolve(net.address() as AddressInfo));
    net.once("error", reject);
  });
  return {
    port: listening.port,
    url: `smtp://127.0.0.1:${listening.port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

export type ParsedMail = { headers: Map<string, string>; body: string };

export function parseMail(raw: string): ParsedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0 && !headers.has(line.slice(0, colon).toLowerCase())) {
      headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return { headers, body: raw.slice(split).replace(/^\r?\n\r?\n/, "") };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? ""));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The decoded parts of a multipart message, by content type. */
export function mailParts(message: ParsedMail): Map<string, string> {
  const boundary = /boundary="?([^";]+)"?/.exec(message.headers.get("content-type") ?? "")?.[1];
  if (!boundary) throw new Error("not a multipart message");
  const parts = new Map<string, string>();
  for (const chunk of message.body.split(`--${boundary}`).slice(1, -1)) {
    const part = parseMail(chunk.replace(/^\r?\n/, ""));
    const type = (part.headers.get("content-type") ?? "").split(";")[0] ?? "";
    const encoding = part.headers.get("content-transfer-encoding") ?? "7bit";
    const body = part.body.replace(/\r?\n$/, "");
    parts.set(
      type,
      encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body,
    );
  }
  return parts;
}

/** A subject as sent: RFC 2047 encoded words (`=?UTF-8?Q?…?=`) decoded. */
export function decodeSubject(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}
