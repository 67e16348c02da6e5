// First: configures zod before any schema in the browser is made.
import "./zod-config.client";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "./components/nonce";
import { CONTACT } from "./domain/contact";
import { PageShell } from "./components/site-layout";
import { findSignedInPerson } from "./server/signed-in.server";
import stylesheet from "./styles/app.css?url";

/** Who is signed in, for the header: a link to their own pages and a sign-out button instead of "Inloggen". */
export async function loader({ request, context }: LoaderFunctionArgs) {
  // The id of this page's request, for the error page: a customer can quote it to the office.
  const requestId = context.requestId ?? null;
  return { signedIn: await findSignedInPerson(request), requestId };
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [
  {
    title: error
      ? isRouteErrorResponse(error) && error.status === 404
        ? "Pagina niet gevonden — Vivium Services"
        : "Er ging iets mis — Vivium Services"
      : "Vivium Services — vertrouwde hulp bij u thuis",
  },
  {
    name: "description",
    content: "Vind betrouwbare dienstverleners bij u in de buurt: thuiskapper, computerhulp, pedicure, klusjesman en meer.",
  },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // Also rendered around the error page, when the root loader may have failed.
  const rootData = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <PageShell signedIn={rootData?.signedIn ?? null}>{children}</PageShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const requestId = useRouteLoaderData<typeof loader>("root")?.requestId;
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">Deze pagina bestaat niet</h1>
        <p>
          Misschien is de pagina verplaatst, of is er een typefout in het adres geslopen. Dat is niet erg: u kunt
          gewoon verder zoeken.
        </p>
        <p>
          <Link to="/" className="button">
            Naar de startpagina
          </Link>
        </p>
        <p>
          Komt u er niet uit? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
        </p>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 400 && typeof error.data === "string") {
    // A request the server could not read (a broken or crafted form): the message says what to do.
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">Het formulier kon niet worden gelezen</h1>
        <p>{error.data}</p>
        <p>
          <Link to="/" className="button">
            Naar de startpagina
          </Link>
        </p>
      </section>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">Er ging iets mis</h1>
      <p>
        Het spijt ons: deze pagina kon niet worden geladen{status >= 500 ? " door een storing bij ons" : ""}. Probeer
        het over een paar minuten opnieuw. Wat u eerder heeft opgeslagen, is niet verloren.
      </p>
      <p>
        <Link to="/" className="button">
          Naar de startpagina
        </Link>
      </p>
      <p>
        Blijft het misgaan? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
        {requestId ? (
          <>
            {" "}
            Noem dan deze code, zodat wij kunnen zien wat er misging: <strong className="request-id">{requestId}</strong>.
          </>
        ) : null}
      </p>
    </section>
  );
}
