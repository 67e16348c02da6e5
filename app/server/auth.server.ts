import { sql } from "kysely";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { database } from "./db.server";
import { verifyPassword } from "./passwords.server";

/** Thrown for any failed sign-in; the page never says whether the e-mail address exists. */
export class InvalidCredentialsError extends Error {
  override name = "InvalidCredentialsError";
}

/** Provider sign-in: e-mail (case-insensitive) and password; resolves to the provider id. */
export const authenticator = new Authenticator<number>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get("email") ?? "").trim().toLowerCase();
    const password = String(form.get("password") ?? "");
    const provider = email
      ? await database()
          .db.selectFrom("providers")
          .select(["id", "password_hash"])
          .where(sql<string>`lower(email)`, "=", email)
          .executeTakeFirst()
      : undefined;
    // Always verify, also for an unknown address, so both take the same time.
    const valid = await verifyPassword(provider?.password_hash ?? null, password);
    if (!provider || !valid) throw new InvalidCredentialsError();
    return provider.id;
  }),
  "provider-password",
);
