/**
 * "De video tool werkt niet" reports as staff handle them: nieuw, then
 * opgepakt when someone takes it on, then opgelost.
 */
import type { VideoReportStatus } from "~/domain/video-report";
import type { Db } from "./db.server";
import { recordStaffAction, type StaffActor } from "./audit.server";
import { displayName } from "./providers.server";

export type StaffVideoReport = {
  id: number;
  providerId: number;
  providerName: string;
  providerEmail: string;
  providerPhone: string | null;
  description: string;
  userAgent: string | null;
  clientDetails: string | null;
  status: VideoReportStatus;
  createdAt: string;
  updatedAt: string;
};

/** Open reports first (nieuw, then opgepakt), then solved ones; newest first within each. */
export async function listVideoReports(db: Db, limit = 100): Promise<StaffVideoReport[]> {
  const rows = await db
    .selectFrom("video_tool_reports as v")
    .innerJoin("providers as p", "p.id", "v.provider_id")
    .select([
      "v.id",
      "v.provider_id",
      "v.description",
      "v.user_agent",
      "v.client_details",
      "v.status",
      "v.created_at",
      "v.updated_at",
      "p.first_name",
      "p.infix",
      "p.last_name",
      "p.email",
      "p.phone",
    ])
    .orderBy((eb) => eb.case().when("v.status", "=", "nieuw").then(0).when("v.status", "=", "opgepakt").then(1).else(2).end())
    .orderBy("v.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    providerId: row.provider_id,
    providerName: displayName(row),
    providerEmail: row.email,
    providerPhone: row.phone,
    description: row.description,
    userAgent: row.user_agent,
    clientDetails: row.client_details,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** Sets a report's status; false for an unknown report. Setting the same status again changes and logs nothing. */
export async function setVideoReportStatus(db: Db, actor: StaffActor, reportId: number, status: VideoReportStatus, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("video_tool_reports").select(["provider_id", "status"]).where("id", "=", reportId).executeTakeFirst();
    if (!current) return false;
    if (current.status === status) return true;
    await trx.updateTable("video_tool_reports").set({ status, updated_at: now.toISOString() }).where("id", "=", reportId).execute();
    await recordStaffAction(
      trx,
      actor,
      {
        action: "video_report.status",
        entityType: "video_report",
        entityId: reportId,
        providerId: current.provider_id,
        oldValues: { status: current.status },
        newValues: { status },
      },
      now,
    );
    return true;
  });
}
