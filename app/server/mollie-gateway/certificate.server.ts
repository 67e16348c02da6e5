import { X509Certificate, createPrivateKey } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { generate } from "selfsigned";

export type GatewayCertificate = {
  /** PEM private key. */
  key: string;
  /** PEM certificate; also the only CA the app's Mollie client trusts for the gateway. */
  cert: string;
  keyFile: string;
  certFile: string;
  /** True when this start made a new certificate. */
  created: boolean;
};

const VALIDITY_DAYS = 3 * 365;
/** A certificate closer to its end than this is replaced at start-up. */
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

/** Writes a file that only this user may read, replacing any old one in one step. */
export function writePrivateFileAtomic(file: string, contents: string): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, contents, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

function usable(key: string, cert: string, now: Date): boolean {
  try {
    const x509 = new X509Certificate(cert);
    return (
      x509.checkPrivateKey(createPrivateKey(key)) &&
      x509.checkIP("127.0.0.1") !== undefined &&
      new Date(x509.validTo).getTime() - now.getTime() > RENEW_BEFORE_MS
    );
  } catch {
    return false;
  }
}

/**
 * The gateway's TLS certificate for 127.0.0.1, ::1 and localhost: made with
 * `selfsigned` on the first start, kept in `dir` (key.pem and cert.pem,
 * mode 0600) and reused on every later start, until it comes within a week
 * of its end. It is its own CA (self-signed), so the app's Mollie client can
 * trust exactly this certificate instead of turning verification off.
 */
export async function loadOrCreateGatewayCertificate(dir: string, now = new Date()): Promise<GatewayCertificate> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");

  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    const key = fs.readFileSync(keyFile, "utf8");
    const cert = fs.readFileSync(certFile, "utf8");
    if (usable(key, cert, now)) return { key, cert, keyFile, certFile, created: false };
  }

  const pems = await generate([{ name: "commonName", value: "Vivium lokale Mollie-testgateway" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + VALIDITY_DAYS * 24 * 60 * 60 * 1000),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
          { type: 2, value: "localhost" },
        ],
      },
    ],
  });
  writePrivateFileAtomic(keyFile, pems.private);
  writePrivateFileAtomic(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert, keyFile, certFile, created: true };
}
