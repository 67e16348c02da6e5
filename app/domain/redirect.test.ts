import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/backoffice")).toBe("/backoffice");
    expect(safeRedirect("/aanmelden/profiel?x=1#top")).toBe("/aanmelden/profiel?x=1#top");
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "backoffice", "", "/\t/evil.example"])(
    "refuses %j",
    (target) => {
      expect(safeRedirect(target, "/start")).toBe("/start");
    },
  );

  it("falls back when nothing is given", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
  });
});
