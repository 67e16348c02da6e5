import { ownPagesLink, type SignedInPerson } from "~/domain/signed-in";
import { database } from "./db.server";
import { getProviderSession } from "./session.server";
import { getStaff } from "./staff-session.server";

/** Who is signed in, for the site header on every page; null for a visitor. */
export async function findSignedInPerson(request: Request): Promise<SignedInPerson | null> {
  const session = await getProviderSession(request);
  if (!session) {
    const staff = await getStaff(request);
    return staff ? { firstName: staff.name, ownPages: ownPagesLink({ kind: "staff" }) } : null;
  }
  const provider = await database()
    .db.selectFrom("providers")
    .select(["first_name", "status"])
    .where("id", "=", session.providerId)
    .executeTakeFirst();
  return provider ? { firstName: provider.first_name, ownPages: ownPagesLink({ kind: "provider", status: provider.status }) } : null;
}
