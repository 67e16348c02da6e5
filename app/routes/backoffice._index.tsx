import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DashboardStatistics } from "~/components/dashboard-statistics";
import { PackageDueNotice } from "~/components/package-due-notice";
import { CONTACT } from "~/domain/contact";
import { waitsForProviderPayment } from "~/domain/packages";
import { firstUnfinishedStep } from "~/domain/wizard";
import { countOpenRequests } from "~/server/contact-request-handling.server";
import { dashboardStats } from "~/server/dashboard.server";
import { database } from "~/server/db.server";
import { packageOverview } from "~/server/packages.server";
import { requireProvider } from "~/server/session.server";
import { parseCompletedSteps } from "~/server/wizard.server";
import dashboardStyles from "~/styles/dashboard.css?url";
import { overdueRequestsSentence, waitingRequestsSentence } from "~/domain/count-messages";

export const meta: MetaFunction = () => [{ title: "Overzicht — Mijn omgeving — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

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
    requests: await countOpenRequests(database().db, providerId),
    stats: await dashboardStats(database().db, providerId),
    duePackages: (await packageOverview(database().db, providerId)).awaitingPayment
      .filter((pkg) => waitsForProviderPayment(pkg.payment?.status ?? null))
      .map((pkg) => ({ id: pkg.id, name: pkg.name, priceCents: pkg.priceCents, creditCents: pkg.creditCents })),
  };
}

export default function BackofficeHome() {
  const { firstName, signupUnfinished, requests, stats, duePackages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Welkom, {firstName}</h1>
      <p className="lead">Dit is uw eigen omgeving bij Vivium Services. Hier vindt u alles over uw deelname.</p>
      <p>
        Bekijk uw <Link to="/backoffice/aanvragen">openstaande contactverzoeken</Link>, pas uw{" "}
        <Link to="/backoffice/instellingen">instellingen</Link> aan of lees onze{" "}
        <Link to="/backoffice/tips">hints en tips</Link> om meer klanten te krijgen. Reageer altijd binnen twee werkdagen op
        een contactverzoek.
      </p>
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
      <PackageDueNotice packages={duePackages} payPath={(pkg) => `/backoffice/pakket#te-betalen-${pkg.id}`} />
      <RequestsNotice {...requests} />
      <DashboardStatistics {...stats} />
      <h2>Wat wilt u doen?</h2>
      <ul className="backoffice-links">
        <li>
          <Link to="/backoffice/aanvragen">Aanvragen</Link>: contactverzoeken van klanten bekijken en afhandelen.
        </li>
        <li>
          <Link to="/backoffice/beoordelingen">Beoordelingen</Link>: wat klanten over u schrijven, en uw reactie.
        </li>
        <li>
          <Link to="/backoffice/instellingen">Instellingen</Link>: uw gegevens, profiel, werkgebied en prijzen aanpassen.
        </li>
        <li>
          <Link to="/backoffice/pakket">Pakket en facturen</Link>: uw promotiepakket, betalen en uw facturen als PDF.
        </li>
        <li>
          <Link to="/backoffice/pauze">Tijdelijk niet beschikbaar</Link>: even geen nieuwe klanten, bijvoorbeeld tijdens uw vakantie.
        </li>
        <li>
          <Link to="/backoffice/account">E-mailadres en wachtwoord</Link>: uw inloggegevens wijzigen.
        </li>
        <li>
          <Link to="/backoffice/tips">Hints en tips</Link>: zo krijgt u meer klanten.
        </li>
        <li>
          <Link to="/backoffice/mijn-gegevens">Mijn gegevens</Link>: alles wat wij van u bewaren downloaden, of uw account
          opheffen.
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

/** Requests waiting for a first answer, and the ones whose two working days have passed. */
function RequestsNotice({ waiting, overdue }: { open: number; waiting: number; overdue: number }) {
  if (waiting === 0) return null;
  return (
    <div className={overdue > 0 ? "notice notice--warning" : "notice"}>
      <p>
        <strong>
          {waitingRequestsSentence(waiting)}
          {overdue > 0 ? ` ${overdueRequestsSentence(overdue)}` : ""}
        </strong>
      </p>
      <p>
        <Link to="/backoffice/aanvragen" className="button">
          Bekijk uw aanvragen
        </Link>
      </p>
    </div>
  );
}
