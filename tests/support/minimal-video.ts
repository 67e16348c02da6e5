/**
 * Small files that look like videos by their first bytes, made at test time
 * so that no binary lives in the repository. They are containers with no
 * frames: enough for the content check and for range requests, not to play.
 */

function ebmlElement(id: number[], body: Uint8Array): Uint8Array {
  // Sizes as 8-byte EBML integers (0x01 marker + 7 bytes): simple, always valid.
  const size = new Uint8Array(8);
  size[0] = 0x01;
  let rest = body.length;
  for (let i = 7; i >= 1; i--) {
    size[i] = rest & 0xff;
    rest = Math.floor(rest / 256);
  }
  return concat([Uint8Array.from(id), size, body]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const text = (value: string) => new TextEncoder().encode(value);

/** An EBML header naming `docType`, then a Segment of unknown size holding a Void element of `padding` bytes. */
export function minimalEbml(docType: "webm" | "matroska", padding = 4096): Buffer {
  const header = ebmlElement(
    [0x1a, 0x45, 0xdf, 0xa3],
    concat([
      ebmlElement([0x42, 0x86], Uint8Array.of(1)),
      ebmlElement([0x42, 0xf7], Uint8Array.of(1)),
      ebmlElement([0x42, 0xf2], Uint8Array.of(4)),
      ebmlElement([0x42, 0xf3], Uint8Array.of(8)),
      ebmlElement([0x42, 0x82], text(docType)),
      ebmlElement([0x42, 0x87], Uint8Array.of(4)),
      ebmlElement([0x42, 0x85], Uint8Array.of(2)),
    ]),
  );
  const segmentStart = Uint8Array.of(0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
  const filler = new Uint8Array(padding).map((_, i) => i % 251);
  return Buffer.from(concat([header, segmentStart, ebmlElement([0xec], filler)]));
}

export function minimalWebm(padding = 4096): Buffer {
  return minimalEbml("webm", padding);
}

function box(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(text(type), 4);
  out.set(body, 8);
  return out;
}

/** An `ftyp` box with the given brands (major first), then a `free` box of `padding` bytes. */
export function minimalIsoMedia(brands: string[] = ["isom", "isom", "iso2", "mp41"], padding = 4096): Buffer {
  const [major = "isom", ...compatible] = brands;
  const ftyp = box("ftyp", concat([text(major), Uint8Array.of(0, 0, 2, 0), ...compatible.map(text)]));
  return Buffer.from(concat([ftyp, box("free", new Uint8Array(padding))]));
}

export function minimalMp4(padding = 4096): Buffer {
  return minimalIsoMedia(["isom", "isom", "iso2", "mp41"], padding);
}
