import { describe, expect, it } from "vitest";
import { ownPagesLink } from "./signed-in";

describe("ownPagesLink: the header link to someone's own pages", () => {
  it.each([
    ["draft", { label: "Mijn aanmelding", href: "/aanmelden/verder" }],
    ["awaiting_payment", { label: "Mijn aanmelding", href: "/aanmelden/verder" }],
    ["live", { label: "Mijn Vivium", href: "/backoffice" }],
    ["paused", { label: "Mijn Vivium", href: "/backoffice" }],
    ["suspended", { label: "Mijn Vivium", href: "/backoffice" }],
  ] as const)("a provider with status %s", (status, expected) => {
    expect(ownPagesLink({ kind: "provider", status })).toEqual(expected);
  });

  it("takes staff to the staff console", () => {
    expect(ownPagesLink({ kind: "staff" })).toEqual({ label: "Beheer", href: "/beheer" });
  });
});
