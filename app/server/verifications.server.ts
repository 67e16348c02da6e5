import type { VerificationKey } from "~/domain/verification";
import type { Db } from "./db.server";

/** The ticked verification checks of each provider. */
export async function verificationKeysFor(db: Db, providerIds: readonly number[]): Promise<Map<number, Set<VerificationKey>>> {
  const result = new Map<number, Set<VerificationKey>>();
  if (providerIds.length === 0) return result;
  const rows = await db
    .selectFrom("provider_verifications")
    .select(["provider_id", "check_key"])
    .where("provider_id", "in", [...providerIds])
    .execute();
  for (const row of rows) {
    const keys = result.get(row.provider_id) ?? new Set<VerificationKey>();
    keys.add(row.check_key);
    result.set(row.provider_id, keys);
  }
  return result;
}

/** Provider ids with an approved introduction video. */
export async function providersWithApprovedVideo(db: Db, providerIds: readonly number[]): Promise<Set<number>> {
  if (providerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("provider_videos")
    .select("provider_id")
    .distinct()
    .where("provider_id", "in", [...providerIds])
    .where("status", "=", "approved")
    .execute();
  return new Set(rows.map((row) => row.provider_id));
}
