import { Link } from "@remix-run/react";
import { StatsChart } from "~/components/stats-chart";
import { TableScroll } from "~/components/table-scroll";
import { formatRating, hasStats, monthLabel, type MonthStats, type StatsTotals } from "~/domain/dashboard-stats";
import { countOf, formatCount, NOUNS } from "~/domain/plural";

type StatisticsProps = {
  last30Days: StatsTotals;
  perMonth: MonthStats[];
};

type Counted = "contactRequests" | "appointments" | "profileViews" | "searchAppearances";

/**
 * The dashboard's figures: the last 30 days as tiles, a chart per month for
 * each count and the same numbers as a table. A provider with nothing to
 * show yet reads one sentence instead of four empty charts and a table of
 * zeros.
 */
export function DashboardStatistics({ last30Days, perMonth }: StatisticsProps) {
  return (
    <section aria-labelledby="stats-title" className="dashboard-stats">
      <h2 id="stats-title">Statistieken</h2>
      {hasStats(last30Days, perMonth) ? (
        <Figures last30Days={last30Days} perMonth={perMonth} />
      ) : (
        <p className="notice">
          Nog geen gegevens. Zodra klanten u in de zoekresultaten zien, uw profiel bekijken of contact opnemen, ziet u hier
          hoe vaak. Hoe u sneller gevonden wordt, leest u bij <Link to="/backoffice/tips">hints en tips</Link>.
        </p>
      )}
    </section>
  );
}

function Figures({ last30Days, perMonth }: StatisticsProps) {
  const chart = (key: Counted) => perMonth.map((month) => ({ label: monthLabel(month.month), value: month[key] }));
  const total = (key: Counted) => perMonth.reduce((sum, month) => sum + month[key], 0);
  const period = `${monthLabel(perMonth[0]!.month, true)} tot en met ${monthLabel(perMonth.at(-1)!.month, true)}`;
  return (
    <>
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
          {last30Days.reviews > 0 ? ` (${countOf(last30Days.reviews, NOUNS.beoordeling)})` : null}
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
        <StatsChart title="Contactverzoeken per maand" summary={`${countOf(total("contactRequests"), NOUNS.contactverzoek)} van ${period}.`} series={chart("contactRequests")} />
        <StatsChart title="Gemaakte afspraken per maand" summary={`${countOf(total("appointments"), NOUNS.afspraak)} van ${period}.`} series={chart("appointments")} />
        <StatsChart title="Profiel bekeken per maand" summary={`${formatCount(total("profileViews"))} keer bekeken van ${period}.`} series={chart("profileViews")} />
        <StatsChart title="In de zoekresultaten per maand" summary={`${formatCount(total("searchAppearances"))} keer in de zoekresultaten van ${period}.`} series={chart("searchAppearances")} />
      </div>
      {/* On a phone a list per month, so that no column hides behind a sideways scroll; the table from 40rem. */}
      <h3 className="stats-months__title">Statistieken per maand, {period}</h3>
      <ul className="stats-months">
        {perMonth.map((month) => (
          <li key={month.month}>
            <h4>{monthLabel(month.month, true)}</h4>
            <dl>
              <dt>Contactverzoeken</dt>
              <dd>{month.contactRequests}</dd>
              <dt>Gemaakte afspraken</dt>
              <dd>{month.appointments}</dd>
              <dt>Gemiddelde rating</dt>
              <dd>{formatRating(month.averageRating)}</dd>
              <dt>Profiel bekeken</dt>
              <dd>{month.profileViews}</dd>
              <dt>In zoekresultaten</dt>
              <dd>{month.searchAppearances}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <div className="stats-table-wrap">
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
      </div>
    </>
  );
}
