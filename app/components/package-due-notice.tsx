import { Link } from "@remix-run/react";
import { amountDueText } from "~/domain/packages";

export type PackageDue = { id: number; name: string; priceCents: number; creditCents: number };

/**
 * A package staff assigned that the provider still has to pay: what it costs
 * after the € 10 credit, and the way to pay. On the welcome page and on
 * Pakket en facturen, where `payPath` points at the package's own box.
 */
export function PackageDueNotice({ packages, payPath }: { packages: readonly PackageDue[]; payPath: (pkg: PackageDue) => string }) {
  return packages.map((pkg) => (
    <div key={pkg.id} className="notice">
      <p>
        <strong>Uw {pkg.name} staat klaar.</strong> Te betalen: {amountDueText(pkg)}, inclusief btw. U betaalt eenvoudig met iDEAL.
      </p>
      <p>
        <Link to={payPath(pkg)} className="button">
          Betaal uw {pkg.name}
        </Link>
      </p>
    </div>
  ));
}
