import { describe, expect, it } from "vitest";
import { bodyLimit, FORM_MAX_BYTES, refuseBody, UPLOAD_MAX_BYTES, type BodyRequest } from "./request-body";

const VIDEO_MAX = 100 * 1024 * 1024;
const form = (overrides: Partial<BodyRequest>): BodyRequest => ({
  method: "POST",
  path: "/inloggen",
  contentType: "application/x-www-form-urlencoded",
  contentLength: "30",
  transferEncoding: undefined,
  videoMaxBytes: VIDEO_MAX,
  ...overrides,
});

describe("refuseBody", () => {
  it("lets pages and ordinary forms through", () => {
    expect(refuseBody(form({ method: "GET", contentType: undefined, contentLength: undefined }))).toBeNull();
    expect(refuseBody(form({ method: "HEAD", contentType: undefined, contentLength: undefined }))).toBeNull();
    expect(refuseBody(form({}))).toBeNull();
    expect(refuseBody(form({ contentType: "application/x-www-form-urlencoded;charset=UTF-8", contentLength: String(FORM_MAX_BYTES) }))).toBeNull();
    // A button form without fields sends nothing at all.
    expect(refuseBody(form({ path: "/uitloggen", contentType: undefined, contentLength: "0" }))).toBeNull();
  });

  it("refuses methods the site does not use with 405", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "TRACE", "OPTIONS", "PROPFIND", "CONNECT"]) {
      expect(refuseBody(form({ method }))?.status, method).toBe(405);
    }
  });

  it("refuses an ordinary form over 64 KB, and any body whose length cannot be read", () => {
    expect(refuseBody(form({ contentLength: String(FORM_MAX_BYTES + 1) }))).toMatchObject({ status: 413, message: expect.stringContaining("te groot") });
    expect(refuseBody(form({ contentLength: String(24 * 1024 * 1024) }))?.status).toBe(413);
    expect(refuseBody(form({ contentLength: "veel" }))?.status).toBe(413);
    expect(refuseBody(form({ contentLength: undefined, transferEncoding: "chunked" }))?.status).toBe(411);
  });

  it("takes multipart bodies only on the pages with a file field, each with its own limit", () => {
    const multipart = "multipart/form-data; boundary=----x";
    expect(refuseBody(form({ contentType: multipart }))?.status).toBe(415);
    for (const path of ["/aanmelden/profiel", "/aanmelden/diensten", "/backoffice/instellingen/profiel", "/backoffice/instellingen/diensten.data", "/beheer/leden", "/backoffice/video"]) {
      expect(refuseBody(form({ path, contentType: multipart, contentLength: String(11 * 1024 * 1024) })), path).toBeNull();
    }
    expect(refuseBody(form({ path: "/aanmelden/profiel", contentType: multipart, contentLength: String(UPLOAD_MAX_BYTES + 1) }))).toMatchObject({
      status: 413,
      message: expect.stringContaining("meer dan 25 MB"),
    });
    expect(refuseBody(form({ path: "/backoffice/video", contentType: multipart, contentLength: String(30 * 1024 * 1024) }))).toBeNull();
    expect(refuseBody(form({ path: "/backoffice/video", contentType: multipart, contentLength: String(VIDEO_MAX + 2 * 1024 * 1024) }))).toMatchObject({
      status: 413,
      message: expect.stringContaining("meer dan 101 MB"),
    });
  });

  it("refuses other body types (JSON, text, XML) with 415", () => {
    for (const contentType of ["application/json", "text/plain", "application/xml", undefined, ""]) {
      expect(refuseBody(form({ contentType }))?.status, String(contentType)).toBe(415);
    }
  });
});

describe("bodyLimit", () => {
  it("does not mistake a longer address for an upload page", () => {
    expect(bodyLimit("/aanmelden/profielx", VIDEO_MAX).multipart).toBe(false);
    expect(bodyLimit("/beheer/leden/extra", VIDEO_MAX).multipart).toBe(false);
    expect(bodyLimit("/backoffice/video/probleem", VIDEO_MAX).multipart).toBe(false);
  });
});
