import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CONTACT } from "~/domain/contact";
import { firstUnfinishedStep } from "~/domain/wizard";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import { parseCompletedSteps } from "~/server/wizard.server";

export const meta: MetaFunction = () => [{ title: "Overzicht — Mijn omgeving — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const provider = await database()
    .db.selectFrom("providers")
    .select(["first_name", "completed_steps"])
    .where("id", "=", providerId)
    .executeTakeFirstOrThrow();
  return {
    firstName: provider.first_name,
    signupUnfinished: firstUnfinishedStep(parseCompletedSteps(provider.completed_steps)) !== null,
  };
}

export default function BackofficeHome() {
  const { firstName, signupUnfinished } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Welkom, {firstName}</h1>
      <p className="lead">Dit is uw eigen omgeving bij Vivium Services. Hier vindt u alles over uw deelname.</p>
      {signupUnfinished ? (
        <div className="notice">
          <p>
            <strong>Uw aanmelding is nog niet af.</strong> Vul de laatste stappen in, dan kunnen klanten u vinden.
          </p>
          <p>
            <Link to="/aanmelden/verder" className="button">
              Verder met mijn aanmelding
            </Link>
          </p>
        </div>
      ) : null}
      <h2>Wat wilt u doen?</h2>
      <ul className="backoffice-links">
        <li>
          <Link to="/backoffice/pakket">Pakket en facturen</Link>: uw promotiepakket, betalen en uw facturen als PDF.
        </li>
        <li>
          <Link to="/pakketten">Bekijk alle promotiepakketten</Link>: wat elk pakket bevat en kost.
        </li>
      </ul>
      <p>
        Vragen? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
      </p>
    </>
  );
}
