import { describe, expect, it } from "vitest";
import {
  centredCrop,
  checkCrop,
  fitCrop,
  isLargeEnoughForCrop,
  parseCropFields,
  parseStoredCrop,
  sameCrop,
  scaleCrop,
} from "~/domain/profile-photo";

describe("centredCrop", () => {
  it("takes the full height of a landscape photo, centred left to right", () => {
    expect(centredCrop(1200, 800)).toEqual({ left: 280, top: 0, width: 640, height: 800 });
  });

  it("takes the full width of a tall photo and keeps its upper third at the crop's upper third", () => {
    // 800 × 1000 out of 800 × 1200: 200 px to spare, a third of it above.
    expect(centredCrop(800, 1200)).toEqual({ left: 0, top: 66, width: 800, height: 1000 });
  });

  it("uses the whole photo when it is already 4:5", () => {
    expect(centredCrop(800, 1000)).toEqual({ left: 0, top: 0, width: 800, height: 1000 });
  });

  it("is exactly 4:5 even for odd sizes", () => {
    const crop = centredCrop(1001, 777);
    expect(crop.width * 5).toBe(crop.height * 4);
    expect(crop.left + crop.width).toBeLessThanOrEqual(1001);
    expect(crop.top + crop.height).toBeLessThanOrEqual(777);
  });
});

describe("checkCrop", () => {
  it("accepts a 4:5 crop inside the image", () => {
    expect(checkCrop({ left: 100, top: 50, width: 400, height: 500 }, 1200, 800)).toEqual({ left: 100, top: 50, width: 400, height: 500 });
  });

  it("rounds a crop a pixel off 4:5 to an exact one around the same centre", () => {
    const crop = checkCrop({ left: 100, top: 50, width: 401, height: 500 }, 1200, 800);
    expect(crop).not.toBeNull();
    expect(crop!.width * 5).toBe(crop!.height * 4);
    expect(Math.abs(crop!.left + crop!.width / 2 - 300.5)).toBeLessThanOrEqual(1);
  });

  it.each([
    ["outside on the right", { left: 900, top: 0, width: 400, height: 500 }],
    ["outside at the bottom", { left: 0, top: 400, width: 400, height: 500 }],
    ["negative", { left: -1, top: 0, width: 400, height: 500 }],
    ["not whole numbers", { left: 0.5, top: 0, width: 400, height: 500 }],
    ["smaller than 200 px wide", { left: 0, top: 0, width: 160, height: 200 }],
    ["square", { left: 0, top: 0, width: 500, height: 500 }],
    ["landscape", { left: 0, top: 0, width: 500, height: 400 }],
  ])("refuses a crop that is %s", (_label, crop) => {
    expect(checkCrop(crop, 1200, 800)).toBeNull();
  });
});

describe("scaleCrop and fitCrop", () => {
  it("maps a crop chosen on the upload onto the downscaled original", () => {
    expect(scaleCrop({ left: 1000, top: 200, width: 800, height: 1000 }, 0.8, 2400, 1600)).toEqual({ left: 800, top: 160, width: 640, height: 800 });
  });

  it("keeps a crop at the edge inside the image", () => {
    expect(fitCrop(1190, 790, 400, 1200, 800)).toEqual({ left: 800, top: 300, width: 400, height: 500 });
    expect(fitCrop(-50, -50, 400, 1200, 800)).toEqual({ left: 0, top: 0, width: 400, height: 500 });
  });

  it("never makes a crop larger than the image", () => {
    expect(fitCrop(600, 400, 5000, 1200, 800)).toEqual({ left: 280, top: 0, width: 640, height: 800 });
  });
});

describe("form and database values", () => {
  it("reads the four hidden fields only when all are plain whole numbers", () => {
    expect(parseCropFields({ left: "10", top: "20", width: "400", height: "500" })).toEqual({ left: 10, top: 20, width: 400, height: 500 });
    expect(parseCropFields({ left: "10.5", top: "20", width: "400", height: "500" })).toBeNull();
    expect(parseCropFields({ left: "-10", top: "20", width: "400", height: "500" })).toBeNull();
    expect(parseCropFields({ left: "1e3", top: "20", width: "400", height: "500" })).toBeNull();
    expect(parseCropFields({ left: null, top: "20", width: "400", height: "500" })).toBeNull();
  });

  it("reads the stored JSON and treats damage as no crop", () => {
    expect(parseStoredCrop('{"left":1,"top":2,"width":400,"height":500}')).toEqual({ left: 1, top: 2, width: 400, height: 500 });
    expect(parseStoredCrop("{oops")).toBeNull();
    expect(parseStoredCrop('{"left":"1","top":2,"width":400,"height":500}')).toBeNull();
    expect(parseStoredCrop(null)).toBeNull();
  });

  it("compares crops by value", () => {
    expect(sameCrop({ left: 1, top: 2, width: 4, height: 5 }, { left: 1, top: 2, width: 4, height: 5 })).toBe(true);
    expect(sameCrop({ left: 1, top: 2, width: 4, height: 5 }, { left: 0, top: 2, width: 4, height: 5 })).toBe(false);
    expect(sameCrop(null, null)).toBe(false);
  });

  it("knows when an image is too small for the smallest crop", () => {
    expect(isLargeEnoughForCrop(200, 250)).toBe(true);
    expect(isLargeEnoughForCrop(199, 1000)).toBe(false);
    expect(isLargeEnoughForCrop(1000, 249)).toBe(false);
  });
});
