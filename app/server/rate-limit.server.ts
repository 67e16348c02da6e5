import { config } from "./config.server";
import type { Db } from "./db.server";

export type RateLimit = { bucket: string; limit: number; windowSeconds: number };

export const signInLimit = (): RateLimit => ({ bucket: "sign-in", limit: config().signInRateLimit, windowSeconds: 15 * 60 });
/**
 * Per e-mail address, whatever the client address: stops guessing one
 * account's password from many addresses. Three times the per-client limit,
 * so that one person mistyping never gets near it. Unknown addresses count
 * the same way, so the limit says nothing about whether an account exists.
 */
export const signInAccountLimit = (): RateLimit => ({ bucket: "sign-in-account", limit: config().signInRateLimit * 3, windowSeconds: 15 * 60 });
export const signupLimit = (): RateLimit => ({ bucket: "signup", limit: config().signupRateLimit, windowSeconds: 60 * 60 });
export const contactLimit = (): RateLimit => ({ bucket: "contact", limit: config().contactRateLimit, windowSeconds: 60 * 60 });
/** "Help mij zoeken": as many per client address per hour as contact requests, counted apart from them. */
export const searchHelpLimit = (): RateLimit => ({ bucket: "search-help", limit: config().contactRateLimit, windowSeconds: 60 * 60 });
/** "Wachtwoord vergeten": per client address, and per e-mail address so that nobody's inbox is flooded. */
export const passwordResetIpLimit = (): RateLimit => ({ bucket: "password-reset-ip", limit: config().passwordResetRateLimit, windowSeconds: 60 * 60 });
/** Current-password checks on the account page, per provider: a stolen session cannot be used to guess the password. */
export const accountPasswordLimit = (): RateLimit => ({ bucket: "account-password", limit: config().signInRateLimit, windowSeconds: 15 * 60 });
export const passwordResetEmailLimit = (): RateLimit => ({ bucket: "password-reset-email", limit: 3, windowSeconds: 60 * 60 });
/** Links to confirm a new e-mail address, per provider: each goes to an address the provider typed, so nobody's inbox can be filled through ours. */
export const emailChangeLinkLimit = (): RateLimit => ({ bucket: "email-change-link", limit: 5, windowSeconds: 60 * 60 });
/**
 * Contact confirmations per recipient address per day: the form sends mail to whatever address
 * is typed, so without a cap it could be used to fill someone's inbox through our domain.
 */
export const contactConfirmationLimit = (): RateLimit => ({ bucket: "contact-confirmation", limit: 3, windowSeconds: 24 * 60 * 60 });

/**
 * Counts one attempt for `key` (usually the client IP) in a fixed window and
 * says whether it is still allowed. Stored in SQLite, so a restart does not
 * reset the count.
 */
export async function hitRateLimit(db: Db, rule: RateLimit, key: string, now = Date.now()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const row = await db
    .insertInto("rate_limit_hits")
    .values({ bucket: rule.bucket, key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(["bucket", "key", "window_start"]).doUpdateSet((eb) => ({ count: eb("rate_limit_hits.count", "+", 1) })))
    .returning("count")
    .executeTakeFirstOrThrow();
  // Old windows are no longer needed.
  await db.deleteFrom("rate_limit_hits").where("bucket", "=", rule.bucket).where("window_start", "<", windowStart).execute();
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000) };
}
