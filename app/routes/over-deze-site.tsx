import type { MetaFunction } from "@remix-run/node";
import { CONTACT } from "~/domain/contact";

export const meta: MetaFunction = () => [
  { title: "Over deze site — Vivium Services" },
  { name: "description", content: "Wie Vivium Services maakt en van wie de gegevens komen die de site gebruikt." },
];

/** The colophon: who runs the site, and the credit the postcode data's MIT licence asks for. */
export default function AboutThisSite() {
  return (
    <article className="prose">
      <h1>Over deze site</h1>
      <p>
        Vivium Services helpt senioren in Nederland om betrouwbare dienstverleners in de buurt te vinden: een kapper
        aan huis, hulp bij de computer, een pedicure, een klusjesman en meer. Onze medewerkers controleren elke
        dienstverlener voordat het profiel online komt.
      </p>
      <h2>Postcodes en plaatsen</h2>
      <p>
        Om te zien welke dienstverleners bij u in de buurt komen, gebruiken wij een lijst van alle Nederlandse
        postcodegebieden (de vier cijfers van een postcode) en plaatsen, met hun ligging op de kaart. Die lijst is
        gemaakt uit twee openbare bestanden. Wij danken de makers:
      </p>
      <ul>
        <li>
          &quot;Nederlandse viercijferige postcode (pc4) naar geolocatie&quot;, © 2021 Peter Arends, MIT-licentie. De
          ligging van elk postcodegebied, berekend uit de adressen in de Basisregistratie Adressen en Gebouwen (BAG).
        </li>
        <li>
          &quot;Dutch Postal Code &amp; City Coordinates&quot;, © 2022 Drikus Roor, MIT-licentie. De plaatsnamen, en de
          ligging van postcodegebieden zonder woonadressen.
        </li>
      </ul>
      <p>
        De MIT-licentie staat toe dat wij deze gegevens gebruiken, aanpassen en verspreiden, zolang wij de makers
        noemen. De gegevens komen uit 2021 en 2016: een heel nieuwe postcode kan ontbreken. Kent de site uw postcode
        niet, vul dan uw plaats in.
      </p>
      <h2>Contact</h2>
      <p>
        Vragen over deze site? Bel <a href={CONTACT.phoneHref}>{CONTACT.phone}</a> ({CONTACT.hours}) of mail naar{" "}
        <a href={`mailto:${CONTACT.email}`}>{CONTACT.email}</a>.
      </p>
    </article>
  );
}
