import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { countOpenRequests } from "~/server/contact-request-handling.server";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import stylesHref from "~/styles/backoffice.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "Mijn omgeving — Vivium Services" }];

/** Only for a signed-in provider; each page below checks the session again, as loaders run side by side. */
export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  // One indexed count for the "Aanvragen" link.
  const { open } = await countOpenRequests(database().db, providerId);
  return { openRequests: open };
}

export default function BackofficeLayout() {
  const { openRequests } = useLoaderData<typeof loader>();
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
              <NavLink to="/backoffice/aanvragen">{openRequests > 0 ? `Aanvragen (${openRequests} open)` : "Aanvragen"}</NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/beoordelingen">Beoordelingen</NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/instellingen">Instellingen</NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/pakket">Pakket en facturen</NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/tips">Tips</NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/mijn-gegevens">Mijn gegevens</NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/pauze">Tijdelijk niet beschikbaar</NavLink>
            </li>
            <li>
              <NavLink to="/backoffice/account">E-mailadres en wachtwoord</NavLink>
            </li>
            <li>
              {/* A full page load: the camera is only allowed in the document of the video page (Permissions-Policy). */}
              <NavLink to="/backoffice/video" reloadDocument>
                Voorstelvideo
              </NavLink>
            </li>
          </ul>
        </nav>
      </div>
      <Outlet />
    </div>
  );
}
