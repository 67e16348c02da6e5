import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocationProblem } from "~/components/location-problem";
import { NearestAlternatives, Pagination, ProviderCard } from "~/components/provider-card";
import { findCategoryBySlug, findRenamedCategorySlug } from "~/server/categories.server";
import { database } from "~/server/db.server";
import { searchProviders } from "~/server/search.server";
import { categoryCountSentence } from "~/domain/count-messages";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.category.name} bij u thuis${data.waar ? ` — ${data.waar}` : ""} — Vivium Services`
      : "Vivium Services",
  },
  ...(data
    ? [{ name: "description", content: `${data.category.name} bij u thuis${data.waar ? ` in de buurt van ${data.waar}` : ""}: vergelijk betrouwbare dienstverleners, hun prijzen en beoordelingen.` }]
    : []),
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { db } = database();
  const category = await findCategoryBySlug(db, params.slug ?? "");
  if (!category) {
    // A renamed category: old links and bookmarks move on for good.
    const renamed = await findRenamedCategorySlug(db, params.slug ?? "");
    if (renamed) throw redirect(`/categorie/${renamed}${new URL(request.url).search}`, 301);
    throw new Response("Categorie niet gevonden", { status: 404 });
  }
  const search = new URL(request.url).searchParams;
  const waar = (search.get("waar") ?? "").trim();
  const result = await searchProviders(db, { categorie: category.slug, waar, pagina: search.get("pagina") });
  return {
    category: { name: category.name, slug: category.slug },
    waar,
    location: result.location,
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    providers: result.results,
    alternatives: result.alternatives,
  };
}

export default function CategoryPage() {
  const { category, waar, location, total, page, pageCount, providers, alternatives } = useLoaderData<typeof loader>();
  const place = location?.ok ? location.location.label : null;
  const href = (change: { waar?: string; pagina?: number }) => {
    const params = new URLSearchParams();
    const w = change.waar ?? waar;
    if (w) params.set("waar", w);
    if (change.pagina && change.pagina > 1) params.set("pagina", String(change.pagina));
    const text = params.toString();
    return `/categorie/${category.slug}${text ? `?${text}` : ""}`;
  };
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">Startpagina</Link>
          </li>
          <li aria-current="page">{category.name}</li>
        </ol>
      </nav>
      <h1>{category.name}</h1>

      <form method="get" action={`/categorie/${category.slug}`} className="search-form search-form--location" aria-label="Zoek in de buurt">
        <div className="field">
          <label htmlFor="categorie-waar">Waar?</label>
          <span className="field__hint" id="categorie-waar-hint">
            Uw postcode of woonplaats
          </span>
          <input id="categorie-waar" name="waar" type="text" defaultValue={waar} maxLength={100} aria-describedby="categorie-waar-hint" />
        </div>
        <button type="submit" className="button">
          Toon wie bij mij komt
        </button>
      </form>

      <LocationProblem location={location} hrefFor={(w) => href({ waar: w })} />

      {location && !location.ok ? null : total === 0 ? (
        <p>{categoryCountSentence(total, place)}</p>
      ) : (
        <>
          <p className="search-count">{categoryCountSentence(total, place)}</p>
          <ul className="card-list">
            {providers.map((provider) => (
              <li key={provider.id}>
                <ProviderCard card={provider} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount} hrefFor={(pagina) => href({ pagina })} />
        </>
      )}
      {total === 0 && place ? (
        <NearestAlternatives
          alternatives={alternatives}
          place={place}
          what={category.name}
          helpHref={`/hulp-bij-zoeken?${new URLSearchParams({ wat: category.name, waar: place }).toString()}`}
        />
      ) : null}
    </>
  );
}
