import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { database } from "~/server/db.server";
import { countOpenSearchHelpRequests } from "~/server/search-help.server";
import { requireStaff } from "~/server/staff-session.server";
import { staffOverviewCounts } from "~/server/staff-providers.server";
import { STAFF_HOME_LABELS } from "~/domain/count-messages";
import { formatCount } from "~/domain/plural";

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
    { key: "openSearchHelp", to: "/beheer/hulpvragen" },
    { key: "awaitingCall", to: "/beheer/dienstverleners?status=live&call=todo" },
    { key: "live", to: "/beheer/dienstverleners?status=live" },
    { key: "suspended", to: "/beheer/dienstverleners?status=suspended" },
    { key: "overdueRequests", to: "/beheer/te-laat" },
    { key: "pendingVideos", to: "/beheer/dienstverleners?video=pending" },
    { key: "newVideoReports", to: "/beheer/videomeldingen" },
  ] as const;
  return (
    <>
      <h1>Beheer</h1>
      <p>Welkom, {staffName}. Dit staat er vandaag open.</p>
      <ul className="beheer-counts">
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to}>
              <span className="count">{formatCount(counts[item.key])}</span> {STAFF_HOME_LABELS[item.key](counts[item.key])}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
