import type { ContactRequestOutcome, ContactRequestStatus } from "#db/schema";

/**
 * The life of a contact request as the provider moves it on: new → in
 * behandeling (contact made, perhaps an appointment) → afgehandeld after the
 * visit, or straight from new to afgehandeld. Afgehandeld is final, and always
 * comes with an outcome (the database checks that too): geholpen or niet
 * geholpen. The stored value of geholpen is `appointment`, from when the
 * outcome was "afspraak gemaakt": an appointment that has now taken place.
 */

export const STATUS_LABELS: Record<ContactRequestStatus, string> = {
  new: "Nieuw",
  in_progress: "In behandeling",
  handled: "Afgehandeld",
};

export const OUTCOME_LABELS: Record<ContactRequestOutcome, string> = {
  appointment: "Geholpen",
  no_appointment: "Niet geholpen",
};

/** The choices on the Afhandelen form: the label with what it means. */
export const OUTCOME_CHOICE_LABELS: Record<ContactRequestOutcome, string> = {
  appointment: "Geholpen: de afspraak is geweest",
  no_appointment: "Niet geholpen: er is geen afspraak gekomen",
};

/**
 * Whether afgehandeld with this outcome asks the customer for a review: only
 * a customer who was helped, after the visit, has something to tell.
 */
export function invitesReview(outcome: ContactRequestOutcome): boolean {
  return outcome === "appointment";
}

export const OUTCOMES = ["appointment", "no_appointment"] as const satisfies readonly ContactRequestOutcome[];

export type StatusChange = { to: "in_progress" } | { to: "handled"; outcome: ContactRequestOutcome | null | undefined };

export type TransitionResult =
  | { ok: true; status: ContactRequestStatus; outcome: ContactRequestOutcome | null }
  | { ok: false; reason: "already-handled" | "already-in-progress" | "outcome-required" };

export function transition(current: ContactRequestStatus, change: StatusChange): TransitionResult {
  if (current === "handled") return { ok: false, reason: "already-handled" };
  if (change.to === "in_progress") {
    return current === "new" ? { ok: true, status: "in_progress", outcome: null } : { ok: false, reason: "already-in-progress" };
  }
  if (!change.outcome || !OUTCOMES.includes(change.outcome)) return { ok: false, reason: "outcome-required" };
  return { ok: true, status: "handled", outcome: change.outcome };
}

/** Open: the provider still has to do something with it. */
export function isOpen(status: ContactRequestStatus): boolean {
  return status !== "handled";
}

/**
 * Past its deadline without any answer from the provider. Once "in
 * behandeling" the provider has responded, so it is no longer overdue even if
 * the scheduler marked it before.
 */
export function isOverdue(request: { status: ContactRequestStatus; deadlineAt: string }, now: Date): boolean {
  return request.status === "new" && Date.parse(request.deadlineAt) <= now.getTime();
}

const momentFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dayFormat = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "long", year: "numeric" });

/** `2026-03-04T16:00:00Z` → `woensdag 4 maart 2026 om 17:00`, Dutch time. */
export function formatMoment(iso: string): string {
  return momentFormat.format(new Date(iso));
}

/** `2026-03-04T23:30:00Z` → `5 maart 2026`: the day it is in the Netherlands. */
export function formatDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}
