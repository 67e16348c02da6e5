import fs from "node:fs";
import type { GatewayPayment } from "~/domain/mollie-gateway";
import { writePrivateFileAtomic } from "./certificate.server";

/** A used Idempotency-Key: the same key with the same body gives the same payment back. */
export type IdempotencyRecord = {
  apiKey: string;
  key: string;
  /** `canonicalJson` of the request body. */
  request: string;
  paymentId: string;
  createdAt: string;
};

type StoredFile = { version: 1; payments: GatewayPayment[]; idempotency: IdempotencyRecord[] };

/** How long a used Idempotency-Key is remembered. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The gateway's payments: in memory, and written in full to one JSON file
 * after every change (write to a temporary file, then rename, so a crash never
 * leaves half a file). A test gateway holds a few hundred payments at most,
 * so rewriting the file is cheap, and all writes are synchronous: two
 * requests can never interleave a read-modify-write.
 */
export class PaymentStore {
  private readonly payments = new Map<string, GatewayPayment>();
  private idempotency: IdempotencyRecord[] = [];

  private constructor(private readonly file: string) {}

  static open(file: string, log: (message: string) => void = () => {}): PaymentStore {
    const store = new PaymentStore(file);
    if (!fs.existsSync(file)) return store;
    try {
      const stored = JSON.parse(fs.readFileSync(file, "utf8")) as StoredFile;
      if (stored.version !== 1 || !Array.isArray(stored.payments)) throw new Error("unknown format");
      for (const payment of stored.payments) store.payments.set(payment.id, payment);
      store.idempotency = Array.isArray(stored.idempotency) ? stored.idempotency : [];
    } catch (error) {
      // Test data only: keep the unreadable file for inspection and start empty.
      const aside = `${file}.unreadable-${Date.now()}`;
      fs.renameSync(file, aside);
      log(`could not read ${file} (${String(error)}); moved it to ${aside} and started without payments`);
    }
    return store;
  }

  get(id: string): GatewayPayment | undefined {
    return this.payments.get(id);
  }

  get size(): number {
    return this.payments.size;
  }

  /** Saves a new or changed payment, and the Idempotency-Key it was made with. */
  put(payment: GatewayPayment, idempotency?: IdempotencyRecord): void {
    this.payments.set(payment.id, payment);
    if (idempotency) this.idempotency.push(idempotency);
    this.persist();
  }

  findIdempotent(apiKey: string, key: string, now: Date): IdempotencyRecord | undefined {
    const since = now.getTime() - IDEMPOTENCY_WINDOW_MS;
    return this.idempotency.find(
      (record) => record.apiKey === apiKey && record.key === key && Date.parse(record.createdAt) >= since,
    );
  }

  private persist(): void {
    const since = Date.now() - IDEMPOTENCY_WINDOW_MS;
    this.idempotency = this.idempotency.filter((record) => Date.parse(record.createdAt) >= since);
    const contents: StoredFile = { version: 1, payments: [...this.payments.values()], idempotency: this.idempotency };
    writePrivateFileAtomic(this.file, `${JSON.stringify(contents, null, 2)}\n`);
  }
}
