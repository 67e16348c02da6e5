/**
 * The rules for a profile photo that the browser and the server share: the
 * limits and their messages (the browser checks them early, the server
 * decides), and the portrait crop, in pixels of the upright image. The
 * server renders the crop and the cropper in the browser lets the provider
 * choose it; both must agree exactly on what a valid crop is.
 *
 * Every crop is made of whole "units" of 4 × 5 pixels, so its aspect ratio is
 * exactly 4:5 and the rendered sizes need no second, hidden crop.
 */

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Width × height. A small file can decode to gigabytes (a decompression bomb); this caps the work.
 * Phones take photos of up to 48–50 megapixels, which pass.
 */
export const PHOTO_MAX_PIXELS = 50_000_000;
export const PHOTO_CONTENT_TYPES = ["image/png", "image/jpeg"] as const;

/** The widths the crop is rendered in, each as WebP and as JPEG. */
export const PHOTO_WIDTHS = [160, 480, 960] as const;
export type PhotoVariant = `${(typeof PHOTO_WIDTHS)[number]}.${"webp" | "jpg"}` | "original.jpg";

/** Where the resource route serves a photo; `original.jpg` only to its owner. */
export function photoUrl(id: string, variant: PhotoVariant): string {
  return `/foto/${id}/${variant}`;
}

export type Crop = { left: number; top: number; width: number; height: number };

export const PHOTO_ASPECT_WIDTH = 4;
export const PHOTO_ASPECT_HEIGHT = 5;
/** Below this a crop rendered at 960 px wide would be visibly blurry. */
export const MIN_CROP_WIDTH = 200;
export const MIN_CROP_HEIGHT = (MIN_CROP_WIDTH * PHOTO_ASPECT_HEIGHT) / PHOTO_ASPECT_WIDTH;

export type PhotoProblem = "not-an-image" | "too-large" | "too-many-pixels" | "damaged" | "too-small";

export const PHOTO_MESSAGES: Record<PhotoProblem, string> = {
  "not-an-image": "Dit bestand is geen foto in PNG- of JPG-formaat. Kies een foto die eindigt op .png, .jpg of .jpeg.",
  "too-large": "De foto is groter dan 10 MB. Kies een kleinere foto, of verklein de foto eerst.",
  "too-many-pixels": "De foto heeft meer dan 50 megapixel. Verklein de foto eerst, of kies een andere foto.",
  damaged: "Deze foto is beschadigd of niet helemaal verstuurd en kan niet worden geopend. Kies de foto opnieuw, of kies een andere foto.",
  "too-small": `De foto is te klein. Kies een foto van minstens ${MIN_CROP_WIDTH} bij ${MIN_CROP_HEIGHT} beeldpunten.`,
};
/** Rounding in the browser may leave a crop a pixel off 4:5; more than this is not a 4:5 crop. */
const ASPECT_TOLERANCE = 0.02;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The biggest crop unit count that fits an image of this size. */
function maxUnits(imageWidth: number, imageHeight: number): number {
  return Math.floor(Math.min(imageWidth / PHOTO_ASPECT_WIDTH, imageHeight / PHOTO_ASPECT_HEIGHT));
}

/**
 * A 4:5 crop of `width` (rounded to whole units) placed with its centre as
 * close to (centreX, centreY) as the image allows. Never larger than the image.
 */
export function fitCrop(centreX: number, centreY: number, width: number, imageWidth: number, imageHeight: number): Crop {
  const units = clamp(Math.round(width / PHOTO_ASPECT_WIDTH), 1, Math.max(1, maxUnits(imageWidth, imageHeight)));
  const cropWidth = units * PHOTO_ASPECT_WIDTH;
  const cropHeight = units * PHOTO_ASPECT_HEIGHT;
  return {
    left: clamp(Math.round(centreX - cropWidth / 2), 0, Math.max(0, imageWidth - cropWidth)),
    top: clamp(Math.round(centreY - cropHeight / 2), 0, Math.max(0, imageHeight - cropHeight)),
    width: cropWidth,
    height: cropHeight,
  };
}

/**
 * The crop used when the provider chose none (no JavaScript, or a crop that
 * did not check out): as large as possible, centred left to right, and
 * placed so that the line at one third of the photo's height is also at one
 * third of the crop. Faces in portraits sit near that line, and the manual
 * asks for the face at a third of the height; a plain centred crop of a tall
 * photo would cut off the top of the head.
 */
export function centredCrop(imageWidth: number, imageHeight: number): Crop {
  const units = Math.max(1, maxUnits(imageWidth, imageHeight));
  const width = units * PHOTO_ASPECT_WIDTH;
  const height = units * PHOTO_ASPECT_HEIGHT;
  return {
    left: Math.max(0, Math.floor((imageWidth - width) / 2)),
    top: Math.max(0, Math.floor((imageHeight - height) / 3)),
    width,
    height,
  };
}

/** Whether an image can hold a crop that is big enough. */
export function isLargeEnoughForCrop(imageWidth: number, imageHeight: number): boolean {
  return maxUnits(imageWidth, imageHeight) * PHOTO_ASPECT_WIDTH >= MIN_CROP_WIDTH;
}

/**
 * A crop as it came from a form: whole numbers, inside the image, about
 * 4:5, and not smaller than the minimum. Anything else is null, and the
 * caller falls back to the centred crop rather than render something odd.
 */
export function checkCrop(crop: Crop, imageWidth: number, imageHeight: number): Crop | null {
  const { left, top, width, height } = crop;
  if (![left, top, width, height].every(Number.isSafeInteger)) return null;
  if (left < 0 || top < 0 || left + width > imageWidth || top + height > imageHeight) return null;
  if (width < MIN_CROP_WIDTH || height < MIN_CROP_HEIGHT) return null;
  const aspect = width / height / (PHOTO_ASPECT_WIDTH / PHOTO_ASPECT_HEIGHT);
  if (Math.abs(aspect - 1) > ASPECT_TOLERANCE) return null;
  return fitCrop(left + width / 2, top + height / 2, width, imageWidth, imageHeight);
}

/**
 * The same region in an image scaled by `factor` (the stored original is a
 * downscaled copy of the upload; the browser chose the crop on the upload).
 */
export function scaleCrop(crop: Crop, factor: number, imageWidth: number, imageHeight: number): Crop {
  return fitCrop(
    (crop.left + crop.width / 2) * factor,
    (crop.top + crop.height / 2) * factor,
    crop.width * factor,
    imageWidth,
    imageHeight,
  );
}

export function sameCrop(a: Crop | null, b: Crop | null): boolean {
  return !!a && !!b && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
}

const WHOLE_NUMBER = /^\d{1,6}$/;

/** The four hidden crop fields, or null when any is missing or not a plain whole number. */
export function parseCropFields(fields: { left: unknown; top: unknown; width: unknown; height: unknown }): Crop | null {
  const values = [fields.left, fields.top, fields.width, fields.height].map((value) =>
    typeof value === "string" && WHOLE_NUMBER.test(value.trim()) ? Number(value.trim()) : null,
  );
  const [left, top, width, height] = values;
  if (left == null || top == null || width == null || height == null) return null;
  return { left, top, width, height };
}

/** The crop stored as JSON in `uploads.crop`; null when it is missing or damaged. */
export function parseStoredCrop(json: string | null): Crop | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const { left, top, width, height } = value;
    return [left, top, width, height].every((n) => typeof n === "number" && Number.isSafeInteger(n))
      ? { left: left as number, top: top as number, width: width as number, height: height as number }
      : null;
  } catch {
    return null;
  }
}
