import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import {
  emailChangeExpiry,
  emailChangeLinkState,
  resetTokenExpiry,
  resetTokenState,
  RESET_TOKEN_PATTERN,
  type EmailChangeLinkState,
  type ResetTokenState,
} from "~/domain/account";
import {
  emailChangeConfirmMail,
  emailChangedMail,
  emailChangeRequestedMail,
  emailInUseMail,
  passwordChangedMail,
  passwordResetMail,
} from "~/domain/mail/account-templates";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { enqueueMail } from "./outbox.server";
import { emailIsTaken } from "./provider-accounts.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { destroyAllSessions } from "./session.server";

/**
 * Account security on the server: e-mail changes confirmed by a link to the
 * new address, password changes, and the password reset by e-mail. Every change that should reach the
 * provider's inbox enqueues its e-mail in the same transaction (ADR 006).
 */

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const url = (path: string) => `${config().baseUrl}${path}`;

export const PASSWORD_RESET_REQUEST_PATH = "/wachtwoord-vergeten";
export const resetPath = (token: string) => `/wachtwoord-herstellen/${token}`;
export const emailChangePath = (token: string) => `/e-mailadres-bevestigen/${token}`;
const ACCOUNT_PATH = "/backoffice/account";

export async function accountOverview(db: Db, providerId: number) {
  return db.selectFrom("providers").select(["email", "first_name"]).where("id", "=", providerId).executeTakeFirstOrThrow();
}

async function passwordMatches(db: Db, providerId: number, password: string): Promise<boolean> {
  const row = await db.selectFrom("providers").select("password_hash").where("id", "=", providerId).executeTakeFirst();
  return verifyPassword(row?.password_hash ?? null, password);
}

export type EmailChangeRequestResult = "requested" | "wrong-password" | "unchanged" | "limited";

/** The open request for a new login address, if any: its link has been mailed and not yet used. */
export type PendingEmailChange = { newEmail: string; expiresAt: string };

export async function pendingEmailChange(db: Db, providerId: number, now = new Date()): Promise<PendingEmailChange | null> {
  const row = await openRequests(db, providerId, now).select(["new_email", "expires_at"]).orderBy("id", "desc").executeTakeFirst();
  return row ? { newEmail: row.new_email, expiresAt: row.expires_at } : null;
}

function openRequests(db: Db, providerId: number, now: Date) {
  return db
    .selectFrom("email_change_requests")
    .where("provider_id", "=", providerId)
    .where("confirmed_at", "is", null)
    .where("ended_at", "is", null)
    .where("expires_at", ">", now.toISOString());
}

/**
 * Asks for `newEmail` as the login name. Nothing changes yet: a link goes to
 * the new address and a notice to the old one; the old address stays the
 * login name until the link is used (`confirmEmailChange`), so a typo locks
 * nobody out. An address that belongs to another account gets the same
 * answer and the same notice to the old address, but no link: its owner is
 * told instead that someone wanted to use it. `mayMail` is asked only once
 * the password is right, so wrong guesses do not use up the mail allowance.
 */
export async function requestEmailChange(
  db: Db,
  providerId: number,
  newEmail: string,
  password: string,
  { now = new Date(), mayMail = async () => true }: { now?: Date; mayMail?: () => Promise<boolean> } = {},
): Promise<EmailChangeRequestResult> {
  if (!(await passwordMatches(db, providerId, password))) return "wrong-password";
  const provider = await accountOverview(db, providerId);
  if (provider.email.toLowerCase() === newEmail.toLowerCase()) return "unchanged";
  if (!(await mayMail())) return "limited";
  await db.transaction().execute(async (trx) => {
    // One open request at a time: links for an address asked for earlier stop working.
    await endOpenRequests(trx, providerId, now);
    await mailChangeLink(trx, providerId, provider.first_name, newEmail, now);
    const notice = emailChangeRequestedMail({ firstName: provider.first_name, newEmail, accountUrl: url(ACCOUNT_PATH) });
    await enqueueMail(trx, { ...notice, to: provider.email });
  });
  return "requested";
}

/** A new link for the open request, valid 24 hours from now; links sent before keep working until their own end. */
export async function resendEmailChangeLink(db: Db, providerId: number, now = new Date()): Promise<"sent" | "none"> {
  const pending = await pendingEmailChange(db, providerId, now);
  if (!pending) return "none";
  const provider = await accountOverview(db, providerId);
  await db.transaction().execute((trx) => mailChangeLink(trx, providerId, provider.first_name, pending.newEmail, now));
  return "sent";
}

/** Ends the open request: its links stop working and the login address stays as it is. */
export async function cancelEmailChange(db: Db, providerId: number, now = new Date()): Promise<void> {
  await endOpenRequests(db, providerId, now);
}

async function endOpenRequests(db: Db, providerId: number, now: Date): Promise<void> {
  await db
    .updateTable("email_change_requests")
    .set({ ended_at: now.toISOString() })
    .where("provider_id", "=", providerId)
    .where("confirmed_at", "is", null)
    .where("ended_at", "is", null)
    .execute();
}

/**
 * Stores a new request row and mails its link. A taken address gets a row
 * too (with a token nobody receives), so the page and every later step
 * behave exactly as for a free one.
 */
async function mailChangeLink(db: Db, providerId: number, firstName: string, newEmail: string, now: Date): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("email_change_requests")
    .values({
      provider_id: providerId,
      new_email: newEmail,
      token_hash: sha256(token),
      created_at: now.toISOString(),
      expires_at: emailChangeExpiry(now).toISOString(),
    })
    .execute();
  const mail = (await emailIsTaken(db, newEmail))
    ? emailInUseMail({ signInUrl: url("/inloggen") })
    : emailChangeConfirmMail({ firstName, confirmUrl: url(emailChangePath(token)) });
  await enqueueMail(db, { ...mail, to: newEmail });
}

/** What the link in a confirmation e-mail allows now, and for which address. */
export async function checkEmailChangeLink(db: Db, token: string, now = new Date()): Promise<{ state: EmailChangeLinkState; newEmail: string | null }> {
  if (!RESET_TOKEN_PATTERN.test(token)) return { state: "unknown", newEmail: null };
  const row = await db
    .selectFrom("email_change_requests")
    .select(["new_email", "expires_at", "confirmed_at", "ended_at"])
    .where("token_hash", "=", sha256(token))
    .executeTakeFirst();
  const state = emailChangeLinkState(row, now);
  return { state, newEmail: state === "valid" ? (row?.new_email ?? null) : null };
}

/**
 * Uses a confirmation link: the new address becomes the login name, every
 * session and every other open link of this provider ends, and the old
 * address is told. The link is claimed inside the transaction, so using it
 * twice changes the address once.
 */
export async function confirmEmailChange(db: Db, token: string, now = new Date()): Promise<EmailChangeLinkState | "taken"> {
  const { state } = await checkEmailChangeLink(db, token, now);
  if (state !== "valid") return state;
  const iso = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("email_change_requests")
        .set({ confirmed_at: iso })
        .where("token_hash", "=", sha256(token))
        .where("confirmed_at", "is", null)
        .where("ended_at", "is", null)
        .where("expires_at", ">", iso)
        .returning(["provider_id", "new_email"])
        .executeTakeFirst();
      // Used, cancelled or expired since the check.
      if (!claimed) return (await checkEmailChangeLink(trx, token, now)).state;
      const provider = await accountOverview(trx, claimed.provider_id);
      if (await emailIsTaken(trx, claimed.new_email)) {
        await trx.updateTable("email_change_requests").set({ confirmed_at: null, ended_at: iso }).where("token_hash", "=", sha256(token)).execute();
        return "taken";
      }
      await trx.updateTable("providers").set({ email: claimed.new_email, updated_at: iso }).where("id", "=", claimed.provider_id).execute();
      await endOpenRequests(trx, claimed.provider_id, now);
      await destroyAllSessions(trx, claimed.provider_id);
      // Links sent to the old address must not work for whoever reads it now.
      await trx.updateTable("password_reset_tokens").set({ used_at: iso }).where("provider_id", "=", claimed.provider_id).where("used_at", "is", null).execute();
      const mail = emailChangedMail({ firstName: provider.first_name, newEmail: claimed.new_email, signInUrl: url("/inloggen") });
      await enqueueMail(trx, { ...mail, to: provider.email });
      return "valid";
    });
  } catch (error) {
    // Another account took the address between the check and the update: the unique index decides.
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) return "taken";
    throw error;
  }
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
