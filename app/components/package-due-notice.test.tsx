import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { PackageDueNotice } from "./package-due-notice";

const render = (element: ReactElement) => renderToStaticMarkup(<MemoryRouter>{element}</MemoryRouter>);

describe("PackageDueNotice", () => {
  it("names the package, the amount after the € 10 credit and links to paying it", () => {
    const html = render(
      <PackageDueNotice packages={[{ id: 7, name: "Pluspakket", priceCents: 30_000, creditCents: 1000 }]} payPath={(pkg) => `/backoffice/pakket#te-betalen-${pkg.id}`} />,
    );
    expect(html).toContain("<strong>Uw Pluspakket staat klaar.</strong> Te betalen: € 290,00 (€ 300,00 min € 10,00 tegoed van uw aanmelding), inclusief btw.");
    expect(html).toContain('href="/backoffice/pakket#te-betalen-7"');
    expect(html).toContain("Betaal uw Pluspakket");
  });

  it("shows nothing when nothing is due", () => {
    expect(render(<PackageDueNotice packages={[]} payPath={() => "/"} />)).toBe("");
  });
});
