import { sql } from "kysely";
import { isPaused, lastPausedDay, pauseEndsAt } from "~/domain/pause";
import type { Db } from "./db.server";

/**
 * The provider's pause switch (app/domain/pause.ts has the rules). A pause
 * with a last day ends by itself: every query compares `paused_until` with
 * the current time.
 */

/**
 * SQL: the provider with table alias `alias` is not paused at `now`. For the
 * search and category queries, next to their `status = 'live'`.
 */
export function notPausedSql(alias: string, now = new Date()) {
  return sql<boolean>`(${sql.ref(`${alias}.paused_at`)} IS NULL OR ${sql.ref(`${alias}.paused_until`)} <= ${now.toISOString()})`;
}

export type PauseState = { paused: false } | { paused: true; since: string; lastDay: string | null };

export async function pauseState(db: Db, providerId: number, now = new Date()): Promise<PauseState> {
  const row = await db.selectFrom("providers").select(["paused_at", "paused_until"]).where("id", "=", providerId).executeTakeFirstOrThrow();
  if (!isPaused(row, now) || row.paused_at === null) return { paused: false };
  return { paused: true, since: row.paused_at, lastDay: row.paused_until === null ? null : lastPausedDay(row.paused_until) };
}

/** Pauses from now (an ongoing pause keeps its start) until the end of `lastDay`, or until resumed. */
export async function pauseProvider(db: Db, providerId: number, lastDay: string | null, now = new Date()): Promise<void> {
  const current = await pauseState(db, providerId, now);
  await db
    .updateTable("providers")
    .set({
      paused_at: current.paused ? current.since : now.toISOString(),
      paused_until: lastDay === null ? null : pauseEndsAt(lastDay),
      updated_at: now.toISOString(),
    })
    .where("id", "=", providerId)
    .execute();
}

export async function resumeProvider(db: Db, providerId: number, now = new Date()): Promise<void> {
  await db.updateTable("providers").set({ paused_at: null, paused_until: null, updated_at: now.toISOString() }).where("id", "=", providerId).execute();
}
