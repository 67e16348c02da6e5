import { describe, expect, it } from "vitest";
import { addCategorySchema, swapPartner } from "./category-admin";

describe("swapPartner", () => {
  const list = [{ id: 4 }, { id: 2 }, { id: 9 }];

  it("is the neighbour above or below", () => {
    expect(swapPartner(list, 2, "up")).toEqual({ id: 4 });
    expect(swapPartner(list, 2, "down")).toEqual({ id: 9 });
  });

  it("is null at the ends and for an unknown id", () => {
    expect(swapPartner(list, 4, "up")).toBeNull();
    expect(swapPartner(list, 9, "down")).toBeNull();
    expect(swapPartner(list, 7, "up")).toBeNull();
  });
});

describe("addCategorySchema", () => {
  it("trims the name and refuses one without letters or that is too long", () => {
    expect(addCategorySchema.parse({ intent: "add", name: "  Tuinman  " }).name).toBe("Tuinman");
    expect(addCategorySchema.safeParse({ intent: "add", name: "123" }).success).toBe(false);
    expect(addCategorySchema.safeParse({ intent: "add", name: "x".repeat(61) }).success).toBe(false);
    expect(addCategorySchema.safeParse({ intent: "add", name: " " }).success).toBe(false);
  });
});
