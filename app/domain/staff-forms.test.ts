import { describe, expect, it } from "vitest";
import { addMemberSchema, assignPackageSchema, reviewModerationSchema } from "./staff-forms";

describe("assignPackageSchema", () => {
  const parse = (values: Record<string, string>) => assignPackageSchema.safeParse({ intent: "assign", providerId: "7", ...values });

  it("takes the list price of Basis, Plus and Luxe, and refuses a price for them", () => {
    expect(parse({ package: "plus" }).data).toEqual({ providerId: 7, package: "plus", priceCents: undefined, startsOn: undefined });
    expect(parse({ package: "plus", price: "250" }).error?.issues[0]).toMatchObject({ path: ["price"] });
  });

  it("needs an agreed Fee-pakket price of at least € 500, in Dutch notation", () => {
    expect(parse({ package: "fee", price: "1.250,50" }).data?.priceCents).toBe(125_050);
    expect(parse({ package: "fee", price: "499,99" }).error?.issues[0]).toMatchObject({ path: ["price"], message: "Het Fee-pakket kost minstens € 500,00 per jaar" });
    expect(parse({ package: "fee" }).error?.issues[0]).toMatchObject({ path: ["price"] });
  });

  it("reads a Dutch start date and refuses one that does not exist", () => {
    expect(parse({ package: "basis", startsOn: "1-3-2026" }).data?.startsOn).toBe("2026-03-01");
    expect(parse({ package: "basis", startsOn: "31-2-2026" }).error?.issues[0]).toMatchObject({ path: ["startsOn"] });
  });
});

describe("addMemberSchema", () => {
  it("normalises the lidnummer and makes an empty name null", () => {
    expect(addMemberSchema.parse({ intent: "add", number: "viv-100 001", name: "" })).toEqual({ intent: "add", number: "VIV100001", name: null });
    expect(addMemberSchema.safeParse({ intent: "add", number: "12" }).success).toBe(false);
  });
});

describe("reviewModerationSchema", () => {
  it("needs a reason to hide or show again", () => {
    expect(reviewModerationSchema.safeParse({ intent: "hide", reviewId: "3", reason: "" }).success).toBe(false);
    expect(reviewModerationSchema.parse({ intent: "unhide", reviewId: "3", reason: " Aangepast " })).toEqual({ intent: "unhide", reviewId: 3, reason: "Aangepast" });
  });
});
