import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireProvider } from "~/server/session.server";
import stylesHref from "~/styles/backoffice.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "Mijn omgeving — Vivium Services" }];

/** Only for a signed-in provider; each page below checks the session again, as loaders run side by side. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProvider(request);
  return null;
}

export default function BackofficeLayout() {
  return (
    <div className="backoffice">
      <div className="backoffice__bar">
        <p className="backoffice__title" id="backoffice-nav-title">
          Mijn omgeving
        </p>
        <nav aria-labelledby="backoffice-nav-title">
          <ul className="backoffice__nav">
            <li>
              <NavLink to="/backoffice" end>
                Overzicht
              </NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/pakket">Pakket en facturen</NavLink>
            </li>
          </ul>
        </nav>
      </div>
      <Outlet />
    </div>
  );
}
