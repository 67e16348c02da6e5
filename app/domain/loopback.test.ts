import { describe, expect, it } from "vitest";
import { isLoopbackAddress, isLoopbackHostname } from "./loopback";

describe("isLoopbackHostname", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"])("accepts %s", (host) => {
    expect(isLoopbackHostname(host)).toBe(true);
  });
  it.each(["10.0.0.5", "api.mollie.com", "localhost.example.nl", "127.0.0.256", "128.0.0.1", "::2", "0.0.0.0", ""])(
    "rejects %s",
    (host) => {
      expect(isLoopbackHostname(host)).toBe(false);
    },
  );
});

describe("isLoopbackAddress", () => {
  it.each(["127.0.0.1", "127.0.0.53", "::1", "::ffff:127.0.0.1"])("accepts %s", (ip) => {
    expect(isLoopbackAddress(ip)).toBe(true);
  });
  it.each(["10.0.0.5", "::ffff:10.0.0.5", "192.168.1.20", "localhost", "unknown", "", "2001:db8::1"])("rejects %s", (ip) => {
    expect(isLoopbackAddress(ip)).toBe(false);
  });
});
