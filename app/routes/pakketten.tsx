import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CONTACT } from "~/domain/contact";
import { formatEuro } from "~/domain/money";
import { FIRST_PACKAGE_CREDIT_CENTS, getPackage, PACKAGES, starsLabel, type PromotionPackage } from "~/domain/packages";
import stylesHref from "~/styles/packages.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction = () => [
  { title: "Promotiepakketten voor dienstverleners — Vivium Services" },
  {
    name: "description",
    content: "Basispakket, Pluspakket, Luxepakket en Fee-pakket: wat elk promotiepakket van Vivium Services bevat en wat het per jaar kost.",
  },
];

const basis = getPackage("basis");

/** An amount that never breaks between "€" and the number. */
function Euro({ cents }: { cents: number }) {
  return <span className="amount">{formatEuro(cents)}</span>;
}

export default function PackagesPage() {
  return (
    <>
      <h1>Promotiepakketten voor dienstverleners</h1>
      <p className="lead">
        Met een promotiepakket maken wij reclame voor u via onze eigen kanalen, zodat zoveel mogelijk senioren u leren
        kennen. Hoe uitgebreider het pakket, hoe meer promotie wij voor u maken.
      </p>
      <div className="notice">
        <p>
          <strong>Wij bellen u om te bespreken welk pakket bij u past.</strong> Dat doen wij nadat u zich heeft
          aangemeld; uw profiel staat dan al online.
        </p>
        <p>
          Bij uw aanmelding betaalt u eenmalig <Euro cents={FIRST_PACKAGE_CREDIT_CENTS} /> administratiekosten. Dat
          bedrag trekken wij af van de prijs van uw eerste pakket. Een {basis.name} kost het eerste jaar dus{" "}
          <Euro cents={basis.priceCents - FIRST_PACKAGE_CREDIT_CENTS} />.
        </p>
      </div>

      <ul className="package-list">
        {PACKAGES.map((pkg) => (
          <li key={pkg.key}>
            <PackageCard pkg={pkg} />
          </li>
        ))}
      </ul>

      <h2>Zo werkt het</h2>
      <ol>
        <li>
          U meldt zich aan als dienstverlener en betaalt <Euro cents={FIRST_PACKAGE_CREDIT_CENTS} /> administratiekosten.
          Uw profiel staat dan direct online.
        </li>
        <li>Wij bellen u en bespreken samen welk pakket het beste bij u past.</li>
        <li>
          U betaalt het pakket met iDEAL. Bij uw eerste pakket gaat er <Euro cents={FIRST_PACKAGE_CREDIT_CENTS} /> af. U
          krijgt van elke betaling een factuur.
        </li>
        <li>Een pakket loopt een jaar. Voordat het afloopt, nemen wij contact met u op over verlengen.</li>
      </ol>
      <p>Alle prijzen zijn per jaar en inclusief 21% btw.</p>
      <p>
        Vragen over de pakketten? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
      </p>
      <p>
        <Link to="/aanmelden" className="button">
          Aanmelden als dienstverlener
        </Link>
      </p>
    </>
  );
}

function PackageCard({ pkg }: { pkg: PromotionPackage }) {
  const headingId = `pakket-${pkg.key}`;
  return (
    <article className="package-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{pkg.name}</h2>
      <p className="stars">
        <span aria-hidden="true">{"★".repeat(pkg.stars)}</span>
        <span className="visually-hidden">{starsLabel(pkg.stars)}</span>
      </p>
      <p className="package-card__price">
        {pkg.priceIsMinimum ? "Vanaf " : null}
        <strong>
          <Euro cents={pkg.priceCents} />
        </strong> per jaar
        <span className="package-card__vat">
          inclusief btw{pkg.priceIsMinimum ? "; de prijs spreken wij met u af" : ""}
        </span>
      </p>
      {pkg.contents.map((group) => (
        <div key={group.key}>
          <h3>{group.title}</h3>
          <ul>
            {group.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
    </article>
  );
}
