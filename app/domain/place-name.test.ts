import { describe, expect, it } from "vitest";
import { foldPlaceName } from "./place-name";

describe("foldPlaceName", () => {
  it("ignores case, accents, apostrophes and hyphens", () => {
    expect(foldPlaceName("'s-Hertogenbosch")).toBe("s hertogenbosch");
    expect(foldPlaceName("S HERTOGENBOSCH")).toBe("s hertogenbosch");
    expect(foldPlaceName("’s-Gravenhage")).toBe("s gravenhage");
    expect(foldPlaceName("Kapel-Avezaath")).toBe(foldPlaceName("Kapel Avezaath"));
    expect(foldPlaceName("Eénrum")).toBe("eenrum");
    expect(foldPlaceName("  Alphen  a/d Rijn ")).toBe("alphen a d rijn");
  });
});
