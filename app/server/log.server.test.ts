import { describe, expect, it } from "vitest";
import { createLogger, formatLine, loggablePath, newRequestId } from "./log.server";

const at = new Date("2026-12-04T03:30:00.000Z");

describe("log lines", () => {
  it("text: time, level, message, then fields, quoted when they have spaces", () => {
    expect(formatLine("text", at, "info", "GET /zoeken 200 4ms", { id: "7KQ2-M9XD", status: 200, note: "twee woorden", skipped: undefined })).toBe(
      '2026-12-04T03:30:00.000Z INFO  GET /zoeken 200 4ms id=7KQ2-M9XD status=200 note="twee woorden"',
    );
  });

  it("json: one object per line with the fields", () => {
    const line = formatLine("json", at, "error", "backup failed", { job: "backup", ms: 12 });
    expect(JSON.parse(line)).toEqual({ time: "2026-12-04T03:30:00.000Z", level: "error", msg: "backup failed", job: "backup", ms: 12 });
  });

  it("takes console-style details: an error, an object of fields, other values", () => {
    const lines: Array<[string, string]> = [];
    const logger = createLogger({ format: "json", now: () => at, sink: (line, level) => lines.push([level, line]) }).with({ job: "outbox" });
    logger.warn("attempt failed", new Error("connection refused"), { message: 4 }, 7);
    const [level, line] = lines[0]!;
    expect(level).toBe("warn");
    expect(JSON.parse(line)).toMatchObject({ msg: "attempt failed 7", job: "outbox", error: "connection refused", message: 4, stack: expect.stringContaining("Error: connection refused") });
  });
});

it("text: a stack trace follows its line, indented", () => {
  const line = formatLine("text", at, "error", "GET / failed", { id: "7KQ2-M9XD", error: "boom", stack: "Error: boom\n    at x (a.ts:1:1)" });
  expect(line.split("\n")).toEqual(["2026-12-04T03:30:00.000Z ERROR GET / failed id=7KQ2-M9XD error=boom", "    Error: boom", "        at x (a.ts:1:1)"]);
});

describe("request ids", () => {
  it("are 4+4 characters that cannot be confused when read aloud", () => {
    const ids = new Set(Array.from({ length: 2000 }, newRequestId));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
  });
});

describe("loggablePath", () => {
  it("drops the query and the secret part of reset and review links", () => {
    expect(loggablePath("/zoeken?wat=kapper&waar=Woerden")).toBe("/zoeken");
    expect(loggablePath("/wachtwoord-herstellen/abc123")).toBe("/wachtwoord-herstellen/…");
    expect(loggablePath("/beoordeling/abc123?x=1")).toBe("/beoordeling/…");
    expect(loggablePath("/beoordeling/bedankt")).toBe("/beoordeling/…");
    expect(loggablePath("/dienstverlener/bert-klinkenberg/contact")).toBe("/dienstverlener/bert-klinkenberg/contact");
  });
});
