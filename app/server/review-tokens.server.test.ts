import { describe, expect, it } from "vitest";
import { hashReviewToken, isWellFormedReviewToken, newReviewToken, reviewLinkExpiry, reviewUrl } from "./review-tokens.server";

describe("review link tokens", () => {
  it("are 32 random bytes in base64url, different every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newReviewToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isWellFormedReviewToken(token)).toBe(true);
    }
  });

  it("are stored as their SHA-256, never as themselves", () => {
    const token = newReviewToken();
    const hash = hashReviewToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashReviewToken(token)).toBe(hash);
    expect(hashReviewToken(newReviewToken())).not.toBe(hash);
  });

  it("refuse anything that cannot be a token before the database is asked", () => {
    for (const bad of [undefined, null, "", "abc", `${newReviewToken()}x`, "../../etc/passwd".padEnd(43, "a"), "a".repeat(42) + "="]) {
      expect(isWellFormedReviewToken(bad), String(bad)).toBe(false);
    }
  });

  it("last 60 days and link to /beoordeling/<token>", () => {
    expect(reviewLinkExpiry(new Date("2026-03-01T10:00:00Z")).toISOString()).toBe("2026-04-30T10:00:00.000Z");
    expect(reviewUrl("https://viviumservices.nl/", "abc")).toBe("https://viviumservices.nl/beoordeling/abc");
  });
});
