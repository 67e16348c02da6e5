import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "./password";
import { aanmeldingSchema } from "./signup-schemas";

/**
 * The provider's account security: changing the e-mail address (the login
 * name) or the password, and a forgotten password reset by e-mail. The new
 * address and the new password follow the signup rules exactly: they are the
 * signup schema's own fields.
 */

const newEmail = aanmeldingSchema.shape.email;
const newPassword = aanmeldingSchema.shape.password;

/** Only checked against the stored hash, so no rules beyond a sane length. */
const currentPassword = z
  .string({ error: "Vul uw huidige wachtwoord in" })
  .max(MAX_PASSWORD_LENGTH, "Dit is niet uw huidige wachtwoord. Controleer het en probeer het opnieuw");

export const emailChangeSchema = z.object({ newEmail, emailPassword: currentPassword });
export const emailChangeLabels = { newEmail: "Uw nieuwe e-mailadres", emailPassword: "Uw huidige wachtwoord" };

export const passwordChangeSchema = z.object({ currentPassword, newPassword });
export const passwordChangeLabels = { currentPassword: "Uw huidige wachtwoord", newPassword: "Kies een nieuw wachtwoord" };

export const passwordResetRequestSchema = z.object({ email: newEmail });
export const passwordResetRequestLabels = { email: "Wat is uw e-mailadres?" };

export const passwordResetSchema = z.object({ newPassword });
export const passwordResetLabels = { newPassword: "Kies een nieuw wachtwoord" };

/** A reset link works for one hour, and once. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** 32 random bytes as base64url: 43 characters. Anything else is not one of ours. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type ResetTokenState = "valid" | "expired" | "used" | "unknown";

/** What a stored token allows at `now`; used wins over expired, as it says more. */
export function resetTokenState(row: { expires_at: string; used_at: string | null } | undefined, now: Date): ResetTokenState {
  if (!row) return "unknown";
  if (row.used_at !== null) return "used";
  return row.expires_at > now.toISOString() ? "valid" : "expired";
}

export function resetTokenExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + RESET_TOKEN_TTL_MS);
}

/** Why a link cannot be used, for the page that says so. */
export const RESET_TOKEN_PROBLEM: Record<Exclude<ResetTokenState, "valid">, string> = {
  expired: "Deze link is verlopen. Een link om uw wachtwoord te herstellen werkt één uur.",
  used: "Deze link is al gebruikt. Elke link werkt maar één keer.",
  unknown: "Deze link werkt niet. Misschien is hij niet helemaal overgenomen uit de e-mail.",
};

/**
 * A link to confirm a new login address works for 24 hours, and once. It is
 * mailed to an address that may have been mistyped, so until it is used the
 * old address stays the login name.
 */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

export function emailChangeExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EMAIL_CHANGE_TTL_MS);
}

/** "ended": cancelled, replaced by a request for another address, or another link of the same provider was used. */
export type EmailChangeLinkState = "valid" | "expired" | "used" | "ended" | "unknown";

export function emailChangeLinkState(
  row: { expires_at: string; confirmed_at: string | null; ended_at: string | null } | undefined,
  now: Date,
): EmailChangeLinkState {
  if (!row) return "unknown";
  if (row.confirmed_at !== null) return "used";
  if (row.ended_at !== null) return "ended";
  return row.expires_at > now.toISOString() ? "valid" : "expired";
}

/** What the confirmation page says when the address could not be changed; "taken": another account got it in the meantime. */
export const EMAIL_CHANGE_PROBLEM: Record<Exclude<EmailChangeLinkState, "valid"> | "taken", string> = {
  expired: "Deze link is verlopen. Een link om uw nieuwe e-mailadres te bevestigen werkt 24 uur. Uw e-mailadres is niet gewijzigd.",
  used: "Deze link is al gebruikt. Elke link werkt maar één keer.",
  ended: "Deze wijziging is geannuleerd of vervangen door een nieuwere. Uw e-mailadres is niet gewijzigd.",
  unknown: "Deze link werkt niet. Misschien is hij niet helemaal overgenomen uit de e-mail.",
  taken: "Dit e-mailadres kunnen wij niet gebruiken voor uw account. Uw e-mailadres is niet gewijzigd.",
};
