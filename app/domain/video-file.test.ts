import { describe, expect, it } from "vitest";
import { minimalEbml, minimalIsoMedia, minimalMp4, minimalWebm } from "../../tests/support/minimal-video";
import { ebmlDocType, formatClock, ftypBrands, pickRecorderMimeType, sniffVideo, spokenDuration, videoMessage, VIDEO_SNIFF_BYTES } from "./video-file";

const head = (bytes: Uint8Array) => bytes.subarray(0, VIDEO_SNIFF_BYTES);

describe("sniffVideo", () => {
  it("recognises WebM by its EBML header and DocType", () => {
    expect(ebmlDocType(minimalWebm())).toBe("webm");
    expect(sniffVideo(head(minimalWebm()))).toBe("webm");
  });

  it("recognises MP4 by its ftyp box and an ISO brand", () => {
    expect(ftypBrands(minimalMp4())).toEqual(["isom", "isom", "iso2", "mp41"]);
    expect(sniffVideo(head(minimalMp4()))).toBe("mp4");
    // Safari's MediaRecorder and phones write other ISO brands.
    expect(sniffVideo(head(minimalIsoMedia(["mp42", "mp42", "isom"])))).toBe("mp4");
    expect(sniffVideo(head(minimalIsoMedia(["iso5", "iso6", "mp41"])))).toBe("mp4");
  });

  it("refuses Matroska, QuickTime-only files and anything else, whatever the name", () => {
    expect(sniffVideo(head(minimalEbml("matroska")))).toBeNull();
    expect(sniffVideo(head(minimalIsoMedia(["qt  ", "qt  "])))).toBeNull();
    expect(sniffVideo(new TextEncoder().encode("Dit is geen video, maar tekst met de naam video.webm"))).toBeNull();
    // A JPEG, a PNG and a PDF.
    expect(sniffVideo(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46))).toBeNull();
    expect(sniffVideo(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBeNull();
    expect(sniffVideo(new TextEncoder().encode("%PDF-1.7\n"))).toBeNull();
    expect(sniffVideo(new Uint8Array(0))).toBeNull();
  });

  it("refuses a cut-off or damaged header instead of guessing", () => {
    expect(sniffVideo(minimalWebm().subarray(0, 8))).toBeNull();
    const wrongFtypSize = Buffer.from(minimalMp4());
    wrongFtypSize.writeUInt32BE(7, 0);
    expect(sniffVideo(head(wrongFtypSize))).toBeNull();
    expect(sniffVideo(Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 0x00))).toBeNull();
  });
});

describe("recorder helpers", () => {
  it("picks the first MediaRecorder type the browser supports", () => {
    expect(pickRecorderMimeType(() => true)).toBe("video/webm;codecs=vp8,opus");
    expect(pickRecorderMimeType((type) => type.startsWith("video/mp4"))).toBe("video/mp4;codecs=avc1,mp4a");
    expect(pickRecorderMimeType(() => false)).toBeNull();
  });

  it("shows and speaks the time left", () => {
    expect(formatClock(120)).toBe("2:00");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(9.2)).toBe("0:10");
    expect(formatClock(-3)).toBe("0:00");
    expect(spokenDuration(65)).toBe("1 minuut en 5 seconden");
    expect(spokenDuration(120)).toBe("2 minuten");
    expect(spokenDuration(1)).toBe("1 seconde");
  });

  it("names the limit in the too-large message", () => {
    expect(videoMessage("too-large", 100 * 1024 * 1024)).toContain("100 MB");
    expect(videoMessage("not-a-video", 1)).toContain("WebM- of MP4");
  });
});
