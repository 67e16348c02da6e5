import { describe, expect, it } from "vitest";
import {
  CHECKOUT_OUTCOMES,
  PAYMENT_STATUSES,
  amountValueToCents,
  canTransition,
  canonicalJson,
  isAmountValue,
  isPaymentId,
  isTestApiKey,
  mollieProblem,
  newPayment,
  newPaymentId,
  parseCheckoutOutcome,
  paymentResource,
  returnUrlFor,
  settlePayment,
  validateCreatePayment,
  type CreatePaymentInput,
} from "~/domain/mollie-gateway";

const valid = {
  amount: { currency: "EUR", value: "10.00" },
  description: "Promotiepakket Brons",
  redirectUrl: "http://127.0.0.1:3000/betaling/terug",
  webhookUrl: "http://127.0.0.1:3000/webhooks/mollie",
  metadata: { orderId: 12 },
};

const urls = { apiBaseUrl: "https://127.0.0.1:3443/v2/", checkoutBaseUrl: "http://127.0.0.1:3444" };
const now = new Date("2026-03-02T10:00:00.000Z");

function input(overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  const result = validateCreatePayment({ ...valid, ...overrides });
  if (!result.ok) throw new Error(result.problem.detail);
  return result.value;
}

describe("payment ids", () => {
  it("makes tr_ and 10 letters or digits", () => {
    const id = newPaymentId((n) => crypto.getRandomValues(new Uint8Array(n)));
    expect(id).toMatch(/^tr_[A-Za-z0-9]{10}$/);
    expect(isPaymentId(id)).toBe(true);
  });

  it("skips bytes that would make some characters more likely", () => {
    let call = 0;
    // First call: only unusable bytes; second call: 0..19.
    const id = newPaymentId((n) => (call++ === 0 ? new Uint8Array(n).fill(250) : Uint8Array.from({ length: n }, (_, i) => i)));
    expect(id).toBe("tr_ABCDEFGHIJ");
    expect(newPaymentId((n) => new Uint8Array(n).fill(61))).toBe("tr_9999999999");
    expect(newPaymentId((n) => new Uint8Array(n).fill(62))).toBe("tr_AAAAAAAAAA");
  });

  it.each(["tr_abc", "tr_ABCDEFGHIJK", "re_ABCDEFGHIJ", "tr_ABCDE-GHIJ", 12, null])("rejects %s", (value) => {
    expect(isPaymentId(value)).toBe(false);
  });
});

describe("amount values", () => {
  it.each(["0.01", "10.00", "1250.50", "0.00", "9999999999.99"])("accepts %s", (value) => {
    expect(isAmountValue(value)).toBe(true);
  });
  it.each(["10", "10.0", "10.000", "10,00", "-1.00", "01.00", " 1.00", "1e3", 10, null])("rejects %s", (value) => {
    expect(isAmountValue(value)).toBe(false);
  });
  it("converts to cents", () => {
    expect(amountValueToCents("10.00")).toBe(1000);
    expect(amountValueToCents("0.01")).toBe(1);
    expect(amountValueToCents("1250.05")).toBe(125_005);
    expect(() => amountValueToCents("10")).toThrow(RangeError);
  });
});

describe("validateCreatePayment", () => {
  it("accepts what @mollie/api-client sends and keeps the values", () => {
    const result = validateCreatePayment({ ...valid, method: "ideal", locale: "nl_NL" });
    expect(result).toEqual({
      ok: true,
      value: { ...valid, cancelUrl: null, method: "ideal", locale: "nl_NL" },
    });
  });

  it("makes optional fields null", () => {
    const result = validateCreatePayment({ amount: valid.amount, description: "x", redirectUrl: valid.redirectUrl });
    expect(result.ok && result.value).toMatchObject({ webhookUrl: null, metadata: null, method: null, cancelUrl: null });
  });

  it.each([
    [{ amount: undefined }, "amount", "The amount is required for payments"],
    [{ amount: "10.00" }, "amount", "The amount is invalid"],
    [{ amount: { value: "10.00" } }, "amount.currency", "The amount currency is required"],
    [{ amount: { currency: "USD", value: "10.00" } }, "amount.currency", "The currency 'USD' is not supported"],
    [{ amount: { currency: "EUR" } }, "amount.value", "The amount value is required"],
    [{ amount: { currency: "EUR", value: "10" } }, "amount.value", "The amount contains an invalid value"],
    [{ amount: { currency: "EUR", value: 10 } }, "amount.value", "The amount contains an invalid value"],
    [{ amount: { currency: "EUR", value: "0.00" } }, "amount", "The amount is lower than minimum"],
    [{ description: undefined }, "description", "The description is required for payments"],
    [{ description: "   " }, "description", "The description is invalid"],
    [{ description: "x".repeat(256) }, "description", "The description is too long; it can be at most 255 characters"],
    [{ redirectUrl: undefined }, "redirectUrl", "The redirect URL is required for payments"],
    [{ redirectUrl: "not a url" }, "redirectUrl", "The redirect URL is invalid"],
    [{ redirectUrl: "javascript:alert(1)" }, "redirectUrl", "The redirect URL is invalid"],
    [{ cancelUrl: "ftp://example.nl/" }, "cancelUrl", "The cancel URL is invalid"],
    [{ webhookUrl: "nope" }, "webhookUrl", "The webhook URL is invalid"],
    [{ metadata: { text: "x".repeat(1100) } }, "metadata", "The metadata is too large; it can be at most 1024 bytes"],
    [{ method: "cash" }, "method", "The payment method 'cash' is invalid"],
    [{ method: ["ideal", "cash"] }, "method", "The payment method 'cash' is invalid"],
    [{ locale: "nl" }, "locale", "The locale is invalid"],
  ])("refuses %o on %s", (overrides, field, detail) => {
    const result = validateCreatePayment({ ...valid, ...overrides });
    expect(result).toEqual({ ok: false, problem: mollieProblem(422, detail, field) });
    if (!result.ok) expect(result.problem.title).toBe("Unprocessable Entity");
  });

  it("refuses a body that is not an object with 400", () => {
    for (const body of [null, [], "x", 3]) {
      const result = validateCreatePayment(body);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.status).toBe(400);
    }
  });

  it("accepts loopback webhook URLs (Mollie itself would not)", () => {
    expect(validateCreatePayment({ ...valid, webhookUrl: "http://localhost:3000/hook" }).ok).toBe(true);
  });
});

describe("mollieProblem", () => {
  it("has Mollie's error shape", () => {
    expect(mollieProblem(404, "No payment exists with token tr_x.")).toEqual({
      status: 404,
      title: "Not Found",
      detail: "No payment exists with token tr_x.",
      _links: { documentation: { href: "https://docs.mollie.com/overview/handling-errors", type: "text/html" } },
    });
  });
});

describe("API keys", () => {
  it("accepts only test keys of Mollie's shape", () => {
    expect(isTestApiKey("test_localgatewaylocalgateway00")).toBe(true);
    expect(isTestApiKey("live_localgatewaylocalgateway00")).toBe(false);
    expect(isTestApiKey("test_short")).toBe(false);
    expect(isTestApiKey("test_has space in it 1234567890")).toBe(false);
  });
});

describe("canonicalJson", () => {
  it("ignores key order and undefined values", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});

describe("status changes", () => {
  it("lets only an open payment change, and only to a final status", () => {
    for (const from of PAYMENT_STATUSES) {
      for (const to of PAYMENT_STATUSES) {
        expect(canTransition(from, to)).toBe(from === "open" && to !== "open");
      }
    }
  });

  it("reads the tester's choice strictly", () => {
    for (const outcome of CHECKOUT_OUTCOMES) expect(parseCheckoutOutcome(outcome)).toBe(outcome);
    for (const other of ["open", "PAID", " paid", "", undefined, ["paid"]]) expect(parseCheckoutOutcome(other)).toBeNull();
  });

  it.each([
    ["paid", "paidAt", "ideal"],
    ["failed", "failedAt", "ideal"],
    ["canceled", "canceledAt", null],
    ["expired", "expiredAt", null],
  ] as const)("settles %s with %s", (outcome, field, method) => {
    const payment = newPayment("tr_ABCDEFGHIJ", "test_x", input(), now);
    const later = new Date(now.getTime() + 60_000);
    const result = settlePayment(payment, outcome, later);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.payment.status).toBe(outcome);
    expect(result.payment[field]).toBe(later.toISOString());
    expect(result.payment.method).toBe(method);
    expect(settlePayment(result.payment, "paid", later)).toEqual({ ok: false, reason: "not-open" });
  });

  it("keeps the method the merchant asked for", () => {
    const payment = newPayment("tr_ABCDEFGHIJ", "test_x", input({ method: ["bancontact", "ideal"] }), now);
    const result = settlePayment(payment, "paid", now);
    expect(result.ok && result.payment.method).toBe("bancontact");
  });

  it("sends a canceled payment to the cancelUrl when there is one", () => {
    const payment = newPayment("tr_ABCDEFGHIJ", "test_x", input({ cancelUrl: "http://127.0.0.1:3000/geannuleerd" }), now);
    const canceled = settlePayment(payment, "canceled", now);
    const paid = settlePayment(payment, "paid", now);
    expect(canceled.ok && returnUrlFor(canceled.payment)).toBe("http://127.0.0.1:3000/geannuleerd");
    expect(paid.ok && returnUrlFor(paid.payment)).toBe(valid.redirectUrl);
  });
});

describe("paymentResource", () => {
  it("shows an open payment with its checkout link and expiry", () => {
    const payment = newPayment("tr_ABCDEFGHIJ", "test_x", input(), now);
    expect(paymentResource(payment, urls)).toMatchObject({
      resource: "payment",
      id: "tr_ABCDEFGHIJ",
      mode: "test",
      status: "open",
      amount: { currency: "EUR", value: "10.00" },
      description: "Promotiepakket Brons",
      metadata: { orderId: 12 },
      method: null,
      createdAt: "2026-03-02T10:00:00.000Z",
      expiresAt: "2026-03-02T10:15:00.000Z",
      redirectUrl: valid.redirectUrl,
      webhookUrl: valid.webhookUrl,
      _links: {
        self: { href: "https://127.0.0.1:3443/v2/payments/tr_ABCDEFGHIJ", type: "application/hal+json" },
        checkout: { href: "http://127.0.0.1:3444/checkout/tr_ABCDEFGHIJ", type: "text/html" },
      },
    });
  });

  it("drops the checkout link and expiry once final, and shows the timestamp", () => {
    const settled = settlePayment(newPayment("tr_ABCDEFGHIJ", "test_x", input(), now), "paid", now);
    if (!settled.ok) throw new Error("not settled");
    const shown = paymentResource(settled.payment, urls);
    expect(shown).toMatchObject({ status: "paid", paidAt: now.toISOString(), method: "ideal" });
    expect(shown).not.toHaveProperty("expiresAt");
    expect(shown).not.toHaveProperty("failedAt");
    expect(shown._links).not.toHaveProperty("checkout");
  });
});
