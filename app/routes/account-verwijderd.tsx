import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CONTACT } from "~/domain/contact";

export const meta: MetaFunction = () => [{ title: "Uw account is verwijderd — Vivium Services" }];

/** Shown once the account is gone; the visitor has no session any more. */
export default function AccountDeleted() {
  return (
    <>
      <h1>Uw account is verwijderd</h1>
      <p className="lead">
        Uw profiel staat niet meer op Vivium Services en uw persoonlijke gegevens zijn gewist. U bent op al uw apparaten
        uitgelogd.
      </p>
      <p>
        Uw facturen en betalingen bewaren wij zolang de wet dat verplicht. Heeft u daar een vraag over? Bel ons op{" "}
        <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
      </p>
      <p>
        <Link to="/">Naar de homepage</Link>
      </p>
    </>
  );
}
