import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findCategoryBySlug } from "~/server/categories.server";
import { database } from "~/server/db.server";
import { listLiveProvidersInCategory } from "~/server/providers.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.category.name} bij u thuis — Vivium Services` : "Vivium Services" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const { db } = database();
  const category = await findCategoryBySlug(db, params.slug ?? "");
  if (!category) throw new Response("Categorie niet gevonden", { status: 404 });
  const providers = await listLiveProvidersInCategory(db, category.id);
  return { category: { name: category.name, slug: category.slug }, providers };
}

export default function CategoryPage() {
  const { category, providers } = useLoaderData<typeof loader>();
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
      {providers.length === 0 ? (
        <p>Er zijn op dit moment nog geen dienstverleners in deze categorie. Kijk later nog eens, of kies een andere categorie.</p>
      ) : (
        <>
          <p>
            {providers.length === 1 ? "1 dienstverlener" : `${providers.length} dienstverleners`} in deze categorie.
          </p>
          <ul className="card-list">
            {providers.map((provider) => (
              <li key={provider.id} className="provider-card">
                <h2>{provider.name}</h2>
                <p className="provider-card__meta">
                  {provider.categories.join(", ")}
                  {provider.city ? ` · ${provider.city}` : ""}
                </p>
                <p>{provider.introText}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
