import { sql } from "kysely";
import { isPaused } from "~/domain/pause";
import { facetCounts, matches, type FilterKey, type ProviderFacts, type StaffProviderFilters } from "~/domain/staff-filters";
import { VERIFICATION_CHECKS } from "~/domain/verification";
import { WIZARD_STEPS } from "~/domain/wizard";
import type { VerificationCheckKey } from "#db/schema";
import { listAuditEntries } from "./audit.server";
import type { Db } from "./db.server";
import { displayName } from "./providers.server";
import { findVideoOverview } from "./videos.server";

export const PAGE_SIZE = 25;

const OPEN_PAYMENT_STATUSES = ["created", "open", "pending", "authorized"] as const;

export type StaffProviderRow = {
  id: number;
  name: string;
  email: string;
  place: string | null;
  slug: string | null;
  createdAt: string;
  facts: ProviderFacts;
};

/** Every provider matching the text search, with the facts the filters need. One query; fine for thousands of providers. */
async function providerFacts(db: Db, q: string, now: Date): Promise<StaffProviderRow[]> {
  let query = db
    .selectFrom("providers as p")
    .select((eb) => [
      "p.id",
      "p.first_name",
      "p.infix",
      "p.last_name",
      "p.email",
      "p.home_city",
      "p.work_city",
      "p.slug",
      "p.status",
      "p.paused_at",
      "p.paused_until",
      "p.created_at",
      eb
        .selectFrom("payments")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("payments.provider_id", "=", "p.id")
        .where("payments.status", "=", "paid")
        .as("paid_payments"),
      eb
        .selectFrom("payments")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("payments.provider_id", "=", "p.id")
        .where("payments.status", "in", OPEN_PAYMENT_STATUSES)
        .as("open_payments"),
      eb.selectFrom("payments").select(sql<number>`count(*)`.as("n")).whereRef("payments.provider_id", "=", "p.id").as("any_payments"),
      eb
        .selectFrom("provider_verifications as v")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("v.provider_id", "=", "p.id")
        .as("checks"),
      eb
        .selectFrom("provider_packages as pp")
        .select("pp.package")
        .whereRef("pp.provider_id", "=", "p.id")
        .where("pp.status", "=", "active")
        .orderBy("pp.ends_on", "desc")
        .limit(1)
        .as("package_key"),
      eb
        .selectFrom("provider_categories as pc")
        .select(sql<string | null>`group_concat(pc.category_id)`.as("ids"))
        .whereRef("pc.provider_id", "=", "p.id")
        .as("category_ids"),
      eb
        .selectFrom("contact_requests as cr")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("cr.provider_id", "=", "p.id")
        .where("cr.status", "=", "new")
        .where("cr.overdue_at", "is not", null)
        .as("overdue_requests"),
      eb
        .selectFrom("provider_intake_notes as n")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("n.provider_id", "=", "p.id")
        .as("intake_notes"),
      eb
        .selectFrom("provider_verifications as v")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("v.provider_id", "=", "p.id")
        .where("v.check_key", "=", "met_in_person")
        .as("met_in_person"),
      eb
        .selectFrom("provider_videos as pv")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("pv.provider_id", "=", "p.id")
        .where("pv.status", "=", "pending")
        .as("pending_videos"),
      eb
        .selectFrom("provider_videos as pv")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("pv.provider_id", "=", "p.id")
        .where("pv.status", "=", "approved")
        .as("approved_videos"),
    ])
    .orderBy("p.created_at", "desc")
    .orderBy("p.id", "desc");
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const fields = [
      sql`lower(p.first_name || ' ' || coalesce(p.infix || ' ', '') || coalesce(p.last_name, ''))`,
      sql`lower(p.email)`,
      sql`lower(coalesce(p.home_city, ''))`,
      sql`lower(coalesce(p.work_city, ''))`,
      sql`lower(coalesce(p.slug, ''))`,
      sql`lower(coalesce(p.company_name, ''))`,
    ];
    query = query.where(sql<boolean>`(${sql.join(fields.map((f) => sql`${f} LIKE ${like} ESCAPE '\\'`), sql` OR `)})`);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: displayName(row),
    email: row.email,
    place: row.home_city ?? row.work_city,
    slug: row.slug,
    createdAt: row.created_at,
    facts: {
      status: row.status,
      pausedNow: isPaused(row, now),
      paidPayments: Number(row.paid_payments ?? 0),
      openPayments: Number(row.open_payments ?? 0),
      anyPayments: Number(row.any_payments ?? 0),
      checks: Number(row.checks ?? 0),
      checkCount: VERIFICATION_CHECKS.length,
      packageKey: row.package_key ?? null,
      categoryIds: row.category_ids ? row.category_ids.split(",").map(Number) : [],
      overdueRequests: Number(row.overdue_requests ?? 0),
      contacted: Number(row.intake_notes ?? 0) > 0 || Number(row.met_in_person ?? 0) > 0,
      pendingVideo: Number(row.pending_videos ?? 0) > 0,
      approvedVideo: Number(row.approved_videos ?? 0) > 0,
    },
  }));
}

export type StaffProviderList = {
  rows: StaffProviderRow[];
  total: number;
  page: number;
  pageCount: number;
  counts: Record<FilterKey, Record<string, number>>;
};

export async function listProvidersForStaff(db: Db, filters: StaffProviderFilters, page: number, now = new Date()): Promise<StaffProviderList> {
  const all = await providerFacts(db, filters.q, now);
  const matching = all.filter((row) => matches(row.facts, filters));
  const counts = facetCounts(
    all.map((row) => row.facts),
    filters,
  );
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    rows: matching.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE),
    total: matching.length,
    page: current,
    pageCount,
    counts: Object.fromEntries(Object.entries(counts).map(([key, map]) => [key, Object.fromEntries(map)])) as StaffProviderList["counts"],
  };
}

/** The numbers on /beheer, each linking to the list or page that shows them. */
export async function staffOverviewCounts(db: Db, now = new Date()) {
  const count = (row: { n: number | bigint } | undefined) => Number(row?.n ?? 0);
  const [all, overdue, reports] = await Promise.all([
    providerFacts(db, "", now),
    db
      .selectFrom("contact_requests")
      .select(sql<number>`count(*)`.as("n"))
      .where("status", "=", "new")
      .where("overdue_at", "is not", null)
      .executeTakeFirst(),
    db.selectFrom("video_tool_reports").select(sql<number>`count(*)`.as("n")).where("status", "=", "nieuw").executeTakeFirst(),
  ]);
  const facts = all.map((row) => row.facts);
  const where = (filters: Omit<StaffProviderFilters, "q">) => facts.filter((f) => matches(f, { q: "", ...filters })).length;
  return {
    // Online since their payment, and nobody has called them yet.
    awaitingCall: where({ status: "live", call: "todo" }),
    live: where({ status: "live" }),
    suspended: where({ status: "suspended" }),
    overdueRequests: count(overdue),
    pendingVideos: where({ video: "pending" }),
    newVideoReports: count(reports),
  };
}

const STAFF_DETAIL_COLUMNS = [
  "id", "slug", "email", "status", "offerings", "heard_from", "terms_accepted_at", "first_name", "infix", "last_name", "phone", "gender", "birth_date",
  "home_postcode", "home_house_number", "home_addition", "home_street", "home_city", "has_kvk", "company_name", "kvk_number", "has_work_address",
  "work_postcode", "work_house_number", "work_addition", "work_street", "work_city", "intro_text", "profile_text", "price_note", "completed_steps",
  "photo_upload_id", "price_list_upload_id", "published_at", "paused_at", "paused_until", "created_at", "updated_at", "suspended_reason", "suspended_at",
] as const;

/** Everything staff see about one provider on /beheer/dienstverleners/:id. */
export async function providerDetailForStaff(db: Db, providerId: number) {
  // Named columns: the page's data goes to the browser, and the password hash must never be part of it.
  const provider = await db.selectFrom("providers").select(STAFF_DETAIL_COLUMNS).where("id", "=", providerId).executeTakeFirst();
  if (!provider) return null;
  const [categories, services, payments, invoices, packages, requests, reviews, verifications, notes, video, audit, coverage] = await Promise.all([
    db
      .selectFrom("provider_categories as pc")
      .innerJoin("categories as c", "c.id", "pc.category_id")
      .select(["c.name", "c.retired_at"])
      .where("pc.provider_id", "=", providerId)
      .orderBy("c.position")
      .execute(),
    db.selectFrom("provider_services").select(["name", "price_cents", "unit"]).where("provider_id", "=", providerId).orderBy("position").execute(),
    db
      .selectFrom("payments")
      .select(["id", "public_id", "purpose", "description", "gross_cents", "status", "paid_at", "created_at", "attention", "attention_resolved_at", "attention_note"])
      .where("provider_id", "=", providerId)
      .orderBy("id", "desc")
      .execute(),
    db.selectFrom("invoices").select(["number", "payment_id", "issued_at", "gross_cents"]).where("provider_id", "=", providerId).orderBy("id", "desc").execute(),
    db
      .selectFrom("provider_packages")
      .select(["id", "package", "price_cents", "starts_on", "ends_on", "status"])
      .where("provider_id", "=", providerId)
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("contact_requests")
      .select(["id", "customer_name", "status", "outcome", "created_at", "deadline_at", "overdue_at", "staff_called_at"])
      .where("provider_id", "=", providerId)
      .orderBy("id", "desc")
      .limit(100)
      .execute(),
    db
      .selectFrom("reviews")
      .select(["id", "rating", "display_name", "body", "hidden_at", "hidden_reason", "created_at"])
      .where("provider_id", "=", providerId)
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("provider_verifications as v")
      .innerJoin("staff as s", "s.id", "v.checked_by")
      .select(["v.check_key", "v.checked_at", "s.name as checked_by_name"])
      .where("v.provider_id", "=", providerId)
      .execute(),
    db
      .selectFrom("provider_intake_notes as n")
      .innerJoin("staff as s", "s.id", "n.staff_id")
      .select(["n.id", "n.body", "n.created_at", "s.name as staff_name"])
      .where("n.provider_id", "=", providerId)
      .orderBy("n.id", "desc")
      .execute(),
    findVideoOverview(db, providerId),
    listAuditEntries(db, { providerId, limit: 100 }),
    db.selectFrom("provider_coverage").select(["mode", "radius_km"]).where("provider_id", "=", providerId).executeTakeFirst(),
  ]);
  const completed = parseSteps(provider.completed_steps);
  const byKey = new Map(verifications.map((v) => [v.check_key, v]));
  return {
    provider,
    name: displayName(provider),
    categories,
    services,
    payments,
    invoices,
    packages,
    requests,
    reviews,
    checks: VERIFICATION_CHECKS.map((check) => {
      const done = byKey.get(check.key as VerificationCheckKey);
      return { key: check.key, label: check.label, checkedAt: done?.checked_at ?? null, checkedBy: done?.checked_by_name ?? null };
    }),
    notes,
    video,
    audit,
    coverage: coverage ?? null,
    steps: WIZARD_STEPS.map((step) => ({ key: step.key, label: step.label, done: completed.includes(step.key) })),
  };
}

function parseSteps(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
