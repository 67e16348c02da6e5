/**
 * The audit log in readable Dutch: what an action key means, what a changed
 * field is called, and how a stored value reads. Unknown keys (a module added
 * later) still show, as they are; audit-format.test.ts checks that every
 * action recorded in app/server has a label here.
 */
import { formatDutchDate } from "./age";
import { formatEuro } from "./money";
import { getPackage, isPackageKey } from "./packages";
import { VERIFICATION_CHECKS } from "./verification";
import { countOf } from "./plural";

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
  "category.move_up": "Categorie omhoog verplaatst",
  "category.move_down": "Categorie omlaag verplaatst",
  "category.retire": "Categorie uitgefaseerd",
  "category.unretire": "Categorie weer in gebruik",
  "category.keywords": "Zoekwoorden van categorie gewijzigd",
  "member.import": "Lid geïmporteerd",
  "member.import_file": "Ledenbestand geïmporteerd",
  "member.add": "Lid toegevoegd",
  "member.update": "Lid bijgewerkt",
  "member.deactivate": "Lid gedeactiveerd",
  "member.activate": "Lid weer actief",
  "package.assign": "Pakket toegekend",
  "package.cancel": "Pakket geannuleerd",
  "package.payment_reminder": "Betaalherinnering verstuurd",
  "payment.cancel": "Betaling van vervangen pakket geannuleerd",
  "payment.attention_resolve": "Betaling zonder pakket afgehandeld",
  "review.hide": "Beoordeling verborgen",
  "review.unhide": "Beoordeling weer zichtbaar",
  "contact_request.called": "Aanvraag: gebeld",
  "search_help_request.handle": "Hulpvraag afgehandeld",
  "video_report.status": "Videomelding: status gewijzigd",
  "backup.create": "Back-up gemaakt",
};

export const ENTITY_LABELS: Record<string, string> = {
  provider: "Dienstverlener",
  category: "Categorie",
  member: "Lid",
  review: "Beoordeling",
  package: "Pakket",
  payment: "Betaling",
  contact_request: "Aanvraag",
  search_help_request: "Hulpvraag",
  video: "Voorstelvideo",
  video_report: "Videomelding",
  staff: "Medewerker",
  intake_note: "Intakenotitie",
  backup: "Back-up",
};

export const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(VERIFICATION_CHECKS.map((check) => [check.key, check.label])),
  status: "Status",
  // Provider offline, video rejected: each entry has one reason, so plain "Reden" reads clearly.
  suspended_reason: "Reden",
  rejection_reason: "Reden",
  body: "Tekst",
  name: "Naam",
  email: "E-mailadres",
  slug: "Webadres",
  position: "Plaats in de lijst",
  retired_at: "Uitgefaseerd op",
  keywords: "Zoekwoorden",
  // Members
  number: "Lidnummer",
  active: "Actief",
  fileName: "Bestand",
  counts: "Resultaat",
  added: "Toegevoegd",
  updated: "Bijgewerkt",
  unchanged: "Ongewijzigd",
  invalid: "Ongeldige regels",
  // Packages and payments
  package: "Pakket",
  price_cents: "Prijs",
  credit_cents: "Verrekend (administratiekosten al betaald)",
  amount_cents: "Te betalen",
  starts_on: "Loopt van",
  ends_on: "Loopt tot en met",
  to: "Verstuurd naar",
  result: "Bij Mollie",
  attention: "Controle",
  note: "Notitie",
  // Reviews: hiding stores its reason on the review; showing again records its own reason.
  hidden_at: "Verborgen op",
  hidden_reason: "Reden voor verbergen",
  reason: "Reden voor weer tonen",
  // Contact requests
  staff_called_at: "Gebeld op",
  staff_note: "Notitie over het gesprek",
  // "Help mij zoeken" requests
  handled_at: "Afgehandeld op",
  // Backups
  folder: "Map",
  error: "Foutmelding",
};

/** What a status means depends on what it is the status of: a payment's "pending" is not a video's. */
const STATUS_LABELS: Record<string, Record<string, string>> = {
  provider: {
    draft: "in de aanmelding",
    awaiting_payment: "wacht op betaling",
    live: "online",
    paused: "gepauzeerd",
    suspended: "offline gezet",
  },
  video: {
    pending: "wacht op beoordeling",
    approved: "goedgekeurd",
    rejected: "afgewezen",
  },
  package: {
    awaiting_payment: "wacht op betaling",
    active: "actief",
    expired: "verlopen",
    cancelled: "geannuleerd",
  },
  payment: {
    created: "nog niet gestart",
    open: "nog niet betaald",
    pending: "wordt verwerkt door de bank",
    authorized: "wordt verwerkt door de bank",
    paid: "betaald",
    failed: "mislukt",
    canceled: "geannuleerd",
    expired: "verlopen",
  },
  backup: {
    running: "bezig",
    ok: "geslaagd",
    failed: "mislukt",
  },
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  result: {
    canceled: "geannuleerd",
    unreachable: "Mollie niet bereikt; de betaling staat nog open",
    "not-cancelable": "niet te annuleren; de betaling verloopt vanzelf",
    final: "was al afgelopen",
    "not-started": "nooit bij Mollie gestart; niets te annuleren",
  },
  attention: {
    package_not_activated: "betaald, maar geen pakket geactiveerd",
    handled: "afgehandeld",
  },
};

/** Every status label, for an entry whose record type has no list of its own (the first record type wins). */
const ANY_STATUS: Record<string, string> = Object.assign({}, ...Object.values(STATUS_LABELS).reverse());

/** How many items of a list (a big import's numbers) the log shows before "en nog …". */
export const LIST_SHOWN_MAX = 10;

const DATE_TIME = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, " ");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ added: 12, updated: 3, unchanged: 0, invalid: 1 }` → `12 toegevoegd, 3 bijgewerkt, 0 ongewijzigd, 1 ongeldige regel`. */
function countsText(counts: Record<string, unknown>): string {
  const parts: string[] = [];
  const n = (key: string) => (typeof counts[key] === "number" ? (counts[key] as number) : null);
  if (n("added") !== null) parts.push(`${n("added")} toegevoegd`);
  if (n("updated") !== null) parts.push(`${n("updated")} bijgewerkt`);
  if (n("unchanged") !== null) parts.push(`${n("unchanged")} ongewijzigd`);
  if (n("invalid") !== null) parts.push(countOf(n("invalid")!, { one: "ongeldige regel", other: "ongeldige regels" }));
  return parts.length > 0 ? parts.join(", ") : recordText(counts);
}

/** A line of an import: `VIV900001 (regel 2)`, or for a refused line `regel 5: Het lidnummer ontbreekt`. */
function importLineText(item: Record<string, unknown>): string | null {
  const line = typeof item.line === "number" ? `regel ${item.line}` : null;
  if (typeof item.number === "string") return line ? `${item.number} (${line})` : item.number;
  if (typeof item.reason === "string") {
    const reason = item.reason.trim().replace(/\.$/, "");
    return line ? `${line}: ${reason}` : reason;
  }
  return null;
}

function listText(field: string, items: unknown[], entityType?: string): string {
  if (items.length === 0) return "geen";
  const shown = items.slice(0, LIST_SHOWN_MAX).map((item) => (isRecord(item) ? (importLineText(item) ?? recordText(item)) : valueText(field, item, entityType)));
  const rest = items.length - shown.length;
  // A refused line's reason may itself contain commas; those lines get a semicolon between them.
  const separator = shown.some((text) => text.includes(",")) ? "; " : ", ";
  return shown.join(separator) + (rest > 0 ? ` en nog ${rest}` : "");
}

/** Any other object, as `Label: waarde, Label: waarde` rather than JSON. */
function recordText(value: Record<string, unknown>): string {
  const entries = Object.entries(value);
  if (entries.length === 0) return "(leeg)";
  return entries.map(([key, item]) => `${fieldLabel(key)}: ${valueText(key, item)}`).join(", ");
}

/** A stored UTC instant as Amsterdam time: `29 november 2026 om 06:18`. */
export function formatAuditDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/**
 * One stored value as staff read it. `entityType` (the entry's record type)
 * tells statuses apart: a payment "pending" is at the bank, a video "pending"
 * waits for staff.
 */
export function valueText(field: string, value: unknown, entityType?: string): string {
  if (value === null || value === undefined || value === "") return "(leeg)";
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (typeof value === "number") {
    if (field.endsWith("_cents") && Number.isSafeInteger(value)) return formatEuro(value);
    // Stored from 0; staff count places in the list from 1.
    if (field === "position" && Number.isSafeInteger(value)) return String(value + 1);
    return String(value);
  }
  if (typeof value === "string") {
    if (field === "status") return (entityType ? STATUS_LABELS[entityType]?.[value] : undefined) ?? ANY_STATUS[value] ?? value;
    if (field === "package" && isPackageKey(value)) return getPackage(value).name;
    const labelled = VALUE_LABELS[field]?.[value];
    if (labelled) return labelled;
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatAuditDateTime(value);
    if (ISO_DATE.test(value)) {
      try {
        return formatDutchDate(value);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) return listText(field, value, entityType);
  if (isRecord(value)) return field === "counts" ? countsText(value) : recordText(value);
  return String(value);
}

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

/**
 * The fields an entry changed, each with its old and new value as text (null:
 * not recorded on that side). `entityType` is the entry's record type, for
 * statuses (see valueText).
 */
export function auditChanges(oldValues: string | null, newValues: string | null, entityType?: string): AuditChange[] {
  const before = parse(oldValues);
  const after = parse(newValues);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({
    field,
    label: fieldLabel(field),
    before: field in before ? valueText(field, before[field], entityType) : null,
    after: field in after ? valueText(field, after[field], entityType) : null,
  }));
}
