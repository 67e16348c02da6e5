import { describe, expect, it } from "vitest";
import type { PaymentStatus } from "#db/schema";
import { formatEuro, vatBreakdown } from "~/domain/money";
import {
  ADMINISTRATION_FEE_CENTS,
  centsToMollieValue,
  isFinalStatus,
  mapMollieStatus,
  MOLLIE_PAYMENT_ID,
  mollieValueToCents,
  paymentOutcome,
  shouldApplyStatus,
  webhookUrlFor,
} from "~/domain/payments";

describe("amounts for Mollie", () => {
  it.each([
    [1000, "10.00"],
    [826, "8.26"],
    [5, "0.05"],
    [0, "0.00"],
    [99, "0.99"],
    [29_000, "290.00"],
    [123_456_789, "1234567.89"],
  ])("sends %i cents as %s", (cents, value) => {
    expect(centsToMollieValue(cents)).toBe(value);
    expect(mollieValueToCents(value)).toBe(cents);
  });

  it("refuses fractions of a cent and negative amounts on the way out", () => {
    expect(() => centsToMollieValue(10.5)).toThrow(RangeError);
    expect(() => centsToMollieValue(-100)).toThrow(RangeError);
  });

  it.each(["10", "10.0", "10,00", "1e3", "-1.00", " 10.00", "10.001", ""])("refuses %j as a Mollie amount", (value) => {
    expect(() => mollieValueToCents(value)).toThrow(RangeError);
  });

  it("reads every amount up to € 5.000 back as the same cents", () => {
    const wrong: number[] = [];
    for (let cents = 0; cents <= 500_000; cents++) if (mollieValueToCents(centsToMollieValue(cents)) !== cents) wrong.push(cents);
    expect(wrong).toEqual([]);
  });
});

describe("the administration fee", () => {
  it("is € 10,00 including € 1,74 btw on € 8,26", () => {
    const fee = vatBreakdown(ADMINISTRATION_FEE_CENTS);
    expect([formatEuro(fee.netCents), formatEuro(fee.vatCents), formatEuro(fee.grossCents)]).toEqual(["€ 8,26", "€ 1,74", "€ 10,00"]);
    expect(centsToMollieValue(fee.grossCents)).toBe("10.00");
  });
});

describe("Mollie statuses", () => {
  it.each(["open", "pending", "authorized", "paid", "failed", "canceled", "expired"] as const)("maps %s to the same status of ours", (status) => {
    expect(mapMollieStatus(status)).toBe(status);
  });

  it.each(["cancelled", "PAID", "refunded", "", "created"])("does not know %j", (status) => {
    expect(mapMollieStatus(status)).toBeNull();
  });

  it("treats paid, failed, canceled and expired as final", () => {
    const all: PaymentStatus[] = ["created", "open", "pending", "authorized", "paid", "failed", "canceled", "expired"];
    expect(all.filter(isFinalStatus)).toEqual(["paid", "failed", "canceled", "expired"]);
  });

  it.each([
    ["created", "open", true],
    ["created", "paid", true],
    ["open", "pending", true],
    ["open", "paid", true],
    ["open", "failed", true],
    ["pending", "paid", true],
    ["authorized", "paid", true],
    ["authorized", "expired", true],
    ["open", "open", false],
    ["paid", "paid", false],
    ["paid", "open", false],
    ["paid", "failed", false],
    ["failed", "paid", false],
    ["canceled", "open", false],
    ["expired", "paid", false],
    ["pending", "open", false],
    ["open", "created", false],
  ] as const)("%s then %s: applied %s", (current, next, applied) => {
    expect(shouldApplyStatus(current, next)).toBe(applied);
  });

  it("tells the pages whether to wait, go on, or offer another try", () => {
    expect(["created", "open", "pending", "authorized"].map((s) => paymentOutcome(s as PaymentStatus))).toEqual([
      "waiting",
      "waiting",
      "waiting",
      "waiting",
    ]);
    expect(paymentOutcome("paid")).toBe("paid");
    expect(paymentOutcome("failed")).toBe("failed");
    expect(paymentOutcome("canceled")).toBe("canceled");
    expect(paymentOutcome("expired")).toBe("expired");
  });
});

describe("webhook URL", () => {
  it("is given to the local gateway and to Mollie for a public address", () => {
    expect(webhookUrlFor("http://127.0.0.1:3000", false)).toBe("http://127.0.0.1:3000/api/mollie/webhook");
    expect(webhookUrlFor("https://www.viviumservices.nl", true)).toBe("https://www.viviumservices.nl/api/mollie/webhook");
  });

  it.each(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "http://app.localhost"])(
    "is left out for the real Mollie on %s, which Mollie cannot reach",
    (baseUrl) => {
      expect(webhookUrlFor(baseUrl, true)).toBeUndefined();
    },
  );
});

describe("Mollie payment ids", () => {
  it.each([
    ["tr_WDqYK6vllg", true],
    ["tr_7UhSN1zuXS", true],
    ["tr_", false],
    ["ord_123", false],
    ["tr_abc def", false],
    ["tr_abc\n", false],
    ["tr_../x", false],
  ])("%j is an id: %s", (id, valid) => {
    expect(MOLLIE_PAYMENT_ID.test(id)).toBe(valid);
  });
});
