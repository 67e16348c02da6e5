import { sql, type Selectable } from "kysely";
import type { MemberCsvProblem, MemberCsvRow } from "~/domain/member-csv";
import { normaliseMemberNumber } from "~/domain/member-number";
import type { MembersTable } from "#db/schema";
import { recordStaffAction, type StaffActor } from "./audit.server";
import type { Db } from "./db.server";

/**
 * The member registry: the lidnummers of Vivium members. A contact request
 * with an active lidnummer is marked as from a member, so the provider knows
 * the member price applies. Staff keep the list (the console comes later);
 * a member who leaves is deactivated rather than deleted, because old
 * requests still point at the row.
 */

export type Member = Selectable<MembersTable>;

export type MemberLookup = { ok: true; member: Member } | { ok: false; reason: "invalid" | "unknown" | "inactive" };

/** Looks a typed lidnummer up: only an existing, active member is `ok`. */
export async function findActiveMember(db: Db, typed: string): Promise<MemberLookup> {
  const number = normaliseMemberNumber(typed);
  if (number === null) return { ok: false, reason: "invalid" };
  const member = await db.selectFrom("members").selectAll().where("number", "=", number).executeTakeFirst();
  if (!member) return { ok: false, reason: "unknown" };
  if (member.active !== 1) return { ok: false, reason: "inactive" };
  return { ok: true, member };
}

export class MemberNumberError extends Error {
  override name = "MemberNumberError";
}

/**
 * Adds a lidnummer (normalised), or makes an existing one active again with
 * the new name. Throws MemberNumberError for a number that cannot be one.
 */
export async function addMember(db: Db, typed: string, name: string | null = null, now = new Date()): Promise<Member> {
  const number = normaliseMemberNumber(typed);
  if (number === null) throw new MemberNumberError(`Not a lidnummer: ${typed}`);
  const at = now.toISOString();
  return db
    .insertInto("members")
    .values({ number, name, active: 1, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column("number").doUpdateSet({ active: 1, name, updated_at: at }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks a lidnummer inactive; false when there is no such member. */
export async function deactivateMember(db: Db, typed: string, now = new Date()): Promise<boolean> {
  const number = normaliseMemberNumber(typed);
  if (number === null) return false;
  const result = await db
    .updateTable("members")
    .set({ active: 0, updated_at: now.toISOString() })
    .where("number", "=", number)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * For the staff console: members whose number starts with, or whose name
 * contains, what was typed; active ones first, then by number.
 */
export async function searchMembers(db: Db, query: string, limit = 50, offset = 0): Promise<Member[]> {
  return memberQuery(db, query).selectAll().orderBy("active", "desc").orderBy("number").limit(limit).offset(offset).execute();
}

/** How many members searchMembers finds in all, for the pages of the staff list. */
export async function countMembers(db: Db, query: string): Promise<number> {
  const row = await memberQuery(db, query).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return row.n;
}

function memberQuery(db: Db, query: string) {
  const text = query.trim();
  let select = db.selectFrom("members");
  if (text !== "") {
    const escape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
    const numberPrefix = `${escape(text.replace(/[\s\-./]/g, "").toUpperCase())}%`;
    const namePart = `%${escape(text.toLowerCase())}%`;
    select = select.where(
      sql<boolean>`(number LIKE ${numberPrefix} ESCAPE '\\' OR lower(coalesce(name, '')) LIKE ${namePart} ESCAPE '\\')`,
    );
  }
  return select;
}

export type MemberImportReport = {
  added: Array<{ line: number; number: string }>;
  updated: Array<{ line: number; number: string }>;
  unchanged: Array<{ line: number; number: string }>;
  invalid: MemberCsvProblem[];
};

/** What the page shows after an import; kept in the summary audit entry, so the report survives the redirect. */
export type StoredImportReport = {
  fileName: string;
  counts: { added: number; updated: number; unchanged: number; invalid: number };
  added: Array<{ line: number; number: string }>;
  updated: Array<{ line: number; number: string }>;
  invalid: MemberCsvProblem[];
};

// A big file's report lists this many lines per kind; the counts are always complete.
const REPORT_LIST_MAX = 500;

/**
 * Staff import a member list (parsed by parseMemberCsv): new numbers are
 * added, known ones get the file's name and active state. A row without a
 * name leaves the stored name alone. Importing the same file again changes
 * nothing and reports every row as unchanged. Each added or changed member
 * is one audit entry with its old and new values, in the same transaction.
 */
export async function importMembers(
  db: Db,
  actor: StaffActor,
  parsed: { rows: MemberCsvRow[]; invalid: MemberCsvProblem[] },
  fileName: string,
  now = new Date(),
): Promise<MemberImportReport & { reportId: number }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const report: MemberImportReport = { added: [], updated: [], unchanged: [], invalid: parsed.invalid };
    for (const row of parsed.rows) {
      const existing = await trx.selectFrom("members").selectAll().where("number", "=", row.number).executeTakeFirst();
      const active = row.active ? 1 : 0;
      if (!existing) {
        const inserted = await trx
          .insertInto("members")
          .values({ number: row.number, name: row.name, active, created_at: at, updated_at: at })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordStaffAction(
          trx,
          actor,
          { action: "member.import", entityType: "member", entityId: inserted.id, newValues: { number: row.number, name: row.name, active: row.active } },
          now,
        );
        report.added.push({ line: row.line, number: row.number });
        continue;
      }
      const name = row.name ?? existing.name;
      if (existing.name === name && existing.active === active) {
        report.unchanged.push({ line: row.line, number: row.number });
        continue;
      }
      await trx.updateTable("members").set({ name, active, updated_at: at }).where("id", "=", existing.id).execute();
      const oldValues: Record<string, unknown> = {};
      const newValues: Record<string, unknown> = {};
      if (existing.name !== name) {
        oldValues.name = existing.name;
        newValues.name = name;
      }
      if (existing.active !== active) {
        oldValues.active = existing.active === 1;
        newValues.active = row.active;
      }
      await recordStaffAction(
        trx,
        actor,
        { action: "member.import", entityType: "member", entityId: existing.id, oldValues: { number: row.number, ...oldValues }, newValues: { number: row.number, ...newValues } },
        now,
      );
      report.updated.push({ line: row.line, number: row.number });
    }
    const stored: StoredImportReport = {
      fileName,
      counts: { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length, invalid: report.invalid.length },
      added: report.added.slice(0, REPORT_LIST_MAX),
      updated: report.updated.slice(0, REPORT_LIST_MAX),
      invalid: report.invalid.slice(0, REPORT_LIST_MAX),
    };
    await recordStaffAction(trx, actor, { action: "member.import_file", entityType: "member", entityId: null, newValues: stored }, now);
    const { id } = await trx
      .selectFrom("audit_log")
      .select("id")
      .where("staff_id", "=", actor.id)
      .where("action", "=", "member.import_file")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return { ...report, reportId: id };
  });
}

/** The report of an import by the audit entry it is stored in; null for anything else. */
export async function findImportReport(db: Db, reportId: number): Promise<(StoredImportReport & { staffName: string; createdAt: string }) | null> {
  const row = await db
    .selectFrom("audit_log")
    .select(["new_values", "staff_name", "created_at"])
    .where("id", "=", reportId)
    .where("action", "=", "member.import_file")
    .executeTakeFirst();
  if (!row?.new_values) return null;
  return { ...(JSON.parse(row.new_values) as StoredImportReport), staffName: row.staff_name, createdAt: row.created_at };
}

export type StaffAddMemberResult = { kind: "added" | "reactivated" | "updated" | "unchanged"; member: Member };

/** Staff add one lidnummer (already normalised by the form), or update the name and activate a known one. */
export async function staffAddMember(db: Db, actor: StaffActor, input: { number: string; name: string | null }, now = new Date()): Promise<StaffAddMemberResult> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("members").selectAll().where("number", "=", input.number).executeTakeFirst();
    const name = input.name ?? existing?.name ?? null;
    if (existing && existing.name === name && existing.active === 1) return { kind: "unchanged", member: existing };
    const member = await addMember(trx, input.number, name, now);
    await recordStaffAction(
      trx,
      actor,
      {
        action: existing ? "member.update" : "member.add",
        entityType: "member",
        entityId: member.id,
        oldValues: existing ? { number: existing.number, name: existing.name, active: existing.active === 1 } : null,
        newValues: { number: member.number, name: member.name, active: true },
      },
      now,
    );
    return { kind: existing ? (existing.active === 1 ? "updated" : "reactivated") : "added", member };
  });
}

/** Staff deactivate or activate a member by id; null when there is no such member. */
export async function setMemberActive(db: Db, actor: StaffActor, memberId: number, active: boolean, now = new Date()): Promise<Member | null> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("members").selectAll().where("id", "=", memberId).executeTakeFirst();
    if (!existing) return null;
    if ((existing.active === 1) === active) return existing;
    const member = await trx
      .updateTable("members")
      .set({ active: active ? 1 : 0, updated_at: now.toISOString() })
      .where("id", "=", memberId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStaffAction(
      trx,
      actor,
      {
        action: active ? "member.activate" : "member.deactivate",
        entityType: "member",
        entityId: memberId,
        oldValues: { number: existing.number, active: existing.active === 1 },
        newValues: { number: existing.number, active },
      },
      now,
    );
    return member;
  });
}
