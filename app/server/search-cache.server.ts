import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import type { Db } from "./db.server";

/**
 * Result pages kept in memory per database: the same postcode (or words and
 * place) with the same filters asked again gives its page of ids, their
 * distances and the total without a search. Cards are built fresh every
 * time, so prices, photos, reviews and badges never come from here.
 *
 * An answer is kept only while nothing it rests on has changed:
 * - search_index_state (migrations 0016 and 0018) counts every write to the
 *   text index (name, categories, services, texts, going live or offline)
 *   and every change of werkgebied, its places, dagdelen or a pause, by
 *   triggers, also when another process writes; one row read per search;
 * - a pause with a last day ends by the clock, not by a write: the kept
 *   answers are forgotten at the first moment a pause ends.
 * Bounded in entries, so odd queries cannot grow it without limit.
 */

const MAX_ENTRIES = 5000;

type Kept<T extends object> = { state: string; validUntil: number; pages: LRUCache<string, T> };

const kept = new WeakMap<Db, Kept<object>>();

async function currentState(db: Db): Promise<string> {
  const row = await sql<{ version: number; results_version: number }>`SELECT version, results_version FROM search_index_state WHERE id = 1`.execute(db);
  const state = row.rows[0];
  return state ? `${state.version}:${state.results_version}` : "none";
}

/** When the first pause that is running now ends by itself (partial index of 0012); Infinity if none does. */
async function nextPauseEnd(db: Db, now: Date): Promise<number> {
  const row = await sql<{ next: string | null }>`
    SELECT min(paused_until) AS next FROM providers WHERE paused_at IS NOT NULL AND paused_until > ${now.toISOString()}`.execute(db);
  const next = row.rows[0]?.next;
  return next ? Date.parse(next) : Number.POSITIVE_INFINITY;
}

/** The kept answer for `key`, or `compute`'s, kept for next time. */
export async function keptAnswer<T extends object>(db: Db, key: string, compute: () => Promise<T>, now = new Date()): Promise<T> {
  const state = await currentState(db);
  let entry = kept.get(db) as unknown as Kept<T> | undefined;
  if (!entry || entry.state !== state || now.getTime() >= entry.validUntil) {
    entry = { state, validUntil: await nextPauseEnd(db, now), pages: new LRUCache<string, T>({ max: MAX_ENTRIES }) };
    kept.set(db, entry as unknown as Kept<object>);
  }
  const hit = entry.pages.get(key);
  if (hit) return hit;
  const value = await compute();
  entry.pages.set(key, value);
  return value;
}
