import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Bedankt voor uw beoordeling — Vivium Services" }];

/** Where a posted review lands (post/redirect/get); the slug only links back to the public profile. */
export function loader({ request }: LoaderFunctionArgs) {
  const slug = new URL(request.url).searchParams.get("dienstverlener") ?? "";
  return { profilePath: /^[a-z0-9-]{1,100}$/.test(slug) ? `/dienstverlener/${slug}` : null };
}

export default function ReviewThanks() {
  const { profilePath } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Bedankt voor uw beoordeling</h1>
      <div className="notice notice--success" role="status">
        <p>Uw beoordeling staat nu op de website. Andere klanten hebben er veel aan.</p>
      </div>
      {profilePath ? (
        <p>
          <Link to={profilePath} className="button">
            Bekijk uw beoordeling op het profiel
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/">Naar de startpagina</Link>
      </p>
    </>
  );
}
