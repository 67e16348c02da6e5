import { randomBytes } from "node:crypto";
import { CONTACT_LOCATION_MISSING, type ContactRequestValues } from "~/domain/contact-request-schema";
import { locationProblemMessage, lookupProblem } from "~/domain/location-messages";
import { normaliseMemberNumber } from "~/domain/member-number";
import {
  customerContactConfirmationMail,
  providerContactRequestMail,
  type ContactRequestMailDetails,
} from "~/domain/mail/contact-request-templates";
import { isPaused } from "~/domain/pause";
import { contactDeadline, formatDueDay } from "~/domain/working-days";
import type { ContactMoment } from "#db/schema";
import { config } from "./config.server";
import { findCoveringProviders } from "./coverage.server";
import type { Db } from "./db.server";
import { resolveLocation, type ResolvedLocation } from "./geo.server";
import { findActiveMember, type Member } from "./members.server";
import { enqueueMail } from "./outbox.server";
import { contactConfirmationLimit, hitRateLimit } from "./rate-limit.server";
import { displayName } from "./providers.server";

/**
 * A customer's contact request: checked against the member registry, the
 * geo data and the provider's werkgebied; stored with its deadline (two
 * working days) and its first history entry; and announced by two e-mails
 * enqueued in the same transaction, so that a stored request always reaches
 * the provider and the customer, and a failed one sends nothing.
 */

/** A provider that takes contact requests: published and live (not paused, not a draft). */
export type ContactableProvider = {
  id: number;
  slug: string;
  firstName: string;
  name: string;
  category: { slug: string; name: string } | null;
};

export type ContactableLookup =
  | { kind: "found"; provider: ContactableProvider }
  | { kind: "redirect"; slug: string }
  | { kind: "not-found" };

export async function findContactableProvider(db: Db, slug: string): Promise<ContactableLookup> {
  const provider = await db
    .selectFrom("providers")
    .select(["id", "slug", "status", "published_at", "first_name", "infix", "last_name", "paused_at", "paused_until"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!provider) {
    // A renamed provider's old address keeps working, as the profile's does.
    const old = await db
      .selectFrom("provider_slug_history as h")
      .innerJoin("providers as p", "p.id", "h.provider_id")
      .select(["p.slug", "p.status"])
      .where("h.slug", "=", slug)
      .executeTakeFirst();
    if (old?.slug && old.slug !== slug && old.status === "live") return { kind: "redirect", slug: old.slug };
    return { kind: "not-found" };
  }
  if (!provider.slug || provider.status !== "live" || !provider.published_at) return { kind: "not-found" };
  // The provider's own "tijdelijk niet beschikbaar" (issue 7); the profile says so and shows no contact button.
  if (isPaused(provider, new Date())) return { kind: "not-found" };
  const category = await db
    .selectFrom("provider_categories as pc")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select(["c.slug", "c.name"])
    .where("pc.provider_id", "=", provider.id)
    .orderBy("c.position")
    .executeTakeFirst();
  return {
    kind: "found",
    provider: { id: provider.id, slug: provider.slug, firstName: provider.first_name, name: displayName(provider), category: category ?? null },
  };
}

/** Does this provider's werkgebied include the location? The same rule search uses. */
export async function providerCovers(db: Db, providerId: number, location: ResolvedLocation): Promise<boolean> {
  const covering = await findCoveringProviders(db, location);
  return covering.some((c) => c.providerId === providerId);
}

/** Where customers find providers who do come to a place, in the provider's category. */
export function coveringSearchHref(place: string, categorySlug: string | null): string {
  const params = new URLSearchParams({ waar: place });
  if (categorySlug) params.set("categorie", categorySlug);
  return `/zoeken?${params.toString()}`;
}

export type MemberCheck = { ok: true; member: Member | null } | { ok: false; message: string };

/** A given lidnummer must exist and be active; none given is fine (not a member). */
export async function checkMemberNumber(db: Db, memberNumber: string | null): Promise<MemberCheck> {
  if (!memberNumber) return { ok: true, member: null };
  const found = await findActiveMember(db, memberNumber);
  if (found.ok) return { ok: true, member: found.member };
  const number = normaliseMemberNumber(memberNumber) ?? memberNumber.trim();
  if (found.reason === "inactive") {
    return { ok: false, message: `Lidnummer ${number} is niet meer actief. Laat dit veld leeg, of bel ons als u denkt dat dit niet klopt.` };
  }
  return { ok: false, message: `Wij kennen lidnummer ${number} niet. Controleer het nummer op uw ledenpas, of laat dit veld leeg.` };
}

export type LocationCheck =
  | { ok: true; location: ResolvedLocation }
  | {
      ok: false;
      message: string;
      /** Set when the location is known but outside the werkgebied: a search for providers who do come there. */
      outside: { place: string; href: string } | null;
    };

/** The location must be a known postcode or place, inside the provider's werkgebied. */
export async function checkLocation(db: Db, provider: ContactableProvider, input: string): Promise<LocationCheck> {
  const lookup = await resolveLocation(db, input);
  if (lookup.ok) {
    const location = lookup.location;
    if (await providerCovers(db, provider.id, location)) return { ok: true, location };
    const where = location.kind === "postcode" ? `${location.label} (${location.place.name})` : location.place.name;
    return {
      ok: false,
      message: `${provider.firstName} komt niet in ${where}: dat ligt buiten het werkgebied van ${provider.firstName}. Kies een dienstverlener die daar wel komt.`,
      outside: { place: location.place.name, href: coveringSearchHref(location.place.name, provider.category?.slug ?? null) },
    };
  }
  const { reason } = lookup;
  if (reason === "empty") return { ok: false, message: CONTACT_LOCATION_MISSING, outside: null };
  return { ok: false, message: locationProblemMessage(lookupProblem({ ...lookup, reason }), "postcode-or-place").text, outside: null };
}

export type ContactCheck =
  | { ok: true; location: ResolvedLocation; member: Member | null }
  | {
      ok: false;
      fieldErrors: Partial<Record<"memberNumber" | "location", string[]>>;
      outside: { place: string; href: string } | null;
    };

/**
 * The checks the schema cannot make: the lidnummer exists and is active, the
 * location is known, and the provider comes there. All problems at once.
 */
export async function checkContactRequest(
  db: Db,
  provider: ContactableProvider,
  values: Pick<ContactRequestValues, "memberNumber" | "location">,
): Promise<ContactCheck> {
  const [member, location] = await Promise.all([checkMemberNumber(db, values.memberNumber), checkLocation(db, provider, values.location)]);
  if (member.ok && location.ok) return { ok: true, location: location.location, member: member.member };
  return {
    ok: false,
    fieldErrors: {
      ...(member.ok ? {} : { memberNumber: [member.message] }),
      ...(location.ok ? {} : { location: [location.message] }),
    },
    outside: location.ok ? null : location.outside,
  };
}

export type ContactRequestInput = {
  values: ContactRequestValues;
  location: ResolvedLocation;
  member: Member | null;
};

export type SubmittedContactRequest = { id: number; publicId: string; deadline: Date };

/**
 * Stores a checked request with its deadline and first history entry, and
 * enqueues the e-mail to the provider and the confirmation to the customer,
 * all in one transaction.
 */
export async function submitContactRequest(
  db: Db,
  providerId: number,
  input: ContactRequestInput,
  now = new Date(),
  baseUrl = config().baseUrl,
): Promise<SubmittedContactRequest> {
  const { values, location, member } = input;
  const publicId = randomBytes(16).toString("base64url");
  const deadline = contactDeadline(now);
  const at = now.toISOString();

  return db.transaction().execute(async (trx) => {
    const provider = await trx
      .selectFrom("providers")
      .select(["email", "slug", "first_name", "infix", "last_name"])
      .where("id", "=", providerId)
      .executeTakeFirstOrThrow();

    const { id } = await trx
      .insertInto("contact_requests")
      .values({
        public_id: publicId,
        provider_id: providerId,
        customer_name: values.name,
        customer_email: values.email,
        customer_phone: values.phone,
        member_id: member?.id ?? null,
        member_number: member?.number ?? null,
        location_input: values.location,
        location_label: location.label,
        location_pc4: location.pc4,
        location_place_id: location.place.id,
        for_whom: values.forWhom,
        other_person_name: values.otherPersonName,
        contact_preference: values.contactPreference,
        contact_moments: JSON.stringify(values.contactMoments),
        message: values.message,
        consent_at: at,
        deadline_at: deadline.toISOString(),
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    await trx
      .insertInto("contact_request_history")
      .values({ contact_request_id: id, status: "new", outcome: null, changed_by: "customer", note: null, recorded_at: at })
      .execute();

    const details: ContactRequestMailDetails = {
      providerFirstName: provider.first_name,
      providerName: displayName(provider),
      customerName: values.name,
      customerEmail: values.email,
      customerPhone: values.phone,
      memberNumber: member?.number ?? null,
      locationLabel: location.label,
      locationPlace: location.place.name,
      forWhom: values.forWhom,
      otherPersonName: values.otherPersonName,
      contactPreference: values.contactPreference,
      contactMoments: values.contactMoments,
      message: values.message,
      deadline,
    };
    await enqueueMail(trx, {
      to: provider.email,
      dedupeKey: `contact-request:${id}:provider`,
      ...providerContactRequestMail({ ...details, backofficeUrl: `${baseUrl}/backoffice/aanvragen/${id}` }),
    });
    // The request itself always goes to the provider; beyond the daily cap the typed address gets no more confirmations.
    const confirmation = await hitRateLimit(trx, contactConfirmationLimit(), values.email.toLowerCase());
    if (confirmation.allowed) {
      await enqueueMail(trx, {
        to: values.email,
        dedupeKey: `contact-request:${id}:customer`,
        ...customerContactConfirmationMail({ ...details, profileUrl: `${baseUrl}/dienstverlener/${provider.slug ?? ""}` }),
      });
    }
    return { id, publicId, deadline };
  });
}

export type ContactConfirmation = {
  providerFirstName: string;
  providerName: string;
  contactPreference: "phone" | "email";
  contactMoments: ContactMoment[];
  /** The day it is due, as the office says it: `woensdag 2 december`. */
  dueDay: string;
  member: boolean;
  /** False when the typed address had its confirmations for the day already. */
  mailed: boolean;
};

/**
 * What the confirmation page shows about a request, found by its public id
 * and the provider's slug together. Nothing personal: the address may end up
 * in a browser history someone else reads.
 */
export async function findContactConfirmation(db: Db, slug: string, publicId: string): Promise<ContactConfirmation | null> {
  const row = await db
    .selectFrom("contact_requests as r")
    .innerJoin("providers as p", "p.id", "r.provider_id")
    .select(["r.id", "p.first_name", "p.infix", "p.last_name", "r.contact_preference", "r.contact_moments", "r.deadline_at", "r.member_id"])
    .where("r.public_id", "=", publicId)
    .where("p.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return null;
  const mail = await db.selectFrom("outbox_messages").select("id").where("dedupe_key", "=", `contact-request:${row.id}:customer`).executeTakeFirst();
  return {
    providerFirstName: row.first_name,
    providerName: displayName(row),
    contactPreference: row.contact_preference,
    contactMoments: parseMoments(row.contact_moments),
    dueDay: formatDueDay(row.deadline_at),
    member: row.member_id !== null,
    mailed: mail !== undefined,
  };
}

export function parseMoments(json: string): ContactMoment[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((m): m is ContactMoment => m === "ochtend" || m === "middag" || m === "avond") : [];
  } catch {
    return [];
  }
}
