import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SeenByChecks } from "./seen-by";

const CHECKS = ["Identiteitsbewijs gezien", "Persoonlijk gezien"];

describe("SeenByChecks: what Vivium Services checked", () => {
  it("puts its label in visible text before the list, not in an aria-label a sighted reader never sees", () => {
    const html = renderToStaticMarkup(<SeenByChecks title="Gezien door Vivium Services:" checks={CHECKS} />);
    expect(html).toMatch(/^<div class="seen-by-block"><p class="seen-by-block__title">Gezien door Vivium Services:<\/p><ul/);
    expect(html).not.toContain("aria-label");
    expect(html).not.toContain("visually-hidden");
  });

  it("shows each check as a ticked line of text, nothing that can be pressed", () => {
    const html = renderToStaticMarkup(<SeenByChecks checks={CHECKS} />);
    expect(html).toBe(
      '<ul class="seen-by">' +
        '<li><span aria-hidden="true" class="seen-by__mark">✓</span>Identiteitsbewijs gezien</li>' +
        '<li><span aria-hidden="true" class="seen-by__mark">✓</span>Persoonlijk gezien</li>' +
        "</ul>",
    );
    expect(html).not.toMatch(/<(a|button)\b|role="button"|class="[^"]*button/);
  });
});
