import { describe, expect, it } from "vitest";
import { mayViewOutbox } from "./mail-viewer";

const local = { isProduction: false, smtpUrl: null, clientIp: "127.0.0.1", forwardedFor: null };

describe("mayViewOutbox", () => {
  it("opens for a browser on this machine when mail goes to files, outside production", () => {
    expect(mayViewOutbox(local)).toBe(true);
    expect(mayViewOutbox({ ...local, clientIp: "::ffff:127.0.0.1" })).toBe(true);
  });

  it("stays shut for another machine, a proxied request, real mail or production", () => {
    expect(mayViewOutbox({ ...local, clientIp: "192.168.1.20" })).toBe(false);
    expect(mayViewOutbox({ ...local, forwardedFor: "203.0.113.9" })).toBe(false);
    expect(mayViewOutbox({ ...local, smtpUrl: "smtp://127.0.0.1:2525" })).toBe(false);
    expect(mayViewOutbox({ ...local, isProduction: true })).toBe(false);
  });
});
