/**
 * Profile photos: checking an upload, storing it, rendering the portrait
 * crop in a few sizes, re-cropping, deleting and serving.
 *
 * Storage: `<uploadsDir>/photos/<id>/original.jpg` plus `<id>/<width>.webp`
 * and `<id>/<width>.jpg` for each width in PHOTO_WIDTHS. The id is random;
 * nothing the provider sends ever becomes part of a path.
 *
 * Caching: the files of an id never change, so they are served as
 * immutable for a year. A re-crop therefore does not overwrite the variants:
 * it copies the original to a NEW id, renders the new crop there, points
 * the provider at it and removes the old id. Old URLs simply stop existing.
 *
 * Image work (seconds) happens outside any database transaction, because
 * better-sqlite3 has one connection and a transaction would make every other
 * request wait. So a change is: prepare the files, then record them in a
 * short transaction, then delete the files it replaced. If the transaction
 * fails the prepared files are removed again; a crash in between leaves at
 * worst a folder without a row, which is never served.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  type UploadHandler,
} from "@remix-run/node";
import pLimit from "p-limit";
import type Sharp from "sharp";
import {
  centredCrop,
  checkCrop,
  isLargeEnoughForCrop,
  parseStoredCrop,
  PHOTO_MAX_BYTES,
  PHOTO_MAX_PIXELS,
  PHOTO_MESSAGES,
  PHOTO_WIDTHS,
  sameCrop,
  scaleCrop,
  type Crop,
  type PhotoProblem,
} from "~/domain/profile-photo";
import type { Db } from "./db.server";
import { parseMultipartForm } from "./multipart.server";

/** The longest side of the stored original: enough for the largest variant at any sensible zoom. */
export const ORIGINAL_MAX_SIDE = 2400;

export class PhotoError extends Error {
  override name = "PhotoError";
  constructor(readonly problem: PhotoProblem) {
    super(PHOTO_MESSAGES[problem]);
  }
}

export type PhotoUpload = { buffer: Buffer; fileName: string };

/** What the bytes are, by their own content; the browser's type and the file name are not trusted. */
function sniffFormat(buffer: Buffer): "png" | "jpeg" | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length >= png.length && png.every((byte, i) => buffer[i] === byte)) return "png";
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return "jpeg";
  return null;
}

export type InspectedPhoto = {
  format: "png" | "jpeg";
  /** Upright size: after the EXIF orientation is applied, as the browser shows it. */
  width: number;
  height: number;
};

/**
 * Checks an upload without decoding its pixels: size, magic bytes, the
 * header as sharp reads it, and the pixel count. A damaged body is only found
 * when decoding, in preparePhoto.
 */
export async function inspectPhoto(buffer: Buffer): Promise<InspectedPhoto> {
  if (buffer.length > PHOTO_MAX_BYTES) throw new PhotoError("too-large");
  const sniffed = sniffFormat(buffer);
  if (!sniffed) throw new PhotoError("not-an-image");
  let metadata: Sharp.Metadata;
  try {
    // Reading the header decodes no pixels, so the pixel limit is checked by hand below.
    metadata = await (await loadSharp())(buffer, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoError("damaged");
  }
  if (metadata.format !== sniffed || !metadata.width || !metadata.height) throw new PhotoError("damaged");
  if (metadata.width * metadata.height > PHOTO_MAX_PIXELS) throw new PhotoError("too-many-pixels");
  const { width, height } = metadata.autoOrient;
  if (!isLargeEnoughForCrop(width, height)) throw new PhotoError("too-small");
  return { format: sniffed, width, height };
}

/**
 * sharp (libvips) is loaded on first use: it adds some 20 MB to every server
 * process, and most processes never handle a photo.
 */
let loadedSharp: Promise<typeof Sharp> | null = null;
function loadSharp(): Promise<typeof Sharp> {
  loadedSharp ??= import("sharp").then((module) => {
    // libvips keeps recent operations and their pixels for reuse; a server that renders each photo
    // once gains nothing from it, and the memory (outside the V8 heap limit) stays with the process.
    module.default.cache(false);
    return module.default;
  });
  return loadedSharp;
}

/**
 * Decoding and rendering photos, one at a time. A 40-megapixel photo takes
 * some 100 MB while it is decoded and rendered, outside the V8 heap limit;
 * without a queue, eight uploads at once from one account took the server
 * past its memory limit. Each takes well under a second, so the others wait
 * briefly (tests/reliability/hostile-input.spec.ts measures it).
 */
const photoWork = pLimit(1);

function decoder(sharp: typeof Sharp, input: Buffer | string) {
  // failOn "truncated" refuses a file that ends early, instead of rendering it half grey.
  return sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "truncated" });
}

const PHOTO_ID = /^[0-9a-f]{32}$/;

export function isPhotoId(value: string): boolean {
  return PHOTO_ID.test(value);
}

function newPhotoId(): string {
  return randomBytes(16).toString("hex");
}

function photoDir(uploadsDir: string, id: string): string {
  if (!isPhotoId(id)) throw new Error(`not a photo id: ${JSON.stringify(id)}`);
  return path.join(uploadsDir, "photos", id);
}

/** Renders the crop in every width and format; `original` is the stored upright JPEG. */
async function renderVariants(original: Buffer, crop: Crop, dir: string): Promise<void> {
  const sharp = await loadSharp();
  const cropped = await sharp(original).extract(crop).toBuffer();
  await Promise.all(
    PHOTO_WIDTHS.flatMap((width) => {
      const resized = () => sharp(cropped).resize(width, (width * crop.height) / crop.width, { fit: "fill" });
      return [
        resized().webp({ quality: 80 }).toFile(path.join(dir, `${width}.webp`)),
        resized().jpeg({ quality: 82, mozjpeg: true }).toFile(path.join(dir, `${width}.jpg`)),
      ];
    }),
  );
}

/** A photo whose files are written but that nobody points at yet. */
export type PreparedPhoto = {
  id: string;
  originalName: string;
  byteSize: number;
  width: number;
  height: number;
  crop: Crop;
};

/** Keeps the file name readable for staff; it is stored as text only, never used as a path. */
function cleanFileName(name: string): string {
  const cleaned = name.replace(/[\p{Cc}\p{Cf}]/gu, "").trim().slice(0, 200);
  return cleaned || "foto";
}

/**
 * Checks an upload and writes the stored original and the variants.
 * `requestedCrop` is in pixels of the upright upload (what the cropper in
 * the browser saw); a missing or invalid crop becomes the centred crop.
 * Throws PhotoError with a message for the provider.
 */
export async function preparePhoto(uploadsDir: string, upload: PhotoUpload, requestedCrop: Crop | null): Promise<PreparedPhoto> {
  return photoWork(() => renderPhoto(uploadsDir, upload, requestedCrop));
}

async function renderPhoto(uploadsDir: string, upload: PhotoUpload, requestedCrop: Crop | null): Promise<PreparedPhoto> {
  const inspected = await inspectPhoto(upload.buffer);
  let original: { data: Buffer; info: Sharp.OutputInfo };
  try {
    original = await decoder(await loadSharp(), upload.buffer)
      .autoOrient()
      // JPEG has no transparency; white is the background the manual asks for.
      .flatten({ background: "#ffffff" })
      .resize(ORIGINAL_MAX_SIDE, ORIGINAL_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      // No keepMetadata(): EXIF (GPS position, camera serial) is dropped.
      .jpeg({ quality: 90, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new PhotoError("damaged");
  }
  const { width, height } = original.info;
  const checked = requestedCrop ? checkCrop(requestedCrop, inspected.width, inspected.height) : null;
  const crop = checked ? scaleCrop(checked, width / inspected.width, width, height) : centredCrop(width, height);
  const id = newPhotoId();
  const dir = photoDir(uploadsDir, id);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "original.jpg"), original.data);
    await renderVariants(original.data, crop, dir);
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { id, originalName: cleanFileName(upload.fileName), byteSize: original.data.length, width, height, crop };
}

type StoredPhoto = { id: string; originalName: string; width: number; height: number; crop: Crop };

/** The provider's current photo, or null. */
export async function findProviderPhoto(db: Db, providerId: number): Promise<StoredPhoto | null> {
  const row = await db
    .selectFrom("providers")
    .innerJoin("uploads", "uploads.id", "providers.photo_upload_id")
    .select(["uploads.id", "uploads.original_name", "uploads.width", "uploads.height", "uploads.crop"])
    .where("providers.id", "=", providerId)
    .where("uploads.kind", "=", "photo")
    .executeTakeFirst();
  if (!row || row.width === null || row.height === null) return null;
  return {
    id: row.id,
    originalName: row.original_name,
    width: row.width,
    height: row.height,
    crop: parseStoredCrop(row.crop) ?? centredCrop(row.width, row.height),
  };
}

/**
 * A new crop of the provider's current photo, as a new id (see the caching
 * note at the top). Null when there is nothing to do: the photo is no longer
 * the current one (another tab replaced it), the crop does not check out, or
 * it is the crop already stored.
 */
export async function prepareRecrop(db: Db, uploadsDir: string, providerId: number, photoId: string, requestedCrop: Crop): Promise<PreparedPhoto | null> {
  const current = await findProviderPhoto(db, providerId);
  if (!current || current.id !== photoId) return null;
  const crop = checkCrop(requestedCrop, current.width, current.height);
  if (!crop || sameCrop(crop, current.crop)) return null;
  let original: Buffer;
  try {
    original = await fs.readFile(path.join(photoDir(uploadsDir, current.id), "original.jpg"));
  } catch (error) {
    // Files lost (a restore without the uploads folder): keep what is there rather than fail the whole form.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const id = newPhotoId();
  const dir = photoDir(uploadsDir, id);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "original.jpg"), original);
    await photoWork(() => renderVariants(original, crop, dir));
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { id, originalName: current.originalName, byteSize: original.length, width: current.width, height: current.height, crop };
}

/**
 * Inside a transaction: makes `prepared` the provider's photo and removes
 * the rows of every other photo of theirs. Returns the ids whose files the
 * caller deletes once the transaction has committed.
 */
export async function recordPhoto(trx: Db, providerId: number, prepared: PreparedPhoto): Promise<string[]> {
  const previous = await trx.selectFrom("uploads").select("id").where("provider_id", "=", providerId).where("kind", "=", "photo").execute();
  await trx
    .insertInto("uploads")
    .values({
      id: prepared.id,
      provider_id: providerId,
      kind: "photo",
      original_name: prepared.originalName,
      content_type: "image/jpeg",
      byte_size: prepared.byteSize,
      width: prepared.width,
      height: prepared.height,
      crop: JSON.stringify(prepared.crop),
      created_at: new Date().toISOString(),
    })
    .execute();
  await trx.updateTable("providers").set({ photo_upload_id: prepared.id }).where("id", "=", providerId).execute();
  const ids = previous.map((row) => row.id);
  if (ids.length > 0) await trx.deleteFrom("uploads").where("id", "in", ids).execute();
  return ids;
}

export async function removePhotoFiles(uploadsDir: string, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.filter(isPhotoId).map((id) => fs.rm(photoDir(uploadsDir, id), { recursive: true, force: true })));
}

/**
 * Runs `work` in one transaction together with recording `prepared` (if
 * any), then deletes the files of the photo it replaced. When the
 * transaction fails, the prepared files are deleted instead.
 */
export async function commitPhotoChange<T>(
  db: Db,
  uploadsDir: string,
  providerId: number,
  prepared: PreparedPhoto | null,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  let replaced: string[] = [];
  let result: T;
  try {
    result = await db.transaction().execute(async (trx) => {
      if (prepared) replaced = await recordPhoto(trx, providerId, prepared);
      return work(trx);
    });
  } catch (error) {
    if (prepared) await removePhotoFiles(uploadsDir, [prepared.id]);
    throw error;
  }
  await removePhotoFiles(uploadsDir, replaced);
  return result;
}

/** Stores an upload as the provider's photo, replacing the previous one. */
export async function savePhoto(db: Db, uploadsDir: string, providerId: number, upload: PhotoUpload, crop: Crop | null = null): Promise<PreparedPhoto> {
  const prepared = await preparePhoto(uploadsDir, upload, crop);
  await commitPhotoChange(db, uploadsDir, providerId, prepared, async () => undefined);
  return prepared;
}

/** Re-crops the provider's current photo; null when nothing changed. */
export async function recropPhoto(db: Db, uploadsDir: string, providerId: number, photoId: string, crop: Crop): Promise<PreparedPhoto | null> {
  const prepared = await prepareRecrop(db, uploadsDir, providerId, photoId, crop);
  if (prepared) await commitPhotoChange(db, uploadsDir, providerId, prepared, async () => undefined);
  return prepared;
}

/** Removes the provider's photo, row and files. Returns whether there was one. */
export async function deletePhoto(db: Db, uploadsDir: string, providerId: number): Promise<boolean> {
  const ids = await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom("uploads").select("id").where("provider_id", "=", providerId).where("kind", "=", "photo").execute();
    await trx.updateTable("providers").set({ photo_upload_id: null }).where("id", "=", providerId).execute();
    const found = rows.map((row) => row.id);
    if (found.length > 0) await trx.deleteFrom("uploads").where("id", "in", found).execute();
    return found;
  });
  await removePhotoFiles(uploadsDir, ids);
  return ids.length > 0;
}

// ---------------------------------------------------------------------------
// Serving

/** `480.webp`, `960.jpg`, … and `original.jpg` (the owner's cropper only). */
const VARIANT = /^(?:(160|480|960)\.(webp|jpg)|original\.jpg)$/;

export type PhotoFile = { body: Buffer; contentType: "image/webp" | "image/jpeg"; visibility: "public" | "private" };

/**
 * The bytes of one variant, or null (the route answers 404 either way, so
 * nobody learns whether a photo exists). A live provider's crops are public;
 * anything else only for the provider it belongs to. `viewerId` is asked
 * lazily because most requests are for live photos and need no session.
 */
export async function readPhotoVariant(
  db: Db,
  uploadsDir: string,
  id: string,
  variant: string,
  viewerId: () => Promise<number | null>,
): Promise<PhotoFile | null> {
  if (!isPhotoId(id) || !VARIANT.test(variant)) return null;
  const row = await db
    .selectFrom("uploads")
    .innerJoin("providers", "providers.id", "uploads.provider_id")
    .select(["uploads.provider_id", "providers.status"])
    .where("uploads.id", "=", id)
    .where("uploads.kind", "=", "photo")
    .executeTakeFirst();
  if (!row) return null;
  const isPublic = row.status === "live" && variant !== "original.jpg";
  if (!isPublic && (await viewerId()) !== row.provider_id) return null;
  try {
    const body = await fs.readFile(path.join(photoDir(uploadsDir, id), variant));
    return { body, contentType: variant.endsWith(".webp") ? "image/webp" : "image/jpeg", visibility: isPublic ? "public" : "private" };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Reading the form

export type PhotoField = { kind: "none" } | { kind: "too-large" } | { kind: "file"; upload: PhotoUpload };

/** Text fields of the form are small; this stops a client from filling memory with one. */
const TEXT_PART_MAX_BYTES = 1024 * 1024;
/** A too-large photo is read to the end (so the browser sees our answer) but no further than this. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads a multipart form with one photo field. A photo over 10 MB does not
 * throw away the rest of the form (the provider's texts come back filled):
 * it is read to the end without being kept and reported as `too-large`.
 * Other file fields are read and dropped.
 */
export async function readPhotoForm(request: Request, fieldName = "photo"): Promise<{ formData: FormData; photo: PhotoField }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    const formData = await request.formData();
    formData.delete(fieldName);
    return { formData, photo: { kind: "none" } };
  }
  let photo: PhotoField = { kind: "none" };
  const photoHandler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > DRAIN_MAX_BYTES) throw new MaxPartSizeExceededError(name, PHOTO_MAX_BYTES);
      if (name === fieldName && size <= PHOTO_MAX_BYTES) chunks.push(chunk);
    }
    if (name === fieldName && filename !== "" && size > 0) {
      photo = size > PHOTO_MAX_BYTES ? { kind: "too-large" } : { kind: "file", upload: { buffer: Buffer.concat(chunks), fileName: filename } };
    }
    // The file itself is not part of the form data: it travels in `photo`.
    return "";
  };
  const formData = await parseMultipartForm(
    request,
    unstable_composeUploadHandlers(photoHandler, unstable_createMemoryUploadHandler({ maxPartSize: TEXT_PART_MAX_BYTES })),
  );
  formData.delete(fieldName);
  return { formData, photo };
}
