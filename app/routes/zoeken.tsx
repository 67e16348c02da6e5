import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LocationProblem } from "~/components/location-problem";
import { NearestAlternatives, Pagination, ProviderCard, SearchForm, SearchHelp, UnderstoodNotice } from "~/components/provider-card";
import { DAYPARTS } from "~/domain/wizard";
import { listActiveCategories } from "~/server/categories.server";
import { database } from "~/server/db.server";
import { searchProviders } from "~/server/search.server";
import { recordSearchAppearances } from "~/server/stats.server";
import { searchCountSentence } from "~/domain/count-messages";

const SEARCH_DESCRIPTION = "Zoek betrouwbare dienstverleners bij u in de buurt op dienst en postcode of woonplaats.";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Zoeken — Vivium Services" }, { name: "description", content: SEARCH_DESCRIPTION }];
  const parts = [data.query.wat ? `“${data.query.wat}”` : null, data.query.waar ? `bij ${data.query.waar}` : null].filter(Boolean);
  const page = data.page > 1 ? ` (pagina ${data.page})` : "";
  return [
    { title: parts.length > 0 ? `Zoeken: ${parts.join(" ")}${page} — Vivium Services` : "Zoeken — Vivium Services" },
    {
      name: "description",
      content:
        parts.length > 0
          ? `Dienstverleners ${data.query.wat ? "voor " : ""}${parts.join(" ")}: vergelijk diensten, prijzen en beoordelingen.`
          : SEARCH_DESCRIPTION,
    },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = {
    wat: (params.get("wat") ?? "").trim(),
    waar: (params.get("waar") ?? "").trim(),
    categorie: (params.get("categorie") ?? "").trim(),
    dagdeel: (params.get("dagdeel") ?? "").trim(),
  };
  const { db } = database();
  const categories = (await listActiveCategories(db)).map(({ slug, name }) => ({ slug, name }));
  const empty = !query.wat && !query.waar && !query.categorie && !query.dagdeel;
  if (empty) {
    return { query, categories, empty, location: null, total: 0, page: 1, pageCount: 0, results: [], alternatives: [], categoryName: null, understood: null };
  }
  const result = await searchProviders(db, { ...query, pagina: params.get("pagina") });
  recordSearchAppearances(
    result.results.map((card) => card.id),
    request.headers.get("user-agent"),
  );
  return {
    query,
    categories,
    empty,
    location: result.location,
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    results: result.results,
    alternatives: result.alternatives,
    categoryName: result.category?.name ?? null,
    understood: result.understood,
  };
}

type Query = { wat: string; waar: string; categorie: string; dagdeel: string };

/** The address of this search with some parameters changed; empty ones are left out. */
function searchHref(query: Query, change: Partial<Query & { pagina: number }> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...change })) {
    if (value !== undefined && value !== "" && !(key === "pagina" && value === 1)) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/zoeken?${text}` : "/zoeken";
}

/** Vivium's help form, with what was sought and where filled in. */
function helpHref(wat: string, waar: string): string {
  const params = new URLSearchParams();
  if (wat) params.set("wat", wat);
  if (waar) params.set("waar", waar);
  const text = params.toString();
  return text ? `/hulp-bij-zoeken?${text}` : "/hulp-bij-zoeken";
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const { query, location } = data;
  const place = location?.ok ? location.location.label : null;
  const understood = data.understood;
  // What was searched, as understood: corrections in place, a place read from the keyword box left out.
  const searched = understood ? (understood.searched || (understood.placeFromKeyword ? "" : query.wat)) : query.wat;
  return (
    <>
      <h1>Zoek een dienstverlener</h1>
      <SearchForm wat={query.wat} waar={query.waar} />

      {data.empty ? (
        <p>Vul in wat u zoekt, waar u woont, of allebei. Dan ziet u welke dienstverleners bij u in de buurt komen.</p>
      ) : (
        <>
          <LocationProblem location={location} hrefFor={(waar) => searchHref(query, { waar })} />
          {understood ? <UnderstoodNotice understood={understood} hrefFor={(wat) => searchHref(query, { wat, pagina: 1 })} /> : null}
          {location && !location.ok ? null : (
            <>
              <form method="get" action="/zoeken" className="search-filters" aria-label="Resultaten filteren">
                <input type="hidden" name="wat" value={query.wat} />
                <input type="hidden" name="waar" value={query.waar} />
                <div className="field">
                  <label htmlFor="filter-categorie">Soort hulp</label>
                  <select id="filter-categorie" name="categorie" defaultValue={query.categorie}>
                    <option value="">Alle soorten hulp</option>
                    {data.categories.map((category) => (
                      <option key={category.slug} value={category.slug}>
                        {category.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="filter-dagdeel">Wanneer?</label>
                  <select id="filter-dagdeel" name="dagdeel" defaultValue={query.dagdeel}>
                    <option value="">Maakt niet uit</option>
                    {DAYPARTS.map((daypart) => (
                      <option key={daypart} value={daypart}>
                        In de {daypart}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button button--secondary">
                  Filters toepassen
                </button>
              </form>

              <h2 className="search-count" aria-live="polite">
                {searchCountSentence(data.total, { wat: searched, categoryName: data.categoryName, place })}
              </h2>
              {data.total === 0 ? (
                <p>
                  Probeer een ander woord, kies een andere soort hulp of laat een filter weg.
                  {place ? " Of zoek in een plaats in de buurt." : ""}
                </p>
              ) : null}
              {data.results.length > 0 ? (
                <ul className="card-list">
                  {data.results.map((card) => (
                    <li key={card.id}>
                      <ProviderCard card={card} headingLevel={3} />
                    </li>
                  ))}
                </ul>
              ) : null}
              <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(pagina) => searchHref(query, { pagina })} />
              {data.total === 0 && place ? (
                <NearestAlternatives
                  alternatives={data.alternatives}
                  place={place}
                  what={searched || data.categoryName}
                  helpHref={helpHref(searched || data.categoryName || "", place)}
                />
              ) : data.total === 0 ? (
                <SearchHelp helpHref={helpHref(searched || data.categoryName || "", query.waar)} />
              ) : null}
            </>
          )}
        </>
      )}
    </>
  );
}
