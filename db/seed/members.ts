import { sql } from "kysely";
import type { Db } from "~/server/db.server";

/**
 * Demo lidnummers for development and demos (README: demo accounts): ten
 * active members and two who left. Normalised form; people may type them
 * with spaces or dashes (`VIV-100 001`).
 */
export const DEMO_MEMBERS: ReadonlyArray<{ number: string; name: string; active: boolean }> = [
  { number: "VIV100001", name: "Jan Janssen", active: true },
  { number: "VIV100002", name: "Marie de Graaf", active: true },
  { number: "VIV100003", name: "Piet Mulder", active: true },
  { number: "VIV100004", name: "Truus Bos", active: true },
  { number: "VIV100005", name: "Gerrit Visser", active: true },
  { number: "VIV100006", name: "Annie Meijer", active: true },
  { number: "VIV100007", name: "Kees de Wit", active: true },
  { number: "VIV100008", name: "Riek Hendriks", active: true },
  { number: "VIV100009", name: "Henk Peters", active: true },
  { number: "VIV100010", name: "Joke van Leeuwen", active: true },
  { number: "VIV200001", name: "Wim Dekker", active: false },
  { number: "VIV200002", name: "Bep Vos", active: false },
];

/** Adds the demo members to an empty member registry; returns how many were added. */
export async function seedDemoMembers(db: Db, now = new Date()): Promise<number> {
  const existing = await db.selectFrom("members").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  if (existing.n > 0) return 0;
  const at = now.toISOString();
  await db
    .insertInto("members")
    .values(DEMO_MEMBERS.map((m) => ({ number: m.number, name: m.name, active: m.active ? 1 : 0, created_at: at, updated_at: at })))
    .execute();
  return DEMO_MEMBERS.length;
}
