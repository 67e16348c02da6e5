/**
 * What deleting a provider's account erases, as data. The providers row
 * itself stays, emptied: invoices (which the law makes us keep for seven
 * years) and their payments point at it, and each invoice keeps its own
 * frozen copy of the buyer's name and address. Everything else that says
 * something about the person goes.
 */
import { z } from "zod";

export const ERASED_NAME = "Verwijderde dienstverlener";

/** A unique address on a reserved domain (RFC 2606), so nobody can sign in with or receive mail at it. */
export function erasedEmail(providerId: number, nonce: string): string {
  return `verwijderd-${providerId}-${nonce}@verwijderd.invalid`;
}

/** The providers row after deletion: unpublished at once (no slug, not live), no personal data, no password. */
export function erasedProviderValues(providerId: number, nonce: string, now: Date) {
  return {
    status: "suspended" as const,
    slug: null,
    email: erasedEmail(providerId, nonce),
    password_hash: null,
    first_name: ERASED_NAME,
    infix: null,
    last_name: null,
    phone: null,
    gender: null,
    birth_date: null,
    home_postcode: null,
    home_house_number: null,
    home_addition: null,
    home_street: null,
    home_city: null,
    has_kvk: null,
    company_name: null,
    kvk_number: null,
    has_work_address: null,
    work_postcode: null,
    work_house_number: null,
    work_addition: null,
    work_street: null,
    work_city: null,
    intro_text: null,
    profile_text: null,
    price_note: null,
    heard_from: null,
    photo_upload_id: null,
    price_list_upload_id: null,
    paused_at: null,
    paused_until: null,
    updated_at: now.toISOString(),
  };
}

/**
 * Tables whose rows of this provider are deleted outright (by provider_id).
 * Contact requests take their history and review invitations with them; the
 * uploads' and videos' files are removed from disk after the commit.
 */
export const ERASED_TABLES = [
  "provider_categories",
  "provider_services",
  "provider_dayparts",
  "provider_coverage",
  "provider_coverage_places",
  "provider_slug_history",
  "provider_daily_stats",
  "reviews",
  "contact_requests",
  "uploads",
  "provider_videos",
  "video_tool_reports",
  "password_reset_tokens",
  "email_change_requests",
  "sessions",
] as const;

/** Kept, because invoices must be kept: the invoices, the payments they are for, and the packages those paid. */
export const KEPT_TABLES = ["invoices", "payments", "payment_status_history", "provider_packages"] as const;

/** The "Account verwijderen" form: the current password and an explicit tick. */
export const deleteAccountSchema = z.object({
  password: z.string({ error: "Vul uw huidige wachtwoord in" }).min(1, "Vul uw huidige wachtwoord in"),
  confirm: z.literal("ja", { error: "Vink aan dat u uw account en gegevens wilt laten verwijderen" }),
});

export const deleteAccountLabels = {
  password: "Uw huidige wachtwoord",
  confirm: "Bevestiging",
} as const;

/** `vivium-gegevens-2026-03-15.json`, the day in the Netherlands. */
export function exportFileName(day: string): string {
  return `vivium-gegevens-${day}.json`;
}
