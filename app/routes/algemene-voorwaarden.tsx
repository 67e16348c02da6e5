import type { MetaFunction } from "@remix-run/node";
import { CONTACT } from "~/domain/contact";

export const meta: MetaFunction = () => [{ title: "Algemene voorwaarden voor dienstverleners — Vivium Services" }];

export default function Terms() {
  return (
    <article className="prose">
      <h1>Algemene voorwaarden voor dienstverleners</h1>
      <p>Deze voorwaarden gelden voor iedereen die zich als dienstverlener aanmeldt bij Vivium Services.</p>
      <h2>1. Wie kan dienstverlener worden</h2>
      <p>
        Iedereen die een dienst voor ouderen aanbiedt en 18 jaar of ouder is. Wij vragen een inschrijving bij de Kamer van
        Koophandel en een Verklaring Omtrent het Gedrag (VOG), die u bij uw gemeente aanvraagt.
      </p>
      <h2>2. Kennismaking en controle</h2>
      <p>
        Wij nemen na uw aanmelding contact met u op om kennis te maken. Wij bekijken uw identiteitsbewijs en uw VOG. Op
        uw profiel laten wij zien wat wij hebben gecontroleerd.
      </p>
      <h2>3. Kosten</h2>
      <p>
        U betaalt eenmalig € 10,00 administratiekosten (€ 8,26 plus € 1,74 btw). Daarna is uw profiel direct zichtbaar.
        Kiest u later een promotiepakket, dan trekken wij deze € 10,00 af van de prijs van uw eerste pakket.
      </p>
      <h2>4. Reageren op aanvragen</h2>
      <p>
        Als een klant contact met u wil, krijgt u daarvan bericht. U reageert binnen twee werkdagen en geeft in uw eigen
        omgeving aan dat u de aanvraag in behandeling heeft genomen of heeft afgehandeld.
      </p>
      <h2>5. Ledenkorting</h2>
      <p>Leden van Vivium krijgen altijd 10% korting op de prijzen die u op uw profiel noemt.</p>
      <h2>6. Uw gegevens</h2>
      <p>
        Hoe wij met uw gegevens omgaan, leest u in ons privacy statement. Uw huisadres wordt nooit op de website
        getoond.
      </p>
      <h2>Vragen?</h2>
      <p>
        Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a> ({CONTACT.hours}) of mail naar{" "}
        <a href={`mailto:${CONTACT.email}`}>{CONTACT.email}</a>.
      </p>
    </article>
  );
}
