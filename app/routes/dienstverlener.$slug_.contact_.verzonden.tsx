import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CONTACT } from "~/domain/contact";
import { contactPromise } from "~/domain/mail/contact-request-templates";
import { findContactConfirmation } from "~/server/contact-requests.server";
import { database } from "~/server/db.server";

export const meta: MetaFunction = () => [
  { title: "Uw aanvraag is verstuurd — Vivium Services" },
  { name: "robots", content: "noindex" },
];

/** The page after a sent request (post/redirect/get), addressed by the request's random public id. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const publicId = new URL(request.url).searchParams.get("aanvraag") ?? "";
  const confirmation = publicId ? await findContactConfirmation(database().db, params.slug ?? "", publicId) : null;
  if (!confirmation) throw new Response("Niet gevonden", { status: 404 });
  return {
    slug: params.slug ?? "",
    confirmation,
    promise: contactPromise({
      firstName: confirmation.providerFirstName,
      dueDay: confirmation.dueDay,
      contactPreference: confirmation.contactPreference,
      contactMoments: confirmation.contactMoments,
    }),
  };
}

export default function ContactSent() {
  const { slug, confirmation, promise } = useLoaderData<typeof loader>();
  const { providerFirstName: firstName, providerName } = confirmation;
  return (
    <section aria-labelledby="sent-title" className="contact-page">
      <h1 id="sent-title">Uw aanvraag is verstuurd</h1>
      <p className="notice notice--success">
        Dank u wel. Wij hebben uw gegevens doorgegeven aan {providerName}.
        {confirmation.mailed ? " U krijgt van ons ook een bevestiging per e-mail." : ""}
      </p>
      <h2>Wat gebeurt er nu?</h2>
      <ol className="contact-page__next">
        <li>{promise}</li>
        <li>Samen spreekt u af wat u nodig heeft, wanneer, en wat het kost. U zit nergens aan vast.</li>
        {confirmation.member ? <li>U heeft uw lidnummer opgegeven: als lid van Vivium betaalt u de ledenprijs.</li> : null}
      </ol>
      <p>
        Hoort u niets? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a> ({CONTACT.hoursShort}) of mail naar{" "}
        <a href={`mailto:${CONTACT.email}`}>{CONTACT.email}</a>. Wij helpen u dan verder.
      </p>
      <p>
        <Link to={`/dienstverlener/${slug}`}>Terug naar het profiel van {firstName}</Link>
      </p>
      <p>
        <Link to="/">Naar de startpagina</Link>
      </p>
    </section>
  );
}
