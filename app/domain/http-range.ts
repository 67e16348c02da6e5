/**
 * The HTTP Range header (RFC 9110 §14) for one stored file, so that a video
 * can be scrubbed without downloading all of it. Only single byte ranges are
 * served; a request for several ranges gets the whole file, which the RFC
 * allows.
 */

export type ByteRange =
  /** No usable Range header (none, another unit, several ranges): answer 200 with everything. */
  | { kind: "full" }
  /** Answer 206 with bytes start..end, both inclusive. */
  | { kind: "partial"; start: number; end: number }
  /** Answer 416 with `Content-Range: bytes *\/size`. */
  | { kind: "unsatisfiable" };

const RANGE = /^(\d*)-(\d*)$/;

export function parseRangeHeader(header: string | null | undefined, size: number): ByteRange {
  if (!header) return { kind: "full" };
  const equals = header.indexOf("=");
  if (equals < 0) return { kind: "unsatisfiable" };
  // A unit we do not know is ignored, as the RFC asks.
  if (header.slice(0, equals).trim().toLowerCase() !== "bytes") return { kind: "full" };
  const specs = header
    .slice(equals + 1)
    .split(",")
    .map((spec) => spec.trim())
    .filter(Boolean);
  if (specs.length === 0) return { kind: "unsatisfiable" };
  if (specs.length > 1) return { kind: "full" };
  const match = RANGE.exec(specs[0] ?? "");
  if (!match) return { kind: "unsatisfiable" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "unsatisfiable" };
  if (first === "") {
    // bytes=-500: the last 500 bytes.
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix) || suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || start >= size) return { kind: "unsatisfiable" };
  if (last === "") return { kind: "partial", start, end: size - 1 };
  const end = Number(last);
  if (!Number.isSafeInteger(end) || end < start) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/** `bytes 0-499/1234` for a 206, `bytes *\/1234` for a 416. */
export function contentRange(range: ByteRange, size: number): string | null {
  if (range.kind === "partial") return `bytes ${range.start}-${range.end}/${size}`;
  if (range.kind === "unsatisfiable") return `bytes */${size}`;
  return null;
}
