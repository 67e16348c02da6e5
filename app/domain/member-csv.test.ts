import { describe, expect, it } from "vitest";
import { decodeCsvBytes, detectDelimiter, parseActive, parseCsvRecords, parseMemberCsv } from "./member-csv";

function ok(text: string) {
  const result = parseMemberCsv(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("parseCsvRecords", () => {
  it("splits on the delimiter and keeps quoted delimiters, doubled quotes and line breaks", () => {
    const { records, unterminatedAt } = parseCsvRecords('a;"b;c";"say ""hi"""\r\n"multi\nline";x\n', ";");
    expect(unterminatedAt).toBeNull();
    expect(records).toEqual([
      { line: 1, fields: ["a", "b;c", 'say "hi"'] },
      { line: 2, fields: ["multi\nline", "x"] },
    ]);
  });

  it("counts lines from the start of each record, also after a quoted line break", () => {
    const { records } = parseCsvRecords('"one\ntwo";1\nnext;2', ";");
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  it("reports an unterminated quote at the record where it starts", () => {
    const { records, unterminatedAt } = parseCsvRecords('a;b\n"open;c\nd;e', ";");
    expect(records).toEqual([{ line: 1, fields: ["a", "b"] }]);
    expect(unterminatedAt).toBe(2);
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the first line, ignoring quoted ones", () => {
    expect(detectDelimiter("lidnummer;naam\n")).toBe(";");
    expect(detectDelimiter("lidnummer,naam,actief\n")).toBe(",");
    expect(detectDelimiter('"a,b,c";d\n')).toBe(";");
  });
});

describe("parseActive", () => {
  it("reads the words people use", () => {
    expect(["", "ja", "JA", "1", "actief", "true"].map(parseActive)).toEqual([true, true, true, true, true, true]);
    expect(["nee", "0", "Inactief", "false"].map(parseActive)).toEqual([false, false, false, false]);
    expect(parseActive("misschien")).toBeNull();
  });
});

describe("parseMemberCsv", () => {
  it("reads a semicolon file with a header and a byte order mark, normalising numbers", () => {
    const result = ok("\uFEFFlidnummer;naam;actief\r\nviv-100 001;Jan Janssen;ja\r\nVIV100002;;nee\r\n");
    expect(result.invalid).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, number: "VIV100001", name: "Jan Janssen", active: true },
      { line: 3, number: "VIV100002", name: null, active: false },
    ]);
  });

  it("reads a comma file with quoted names that contain commas and quotes", () => {
    const result = ok('Lidnummer,Naam,Actief\nVIV300001,"Jansen, Jan",1\nVIV300002,"Marie ""Mies"" Bakker",0\n');
    expect(result.rows.map((r) => [r.number, r.name, r.active])).toEqual([
      ["VIV300001", "Jansen, Jan", true],
      ["VIV300002", 'Marie "Mies" Bakker', false],
    ]);
  });

  it("follows the header's column order and treats a missing actief column as active", () => {
    const result = ok("naam;lidnummer\nPiet;VIV400001\n");
    expect(result.rows).toEqual([{ line: 2, number: "VIV400001", name: "Piet", active: true }]);
  });

  it("reads a file without a header in the order lidnummer, naam, actief", () => {
    const result = ok("VIV500001;Kees;nee\n");
    expect(result.rows).toEqual([{ line: 1, number: "VIV500001", name: "Kees", active: false }]);
  });

  it("reports bad lines by their line number with the reason, and skips blank lines", () => {
    const result = ok("lidnummer;naam;actief\nVIV600001;Goed;ja\n\n12;Te kort;ja\n;Geen nummer;ja\nVIV600002;Raar;misschien\nviv600001;Dubbel;ja\n");
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    expect(result.invalid.map((p) => p.line)).toEqual([4, 5, 6, 7]);
    expect(result.invalid[0]!.reason).toContain('"12" is geen geldig lidnummer');
    expect(result.invalid[1]!.reason).toBe("Het lidnummer ontbreekt.");
    expect(result.invalid[2]!.reason).toContain("misschien");
    expect(result.invalid[3]!.reason).toBe("Lidnummer VIV600001 staat al op regel 2.");
  });

  it("reports an unclosed quote instead of guessing", () => {
    const result = ok('lidnummer;naam\nVIV700001;"Open\nVIV700002;Dicht\n');
    expect(result.rows).toEqual([]);
    expect(result.invalid).toEqual([{ line: 2, reason: expect.stringContaining("niet gesloten") }]);
  });

  it("refuses a file without a lidnummer column or without content", () => {
    expect(parseMemberCsv("naam;adres\nJan;Dorpsstraat 1\n")).toEqual({ ok: false, error: expect.stringContaining("lidnummer") });
    expect(parseMemberCsv("\uFEFF\r\n")).toEqual({ ok: false, error: expect.stringContaining("leeg") });
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8 and falls back to Windows-1252 for older Excel files", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("\uFEFFZoë"))).toBe("\uFEFFZoë");
    expect(decodeCsvBytes(new Uint8Array([0x5a, 0x6f, 0xeb]))).toBe("Zoë");
  });
});
