import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDutchDate } from "~/domain/age";
import { formatEuro } from "~/domain/money";
import { formatPhone } from "~/domain/phone";
import { loadCoverage } from "~/server/coverage.server";
import { isSettingsSection, requireSettingsProvider, type SettingsSection } from "~/server/settings.server";
import stylesHref from "~/styles/settings.css?url";
import { coveragePlacesSummary } from "~/domain/count-messages";

export const meta: MetaFunction = () => [{ title: "Instellingen — Mijn omgeving — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

const joinName = (...parts: Array<string | null>) => parts.filter((part) => part && part.trim() !== "").join(" ");

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireSettingsProvider(request);
  const coverage = await loadCoverage(db, providerId);
  const categories = await db
    .selectFrom("provider_categories as pc")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select("c.name")
    .where("pc.provider_id", "=", providerId)
    .orderBy("c.position")
    .execute();
  const services = await db
    .selectFrom("provider_services")
    .select(["name", "price_cents", "unit"])
    .where("provider_id", "=", providerId)
    .orderBy("position")
    .execute();
  const dayparts = await db.selectFrom("provider_dayparts").select((eb) => eb.fn.countAll<number>().as("n")).where("provider_id", "=", providerId).executeTakeFirst();
  const saved = new URL(request.url).searchParams.get("opgeslagen");
  return {
    saved: isSettingsSection(saved) ? saved : null,
    publicPath: provider.slug && (provider.status === "live" || provider.status === "paused") ? `/dienstverlener/${provider.slug}` : null,
    persoonlijk: {
      name: joinName(provider.first_name, provider.infix, provider.last_name),
      email: provider.email,
      phone: provider.phone ? formatPhone(provider.phone) : null,
      birthDate: provider.birth_date ? formatDutchDate(provider.birth_date) : null,
      address: provider.home_street
        ? `${joinName(provider.home_street, provider.home_house_number, provider.home_addition)}, ${joinName(provider.home_postcode, provider.home_city)}`
        : null,
    },
    bedrijf: {
      company: provider.has_kvk ? `${provider.company_name ?? ""} (KvK ${provider.kvk_number ?? "?"})` : provider.has_kvk === 0 ? "Geen inschrijving bij de KvK" : null,
      workAddress: provider.has_work_address
        ? `${joinName(provider.work_street, provider.work_house_number, provider.work_addition)}, ${joinName(provider.work_postcode, provider.work_city)}`
        : provider.has_work_address === 0
          ? "Geen apart werkadres"
          : null,
    },
    profiel: { introText: provider.intro_text, hasPhoto: provider.photo_upload_id !== null },
    werkgebied: {
      coverage:
        coverage === null
          ? null
          : coverage.mode === "nationwide"
            ? "Heel Nederland"
            : coverage.mode === "radius"
              ? `Tot ${coverage.radiusKm} km rondom uw adres`
              : coveragePlacesSummary(coverage.placeIds.length),
      dayparts: Number(dayparts?.n ?? 0),
    },
    diensten: {
      categories: categories.map((c) => c.name),
      services: services.map((s) => `${s.name}: ${formatEuro(s.price_cents)} per ${s.unit === "hour" ? "uur" : "dienst"}`),
    },
  };
}

const SECTION_TITLES: Record<SettingsSection, string> = {
  persoonlijk: "Persoonlijke gegevens",
  bedrijf: "Bedrijfsgegevens",
  profiel: "Profiel en foto",
  werkgebied: "Werkgebied en dagdelen",
  diensten: "Diensten en prijzen",
};

const NOT_FILLED = "Nog niet ingevuld";

export default function SettingsOverview() {
  const page = useLoaderData<typeof loader>();
  const { persoonlijk, bedrijf, profiel, werkgebied, diensten } = page;
  return (
    <>
      <h1>Instellingen</h1>
      {page.saved ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>Uw wijzigingen zijn opgeslagen.</strong> ({SECTION_TITLES[page.saved]})
            {page.publicPath ? " Klanten zien ze meteen op uw profiel en in de zoekresultaten." : null}
          </p>
        </div>
      ) : null}
      <p className="lead">
        Hier ziet u wat u bij uw aanmelding heeft ingevuld. Kies bij een onderdeel &quot;Wijzigen&quot; om het aan te
        passen.
      </p>
      {page.publicPath ? (
        <p>
          <Link to={page.publicPath}>Bekijk uw profiel zoals klanten het zien</Link>
        </p>
      ) : null}

      <Section id="persoonlijk" title={SECTION_TITLES.persoonlijk}>
        <Fact label="Naam" value={persoonlijk.name} />
        <Fact label="Telefoonnummer" value={persoonlijk.phone} />
        <Fact label="Geboortedatum" value={persoonlijk.birthDate} />
        <Fact label="Thuisadres" value={persoonlijk.address} />
      </Section>

      <section aria-labelledby="settings-account" className="settings-section">
        <h2 id="settings-account">E-mailadres en wachtwoord</h2>
        <dl className="facts">
          <Fact label="E-mailadres" value={persoonlijk.email} />
        </dl>
        <p>
          Uw e-mailadres of wachtwoord wijzigt u bij <Link to="/backoffice/account">E-mailadres en wachtwoord</Link>. Een
          nieuw e-mailadres gaat pas in als u op de link klikt die wij daarheen sturen; daarna logt u in met dat e-mailadres.
        </p>
      </section>

      <Section id="bedrijf" title={SECTION_TITLES.bedrijf}>
        <Fact label="Bedrijf" value={bedrijf.company} />
        <Fact label="Werkadres" value={bedrijf.workAddress} />
      </Section>

      <Section id="profiel" title={SECTION_TITLES.profiel}>
        <Fact label="Introductietekst" value={profiel.introText} />
        <Fact label="Profielfoto" value={profiel.hasPhoto ? "Ja" : "Nog geen foto"} />
      </Section>

      <Section id="werkgebied" title={SECTION_TITLES.werkgebied}>
        <Fact label="Werkgebied" value={werkgebied.coverage} />
        <Fact label="Dagdelen" value={werkgebied.dayparts === 0 ? NOT_FILLED : `${werkgebied.dayparts} dagdelen per week`} />
      </Section>

      <Section id="diensten" title={SECTION_TITLES.diensten}>
        <Fact label="Categorieën" value={diensten.categories.length > 0 ? diensten.categories.join(", ") : null} />
        <Fact
          label="Diensten"
          value={
            diensten.services.length > 0 ? (
              <ul className="settings-list">
                {diensten.services.map((service) => (
                  <li key={service}>{service}</li>
                ))}
              </ul>
            ) : null
          }
        />
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: SettingsSection; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`settings-${id}`} className="settings-section">
      <h2 id={`settings-${id}`}>{title}</h2>
      <dl className="facts">{children}</dl>
      <p>
        <Link to={`/backoffice/instellingen/${id}`} className="button button--secondary">
          Wijzigen<span className="visually-hidden">: {title.toLowerCase()}</span>
        </Link>
      </p>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === "" ? NOT_FILLED : value}</dd>
    </>
  );
}
