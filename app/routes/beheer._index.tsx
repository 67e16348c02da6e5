import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { database } from "~/server/db.server";
import { countOpenSearchHelpRequests } from "~/server/search-help.server";
import { requireStaff } from "~/server/staff-session.server";
import { staffOverviewCounts } from "~/server/staff-providers.server";

export const meta: MetaFunction = () => [{ title: "Overzicht — Beheer — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { db } = database();
  const [counts, openSearchHelp] = await Promise.all([staffOverviewCounts(db), countOpenSearchHelpRequests(db)]);
  return { staffName: staff.name, counts: { ...counts, openSearchHelp } };
}

export default function BeheerHome() {
  const { staffName, counts } = useLoaderData<typeof loader>();
  const items = [
    { count: counts.openSearchHelp, label: "hulpvragen van klanten wachten op een belletje", to: "/beheer/hulpvragen" },
    { count: counts.awaitingCall, label: "nieuwe dienstverleners wachten op een belletje", to: "/beheer/dienstverleners?status=live&call=todo" },
    { count: counts.live, label: "dienstverleners online", to: "/beheer/dienstverleners?status=live" },
    { count: counts.suspended, label: "dienstverleners offline gezet", to: "/beheer/dienstverleners?status=suspended" },
    { count: counts.overdueRequests, label: "aanvragen te laat beantwoord", to: "/beheer/te-laat" },
    { count: counts.pendingVideos, label: "voorstelvideo's wachten op goedkeuring", to: "/beheer/dienstverleners?video=pending" },
    { count: counts.newVideoReports, label: "nieuwe meldingen over de video tool", to: "/beheer/videomeldingen" },
  ];
  return (
    <>
      <h1>Beheer</h1>
      <p>Welkom, {staffName}. Dit staat er vandaag open.</p>
      <ul className="beheer-counts">
        {items.map((item) => (
          <li key={item.label}>
            <Link to={item.to}>
              <span className="count">{item.count}</span> {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
