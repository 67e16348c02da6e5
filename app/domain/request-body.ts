/**
 * What the server accepts before a request reaches the app: the methods it
 * knows, which pages take uploads, and how large a body may be. Ordinary forms
 * are small (the longest text on them is a few thousand characters), so they
 * get a small limit; only the pages with a file field accept multipart bodies
 * and megabytes. A request outside these rules is refused before its body is
 * read, so no form can make the server hold tens of megabytes per request.
 */

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** The largest ordinary form: a 4,000-character staff note, percent-encoded, fits several times over. */
export const FORM_MAX_BYTES = 64 * 1024;
/** Photo and price-list pages and the member import: a 10 MB file with room for the rest of the form. */
export const UPLOAD_MAX_BYTES = 25 * 1024 * 1024;
/** Room for the fields around the video file. */
export const VIDEO_FORM_OVERHEAD_BYTES = 1024 * 1024;

const UPLOAD_PAGE = /^\/(?:aanmelden\/(?:profiel|diensten)|backoffice\/instellingen\/(?:profiel|diensten)|beheer\/leden)(?:\.data)?\/?$/;
/** Where the recorder posts (`.data` when Remix's fetcher sends it). */
const VIDEO_UPLOAD_PAGE = /^\/backoffice\/video(?:\.data)?\/?$/;

export type BodyRequest = {
  method: string;
  path: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  videoMaxBytes: number;
};

export type BodyRefusal = { status: 405 | 411 | 413 | 415; message: string };

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** The largest body a page accepts, and whether it may be multipart (a file field). */
export function bodyLimit(path: string, videoMaxBytes: number): { maxBytes: number; multipart: boolean } {
  if (VIDEO_UPLOAD_PAGE.test(path)) return { maxBytes: videoMaxBytes + VIDEO_FORM_OVERHEAD_BYTES, multipart: true };
  if (UPLOAD_PAGE.test(path)) return { maxBytes: UPLOAD_MAX_BYTES, multipart: true };
  return { maxBytes: FORM_MAX_BYTES, multipart: false };
}

/** Null when the request may go on; otherwise the status and Dutch message to answer with. */
export function refuseBody(request: BodyRequest): BodyRefusal | null {
  const method = request.method.toUpperCase();
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    return { status: 405, message: "Deze website opent pagina's en verstuurt formulieren; deze manier van opvragen kent zij niet." };
  }
  if (method !== "POST") return null;
  // A body sent in chunks has no Content-Length, so its size cannot be checked before it is read;
  // browsers always send the length for forms and uploads.
  if (request.transferEncoding !== undefined && request.contentLength === undefined) {
    return { status: 411, message: "Het formulier is niet volledig verzonden. Probeer het opnieuw." };
  }
  const length = Number(request.contentLength ?? 0);
  const limit = bodyLimit(request.path, request.videoMaxBytes);
  if (!Number.isFinite(length) || length > limit.maxBytes) {
    return {
      status: 413,
      message: limit.multipart
        ? `Het verzonden formulier is te groot (meer dan ${megabytes(limit.maxBytes)} MB). Kies een kleiner bestand.`
        : "Het verzonden formulier is te groot. Maak de teksten korter en probeer het opnieuw.",
    };
  }
  if (length === 0) return null;
  const type = (request.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const accepted = type === "application/x-www-form-urlencoded" || (limit.multipart && type === "multipart/form-data");
  if (!accepted) {
    return { status: 415, message: "Dit formulier kan de website niet lezen. Open de pagina opnieuw en verstuur het formulier vanaf daar." };
  }
  return null;
}
