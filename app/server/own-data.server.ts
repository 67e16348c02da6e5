/**
 * A provider's own data: everything we hold about them as one JSON document
 * (the right of access), and deleting the account (the right to erasure),
 * which keeps only what the law requires for invoices. The rules of what is
 * erased are in app/domain/account-erasure.ts; this module does the I/O.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { ERASED_TABLES, erasedProviderValues } from "~/domain/account-erasure";
import { loadCoverage } from "./coverage.server";
import type { Db } from "./db.server";
import { verifyPassword } from "./passwords.server";
import { removePhotoFiles } from "./photos.server";
import { deletePriceListFiles } from "./price-lists.server";
import { cancelPackagePayments, withdrawPackageCheckouts } from "./payments.server";
import { hitRateLimit, type RateLimit } from "./rate-limit.server";
import { destroyAllSessions } from "./session.server";
import { videoFilePath } from "./videos.server";

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Everything we hold about one provider, for the download on /backoffice/mijn-gegevens. Nothing of anyone else. */
export async function exportOwnData(db: Db, providerId: number, now = new Date()) {
  const provider = await db.selectFrom("providers").selectAll().where("id", "=", providerId).executeTakeFirstOrThrow();
  const { password_hash: _secret, completed_steps, offerings, ...profile } = provider;
  const categories = await db
    .selectFrom("provider_categories as pc")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select(["c.slug", "c.name"])
    .where("pc.provider_id", "=", providerId)
    .orderBy("c.position")
    .execute();
  const services = await db
    .selectFrom("provider_services")
    .select(["position", "name", "price_cents", "unit", "description"])
    .where("provider_id", "=", providerId)
    .orderBy("position")
    .execute();
  const coverage = await loadCoverage(db, providerId);
  const coveragePlaces =
    coverage?.mode === "places" && coverage.placeIds.length > 0
      ? (await db.selectFrom("places").select("name").where("id", "in", coverage.placeIds).orderBy("name").execute()).map((row) => row.name)
      : [];
  const dayparts = await db.selectFrom("provider_dayparts").select(["weekday", "daypart"]).where("provider_id", "=", providerId).orderBy("weekday").orderBy("daypart").execute();
  const uploads = await db
    .selectFrom("uploads")
    .select(["id", "kind", "original_name", "content_type", "byte_size", "width", "height", "crop", "created_at"])
    .where("provider_id", "=", providerId)
    .orderBy("created_at")
    .execute();
  const videos = await db
    .selectFrom("provider_videos")
    .select(["id", "status", "content_type", "byte_size", "source", "original_name", "rejection_reason", "created_at", "updated_at"])
    .where("provider_id", "=", providerId)
    .execute();
  const requests = await db.selectFrom("contact_requests").selectAll().where("provider_id", "=", providerId).orderBy("created_at").execute();
  const history = requests.length
    ? await db
        .selectFrom("contact_request_history")
        .select(["contact_request_id", "status", "outcome", "changed_by", "note", "recorded_at"])
        .where("contact_request_id", "in", requests.map((r) => r.id))
        .orderBy("id")
        .execute()
    : [];
  const reviews = await db
    .selectFrom("reviews")
    .select(["id", "rating", "body", "display_name", "hidden_at", "hidden_reason", "reply", "replied_at", "created_at"])
    .where("provider_id", "=", providerId)
    .orderBy("created_at")
    .execute();
  const packages = await db
    .selectFrom("provider_packages")
    .select(["id", "package", "price_cents", "credit_cents", "starts_on", "ends_on", "status", "created_at"])
    .where("provider_id", "=", providerId)
    .orderBy("starts_on")
    .execute();
  const payments = await db
    .selectFrom("payments")
    .select(["public_id", "purpose", "provider_package_id", "description", "net_cents", "vat_cents", "gross_cents", "vat_rate", "status", "paid_at", "created_at"])
    .where("provider_id", "=", providerId)
    .orderBy("created_at")
    .execute();
  const invoices = await db
    .selectFrom("invoices")
    .select(["number", "issued_at", "seller", "buyer", "lines", "net_cents", "vat_cents", "gross_cents"])
    .where("provider_id", "=", providerId)
    .orderBy("year")
    .orderBy("sequence")
    .execute();
  const sessions = await db.selectFrom("sessions").select(["created_at", "last_seen_at", "expires_at", "user_agent"]).where("provider_id", "=", providerId).execute();
  const statistics = await db
    .selectFrom("provider_daily_stats")
    .select(["day", "profile_views", "search_appearances"])
    .where("provider_id", "=", providerId)
    .orderBy("day")
    .execute();
  const videoToolReports = await db
    .selectFrom("video_tool_reports")
    .select(["description", "user_agent", "client_details", "status", "created_at"])
    .where("provider_id", "=", providerId)
    .execute();
  // The addresses asked for as a new login name; the link's hash is a key, not data about the provider.
  const emailChangeRequests = await db
    .selectFrom("email_change_requests")
    .select(["new_email", "created_at", "expires_at", "confirmed_at", "ended_at"])
    .where("provider_id", "=", providerId)
    .orderBy("id")
    .execute();

  return {
    exportedAt: now.toISOString(),
    about: "Alle gegevens die Vivium Services over u bewaart. Bedragen zijn in eurocenten, tijden in UTC.",
    profile: { ...profile, offerings: parseJson(offerings), completedSteps: parseJson(completed_steps) },
    categories,
    services,
    coverage: coverage ? { mode: coverage.mode, radiusKm: coverage.mode === "radius" ? coverage.radiusKm : null, places: coveragePlaces, basePostcodeArea: coverage.basePc4 } : null,
    dayparts,
    uploads: uploads.map((upload) => ({ ...upload, crop: parseJson(upload.crop) })),
    videos,
    contactRequests: requests.map((request) => ({
      ...request,
      contact_moments: parseJson(request.contact_moments),
      history: history.filter((entry) => entry.contact_request_id === request.id).map(({ contact_request_id: _id, ...entry }) => entry),
    })),
    reviews,
    packages,
    payments,
    invoices: invoices.map((invoice) => ({ ...invoice, seller: parseJson(invoice.seller), buyer: parseJson(invoice.buyer), lines: parseJson(invoice.lines) })),
    sessions,
    statistics,
    videoToolReports,
    emailChangeRequests,
  };
}

export type OwnDataExport = Awaited<ReturnType<typeof exportOwnData>>;

/** A handful of password attempts per quarter of an hour per account: a stolen session cannot guess its way to deletion. */
const DELETE_ACCOUNT_LIMIT: RateLimit = { bucket: "delete-account", limit: 5, windowSeconds: 15 * 60 };

export type DeleteAccountResult = { deleted: true } | { deleted: false; problem: "wrong-password" | "rate-limited" };

/**
 * Deletes the account after checking the password. In one transaction the
 * provider is unpublished and emptied, their data elsewhere deleted and every
 * session ended; invoices, payments and packages stay (each invoice holds its
 * own copy of the buyer's name and address). The files go after the commit,
 * so a failed transaction leaves the profile whole.
 */
export async function deleteAccount(db: Db, uploadsDir: string, providerId: number, password: string, now = new Date()): Promise<DeleteAccountResult> {
  const limit = await hitRateLimit(db, DELETE_ACCOUNT_LIMIT, String(providerId), now.getTime());
  if (!limit.allowed) return { deleted: false, problem: "rate-limited" };
  const provider = await db.selectFrom("providers").select(["password_hash", "email"]).where("id", "=", providerId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(provider.password_hash, password))) return { deleted: false, problem: "wrong-password" };

  const files = await db.transaction().execute(async (trx) => {
    const uploads = await trx.selectFrom("uploads").select(["id", "kind"]).where("provider_id", "=", providerId).execute();
    const videos = await trx.selectFrom("provider_videos").select(["id", "content_type"]).where("provider_id", "=", providerId).execute();
    await trx.updateTable("providers").set(erasedProviderValues(providerId, randomBytes(8).toString("hex"), now)).where("id", "=", providerId).execute();
    const awaiting = await trx.selectFrom("provider_packages").select("id").where("provider_id", "=", providerId).where("status", "=", "awaiting_payment").execute();
    await withdrawPackageCheckouts(
      trx,
      awaiting.map((row) => row.id),
      now,
    );
    await trx
      .updateTable("provider_packages")
      .set({ status: "cancelled", updated_at: now.toISOString() })
      .where("provider_id", "=", providerId)
      .where("status", "in", ["active", "awaiting_payment"])
      .execute();
    await trx.deleteFrom("provider_coverage_box").where("id", "=", providerId).execute();
    for (const table of ERASED_TABLES) {
      if (table === "sessions") continue;
      await sql`DELETE FROM ${sql.table(table)} WHERE provider_id = ${providerId}`.execute(trx);
    }
    // Mail to the old address that has not left yet, and copies of what did: they hold the address and names.
    await trx.deleteFrom("outbox_messages").where(sql<boolean>`lower(to_address) = lower(${provider.email})`).execute();
    await destroyAllSessions(trx, providerId);
    return { uploads, videos, awaitingPackageIds: awaiting.map((row) => row.id) };
  });

  // The old checkout links of unpaid packages must not take money any more.
  await cancelPackagePayments(db, files.awaitingPackageIds);

  await removePhotoFiles(uploadsDir, files.uploads.filter((upload) => upload.kind === "photo").map((upload) => upload.id));
  await deletePriceListFiles(uploadsDir, files.uploads.filter((upload) => upload.kind === "price_list").map((upload) => upload.id));
  for (const video of files.videos) {
    await fs.rm(videoFilePath(uploadsDir, video.id, video.content_type), { force: true });
    await fs.rm(path.join(path.dirname(videoFilePath(uploadsDir, video.id, video.content_type)), `${video.id}.vtt`), { force: true });
  }
  return { deleted: true };
}
