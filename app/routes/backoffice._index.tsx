import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatsChart } from "~/components/stats-chart";
import { TableScroll } from "~/components/table-scroll";
import { CONTACT } from "~/domain/contact";
import { formatRating, monthLabel, type MonthStats } from "~/domain/dashboard-stats";
import { firstUnfinishedStep } from "~/domain/wizard";
import { countOpenRequests } from "~/server/contact-request-handling.server";
import { dashboardStats } from "~/server/dashboard.server";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import { parseCompletedSteps } from "~/server/wizard.server";
import dashboardStyles from "~/styles/dashboard.css?url";

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
  };
}

export default function BackofficeHome() {
  const { firstName, signupUnfinished, requests, stats } = useLoaderData<typeof loader>();
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
      <RequestsNotice {...requests} />
      <Statistics {...stats} />
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
          {waiting === 1 ? "1 aanvraag wacht op uw reactie." : `${waiting} aanvragen wachten op uw reactie.`}
          {overdue > 0 ? ` Bij ${overdue === 1 ? "1 aanvraag" : `${overdue} aanvragen`} is de termijn van twee werkdagen verstreken.` : ""}
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

type StatisticsProps = {
  last30Days: Omit<MonthStats, "month">;
  perMonth: MonthStats[];
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The figures of the last 30 days, the charts per month and the same numbers as a table. */
function Statistics({ last30Days, perMonth }: StatisticsProps) {
  const chart = (key: "contactRequests" | "appointments" | "profileViews" | "searchAppearances") =>
    perMonth.map((month) => ({ label: monthLabel(month.month), value: month[key] }));
  const total = (key: "contactRequests" | "appointments" | "profileViews" | "searchAppearances") => perMonth.reduce((sum, month) => sum + month[key], 0);
  const period = `${monthLabel(perMonth[0]!.month, true)} tot en met ${monthLabel(perMonth.at(-1)!.month, true)}`;
  return (
    <section aria-labelledby="stats-title" className="dashboard-stats">
      <h2 id="stats-title">Statistieken</h2>
      <p>
        Een overzicht van uw profiel op Vivium Services. Benieuwd hoe u deze cijfers verbetert? Kijk bij{" "}
        <Link to="/backoffice/tips">hints en tips</Link>.
      </p>
      <h3>De laatste 30 dagen</h3>
      <ul className="stat-tiles">
        <li className="stat-tile">
          <span className="stat-tile__value">{last30Days.contactRequests}</span> contactverzoeken
        </li>
        <li className="stat-tile">
          <span className="stat-tile__value">{last30Days.appointments}</span> gemaakte afspraken
        </li>
        <li className="stat-tile">
          <span className="stat-tile__value">{formatRating(last30Days.averageRating)}</span> gemiddelde rating
          {last30Days.reviews > 0 ? ` (${count(last30Days.reviews, "beoordeling", "beoordelingen")})` : null}
        </li>
        <li className="stat-tile">
          <span className="stat-tile__value">{last30Days.profileViews}</span> keer uw profiel bekeken
        </li>
        <li className="stat-tile">
          <span className="stat-tile__value">{last30Days.searchAppearances}</span> keer in de zoekresultaten
        </li>
      </ul>
      <h3>Per maand, het afgelopen jaar</h3>
      <div className="stats-charts">
        <StatsChart title="Contactverzoeken per maand" summary={`${count(total("contactRequests"), "contactverzoek", "contactverzoeken")} van ${period}.`} series={chart("contactRequests")} />
        <StatsChart title="Gemaakte afspraken per maand" summary={`${count(total("appointments"), "afspraak", "afspraken")} van ${period}.`} series={chart("appointments")} />
        <StatsChart title="Profiel bekeken per maand" summary={`${count(total("profileViews"), "keer", "keer")} bekeken van ${period}.`} series={chart("profileViews")} />
        <StatsChart title="In de zoekresultaten per maand" summary={`${count(total("searchAppearances"), "keer", "keer")} in de zoekresultaten van ${period}.`} series={chart("searchAppearances")} />
      </div>
      <TableScroll labelledBy="stats-table-caption">
        <table className="stats-table">
          <caption id="stats-table-caption">Statistieken per maand, {period}</caption>
          <thead>
            <tr>
              <th scope="col">Maand</th>
              <th scope="col">Contactverzoeken</th>
              <th scope="col">Gemaakte afspraken</th>
              <th scope="col">Gemiddelde rating</th>
              <th scope="col">Profiel bekeken</th>
              <th scope="col">In zoekresultaten</th>
            </tr>
          </thead>
          <tbody>
            {perMonth.map((month) => (
              <tr key={month.month}>
                <th scope="row">{monthLabel(month.month, true)}</th>
                <td>{month.contactRequests}</td>
                <td>{month.appointments}</td>
                <td>{formatRating(month.averageRating)}</td>
                <td>{month.profileViews}</td>
                <td>{month.searchAppearances}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
