/**
 * The rules of the local Mollie test gateway (app/server/mollie-gateway/):
 * what a payment looks like, how a create request is checked, which status
 * changes are allowed and how a payment is shown in Mollie's v2 format. Pure:
 * randomness and the clock come in as arguments.
 */

export const PAYMENT_STATUSES = ["open", "paid", "failed", "canceled", "expired"] as const;
export type GatewayPaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What the tester can choose on the checkout page, as in Mollie's test mode. */
export const CHECKOUT_OUTCOMES = ["paid", "failed", "canceled", "expired"] as const;
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<CheckoutOutcome, string> = {
  paid: "Betaald",
  failed: "Mislukt",
  canceled: "Geannuleerd",
  expired: "Verlopen",
};

export const STATUS_LABELS: Record<GatewayPaymentStatus, string> = { open: "Open", ...OUTCOME_LABELS };

/** The timestamp Mollie sets when a payment reaches each final status. */
export const OUTCOME_TIMESTAMP = {
  paid: "paidAt",
  failed: "failedAt",
  canceled: "canceledAt",
  expired: "expiredAt",
} as const satisfies Record<CheckoutOutcome, string>;

/** An open payment without a chosen method expires after 15 minutes at Mollie; the gateway only shows the time. */
export const OPEN_PAYMENT_LIFETIME_MS = 15 * 60 * 1000;
export const MAX_DESCRIPTION_LENGTH = 255;
/** Mollie accepts up to 1 KB of metadata (as JSON). */
export const MAX_METADATA_BYTES = 1024;

export type MollieAmount = { currency: string; value: string };

export type GatewayPayment = {
  id: string;
  /** Which API key created it: another key cannot read it, as at Mollie (one key, one profile). */
  apiKey: string;
  status: GatewayPaymentStatus;
  amount: MollieAmount;
  description: string;
  redirectUrl: string;
  cancelUrl: string | null;
  webhookUrl: string | null;
  /** Any JSON value the merchant sent, returned as it came. */
  metadata: unknown;
  /** What the merchant asked for (null: the customer picks); set to the used method once paid or failed. */
  method: string | string[] | null;
  locale: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  failedAt: string | null;
  canceledAt: string | null;
  expiredAt: string | null;
};

// ---------------------------------------------------------------- ids

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ID_LENGTH = 10;
const PAYMENT_ID = /^tr_[A-Za-z0-9]{10}$/;

export function isPaymentId(value: unknown): value is string {
  return typeof value === "string" && PAYMENT_ID.test(value);
}

/**
 * `tr_` and 10 letters or digits. Bytes of 248 and up are skipped (rejection
 * sampling) so that every character is equally likely.
 */
export function newPaymentId(randomBytes: (count: number) => Uint8Array): string {
  let id = "";
  while (id.length < ID_LENGTH) {
    for (const byte of randomBytes(ID_LENGTH * 2)) {
      if (byte >= 248) continue;
      id += ID_ALPHABET[byte % ID_ALPHABET.length];
      if (id.length === ID_LENGTH) break;
    }
  }
  return `tr_${id}`;
}

// ---------------------------------------------------------------- amounts

/** Mollie wants a string with exactly two decimals for euros: `"10.00"`, not `"10"`, `"10.0"` or `10`. */
const AMOUNT_VALUE = /^(0|[1-9]\d{0,9})\.\d{2}$/;

export function isAmountValue(value: unknown): value is string {
  return typeof value === "string" && AMOUNT_VALUE.test(value);
}

/** `"10.00"` → `1000`. Only for values that passed `isAmountValue`. */
export function amountValueToCents(value: string): number {
  if (!isAmountValue(value)) throw new RangeError(`Not a Mollie amount value: ${value}`);
  const [euros, cents] = value.split(".") as [string, string];
  return Number(euros) * 100 + Number(cents);
}

// ---------------------------------------------------------------- errors

/** The body of every Mollie error response. */
export type MollieProblem = {
  status: number;
  title: string;
  detail: string;
  field?: string;
  _links: { documentation: { href: string; type: "text/html" } };
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized Request",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
};

export function mollieProblem(status: number, detail: string, field?: string): MollieProblem {
  return {
    status,
    title: TITLES[status] ?? "Error",
    detail,
    ...(field ? { field } : {}),
    _links: { documentation: { href: "https://docs.mollie.com/overview/handling-errors", type: "text/html" } },
  };
}

export const UNAUTHORIZED_DETAIL = "Missing authentication, or failed to authenticate";

/**
 * The gateway is test mode only: a `test_` key of Mollie's shape. A live key
 * is refused like a wrong one, so it can never be used against a fake.
 */
export function isTestApiKey(value: string): boolean {
  return /^test_\w{20,}$/.test(value);
}

// ---------------------------------------------------------------- create

export type CreatePaymentInput = {
  amount: MollieAmount;
  description: string;
  redirectUrl: string;
  cancelUrl: string | null;
  webhookUrl: string | null;
  metadata: unknown;
  method: string | string[] | null;
  locale: string | null;
};

export type ValidationResult = { ok: true; value: CreatePaymentInput } | { ok: false; problem: MollieProblem };

/** The methods Mollie's Payments API knows; the gateway accepts them all and pays them all the same way. */
export const PAYMENT_METHODS = [
  "alma", "applepay", "bacs", "bancomatpay", "bancontact", "banktransfer", "belfius", "billie", "blik",
  "creditcard", "directdebit", "eps", "giftcard", "googlepay", "ideal", "in3", "kbc", "klarna", "mbway",
  "multibanco", "mybank", "paybybank", "payconiq", "paypal", "paysafecard", "pointofsale", "przelewy24",
  "riverty", "satispay", "swish", "trustly", "twint", "voucher",
] as const;

const LOCALE = /^[a-z]{2}_[A-Z]{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function fail(detail: string, field?: string): ValidationResult {
  return { ok: false, problem: mollieProblem(422, detail, field) };
}

/**
 * Checks a `POST /v2/payments` body the way Mollie does, one problem at a
 * time, in the order Mollie reports them. Unlike Mollie, loopback webhook
 * URLs are accepted: the whole point is calling a server on this machine.
 */
export function validateCreatePayment(body: unknown): ValidationResult {
  if (!isRecord(body)) return { ok: false, problem: mollieProblem(400, "The request body must be a JSON object") };

  const amount = body.amount;
  if (amount === undefined || amount === null) return fail("The amount is required for payments", "amount");
  if (!isRecord(amount)) return fail("The amount is invalid", "amount");
  if (amount.currency === undefined) return fail("The amount currency is required", "amount.currency");
  if (amount.currency !== "EUR") return fail(`The currency '${String(amount.currency)}' is not supported`, "amount.currency");
  if (amount.value === undefined) return fail("The amount value is required", "amount.value");
  if (!isAmountValue(amount.value)) return fail("The amount contains an invalid value", "amount.value");
  if (amountValueToCents(amount.value) < 1) return fail("The amount is lower than minimum", "amount");

  const description = body.description;
  if (description === undefined || description === null || description === "") {
    return fail("The description is required for payments", "description");
  }
  if (typeof description !== "string" || description.trim() === "") return fail("The description is invalid", "description");
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    return fail(`The description is too long; it can be at most ${MAX_DESCRIPTION_LENGTH} characters`, "description");
  }

  const redirectUrl = body.redirectUrl;
  if (redirectUrl === undefined || redirectUrl === null || redirectUrl === "") {
    return fail("The redirect URL is required for payments", "redirectUrl");
  }
  if (typeof redirectUrl !== "string" || !isHttpUrl(redirectUrl)) return fail("The redirect URL is invalid", "redirectUrl");

  const cancelUrl = body.cancelUrl ?? null;
  if (cancelUrl !== null && (typeof cancelUrl !== "string" || !isHttpUrl(cancelUrl))) {
    return fail("The cancel URL is invalid", "cancelUrl");
  }

  const webhookUrl = body.webhookUrl ?? null;
  if (webhookUrl !== null && webhookUrl !== "" && (typeof webhookUrl !== "string" || !isHttpUrl(webhookUrl))) {
    return fail("The webhook URL is invalid", "webhookUrl");
  }

  const metadata = body.metadata ?? null;
  if (metadata !== null && new TextEncoder().encode(JSON.stringify(metadata)).length > MAX_METADATA_BYTES) {
    return fail(`The metadata is too large; it can be at most ${MAX_METADATA_BYTES} bytes`, "metadata");
  }

  const method = body.method ?? null;
  const methods = Array.isArray(method) ? method : method === null ? [] : [method];
  for (const one of methods) {
    if (typeof one !== "string" || !(PAYMENT_METHODS as readonly string[]).includes(one)) {
      return fail(`The payment method '${String(one)}' is invalid`, "method");
    }
  }

  const locale = body.locale ?? null;
  if (locale !== null && (typeof locale !== "string" || !LOCALE.test(locale))) return fail("The locale is invalid", "locale");

  return {
    ok: true,
    value: {
      amount: { currency: "EUR", value: amount.value },
      description,
      redirectUrl,
      cancelUrl: cancelUrl as string | null,
      webhookUrl: webhookUrl === "" ? null : (webhookUrl as string | null),
      metadata,
      method: Array.isArray(method) ? (method as string[]) : (method as string | null),
      locale: locale as string | null,
    },
  };
}

export function newPayment(id: string, apiKey: string, input: CreatePaymentInput, now: Date): GatewayPayment {
  return {
    id,
    apiKey,
    status: "open",
    ...input,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + OPEN_PAYMENT_LIFETIME_MS).toISOString(),
    paidAt: null,
    failedAt: null,
    canceledAt: null,
    expiredAt: null,
  };
}

/**
 * A stable text for "the same request": keys sorted at every level, so that a
 * retry with the same Idempotency-Key is recognised whatever the key order.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// ---------------------------------------------------------------- status

export function parseCheckoutOutcome(value: unknown): CheckoutOutcome | null {
  return typeof value === "string" && (CHECKOUT_OUTCOMES as readonly string[]).includes(value)
    ? (value as CheckoutOutcome)
    : null;
}

/** Only an open payment can change, and only to one of the four final statuses. */
export function canTransition(from: GatewayPaymentStatus, to: GatewayPaymentStatus): boolean {
  return from === "open" && to !== "open";
}

export type SettleResult = { ok: true; payment: GatewayPayment } | { ok: false; reason: "not-open" };

/** The tester's choice on the checkout page: the new status, its timestamp and, once paid or failed, the method used. */
export function settlePayment(payment: GatewayPayment, outcome: CheckoutOutcome, now: Date): SettleResult {
  if (!canTransition(payment.status, outcome)) return { ok: false, reason: "not-open" };
  const requested = Array.isArray(payment.method) ? payment.method[0] ?? null : payment.method;
  const usedMethod = outcome === "paid" || outcome === "failed" ? requested ?? "ideal" : payment.method;
  return {
    ok: true,
    payment: { ...payment, status: outcome, method: usedMethod, [OUTCOME_TIMESTAMP[outcome]]: now.toISOString() },
  };
}

/**
 * The merchant cancels through the API (`DELETE /v2/payments/:id`). As at
 * Mollie for iDEAL, only an open payment can be canceled; the gateway shows
 * that as `isCancelable`.
 */
export function isCancelable(payment: GatewayPayment): boolean {
  return payment.status === "open";
}

export function cancelPayment(payment: GatewayPayment, now: Date): SettleResult {
  if (!isCancelable(payment)) return { ok: false, reason: "not-open" };
  return { ok: true, payment: { ...payment, status: "canceled", canceledAt: now.toISOString() } };
}

/** Where the browser goes after the choice: Mollie uses the cancelUrl for a cancel when there is one. */
export function returnUrlFor(payment: GatewayPayment): string {
  return payment.status === "canceled" && payment.cancelUrl ? payment.cancelUrl : payment.redirectUrl;
}

// ---------------------------------------------------------------- output

export type GatewayUrls = {
  /** `https://127.0.0.1:3443/v2/` */
  apiBaseUrl: string;
  /** `http://127.0.0.1:3444` */
  checkoutBaseUrl: string;
};

export function checkoutUrl(id: string, urls: GatewayUrls): string {
  return `${urls.checkoutBaseUrl}/checkout/${id}`;
}

/** A payment as Mollie's `GET /v2/payments/:id` shows it (the fields @mollie/api-client reads). */
export function paymentResource(payment: GatewayPayment, urls: GatewayUrls): Record<string, unknown> {
  const open = payment.status === "open";
  const paid = payment.status === "paid";
  const zero = { value: "0.00", currency: payment.amount.currency };
  return {
    resource: "payment",
    id: payment.id,
    mode: "test",
    createdAt: payment.createdAt,
    amount: payment.amount,
    description: payment.description,
    method: payment.method,
    metadata: payment.metadata,
    status: payment.status,
    // Mollie leaves it out once the payment is final.
    ...(open ? { isCancelable: isCancelable(payment) } : {}),
    ...(open ? { expiresAt: payment.expiresAt } : {}),
    ...(payment.paidAt ? { paidAt: payment.paidAt } : {}),
    ...(payment.failedAt ? { failedAt: payment.failedAt } : {}),
    ...(payment.canceledAt ? { canceledAt: payment.canceledAt } : {}),
    ...(payment.expiredAt ? { expiredAt: payment.expiredAt } : {}),
    ...(paid ? { amountRefunded: zero, amountRemaining: payment.amount, settlementAmount: payment.amount } : {}),
    ...(payment.locale ? { locale: payment.locale } : {}),
    profileId: "pfl_localgateway",
    sequenceType: "oneoff",
    redirectUrl: payment.redirectUrl,
    ...(payment.cancelUrl ? { cancelUrl: payment.cancelUrl } : {}),
    ...(payment.webhookUrl ? { webhookUrl: payment.webhookUrl } : {}),
    _links: {
      self: { href: `${urls.apiBaseUrl}payments/${payment.id}`, type: "application/hal+json" },
      ...(open ? { checkout: { href: checkoutUrl(payment.id, urls), type: "text/html" } } : {}),
      documentation: { href: "https://docs.mollie.com/reference/get-payment", type: "text/html" },
    },
  };
}

