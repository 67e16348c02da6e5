import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { lastTwelveMonths } from "~/domain/dashboard-stats";
import { DashboardStatistics } from "./dashboard-statistics";

const NONE = { contactRequests: 0, appointments: 0, averageRating: null, reviews: 0, profileViews: 0, searchAppearances: 0 };
const MONTHS = lastTwelveMonths(new Date("2026-12-07T10:00:00Z"));

function render(props: Parameters<typeof DashboardStatistics>[0]): string {
  return renderToString(
    <MemoryRouter>
      <DashboardStatistics {...props} />
    </MemoryRouter>,
  );
}

describe("the dashboard's statistics", () => {
  it("say 'Nog geen gegevens' once for a new provider, without charts or a table of zeros", () => {
    const html = render({ last30Days: NONE, perMonth: MONTHS.map((month) => ({ month, ...NONE })) });
    expect(html).toContain("Nog geen gegevens.");
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("<table");
    expect(html).not.toContain("stat-tile");
    expect(html).not.toContain("stats-months");
  });

  it("show the tiles, four charts with their title above and the table as soon as there is a count", () => {
    const perMonth = MONTHS.map((month, i) => ({ month, ...NONE, profileViews: i === 11 ? 7 : 0 }));
    const html = render({ last30Days: { ...NONE, profileViews: 7 }, perMonth });
    expect(html).not.toContain("Nog geen gegevens");
    expect(html.match(/<svg/g)).toHaveLength(4);
    expect(html.match(/<figcaption[^>]*>[^<]+<\/figcaption><svg/g)).toHaveLength(4);
    expect(html).toContain("<table");
    // The same numbers as a list per month, for phones, where the table would hide columns.
    expect(html.match(/<li><h4>/g)).toHaveLength(12);
    expect(html).toContain("<dt>Profiel bekeken</dt><dd>7</dd>");
    expect(html).toContain("Profiel bekeken per maand");
  });
});
