import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { resetTokenExpiry, resetTokenState, RESET_TOKEN_PATTERN, type ResetTokenState } from "~/domain/account";
import { emailChangedMail, passwordChangedMail, passwordResetMail } from "~/domain/mail/account-templates";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { enqueueMail } from "./outbox.server";
import { emailIsTaken } from "./provider-accounts.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { destroyAllSessions } from "./session.server";

/**
 * Account security on the server: e-mail and password changes and the
 * password reset by e-mail. Every change that should reach the
 * provider's inbox enqueues its e-mail in the same transaction (ADR 006).
 */

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const url = (path: string) => `${config().baseUrl}${path}`;

export const PASSWORD_RESET_REQUEST_PATH = "/wachtwoord-vergeten";
export const resetPath = (token: string) => `/wachtwoord-herstellen/${token}`;

export async function accountOverview(db: Db, providerId: number) {
  return db.selectFrom("providers").select(["email", "first_name"]).where("id", "=", providerId).executeTakeFirstOrThrow();
}

async function passwordMatches(db: Db, providerId: number, password: string): Promise<boolean> {
  const row = await db.selectFrom("providers").select("password_hash").where("id", "=", providerId).executeTakeFirst();
  return verifyPassword(row?.password_hash ?? null, password);
}

export type EmailChangeResult = "changed" | "wrong-password" | "taken" | "unchanged";

/**
 * Makes `newEmail` the login name. Afterwards every session of this provider
 * has ended (also the one that asked), and the old address has a notice.
 */
export async function changeEmail(db: Db, providerId: number, newEmail: string, password: string, now = new Date()): Promise<EmailChangeResult> {
  if (!(await passwordMatches(db, providerId, password))) return "wrong-password";
  const provider = await accountOverview(db, providerId);
  if (provider.email.toLowerCase() === newEmail.toLowerCase()) return "unchanged";
  if (await emailIsTaken(db, newEmail)) return "taken";
  try {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("providers").set({ email: newEmail, updated_at: now.toISOString() }).where("id", "=", providerId).execute();
      await destroyAllSessions(trx, providerId);
      // Links sent to the old address must not work for whoever reads it now.
      await trx.updateTable("password_reset_tokens").set({ used_at: now.toISOString() }).where("provider_id", "=", providerId).where("used_at", "is", null).execute();
      const mail = emailChangedMail({ firstName: provider.first_name, newEmail, signInUrl: url("/inloggen") });
      await enqueueMail(trx, { ...mail, to: provider.email });
    });
  } catch (error) {
    // Someone else took the address between the check and the update: the unique index decides.
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) return "taken";
    throw error;
  }
  return "changed";
}

export type PasswordChangeResult = "changed" | "wrong-password";

/**
 * A new password for a signed-in provider. Every session ends; the route
 * then gives the browser that asked a fresh one, so the provider stays
 * signed in there and nowhere else.
 */
export async function changePassword(db: Db, providerId: number, current: string, next: string, now = new Date()): Promise<PasswordChangeResult> {
  if (!(await passwordMatches(db, providerId, current))) return "wrong-password";
  await storeNewPassword(db, providerId, await hashPassword(next), now);
  return "changed";
}

async function storeNewPassword(db: Db, providerId: number, passwordHash: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const provider = await trx
      .updateTable("providers")
      .set({ password_hash: passwordHash, updated_at: now.toISOString() })
      .where("id", "=", providerId)
      .returning(["email", "first_name"])
      .executeTakeFirstOrThrow();
    await destroyAllSessions(trx, providerId);
    await trx.updateTable("password_reset_tokens").set({ used_at: now.toISOString() }).where("provider_id", "=", providerId).where("used_at", "is", null).execute();
    const mail = passwordChangedMail({ firstName: provider.first_name, requestUrl: url(PASSWORD_RESET_REQUEST_PATH) });
    await enqueueMail(trx, { ...mail, to: provider.email });
  });
}

/** Every "wachtwoord vergeten" answer takes at least this long, so its timing says nothing about the address. */
export const RESET_REQUEST_MIN_MS = 300;

/**
 * "Wachtwoord vergeten": when `email` belongs to a provider, a new token is
 * stored (as its SHA-256 only) and the link is e-mailed. The caller answers
 * the same either way, so nothing is returned; and the work is padded to
 * `minDurationMs`, so a known and an unknown address also take as long.
 */
export async function requestPasswordReset(db: Db, email: string, { now = new Date(), minDurationMs = RESET_REQUEST_MIN_MS } = {}): Promise<void> {
  const started = performance.now();
  try {
    await sendResetLink(db, email, now);
  } finally {
    const rest = minDurationMs - (performance.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

async function sendResetLink(db: Db, email: string, now: Date): Promise<void> {
  const provider = await db
    .selectFrom("providers")
    .select(["id", "email", "first_name"])
    .where(sql<string>`lower(email)`, "=", email.trim().toLowerCase())
    .executeTakeFirst();
  if (!provider) return;
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("password_reset_tokens")
      .values({
        provider_id: provider.id,
        token_hash: sha256(token),
        created_at: now.toISOString(),
        expires_at: resetTokenExpiry(now).toISOString(),
      })
      .execute();
    const mail = passwordResetMail({ firstName: provider.first_name, resetUrl: url(resetPath(token)), requestUrl: url(PASSWORD_RESET_REQUEST_PATH) });
    await enqueueMail(trx, { ...mail, to: provider.email });
  });
}

/** What the link in a reset e-mail allows now. */
export async function checkResetToken(db: Db, token: string, now = new Date()): Promise<ResetTokenState> {
  if (!RESET_TOKEN_PATTERN.test(token)) return "unknown";
  const row = await db.selectFrom("password_reset_tokens").select(["expires_at", "used_at"]).where("token_hash", "=", sha256(token)).executeTakeFirst();
  return resetTokenState(row, now);
}

/**
 * Sets the new password through a reset link. The token is claimed in one
 * UPDATE, so two submissions of the same link cannot both succeed; then
 * every session ends and every other open link of this provider stops working.
 */
export async function resetPassword(db: Db, token: string, newPassword: string, now = new Date()): Promise<ResetTokenState> {
  const state = await checkResetToken(db, token, now);
  if (state !== "valid") return state;
  const passwordHash = await hashPassword(newPassword);
  const claimed = await db
    .updateTable("password_reset_tokens")
    .set({ used_at: now.toISOString() })
    .where("token_hash", "=", sha256(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .returning("provider_id")
    .executeTakeFirst();
  // Used or expired while the password was being hashed.
  if (!claimed) return checkResetToken(db, token, now);
  await storeNewPassword(db, claimed.provider_id, passwordHash, now);
  return "valid";
}
