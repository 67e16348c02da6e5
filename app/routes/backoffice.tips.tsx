import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireProvider } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Hints en tips — Mijn omgeving — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProvider(request);
  return null;
}

/** How to get more customers, in our own words, each tip with the page where the provider acts on it. */
export default function Tips() {
  return (
    <>
      <h1>Hints en tips: zo krijgt u meer klanten</h1>
      <p className="lead">
        Klanten kiezen iemand die ze vertrouwen. Hoe meer uw profiel laat zien wie u bent en wat u kost, hoe eerder zij
        contact met u opnemen. Deze tips helpen daarbij.
      </p>

      <section aria-labelledby="tip-foto">
        <h2 id="tip-foto">1. Laat uw gezicht zien</h2>
        <p>
          Een profiel met een foto wordt veel vaker bekeken dan een profiel zonder. Kies een recente, scherpe foto waarop u
          vriendelijk in de camera kijkt, bij voorkeur tegen een lichte achtergrond. Een vakantiefoto of een logo werkt
          minder goed: klanten willen zien wie er straks aanbelt.
        </p>
        <p>
          <Link to="/backoffice/instellingen/profiel">Foto toevoegen of aanpassen</Link>
        </p>
      </section>

      <section aria-labelledby="tip-prijzen">
        <h2 id="tip-prijzen">2. Noem minstens drie prijzen</h2>
        <p>
          Wie weet wat iets kost, belt sneller. Beschrijf minstens drie diensten met hun prijs, per uur of per dienst. Vertel
          ook of u voorrijkosten rekent. Leden van Vivium zien automatisch hun ledenprijs met 10% korting.
        </p>
        <p>
          <Link to="/backoffice/instellingen/diensten">Diensten en prijzen aanpassen</Link>
        </p>
      </section>

      <section aria-labelledby="tip-video">
        <h2 id="tip-video">3. Stel uzelf voor in een korte video</h2>
        <p>
          In een minuut ziet en hoort een klant hoe u bent. Vertel wie u bent, wat u doet en wat u anders maakt dan
          anderen. Zorg voor goed licht, een rustige achtergrond en praat rustig en duidelijk.
        </p>
        <p>
          <Link to="/backoffice/video" reloadDocument>
            Een voorstelvideo opnemen
          </Link>
        </p>
      </section>

      <section aria-labelledby="tip-snel">
        <h2 id="tip-snel">4. Reageer snel op contactverzoeken</h2>
        <p>
          U bent verplicht binnen twee werkdagen te reageren, maar hoe sneller, hoe beter: wie dezelfde dag belt, krijgt
          vaker de opdracht. Zet daarna in uw overzicht of u een afspraak heeft gemaakt, zodat wij zien dat klanten goed
          geholpen worden.
        </p>
        <p>
          <Link to="/backoffice/aanvragen">Naar uw contactverzoeken</Link>
        </p>
      </section>

      <section aria-labelledby="tip-reviews">
        <h2 id="tip-reviews">5. Verzamel beoordelingen</h2>
        <p>
          Handelt u een contactverzoek na uw bezoek af met “Geholpen”, dan vragen wij de klant om een beoordeling. Goede beoordelingen zijn het sterkste
          bewijs dat u te vertrouwen bent. Reageer vriendelijk op wat klanten schrijven, ook als het eens minder goed ging.
        </p>
        <p>
          <Link to="/backoffice/beoordelingen">Naar uw beoordelingen</Link>
        </p>
      </section>

      <section aria-labelledby="tip-tekst">
        <h2 id="tip-tekst">6. Houd uw profiel actueel</h2>
        <p>
          Schrijf in uw profieltekst in gewone woorden wat u doet en voor wie. Klopt uw werkgebied nog, en de dagdelen
          waarop u beschikbaar bent? Gaat u op vakantie, zet uw profiel dan tijdelijk op niet beschikbaar.
        </p>
        <p>
          <Link to="/backoffice/instellingen">Naar uw instellingen</Link>
        </p>
      </section>
    </>
  );
}
