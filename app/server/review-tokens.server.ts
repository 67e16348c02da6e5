import { createHash, randomBytes } from "node:crypto";

/**
 * The personal link in a review invitation: 32 random bytes, base64url (43
 * characters). Only its SHA-256 is stored, so a copy of the database cannot
 * be turned into working links.
 */

export const REVIEW_LINK_DAYS = 60;
const DAY_MS = 86_400_000;

export function newReviewToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashReviewToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Only something that can have come from newReviewToken is worth a database lookup. */
export function isWellFormedReviewToken(token: string | undefined | null): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function reviewLinkExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + REVIEW_LINK_DAYS * DAY_MS);
}

export function reviewUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/beoordeling/${token}`;
}
