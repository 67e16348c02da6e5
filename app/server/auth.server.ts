import { sql } from "kysely";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { database } from "./db.server";
import { verifyPassword } from "./passwords.server";

/** Thrown for any failed sign-in; the page never says whether the e-mail address exists. */
export class InvalidCredentialsError extends Error {
  override name = "InvalidCredentialsError";
}

/** Who signed in: a provider or a staff member (staff land on /beheer). */
export type SignedInAccount = { kind: "provider"; id: number } | { kind: "staff"; id: number };

/**
 * Sign-in for providers and staff on the same page: e-mail (case-insensitive)
 * and password. The provider account is tried first, then the staff account.
 * Both hashes are always verified (a dummy one for a missing account), so
 * every attempt does the same work whichever accounts exist.
 */
export const authenticator = new Authenticator<SignedInAccount>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get("email") ?? "").trim().toLowerCase();
    const password = String(form.get("password") ?? "");
    const { db } = database();
    const provider = email
      ? await db.selectFrom("providers").select(["id", "password_hash"]).where(sql<string>`lower(email)`, "=", email).executeTakeFirst()
      : undefined;
    const staff = email
      ? await db.selectFrom("staff").select(["id", "password_hash"]).where(sql<string>`lower(email)`, "=", email).where("active", "=", 1).executeTakeFirst()
      : undefined;
    // Always verify twice, also for unknown addresses, so all failures take as long.
    const providerValid = await verifyPassword(provider?.password_hash ?? null, password);
    const staffValid = await verifyPassword(staff?.password_hash ?? null, password);
    if (provider && providerValid) return { kind: "provider", id: provider.id } as const;
    if (staff && staffValid) return { kind: "staff", id: staff.id } as const;
    throw new InvalidCredentialsError();
  }),
  "password",
);
