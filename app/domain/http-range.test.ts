import { describe, expect, it } from "vitest";
import { contentRange, parseRangeHeader } from "./http-range";

describe("parseRangeHeader", () => {
  const size = 1000;

  it("serves everything without a Range header or with a unit it does not know", () => {
    expect(parseRangeHeader(null, size)).toEqual({ kind: "full" });
    expect(parseRangeHeader("", size)).toEqual({ kind: "full" });
    expect(parseRangeHeader("items=0-5", size)).toEqual({ kind: "full" });
  });

  it("reads a closed, an open and a suffix range", () => {
    expect(parseRangeHeader("bytes=0-499", size)).toEqual({ kind: "partial", start: 0, end: 499 });
    expect(parseRangeHeader("bytes=500-", size)).toEqual({ kind: "partial", start: 500, end: 999 });
    expect(parseRangeHeader("bytes=-200", size)).toEqual({ kind: "partial", start: 800, end: 999 });
    expect(parseRangeHeader("Bytes = 0-0", size)).toEqual({ kind: "partial", start: 0, end: 0 });
  });

  it("clips an end past the file, and a suffix longer than the file", () => {
    expect(parseRangeHeader("bytes=900-5000", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRangeHeader("bytes=-5000", size)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("finds ranges that cannot be served", () => {
    for (const header of ["bytes=1000-", "bytes=1000-1200", "bytes=500-100", "bytes=-0", "bytes=-", "bytes=abc", "bytes=", "bytes", "bytes=1.5-2", "bytes=99999999999999999999-"]) {
      expect(parseRangeHeader(header, size), header).toEqual({ kind: "unsatisfiable" });
    }
    expect(parseRangeHeader("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("answers several ranges with the whole file", () => {
    expect(parseRangeHeader("bytes=0-10, 20-30", size)).toEqual({ kind: "full" });
  });
});

describe("contentRange", () => {
  it("writes the header for 206 and 416", () => {
    expect(contentRange({ kind: "partial", start: 0, end: 499 }, 1000)).toBe("bytes 0-499/1000");
    expect(contentRange({ kind: "unsatisfiable" }, 1000)).toBe("bytes */1000");
    expect(contentRange({ kind: "full" }, 1000)).toBeNull();
  });
});
