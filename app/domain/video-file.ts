/**
 * Which introduction videos we accept, judged by their first bytes only: the
 * file name and the type the browser declares are whatever the sender says.
 *
 * - WebM: an EBML header (1A 45 DF A3) whose DocType is "webm". Matroska
 *   files (.mkv) share the header but not every browser plays them.
 * - MP4: an `ftyp` box first, naming an ISO/MP4 brand (QuickTime's `qt  `
 *   alone is refused: browsers outside Safari often cannot play it).
 */
import { countOf, NOUNS } from "./plural";

export type VideoFormat = "webm" | "mp4";

/** Where a stored video is served (app/routes/video.$id.tsx). */
export function videoUrl(id: string): string {
  return `/video/${id}`;
}

/** Where its WebVTT captions are served, when it has them. */
export function captionsUrl(id: string): string {
  return `/video/${id}/ondertiteling`;
}

export const VIDEO_CONTENT_TYPES: Record<VideoFormat, "video/webm" | "video/mp4"> = {
  webm: "video/webm",
  mp4: "video/mp4",
};

/** How many leading bytes `sniffVideo` is given: room for an EBML header written with long size fields. */
export const VIDEO_SNIFF_BYTES = 256;

/** The upload limit when the configuration does not set one (VIDEO_MAX_MB). */
export const DEFAULT_VIDEO_MAX_MB = 100;

/** About two minutes, as the manual asks; the recorder stops by itself then. */
export const RECORDING_MAX_SECONDS = 120;

export type VideoProblem = "missing" | "empty" | "too-large" | "not-a-video";

export function videoMessage(problem: VideoProblem, maxBytes: number): string {
  switch (problem) {
    case "missing":
      return "Kies eerst een videobestand van uw computer, telefoon of tablet";
    case "empty":
      return "Het gekozen bestand is leeg. Kies uw video opnieuw";
    case "too-large":
      return `Deze video is groter dan ${Math.floor(maxBytes / (1024 * 1024))} MB. Neem een kortere video op (hoogstens twee minuten) of kies een kleiner bestand`;
    case "not-a-video":
      return "Dit bestand is geen WebM- of MP4-video. Kies een video in WebM- of MP4-formaat; er is niets opgeslagen";
  }
}

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const DOCTYPE_ID = 0x4282;

/** An EBML variable-length integer at `offset`: its value (marker bit removed unless `keepMarker`) and length. */
function readVint(bytes: Uint8Array, offset: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length++;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0);
  return { value, length };
}

/** The DocType named in the EBML header, or null when the header is not there or not readable. */
export function ebmlDocType(bytes: Uint8Array): string | null {
  if (!EBML_MAGIC.every((byte, i) => bytes[i] === byte)) return null;
  const headerSize = readVint(bytes, 4, false);
  if (!headerSize) return null;
  let offset = 4 + headerSize.length;
  const end = Math.min(bytes.length, offset + headerSize.value);
  while (offset < end) {
    const id = readVint(bytes, offset, true);
    if (!id) return null;
    const size = readVint(bytes, offset + id.length, false);
    if (!size) return null;
    const dataStart = offset + id.length + size.length;
    if (id.value === DOCTYPE_ID) {
      if (dataStart + size.value > bytes.length) return null;
      return String.fromCharCode(...bytes.subarray(dataStart, dataStart + size.value)).replace(/\0+$/, "");
    }
    offset = dataStart + size.value;
  }
  return null;
}

const MP4_BRANDS = new Set(["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso8", "iso9", "mp41", "mp42", "avc1", "dash", "M4V ", "MSNV", "mmp4"]);

/** The brands an `ftyp` box at the start names (major brand first), or null when there is none. */
export function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16) return null;
  const ascii = (from: number) => String.fromCharCode(...bytes.subarray(from, from + 4));
  if (ascii(4) !== "ftyp") return null;
  const boxSize = ((bytes[0] ?? 0) << 24) + ((bytes[1] ?? 0) << 16) + ((bytes[2] ?? 0) << 8) + (bytes[3] ?? 0);
  if (boxSize < 16 || boxSize % 4 !== 0) return null;
  const brands = [ascii(8)];
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length); at += 4) brands.push(ascii(at));
  return brands;
}

/** What the leading bytes of an upload are, or null for anything that is not a WebM or MP4 video. */
export function sniffVideo(head: Uint8Array): VideoFormat | null {
  if (ebmlDocType(head) === "webm") return "webm";
  const brands = ftypBrands(head);
  if (brands?.some((brand) => MP4_BRANDS.has(brand))) return "mp4";
  return null;
}

/**
 * The first type MediaRecorder supports, in order of preference: WebM with
 * VP8 and Opus plays everywhere we care about; Safari records MP4.
 */
export const RECORDER_MIME_TYPES = [
  "video/webm;codecs=vp8,opus",
  "video/webm;codecs=vp9,opus",
  "video/webm",
  "video/mp4;codecs=avc1,mp4a",
  "video/mp4",
] as const;

export function pickRecorderMimeType(isSupported: (type: string) => boolean): string | null {
  return RECORDER_MIME_TYPES.find((type) => isSupported(type)) ?? null;
}

/** "1:05": minutes and seconds, for the time left while recording. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "1 minuut en 5 seconden", for screen readers. */
export function spokenDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes > 0 ? countOf(minutes, NOUNS.minuut) : null,
    rest > 0 || minutes === 0 ? countOf(rest, NOUNS.seconde) : null,
  ].filter(Boolean);
  return parts.join(" en ");
}
