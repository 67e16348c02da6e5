import { sql } from "kysely";
import type { AanmeldingValues } from "~/domain/signup-schemas";
import { withCompletedStep } from "~/domain/wizard";
import type { Db } from "./db.server";
import { hashPassword } from "./passwords.server";

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

export async function emailIsTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom("providers").select("id").where(sql<string>`lower(email)`, "=", email.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

/** Step 1: the account itself. The e-mail address is the login name. */
export async function createProviderAccount(db: Db, values: AanmeldingValues, now = new Date()): Promise<number> {
  const passwordHash = await hashPassword(values.password);
  const iso = now.toISOString();
  try {
    const row = await db
      .insertInto("providers")
      .values({
        email: values.email,
        password_hash: passwordHash,
        first_name: values.firstName,
        offerings: JSON.stringify(values.offerings),
        heard_from: values.heardFrom,
        terms_accepted_at: iso,
        completed_steps: JSON.stringify(withCompletedStep([], "aanmelding")),
        created_at: iso,
        updated_at: iso,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    // Two signups with the same address at the same moment: the unique index decides.
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) throw new EmailTakenError();
    throw error;
  }
}

export function parseJsonList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
