/**
 * Profile views and search appearances per provider per day, for the
 * provider's dashboard. Counting must cost a page view nothing: a request only
 * adds to a counter in memory, and a timer writes all counters in one
 * transaction every few seconds (and at shutdown via the returned stop()).
 * Bots (by user agent, with isbot) and requests without a user agent are not
 * counted. A crash loses at most the last few seconds of counts.
 *
 * The counters live on globalThis: server.ts and the Remix build each have
 * their own copy of this module, and both must see the same counters.
 */
import { isbot } from "isbot";
import { sql } from "kysely";
import type { Db } from "./db.server";

export const STATS_FLUSH_INTERVAL_MS = 5_000;

type Counts = { profileViews: number; searchAppearances: number };
/** `${providerId}|${day}` → counts not yet written. */
type Pending = Map<string, Counts>;

const globalKey = Symbol.for("vivium.stats.pending");
type GlobalWithStats = typeof globalThis & { [globalKey]?: Pending };

function pending(): Pending {
  const g = globalThis as GlobalWithStats;
  g[globalKey] ??= new Map();
  return g[globalKey];
}

const amsterdamDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in the Netherlands, `YYYY-MM-DD`: a view at 00:30 on 1 March in Amsterdam counts for 1 March. */
export function amsterdamDay(at: Date): string {
  return amsterdamDate.format(at);
}

/** A person, as far as the user agent tells: not a known bot, and not empty. */
export function isCountableVisitor(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim() ?? "";
  return ua !== "" && !isbot(ua);
}

function add(providerId: number, at: Date, field: keyof Counts): void {
  const key = `${providerId}|${amsterdamDay(at)}`;
  const map = pending();
  const counts = map.get(key) ?? { profileViews: 0, searchAppearances: 0 };
  counts[field] += 1;
  map.set(key, counts);
}

/** One view of a public profile. Returns whether it was counted. */
export function recordProfileView(providerId: number, userAgent: string | null | undefined, at = new Date()): boolean {
  if (!isCountableVisitor(userAgent)) return false;
  add(providerId, at, "profileViews");
  return true;
}

/** One search results page that listed these providers; each counts once per page. */
export function recordSearchAppearances(providerIds: readonly number[], userAgent: string | null | undefined, at = new Date()): boolean {
  if (!isCountableVisitor(userAgent)) return false;
  for (const providerId of new Set(providerIds)) add(providerId, at, "searchAppearances");
  return true;
}

/** How many counters wait to be written (for tests). */
export function pendingStatsCount(): number {
  return pending().size;
}

/**
 * Writes every pending counter in one transaction, adding to what the day
 * already has. Counters of providers deleted in the meantime are dropped.
 * If the write fails, the counts go back into memory for the next attempt.
 * Returns the number of provider-days written.
 */
export async function flushStats(db: Db): Promise<number> {
  const map = pending();
  if (map.size === 0) return 0;
  const batch = [...map.entries()];
  map.clear();
  const rows = batch.map(([key, counts]) => {
    const [id, day] = key.split("|") as [string, string];
    return { provider_id: Number(id), day, profile_views: counts.profileViews, search_appearances: counts.searchAppearances };
  });
  try {
    return await db.transaction().execute(async (trx) => {
      const ids = [...new Set(rows.map((r) => r.provider_id))];
      const existing = new Set(
        (await trx.selectFrom("providers").select("id").where("id", "in", ids).execute()).map((r) => r.id),
      );
      const live = rows.filter((r) => existing.has(r.provider_id));
      // SQLite allows 32,766 variables; 4 per row, so chunks of 1,000 rows stay far below.
      for (let i = 0; i < live.length; i += 1000) {
        await trx
          .insertInto("provider_daily_stats")
          .values(live.slice(i, i + 1000))
          .onConflict((oc) =>
            oc.columns(["provider_id", "day"]).doUpdateSet({
              profile_views: sql`profile_views + excluded.profile_views`,
              search_appearances: sql`search_appearances + excluded.search_appearances`,
            }),
          )
          .execute();
      }
      return live.length;
    });
  } catch (error) {
    for (const [key, counts] of batch) {
      const current = map.get(key) ?? { profileViews: 0, searchAppearances: 0 };
      current.profileViews += counts.profileViews;
      current.searchAppearances += counts.searchAppearances;
      map.set(key, current);
    }
    throw error;
  }
}

/**
 * Flushes every few seconds until stopped; stop() writes what is left. server.ts
 * calls this once at start-up and stop() on shutdown, before closing the database.
 */
export function startStatsFlusher(
  db: Db,
  { intervalMs = STATS_FLUSH_INTERVAL_MS, log = console }: { intervalMs?: number; log?: Pick<Console, "info" | "error"> } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(async () => {
        const started = Date.now();
        const rows = await flushStats(db);
        if (rows > 0) log.info(`stats: wrote ${rows} daily count(s)`, { rows, ms: Date.now() - started });
      })
      .catch((error: unknown) => log.error("stats: writing the daily counts failed", error));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await running;
    },
  };
}
