/**
 * The audit log in readable Dutch: what an action key means, what a changed
 * field is called, and how a stored value reads. Unknown keys (a module added
 * later) still show, as they are.
 */
import { VERIFICATION_CHECKS } from "./verification";

export const ACTION_LABELS: Record<string, string> = {
  "verification.check": "Controle aangevinkt",
  "verification.uncheck": "Controle uitgevinkt",
  "intake_note.add": "Intakenotitie toegevoegd",
  "provider.suspend": "Offline gezet",
  "provider.republish": "Weer online gezet",
  "video.approve": "Voorstelvideo goedgekeurd",
  "video.reject": "Voorstelvideo afgewezen",
  "staff.create": "Medewerker toegevoegd",
  "category.add": "Categorie toegevoegd",
  "category.rename": "Categorie hernoemd",
  "category.reorder": "Categorieën anders gesorteerd",
  "category.move": "Categorie verplaatst",
  "category.retire": "Categorie uitgefaseerd",
  "category.restore": "Categorie weer in gebruik",
  "member.import": "Leden geïmporteerd",
  "member.add": "Lid toegevoegd",
  "member.deactivate": "Lid gedeactiveerd",
  "member.activate": "Lid weer actief",
  "package.assign": "Pakket toegekend",
  "package.change": "Pakket gewijzigd",
  "package.cancel": "Pakket geannuleerd",
  "package.payment_reminder": "Betaalherinnering verstuurd",
  "payment.cancel": "Betaling van vervangen pakket geannuleerd",
  "payment.attention_resolve": "Betaling zonder pakket afgehandeld",
  "review.hide": "Beoordeling verborgen",
  "review.unhide": "Beoordeling weer zichtbaar",
  "contact_request.called": "Aanvraag: gebeld",
  "contact_request.note": "Aanvraag: notitie",
  "video_report.status": "Videomelding: status gewijzigd",
};

export const ENTITY_LABELS: Record<string, string> = {
  provider: "Dienstverlener",
  category: "Categorie",
  member: "Lid",
  review: "Beoordeling",
  package: "Pakket",
  payment: "Betaling",
  contact_request: "Aanvraag",
  video: "Voorstelvideo",
  video_report: "Videomelding",
  staff: "Medewerker",
  intake_note: "Intakenotitie",
};

const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(VERIFICATION_CHECKS.map((check) => [check.key, check.label])),
  status: "Status",
  suspended_reason: "Reden",
  rejection_reason: "Reden",
  reason: "Reden",
  body: "Tekst",
  name: "Naam",
  email: "E-mailadres",
  slug: "Webadres",
  position: "Volgorde",
  price_cents: "Prijs",
  package: "Pakket",
  result: "Bij Mollie",
  attention: "Controle",
  hidden_reason: "Reden",
  note: "Notitie",
  video_approved: "Introductievideo goedgekeurd",
};

const VALUE_LABELS: Record<string, string> = {
  draft: "in de aanmelding",
  awaiting_payment: "wacht op betaling",
  live: "online",
  paused: "gepauzeerd",
  suspended: "offline gezet",
  pending: "wacht op beoordeling",
  approved: "goedgekeurd",
  rejected: "afgewezen",
  canceled: "geannuleerd",
  paid: "betaald",
  unreachable: "Mollie niet bereikt; de betaling staat nog open",
  "not-cancelable": "niet te annuleren; de betaling verloopt vanzelf",
  final: "was al afgelopen",
  package_not_activated: "betaald, maar geen pakket geactiveerd",
  handled: "afgehandeld",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, " ");
}

export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(leeg)";
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (typeof value === "number" && field.endsWith("_cents")) {
    return `€ ${(value / 100).toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  if (typeof value === "string") return VALUE_LABELS[value] ?? value;
  return JSON.stringify(value);
}

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The fields an entry changed, each with its old and new value as text (null: not recorded on that side). */
export function auditChanges(oldValues: string | null, newValues: string | null): AuditChange[] {
  const before = parse(oldValues);
  const after = parse(newValues);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({
    field,
    label: fieldLabel(field),
    before: field in before ? valueText(field, before[field]) : null,
    after: field in after ? valueText(field, after[field]) : null,
  }));
}
