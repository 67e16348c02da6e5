import type { MetaFunction } from "@remix-run/node";
import { CONTACT } from "~/domain/contact";

export const meta: MetaFunction = () => [{ title: "Privacy statement — Vivium Services" }];

export default function Privacy() {
  return (
    <article className="prose">
      <h1>Privacy statement</h1>
      <p>Vivium Services gaat zorgvuldig om met de gegevens van klanten en dienstverleners.</p>
      <h2>Welke gegevens wij bewaren</h2>
      <ul>
        <li>Van dienstverleners: naam, contactgegevens, adres, geboortedatum, bedrijfsgegevens, profielteksten, foto en prijzen.</li>
        <li>Van klanten die contact aanvragen: naam, e-mailadres, telefoonnummer, de plaats waar hulp nodig is en het bericht.</li>
        <li>Van klanten die ons om hulp bij het zoeken vragen: naam, telefoonnummer, waar zij hulp bij zoeken en de plaats.</li>
      </ul>
      <h2>Waarvoor wij ze gebruiken</h2>
      <p>
        Om klanten en dienstverleners met elkaar in contact te brengen, om dienstverleners te controleren en om
        betalingen af te handelen. Wij verkopen uw gegevens nooit aan anderen.
      </p>
      <h2>Wat openbaar is</h2>
      <p>
        Op het profiel van een dienstverlener staan de naam, foto, teksten, prijzen en het werkgebied. Het huisadres,
        de geboortedatum en het telefoonnummer staan er niet op.
      </p>
      <h2>Uw rechten</h2>
      <p>
        U mag uw gegevens altijd inzien, laten aanpassen of laten verwijderen. Dienstverleners kunnen dat ook zelf in
        hun eigen omgeving doen.
      </p>
      <h2>Contact</h2>
      <p>
        Vragen over privacy? Bel <a href={CONTACT.phoneHref}>{CONTACT.phone}</a> of mail naar{" "}
        <a href={`mailto:${CONTACT.email}`}>{CONTACT.email}</a>.
      </p>
    </article>
  );
}
