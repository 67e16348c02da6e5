import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const base = { baseOrigin: "https://www.viviumservices.nl", requestOrigin: "http://127.0.0.1:3000" };

describe("isSameOriginRequest", () => {
  it("lets reading methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(isSameOriginRequest({ ...base, method, origin: "https://evil.example", referer: undefined })).toBe(true);
    }
  });

  it("accepts a POST from BASE_URL's origin or the address the request was sent to", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "https://www.viviumservices.nl", referer: undefined })).toBe(true);
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "http://127.0.0.1:3000", referer: undefined })).toBe(true);
    expect(
      isSameOriginRequest({ ...base, method: "POST", origin: undefined, referer: "https://www.viviumservices.nl/aanmelden?x=1" }),
    ).toBe(true);
  });

  it("refuses a POST from another site, another port, another scheme or an opaque origin", () => {
    for (const origin of [
      "https://evil.example",
      "https://www.viviumservices.nl.evil.example",
      "http://www.viviumservices.nl",
      "http://127.0.0.1:3001",
      "null",
      "not a url",
      "file:///etc/passwd",
    ]) {
      expect(isSameOriginRequest({ ...base, method: "POST", origin, referer: undefined }), origin).toBe(false);
    }
    expect(isSameOriginRequest({ ...base, method: "DELETE", origin: undefined, referer: "https://evil.example/page" })).toBe(false);
  });

  it("judges by Origin when both headers are there", () => {
    expect(
      isSameOriginRequest({ ...base, method: "POST", origin: "https://evil.example", referer: "https://www.viviumservices.nl/" }),
    ).toBe(false);
  });

  it("lets a POST without Origin and Referer through: no browser sent it, so it carries no one's cookies", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: undefined, referer: undefined })).toBe(true);
  });

  it("never accepts a foreign origin, whatever the URL looks like", () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.constantFrom("POST", "PUT", "PATCH", "DELETE"), (url, method) => {
        const origin = new URL(url).origin;
        fc.pre(origin !== "https://www.viviumservices.nl" && origin !== "http://127.0.0.1:3000");
        return !isSameOriginRequest({ ...base, method, origin, referer: undefined });
      }),
    );
  });
});
