import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PHOTO_MAX_BYTES, type PhotoProblem } from "~/domain/profile-photo";
import type { Db } from "~/server/db.server";
import {
  deletePhoto,
  findProviderPhoto,
  PhotoError,
  readPhotoForm,
  readPhotoVariant,
  recropPhoto,
  savePhoto,
} from "~/server/photos.server";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let uploadsDir: string;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
});
afterAll(async () => {
  await t.cleanup();
});
beforeEach(() => {
  uploadsDir = fs.mkdtempSync(path.join(t.dir, "uploads-"));
});

// ---------------------------------------------------------------------------
// Real images, made by sharp

function solid(width: number, height: number, colour: string) {
  return sharp({ create: { width, height, channels: 3, background: colour } });
}

/** Random pixels: a JPEG of these does not compress to almost nothing, so cutting it in half really damages it. */
function noise(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } });
}

/** Left half red, right half blue. */
async function halves(width: number, height: number) {
  const blue = await solid(width / 2, height, "#0000ff").png().toBuffer();
  return solid(width, height, "#ff0000").composite([{ input: blue, left: width / 2, top: 0 }]);
}

async function meanColour(input: Buffer | string, region?: { left: number; top: number; width: number; height: number }) {
  // stats() reads its input, not the result of extract(), so the region is cut out first.
  const image = region ? sharp(await sharp(input).extract(region).toBuffer()) : sharp(input);
  const { channels } = await image.stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}

function filesOf(id: string): string[] {
  const dir = path.join(uploadsDir, "photos", id);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

const ALL_FILES = ["160.jpg", "160.webp", "480.jpg", "480.webp", "960.jpg", "960.webp", "original.jpg"];

async function expectRefused(buffer: Buffer, problem: PhotoProblem) {
  const providerId = await insertTestProvider(db);
  const error = await savePhoto(db, uploadsDir, providerId, { buffer, fileName: "foto.jpg" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PhotoError);
  expect((error as PhotoError).problem).toBe(problem);
  // Nothing is left behind: no folder, no row, no link.
  expect(fs.existsSync(path.join(uploadsDir, "photos")) ? fs.readdirSync(path.join(uploadsDir, "photos")) : []).toEqual([]);
  expect(await findProviderPhoto(db, providerId)).toBeNull();
  return error as PhotoError;
}

// ---------------------------------------------------------------------------

describe("savePhoto", () => {
  it("stores a PNG as an upright JPEG original plus the portrait crop in three widths, WebP and JPEG", async () => {
    const providerId = await insertTestProvider(db);
    const png = await solid(1000, 800, "#336699").png().toBuffer();
    const saved = await savePhoto(db, uploadsDir, providerId, { buffer: png, fileName: "mijn foto.png" });

    expect(saved.id).toMatch(/^[0-9a-f]{32}$/);
    expect(filesOf(saved.id)).toEqual(ALL_FILES);
    const dir = path.join(uploadsDir, "photos", saved.id);
    for (const [width, height] of [[160, 200], [480, 600], [960, 1200]] as const) {
      const webp = await sharp(path.join(dir, `${width}.webp`)).metadata();
      const jpg = await sharp(path.join(dir, `${width}.jpg`)).metadata();
      expect([webp.format, webp.width, webp.height]).toEqual(["webp", width, height]);
      expect([jpg.format, jpg.width, jpg.height]).toEqual(["jpeg", width, height]);
    }
    const original = await sharp(path.join(dir, "original.jpg")).metadata();
    expect([original.format, original.width, original.height]).toEqual(["jpeg", 1000, 800]);

    const row = await db.selectFrom("uploads").selectAll().where("id", "=", saved.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider_id: providerId, kind: "photo", original_name: "mijn foto.png", content_type: "image/jpeg", width: 1000, height: 800 });
    expect(row.byte_size).toBe(fs.statSync(path.join(dir, "original.jpg")).size);
    expect(JSON.parse(row.crop!)).toEqual({ left: 180, top: 0, width: 640, height: 800 });
    const provider = await db.selectFrom("providers").select("photo_upload_id").where("id", "=", providerId).executeTakeFirstOrThrow();
    expect(provider.photo_upload_id).toBe(saved.id);
  });

  it("turns a JPEG upright by its EXIF orientation and strips the metadata", async () => {
    const providerId = await insertTestProvider(db);
    // Stored sideways (1200 × 800, red on the left); orientation 6 says: turn a quarter to the right.
    const jpeg = await (await halves(1200, 800)).jpeg().withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "Vivium test" } } }).toBuffer();
    const saved = await savePhoto(db, uploadsDir, providerId, { buffer: jpeg, fileName: "IMG_0001.JPG" });

    const originalFile = path.join(uploadsDir, "photos", saved.id, "original.jpg");
    const original = await sharp(originalFile).metadata();
    expect([original.width, original.height]).toEqual([800, 1200]);
    expect(original.orientation).toBeUndefined();
    expect(original.exif).toBeUndefined();
    // Turned to the right, the left edge is now the top: red above, blue below.
    const [topRed, , topBlue] = await meanColour(originalFile, { left: 0, top: 0, width: 800, height: 500 });
    const [bottomRed, , bottomBlue] = await meanColour(originalFile, { left: 0, top: 700, width: 800, height: 500 });
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(50);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(50);
    // A tall photo: the full width, with a third of the spare height above the crop.
    expect(saved.crop).toEqual({ left: 0, top: 66, width: 800, height: 1000 });
  });

  it("renders the crop the provider chose, scaled onto the downscaled original", async () => {
    const providerId = await insertTestProvider(db);
    // 3000 × 2000, grey, with a green block at x 1000–1800, y 200–1200: exactly the requested crop.
    const green = await solid(800, 1000, "#00ff00").png().toBuffer();
    const png = await solid(3000, 2000, "#808080").composite([{ input: green, left: 1000, top: 200 }]).png().toBuffer();
    const saved = await savePhoto(db, uploadsDir, providerId, { buffer: png, fileName: "groot.png" }, { left: 1000, top: 200, width: 800, height: 1000 });

    expect([saved.width, saved.height]).toEqual([2400, 1600]);
    expect(saved.crop).toEqual({ left: 800, top: 160, width: 640, height: 800 });
    const [r, g, b] = await meanColour(path.join(uploadsDir, "photos", saved.id, "160.jpg"));
    expect(g).toBeGreaterThan(230);
    expect(r).toBeLessThan(30);
    expect(b).toBeLessThan(30);
  });

  it("falls back to the centred crop when the chosen crop is not 4:5 or not inside the photo", async () => {
    const providerId = await insertTestProvider(db);
    const jpeg = await solid(1200, 800, "#aabbcc").jpeg().toBuffer();
    const square = await savePhoto(db, uploadsDir, providerId, { buffer: jpeg, fileName: "a.jpg" }, { left: 0, top: 0, width: 600, height: 600 });
    expect(square.crop).toEqual({ left: 280, top: 0, width: 640, height: 800 });
    const outside = await savePhoto(db, uploadsDir, providerId, { buffer: jpeg, fileName: "a.jpg" }, { left: 900, top: 0, width: 400, height: 500 });
    expect(outside.crop).toEqual({ left: 280, top: 0, width: 640, height: 800 });
  });

  it("puts a transparent PNG on white", async () => {
    const providerId = await insertTestProvider(db);
    const png = await sharp({ create: { width: 400, height: 500, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const saved = await savePhoto(db, uploadsDir, providerId, { buffer: png, fileName: "vrijstaand.png" });
    expect(await meanColour(path.join(uploadsDir, "photos", saved.id, "480.jpg"))).toEqual([255, 255, 255]);
  });

  it("deletes the previous photo's files and row when a new one replaces it", async () => {
    const providerId = await insertTestProvider(db);
    const first = await savePhoto(db, uploadsDir, providerId, { buffer: await solid(800, 1000, "#ff0000").jpeg().toBuffer(), fileName: "1.jpg" });
    const second = await savePhoto(db, uploadsDir, providerId, { buffer: await solid(800, 1000, "#0000ff").png().toBuffer(), fileName: "2.png" });

    expect(filesOf(first.id)).toEqual([]);
    expect(filesOf(second.id)).toEqual(ALL_FILES);
    const rows = await db.selectFrom("uploads").select("id").where("provider_id", "=", providerId).execute();
    expect(rows.map((r) => r.id)).toEqual([second.id]);
    expect((await findProviderPhoto(db, providerId))?.id).toBe(second.id);
  });
});

describe("refused uploads", () => {
  it("refuses a text file named .jpg", async () => {
    const error = await expectRefused(Buffer.from("Dit is geen foto maar een boodschappenlijstje.\n".repeat(50)), "not-an-image");
    expect(error.message).toContain("Dit bestand is geen foto in PNG- of JPG-formaat");
  });

  it("refuses another image format (GIF) even though it is a real image", async () => {
    await expectRefused(await solid(400, 500, "#123456").gif().toBuffer(), "not-an-image");
  });

  it("refuses a JPEG that was cut off halfway", async () => {
    const jpeg = await noise(800, 1000).jpeg({ quality: 90 }).toBuffer();
    const error = await expectRefused(jpeg.subarray(0, Math.floor(jpeg.length / 2)), "damaged");
    expect(error.message).toContain("beschadigd");
  });

  it("refuses a small file that would decode to 64 megapixels", async () => {
    const png = await solid(8000, 8000, "#ffffff").png().toBuffer();
    expect(png.length).toBeLessThan(PHOTO_MAX_BYTES);
    const error = await expectRefused(png, "too-many-pixels");
    expect(error.message).toContain("50 megapixel");
  });

  it("refuses more than 10 MB before looking at the content", async () => {
    const big = Buffer.alloc(PHOTO_MAX_BYTES + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    const error = await expectRefused(big, "too-large");
    expect(error.message).toBe("De foto is groter dan 10 MB. Kies een kleinere foto, of verklein de foto eerst.");
  });

  it("refuses a photo too small for a sharp portrait", async () => {
    await expectRefused(await solid(150, 150, "#abcdef").png().toBuffer(), "too-small");
  });
});

describe("recropPhoto and deletePhoto", () => {
  it("renders a new crop under a new id and removes the old one", async () => {
    const providerId = await insertTestProvider(db);
    const green = await solid(400, 500, "#00ff00").png().toBuffer();
    const png = await solid(1200, 800, "#808080").composite([{ input: green, left: 700, top: 200 }]).png().toBuffer();
    const saved = await savePhoto(db, uploadsDir, providerId, { buffer: png, fileName: "a.png" });

    const recropped = await recropPhoto(db, uploadsDir, providerId, saved.id, { left: 700, top: 200, width: 400, height: 500 });
    expect(recropped).not.toBeNull();
    expect(recropped!.id).not.toBe(saved.id);
    expect(filesOf(saved.id)).toEqual([]);
    expect(filesOf(recropped!.id)).toEqual(ALL_FILES);
    const current = await findProviderPhoto(db, providerId);
    expect(current).toMatchObject({ id: recropped!.id, originalName: "a.png", crop: { left: 700, top: 200, width: 400, height: 500 } });
    const [, g] = await meanColour(path.join(uploadsDir, "photos", recropped!.id, "480.webp"));
    expect(g).toBeGreaterThan(230);
  });

  it("does nothing for the same crop, an invalid crop or a photo that is no longer current", async () => {
    const providerId = await insertTestProvider(db);
    const saved = await savePhoto(db, uploadsDir, providerId, { buffer: await solid(1200, 800, "#808080").jpeg().toBuffer(), fileName: "a.jpg" });
    expect(await recropPhoto(db, uploadsDir, providerId, saved.id, saved.crop)).toBeNull();
    expect(await recropPhoto(db, uploadsDir, providerId, saved.id, { left: 0, top: 0, width: 500, height: 500 })).toBeNull();
    const other = await insertTestProvider(db);
    expect(await recropPhoto(db, uploadsDir, other, saved.id, { left: 0, top: 0, width: 400, height: 500 })).toBeNull();
    expect((await findProviderPhoto(db, providerId))?.id).toBe(saved.id);
  });

  it("deletes the photo's row and files and unlinks it", async () => {
    const providerId = await insertTestProvider(db);
    const saved = await savePhoto(db, uploadsDir, providerId, { buffer: await solid(800, 1000, "#808080").jpeg().toBuffer(), fileName: "a.jpg" });
    expect(await deletePhoto(db, uploadsDir, providerId)).toBe(true);
    expect(filesOf(saved.id)).toEqual([]);
    expect(await findProviderPhoto(db, providerId)).toBeNull();
    expect(await db.selectFrom("uploads").select("id").where("id", "=", saved.id).executeTakeFirst()).toBeUndefined();
    expect(await deletePhoto(db, uploadsDir, providerId)).toBe(false);
  });
});

describe("readPhotoVariant", () => {
  it("serves a live provider's crops to anyone, and nothing else without being the owner", async () => {
    const live = await insertTestProvider(db, { status: "live" });
    const saved = await savePhoto(db, uploadsDir, live, { buffer: await solid(800, 1000, "#808080").jpeg().toBuffer(), fileName: "a.jpg" });
    const nobody = async () => null;

    const webp = await readPhotoVariant(db, uploadsDir, saved.id, "480.webp", nobody);
    expect(webp).toMatchObject({ contentType: "image/webp", visibility: "public" });
    expect((await sharp(webp!.body).metadata()).width).toBe(480);
    expect(await readPhotoVariant(db, uploadsDir, saved.id, "160.jpg", nobody)).toMatchObject({ contentType: "image/jpeg" });
    expect(await readPhotoVariant(db, uploadsDir, saved.id, "original.jpg", nobody)).toBeNull();
    expect(await readPhotoVariant(db, uploadsDir, saved.id, "original.jpg", async () => live)).toMatchObject({ visibility: "private" });
  });

  it("serves a draft provider's photo only to that provider", async () => {
    const draft = await insertTestProvider(db, { status: "draft" });
    const saved = await savePhoto(db, uploadsDir, draft, { buffer: await solid(800, 1000, "#808080").jpeg().toBuffer(), fileName: "a.jpg" });
    expect(await readPhotoVariant(db, uploadsDir, saved.id, "480.jpg", async () => null)).toBeNull();
    expect(await readPhotoVariant(db, uploadsDir, saved.id, "480.jpg", async () => draft + 1000)).toBeNull();
    expect(await readPhotoVariant(db, uploadsDir, saved.id, "480.jpg", async () => draft)).toMatchObject({ visibility: "private" });
  });

  it.each([
    ["an id with a path in it", "../../../etc", "480.jpg"],
    ["a variant with a path in it", null, "../original.jpg"],
    ["an unknown width", null, "500.jpg"],
    ["an unknown format", null, "480.png"],
    ["an unknown id", "0".repeat(32), "480.jpg"],
  ])("answers nothing for %s", async (_label, id, variant) => {
    const live = await insertTestProvider(db, { status: "live" });
    const saved = await savePhoto(db, uploadsDir, live, { buffer: await solid(800, 1000, "#808080").jpeg().toBuffer(), fileName: "a.jpg" });
    expect(await readPhotoVariant(db, uploadsDir, id ?? saved.id, variant, async () => live)).toBeNull();
  });
});

describe("readPhotoForm", () => {
  function multipartRequest(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("photo", file ? new File([new Uint8Array(file.bytes)], file.name, { type: "image/jpeg" }) : new File([], "", { type: "application/octet-stream" }));
    return new Request("http://localhost/aanmelden/profiel", { method: "POST", body: form });
  }

  it("keeps the typed texts when the photo is over 10 MB", async () => {
    const { formData, photo } = await readPhotoForm(multipartRequest({ introText: "Hallo", profileText: "Lang verhaal" }, { name: "groot.jpg", bytes: Buffer.alloc(PHOTO_MAX_BYTES + 10) }));
    expect(photo).toEqual({ kind: "too-large" });
    expect(formData.get("introText")).toBe("Hallo");
    expect(formData.get("profileText")).toBe("Lang verhaal");
    expect(formData.has("photo")).toBe(false);
  });

  it("hands over a chosen photo as bytes with its name", async () => {
    const bytes = await solid(400, 500, "#808080").jpeg().toBuffer();
    const { formData, photo } = await readPhotoForm(multipartRequest({ introText: "Hallo" }, { name: "ik.jpg", bytes }));
    expect(photo.kind).toBe("file");
    if (photo.kind !== "file") return;
    expect(photo.upload.fileName).toBe("ik.jpg");
    expect(photo.upload.buffer.equals(bytes)).toBe(true);
    expect(formData.get("introText")).toBe("Hallo");
  });

  it("treats an empty file field as no photo", async () => {
    const { photo } = await readPhotoForm(multipartRequest({ introText: "Hallo" }, null));
    expect(photo).toEqual({ kind: "none" });
  });
});
