import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchForm } from "~/components/provider-card";
import { listActiveCategories } from "~/server/categories.server";
import { database } from "~/server/db.server";

export const meta: MetaFunction = () => [
  { title: "Vivium Services — vertrouwde hulp bij u thuis" },
  {
    name: "description",
    content: "Vind betrouwbare dienstverleners bij u in de buurt: thuiskapper, computerhulp, pedicure, klusjesman en meer.",
  },
];

export async function loader() {
  return { categories: await listActiveCategories(database().db) };
}

export default function Home() {
  const { categories } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Vertrouwde hulp bij u thuis</h1>
        <p>
          Vivium Services helpt u een betrouwbare dienstverlener in de buurt te vinden: voor de computer, de voeten, een
          klusje in huis of gezelschap. Wij kennen iedere dienstverlener persoonlijk.
        </p>
        <SearchForm idPrefix="home" />
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">Waarmee kunnen wij u helpen?</h2>
        <p>Kies het soort hulp dat u zoekt.</p>
        <ul className="category-list">
          {categories.map((category) => (
            <li key={category.id}>
              <Link to={`/categorie/${category.slug}`}>{category.name}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">Zo werkt het</h2>
        <ol className="steps-explained">
          <li>Kies wat voor hulp u zoekt en vul uw postcode of woonplaats in.</li>
          <li>Lees rustig de profielen: wie is het, wat kost het, wanneer kan het?</li>
          <li>Vraag vrijblijvend contact aan. De dienstverlener neemt binnen twee werkdagen contact met u op.</li>
        </ol>
      </section>

      <section aria-labelledby="providers-title">
        <h2 id="providers-title">Bent u dienstverlener?</h2>
        <p>
          Biedt u een dienst aan voor ouderen? Meld u aan en word binnen een kwartier gevonden door klanten bij u in de
          buurt.
        </p>
        <p>
          <Link to="/aanmelden" className="button">
            Aanmelden als dienstverlener
          </Link>
        </p>
      </section>
    </>
  );
}
