import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/server/staff-session.server";
import backofficeStylesHref from "~/styles/backoffice.css?url";
import stylesHref from "~/styles/beheer.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: backofficeStylesHref },
  { rel: "stylesheet", href: stylesHref },
];
export const meta: MetaFunction = () => [{ title: "Beheer — Vivium Services" }, { name: "robots", content: "noindex" }];

/** Only for signed-in staff; anyone else gets a 404. Each page below checks again, as loaders run side by side. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { staffName: staff.name };
}

const NAV: { to: string; label: string; end?: boolean }[] = [
  { to: "/beheer", label: "Overzicht", end: true },
  { to: "/beheer/dienstverleners", label: "Dienstverleners" },
  { to: "/beheer/categorieen", label: "Categorieën" },
  { to: "/beheer/leden", label: "Leden" },
  { to: "/beheer/pakketten", label: "Pakketten" },
  { to: "/beheer/te-laat", label: "Te laat" },
  { to: "/beheer/hulpvragen", label: "Hulpvragen" },
  { to: "/beheer/beoordelingen", label: "Beoordelingen" },
  { to: "/beheer/videomeldingen", label: "Videomeldingen" },
  { to: "/beheer/logboek", label: "Logboek" },
  { to: "/beheer/back-ups", label: "Back-ups" },
  { to: "/beheer/medewerkers", label: "Medewerkers" },
];

export default function BeheerLayout() {
  const { staffName } = useLoaderData<typeof loader>();
  return (
    <div className="backoffice beheer">
      <div className="backoffice__bar">
        <p className="backoffice__title" id="beheer-nav-title">
          Beheer
        </p>
        <nav aria-labelledby="beheer-nav-title">
          <ul className="backoffice__nav">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <Form method="post" action="/uitloggen" className="beheer__signout">
          <span>Ingelogd als {staffName}</span>{" "}
          <button type="submit" className="button--secondary">
            Uitloggen
          </button>
        </Form>
      </div>
      <Outlet />
    </div>
  );
}
