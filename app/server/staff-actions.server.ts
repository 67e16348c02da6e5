import { providerRepublishedMail, providerSuspendedMail } from "~/domain/mail/staff-templates";
import type { VerificationKey } from "~/domain/verification";
import { recordStaffAction, type StaffActor } from "./audit.server";
import type { Db } from "./db.server";
import { enqueueMail } from "./outbox.server";
import { approveVideo, rejectVideo } from "./videos.server";

/**
 * What staff do to one provider from /beheer/dienstverleners/:id. Each
 * change and its audit entry are written in one transaction. Each returns
 * false when there was nothing to change (already ticked, not live, …), so
 * the page can say so and no empty entry is logged.
 */

export async function setVerification(db: Db, actor: StaffActor, providerId: number, key: VerificationKey, checked: boolean, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("provider_verifications")
      .select(["checked_at"])
      .where("provider_id", "=", providerId)
      .where("check_key", "=", key)
      .executeTakeFirst();
    if (checked === Boolean(existing)) return false;
    if (checked) {
      await trx.insertInto("provider_verifications").values({ provider_id: providerId, check_key: key, checked_by: actor.id, checked_at: now.toISOString() }).execute();
    } else {
      await trx.deleteFrom("provider_verifications").where("provider_id", "=", providerId).where("check_key", "=", key).execute();
    }
    await recordStaffAction(
      trx,
      actor,
      {
        action: checked ? "verification.check" : "verification.uncheck",
        entityType: "provider",
        entityId: providerId,
        providerId,
        oldValues: { [key]: Boolean(existing) },
        newValues: { [key]: checked },
      },
      now,
    );
    return true;
  });
}

export async function addIntakeNote(db: Db, actor: StaffActor, providerId: number, body: string, now = new Date()): Promise<number> {
  const text = body.trim();
  if (!text) throw new TypeError("an intake note needs text");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("provider_intake_notes")
      .values({ provider_id: providerId, staff_id: actor.id, body: text, created_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordStaffAction(trx, actor, { action: "intake_note.add", entityType: "intake_note", entityId: row.id, providerId, newValues: { body: text } }, now);
    return row.id;
  });
}

/**
 * Takes a live (or paused) provider offline: out of search and the profile
 * at once, since both only show live and paused providers. The provider is
 * told why by e-mail, in the same transaction.
 */
export async function suspendProvider(db: Db, actor: StaffActor, providerId: number, reason: string, now = new Date()): Promise<boolean> {
  const text = reason.trim();
  if (!text) throw new TypeError("suspending needs a reason");
  return db.transaction().execute(async (trx) => {
    const provider = await trx
      .selectFrom("providers")
      .select(["status", "email", "first_name"])
      .where("id", "=", providerId)
      .executeTakeFirst();
    if (!provider || (provider.status !== "live" && provider.status !== "paused")) return false;
    const at = now.toISOString();
    await trx.updateTable("providers").set({ status: "suspended", suspended_reason: text, suspended_at: at, updated_at: at }).where("id", "=", providerId).execute();
    await enqueueMail(trx, { to: provider.email, dedupeKey: `provider-suspended:${providerId}:${at}`, ...providerSuspendedMail({ firstName: provider.first_name, reason: text }) });
    await recordStaffAction(
      trx,
      actor,
      {
        action: "provider.suspend",
        entityType: "provider",
        entityId: providerId,
        providerId,
        oldValues: { status: provider.status },
        newValues: { status: "suspended", suspended_reason: text },
      },
      now,
    );
    return true;
  });
}

/** Puts a suspended provider back online (status 'live') and tells them. */
export async function republishProvider(db: Db, actor: StaffActor, providerId: number, baseUrl: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const provider = await trx
      .selectFrom("providers")
      .select(["status", "email", "first_name", "slug", "suspended_reason"])
      .where("id", "=", providerId)
      .executeTakeFirst();
    if (!provider || provider.status !== "suspended" || !provider.slug) return false;
    const at = now.toISOString();
    await trx.updateTable("providers").set({ status: "live", suspended_reason: null, suspended_at: null, updated_at: at }).where("id", "=", providerId).execute();
    await enqueueMail(trx, {
      to: provider.email,
      dedupeKey: `provider-republished:${providerId}:${at}`,
      ...providerRepublishedMail({ firstName: provider.first_name, profileUrl: `${baseUrl}/dienstverlener/${provider.slug}` }),
    });
    await recordStaffAction(
      trx,
      actor,
      {
        action: "provider.republish",
        entityType: "provider",
        entityId: providerId,
        providerId,
        oldValues: { status: "suspended", suspended_reason: provider.suspended_reason },
        newValues: { status: "live" },
      },
      now,
    );
    return true;
  });
}

async function waitingVideoId(db: Db, providerId: number): Promise<string | null> {
  const row = await db.selectFrom("provider_videos").select("id").where("provider_id", "=", providerId).where("status", "=", "pending").executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Approves the waiting introduction video and ticks "introductievideo
 * goedgekeurd". approveVideo (videos.server.ts) runs its own transaction and
 * removes the replaced video's files afterwards, so the tick and the audit
 * entry follow in a second transaction straight after it.
 */
export async function approveProviderVideo(db: Db, actor: StaffActor, providerId: number, uploadsDir: string, now = new Date()): Promise<boolean> {
  const videoId = await waitingVideoId(db, providerId);
  if (!videoId) return false;
  if (!(await approveVideo(db, providerId, actor.name, uploadsDir, now))) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("provider_verifications")
      .values({ provider_id: providerId, check_key: "video_approved", checked_by: actor.id, checked_at: now.toISOString() })
      .onConflict((oc) => oc.columns(["provider_id", "check_key"]).doUpdateSet({ checked_by: actor.id, checked_at: now.toISOString() }))
      .execute();
    await recordStaffAction(
      trx,
      actor,
      { action: "video.approve", entityType: "video", entityId: videoId, providerId, oldValues: { status: "pending" }, newValues: { status: "approved", video_approved: true } },
      now,
    );
  });
  return true;
}

export async function rejectProviderVideo(db: Db, actor: StaffActor, providerId: number, reason: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const videoId = await waitingVideoId(trx, providerId);
    if (!videoId || !(await rejectVideo(trx, providerId, reason, actor.name, now))) return false;
    await recordStaffAction(
      trx,
      actor,
      { action: "video.reject", entityType: "video", entityId: videoId, providerId, oldValues: { status: "pending" }, newValues: { status: "rejected", rejection_reason: reason.trim() } },
      now,
    );
    return true;
  });
}
