import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../../tests/support/test-database";
import type { Db } from "./db.server";
import { minimalPdf as minimalPdfText } from "../../tests/support/minimal-pdf";
import {
  checkPriceList,
  checkPriceListBytes,
  findPriceListForDownload,
  findProviderPriceList,
  PRICE_LIST_MAX_BYTES,
  PRICE_LIST_MESSAGES,
  priceListDownloadName,
  priceListFilePath,
  readPriceListFile,
  removePriceList,
  sanitiseFileName,
  savePriceList,
  withPriceList,
  type CheckedPriceList,
} from "./price-lists.server";

const encoder = new TextEncoder();

function minimalPdf(text = "Prijslijst"): Uint8Array {
  return encoder.encode(minimalPdfText(text));
}

/** The first bytes of a real PNG file: signature and IHDR chunk of a 1×1 image. */
const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41,
  0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

function checked(bytes: Uint8Array, name = "prijslijst.pdf"): CheckedPriceList {
  const result = checkPriceList(bytes, name);
  if (!result.ok) throw new Error(`test PDF refused: ${result.problem}`);
  return result.priceList;
}

describe("checkPriceListBytes", () => {
  it("accepts a complete PDF", () => {
    expect(checkPriceListBytes(minimalPdf())).toBeNull();
  });

  it("accepts line breaks and a few bytes after %%EOF", () => {
    const pdf = minimalPdf();
    const withTail = new Uint8Array([...pdf, ...encoder.encode("\r\n\n   \0\0")]);
    expect(checkPriceListBytes(withTail)).toBeNull();
  });

  it("refuses a PNG even when it is called prijslijst.pdf", () => {
    const result = checkPriceList(PNG_BYTES, "prijslijst.pdf");
    expect(result).toEqual({ ok: false, problem: "not-pdf", message: PRICE_LIST_MESSAGES["not-pdf"] });
    expect(PRICE_LIST_MESSAGES["not-pdf"]).toMatch(/^Dit bestand is geen PDF/);
  });

  it("refuses text that only mentions %PDF- further on", () => {
    expect(checkPriceListBytes(encoder.encode(" %PDF-1.4\n%%EOF\n"))).toBe("not-pdf");
  });

  it("refuses a PDF that was cut off before %%EOF", () => {
    const pdf = minimalPdf();
    expect(checkPriceListBytes(pdf.slice(0, pdf.length - 20))).toBe("incomplete");
  });

  it("refuses a PDF whose %%EOF is not near the end", () => {
    const pdf = minimalPdf();
    const padded = new Uint8Array(pdf.length + 2000);
    padded.set(pdf);
    padded.fill(0x20, pdf.length);
    expect(checkPriceListBytes(padded)).toBe("incomplete");
  });

  it("refuses an empty file", () => {
    expect(checkPriceListBytes(new Uint8Array())).toBe("empty");
  });

  it("accepts exactly 10 MB and refuses one byte more, with the Dutch message", () => {
    const pdf = minimalPdf();
    const exact = new Uint8Array(PRICE_LIST_MAX_BYTES).fill(0x20);
    exact.set(pdf.subarray(0, pdf.length - 6));
    exact.set(encoder.encode("%%EOF\n"), exact.length - 6);
    expect(checkPriceListBytes(exact)).toBeNull();

    const tooLarge = new Uint8Array(PRICE_LIST_MAX_BYTES + 1);
    tooLarge.set(exact);
    tooLarge[tooLarge.length - 1] = 0x0a;
    const result = checkPriceList(tooLarge, "groot.pdf");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Het bestand is groter dan 10 MB/);
  });
});

describe("sanitiseFileName", () => {
  it.each([
    ["Prijslijst 2026.pdf", "Prijslijst 2026.pdf"],
    ["tarieven.PDF", "tarieven.pdf"],
    ["C:\\Users\\bert\\Documenten\\prijzen.pdf", "prijzen.pdf"],
    ["../../etc/passwd", "passwd.pdf"],
    ['pri"js<li>st?.pdf', "prijslist.pdf"],
    ["evil\u202Efdp.exe", "evilfdp.exe.pdf"],
    ["regel\r\nnieuw.pdf", "regelnieuw.pdf"],
    ["   .pdf", "prijslijst.pdf"],
    ["", "prijslijst.pdf"],
    ["café  van   Zoë.pdf", "café van Zoë.pdf"],
  ])("%j → %j", (input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it("keeps names to 100 characters including .pdf", () => {
    const name = sanitiseFileName(`${"a".repeat(300)}.pdf`);
    expect(name).toHaveLength(100);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("priceListDownloadName", () => {
  it("uses the provider's slug, else the id, with only safe characters", () => {
    expect(priceListDownloadName("jan-jansen", 7)).toBe("prijslijst-jan-jansen.pdf");
    expect(priceListDownloadName(null, 7)).toBe("prijslijst-7.pdf");
    expect(priceListDownloadName('a"b\r\nc;d', 7)).toBe("prijslijst-a-b-c-d.pdf");
  });
});

describe("storing price lists", () => {
  let t: TestDatabase;
  let db: Db;
  let uploadsDir: string;
  let providerId: number;

  beforeAll(async () => {
    t = await createTestDatabase({ postcodes: false });
    db = t.db;
    uploadsDir = path.join(t.dir, "uploads");
  });
  afterAll(async () => {
    await t.cleanup();
  });
  beforeEach(async () => {
    providerId = await insertTestProvider(db, { status: "draft" });
  });

  const storedFiles = () => fs.readdirSync(path.join(uploadsDir, "price-lists")).sort();

  it("writes the bytes under a random name and records them for the provider", async () => {
    const bytes = minimalPdf();
    const id = await savePriceList(db, uploadsDir, providerId, checked(bytes, "Mijn tarieven.pdf"));

    expect(id).toMatch(/^[a-f0-9]{32}$/);
    expect(fs.readFileSync(priceListFilePath(uploadsDir, id))).toEqual(Buffer.from(bytes));
    expect(await findProviderPriceList(db, providerId)).toEqual({ id, originalName: "Mijn tarieven.pdf", byteSize: bytes.length });
    const upload = await db.selectFrom("uploads").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(upload).toMatchObject({ provider_id: providerId, kind: "price_list", content_type: "application/pdf" });
    expect(await findPriceListForDownload(db, id)).toMatchObject({ id, providerId, status: "draft" });
    expect(await readPriceListFile(uploadsDir, id)).toEqual(Buffer.from(bytes));
  });

  it("replacing deletes the old file and its row", async () => {
    const first = await savePriceList(db, uploadsDir, providerId, checked(minimalPdf("Oud")));
    const second = await savePriceList(db, uploadsDir, providerId, checked(minimalPdf("Nieuw")));

    expect(second).not.toBe(first);
    expect(fs.existsSync(priceListFilePath(uploadsDir, first))).toBe(false);
    expect(fs.existsSync(priceListFilePath(uploadsDir, second))).toBe(true);
    expect(await db.selectFrom("uploads").select("id").where("provider_id", "=", providerId).execute()).toEqual([{ id: second }]);
    expect(await findPriceListForDownload(db, first)).toBeNull();
  });

  it("keeps the old price list and leaves no file behind when the transaction fails", async () => {
    const kept = await savePriceList(db, uploadsDir, providerId, checked(minimalPdf("Blijft")));
    const before = storedFiles();
    await expect(
      withPriceList(db, uploadsDir, providerId, checked(minimalPdf("Mislukt")), async () => {
        throw new Error("something else in the step failed");
      }),
    ).rejects.toThrow("something else in the step failed");

    expect(storedFiles()).toEqual(before);
    expect((await findProviderPriceList(db, providerId))?.id).toBe(kept);
  });

  it("removes the price list: file, row and link", async () => {
    const id = await savePriceList(db, uploadsDir, providerId, checked(minimalPdf()));
    expect(await removePriceList(db, uploadsDir, providerId)).toBe(true);

    expect(fs.existsSync(priceListFilePath(uploadsDir, id))).toBe(false);
    expect(await findProviderPriceList(db, providerId)).toBeNull();
    expect(await db.selectFrom("uploads").select("id").where("id", "=", id).execute()).toEqual([]);
    expect(await removePriceList(db, uploadsDir, providerId)).toBe(false);
  });

  it("does not touch another provider's price list", async () => {
    const other = await insertTestProvider(db);
    const theirs = await savePriceList(db, uploadsDir, other, checked(minimalPdf("Andere")));
    await savePriceList(db, uploadsDir, providerId, checked(minimalPdf()));
    await removePriceList(db, uploadsDir, providerId);

    expect((await findProviderPriceList(db, other))?.id).toBe(theirs);
    expect(fs.existsSync(priceListFilePath(uploadsDir, theirs))).toBe(true);
  });

  it("never builds a path from something that is not an id", async () => {
    expect(() => priceListFilePath(uploadsDir, "../../vivium.sqlite")).toThrow();
    expect(await findPriceListForDownload(db, "../../vivium.sqlite")).toBeNull();
    expect(await findPriceListForDownload(db, "A".repeat(32))).toBeNull();
  });
});
