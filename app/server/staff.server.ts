import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { checkPassword } from "~/domain/password";
import { recordStaffAction, type StaffActor } from "./audit.server";
import type { Db } from "./db.server";
import { hashPassword } from "./passwords.server";

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

export class StaffAccountError extends Error {
  override name = "StaffAccountError";
  constructor(
    readonly field: "email" | "name" | "password",
    message: string,
  ) {
    super(message);
  }
}

export type NewStaff = { email: string; name: string; password: string };

/** Checks and normalises a new staff account's details; throws StaffAccountError with what to fix. */
export function normaliseNewStaff(input: NewStaff): NewStaff {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim().replace(/\s+/g, " ");
  if (!EMAIL.test(email) || email.length > 254) throw new StaffAccountError("email", "Vul een geldig e-mailadres in, zoals naam@viviumservices.nl.");
  if (name.length < 2 || name.length > 100) throw new StaffAccountError("name", "Vul een naam in van 2 tot 100 tekens.");
  const problem = checkPassword(input.password);
  if (problem) throw new StaffAccountError("password", problem);
  return { email, name, password: input.password };
}

/**
 * Creates a staff account. With an actor (a staff member adding a colleague
 * in /beheer/medewerkers) the creation is recorded in the audit log; the
 * command line and the demo seed have no actor.
 */
export async function createStaff(db: Db, input: NewStaff, actor: StaffActor | null = null, now = new Date()): Promise<number> {
  const staff = normaliseNewStaff(input);
  const passwordHash = await hashPassword(staff.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("staff").select("id").where(sql<string>`lower(email)`, "=", staff.email).executeTakeFirst();
    if (taken) throw new StaffAccountError("email", "Er is al een medewerker met dit e-mailadres.");
    const at = now.toISOString();
    const row = await trx
      .insertInto("staff")
      .values({ email: staff.email, name: staff.name, password_hash: passwordHash, created_by: actor?.id ?? null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (actor) {
      await recordStaffAction(
        trx,
        actor,
        { action: "staff.create", entityType: "staff", entityId: row.id, newValues: { name: staff.name, email: staff.email } },
        now,
      );
    }
    return row.id;
  });
}

/** A password that passes the rules, for `staff:create` without a terminal: 20 characters from a 57-letter alphabet. */
export function generatePassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = randomBytes(40);
  let out = "";
  for (const byte of bytes) {
    // Rejection sampling keeps every letter equally likely.
    if (byte >= alphabet.length * 4) continue;
    out += alphabet[byte % alphabet.length];
    if (out.length === 20) break;
  }
  return out.length === 20 ? out : generatePassword();
}

export async function listStaff(db: Db) {
  return db
    .selectFrom("staff as s")
    .leftJoin("staff as c", "c.id", "s.created_by")
    .select(["s.id", "s.name", "s.email", "s.active", "s.created_at", "c.name as created_by_name"])
    .orderBy("s.name")
    .execute();
}

/** The demo console account (README: demo accounts). */
export const DEMO_STAFF = { email: "beheer@demo.viviumservices.nl", name: "Demo Medewerker" } as const;
