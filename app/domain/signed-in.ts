import type { ProviderStatus } from "#db/schema";

/** The header's link to someone's own pages. */
export type OwnPagesLink = { label: string; href: string };

/** Whoever is signed in, as the site header shows them. */
export type SignedInPerson = { firstName: string; ownPages: OwnPagesLink };

/** Not online yet: the provider is still filling in the wizard or has not paid. */
const SIGNING_UP: ReadonlySet<ProviderStatus> = new Set(["draft", "awaiting_payment"]);

/**
 * A provider still signing up goes on with the wizard; once online (also when
 * paused or taken offline by staff) their own pages are the backoffice.
 */
export function ownPagesLink(account: { kind: "staff" } | { kind: "provider"; status: ProviderStatus }): OwnPagesLink {
  if (account.kind === "staff") return { label: "Beheer", href: "/beheer" };
  return SIGNING_UP.has(account.status)
    ? { label: "Mijn aanmelding", href: "/aanmelden/verder" }
    : { label: "Mijn Vivium", href: "/backoffice" };
}
