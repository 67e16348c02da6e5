/**
 * Hostile uploads through the real routes (the backoffice's profile photo,
 * price list and video forms), as a signed-in provider with a multipart POST:
 * oversized files, other types renamed to .jpg/.pdf/.webm, a decompression
 * bomb (a small PNG that decodes to a huge pixel count), corrupt images and
 * PDFs, and path-traversal file names (`../../etc/passwd.jpg`, absolute
 * paths, NUL). Each is refused with its Dutch message and nothing is stored:
 * no new file anywhere under the data folder and no new row. A valid file
 * with a traversal name is stored under a random id, inside the uploads
 * folder, and the name is kept as text only.
 *
 * (tests/integration/photos.test.ts, tests/integration/videos.test.ts and
 * app/server/price-lists.server.test.ts cover the same checks one level
 * lower, on the server functions.)
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHOTO_MESSAGES } from "~/domain/profile-photo";
import { videoMessage } from "~/domain/video-file";
import * as profielRoute from "~/routes/backoffice.instellingen.profiel";
import * as dienstenRoute from "~/routes/backoffice.instellingen.diensten";
import * as videoRoute from "~/routes/backoffice.video";
import { config } from "~/server/config.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { PRICE_LIST_MESSAGES } from "~/server/price-lists.server";
import { insertBillableProvider, insertTestPayment } from "../support/billing";
import { minimalPdf } from "../support/minimal-pdf";
import { minimalWebm } from "../support/minimal-video";
import { context, postMultipart, settle, signIn } from "../support/route-calls";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let db: Db;
let cookie: string;
let providerId: number;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  // Every upload of this file must land in the test folder, never in the app's data folder.
  expect(config().uploadsDir.startsWith(t.dir)).toBe(true);
  providerId = await insertBillableProvider(db);
  const steps = ["aanmelding", "persoonlijk", "bedrijf", "diensten", "profiel", "beschikbaarheid", "betaling"];
  await db.updateTable("providers").set({ completed_steps: JSON.stringify(steps) }).where("id", "=", providerId).execute();
  await insertTestPayment(db, { providerId, purpose: "admin_fee", status: "paid" });
  cookie = await signIn(providerId);
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

/** Every file under the test's data folder except the database itself. */
function filesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.sqlite(-wal|-shm|-journal)?$/.test(entry.name)) out.push(path.relative(t.dir, full));
    }
  };
  walk(t.dir);
  return out.sort();
}

async function rows() {
  return {
    uploads: (await db.selectFrom("uploads").select("id").execute()).map((r) => r.id).sort(),
    videos: (await db.selectFrom("provider_videos").select("id").execute()).map((r) => r.id).sort(),
  };
}

const PROFILE_TEXT = "Ik ben Bert en ik help u graag met klussen in en om het huis, al meer dan twintig jaar.";

type Route = { action: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown> };

/** Posts one file; expects a refusal that carries the message, and nothing stored. */
async function expectRefused(route: Route, pathname: string, field: string, file: File, message: string, extra: Array<[string, string]> = []) {
  const filesBefore = filesOnDisk();
  const rowsBefore = await rows();
  const result = await settle(() => route.action({ request: postMultipart(pathname, cookie, [...extra, [field, file]]), params: {}, context }));
  expect(result.status, `${file.name}: status`).toBeGreaterThanOrEqual(400);
  expect(result.status, `${file.name}: status`).toBeLessThan(500);
  const body = result.data ? JSON.stringify(result.data) : await result.response!.text();
  expect(body, `${file.name}: message`).toContain(JSON.stringify(message).slice(1, -1));
  expect(filesOnDisk(), `${file.name}: files`).toEqual(filesBefore);
  expect(await rows(), `${file.name}: rows`).toEqual(rowsBefore);
}

const photo = (file: File, message: string) =>
  expectRefused(profielRoute as Route, "/backoffice/instellingen/profiel", "photo", file, message, [
    ["introText", "Klusjesman in Woerden"],
    ["profileText", PROFILE_TEXT],
  ]);
const priceList = (file: File, message: string) =>
  expectRefused(dienstenRoute as Route, "/backoffice/instellingen/diensten", "priceList", file, message, [["intent", "save"]]);
const video = (file: File, message: string) => expectRefused(videoRoute as Route, "/backoffice/video", "video", file, message);

/** A PNG whose header says width × height, with a tiny compressed body: a decompression bomb. */
function pngBomb(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // One row of zeros, compressed; the rest is missing, but the header is what a naive decoder trusts.
  const data = zlib.deflateSync(Buffer.alloc((width + 1) * 64));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", data), chunk("IEND", Buffer.alloc(0))]);
}

const bytes = (content: Buffer | string, name: string, type = "application/octet-stream") => new File([typeof content === "string" ? content : new Uint8Array(content)], name, { type });

describe("hostile photo uploads on the profile settings", () => {
  it("refuses a text file, an executable and an HTML page renamed to .jpg", async () => {
    await photo(bytes("root:x:0:0:root:/root:/bin/bash\n", "foto.jpg", "image/jpeg"), PHOTO_MESSAGES["not-an-image"]);
    await photo(bytes(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048, 1)]), "vakantie.jpg", "image/jpeg"), PHOTO_MESSAGES["not-an-image"]);
    await photo(bytes("<html><script>alert(1)</script></html>", "foto.png", "image/png"), PHOTO_MESSAGES["not-an-image"]);
    await photo(bytes(minimalPdf(), "foto.jpg", "image/jpeg"), PHOTO_MESSAGES["not-an-image"]);
  });

  it("refuses a PNG that would decode to 1.6 gigapixels, and one that claims 100 000 × 100 000", async () => {
    await photo(bytes(pngBomb(40_000, 40_000), "bom.png", "image/png"), PHOTO_MESSAGES["too-many-pixels"]);
    await photo(bytes(pngBomb(100_000, 100_000), "bom2.png", "image/png"), PHOTO_MESSAGES["too-many-pixels"]);
  });

  it("refuses corrupt images: a JPEG cut in half, a PNG with garbage after the signature", async () => {
    const jpeg = await sharp({ create: { width: 800, height: 1000, channels: 3, background: "#a0c0e0" } }).jpeg().toBuffer();
    await photo(bytes(jpeg.subarray(0, Math.floor(jpeg.length / 3)), "half.jpg", "image/jpeg"), PHOTO_MESSAGES.damaged);
    const garbage = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 0xab)]);
    await photo(bytes(garbage, "kapot.png", "image/png"), PHOTO_MESSAGES.damaged);
  });

  it("refuses a photo over 10 MB", async () => {
    await photo(bytes(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), "groot.jpg", "image/jpeg"), PHOTO_MESSAGES["too-large"]);
  });

  it("stores a real photo with a path-traversal name under a random id inside the uploads folder; the name is text only", async () => {
    const jpeg = await sharp({ create: { width: 800, height: 1000, channels: 3, background: "#a0c0e0" } }).jpeg().toBuffer();
    for (const name of ["../../etc/passwd.jpg", "/etc/passwd.jpg", "..\\..\\windows\\win.ini.jpg", "foto\u0000.jpg"]) {
      const before = filesOnDisk();
      const result = await settle(() =>
        profielRoute.action({
          request: postMultipart("/backoffice/instellingen/profiel", cookie, [
            ["introText", "Klusjesman in Woerden"],
            ["profileText", PROFILE_TEXT],
            ["photo", bytes(jpeg, name, "image/jpeg")],
          ]),
          params: {},
          context,
        }),
      );
      expect(result.status, name).toBeLessThan(400);
      const added = filesOnDisk().filter((file) => !before.includes(file));
      expect(added.length, name).toBeGreaterThan(0);
      const uploadsDir = path.relative(t.dir, config().uploadsDir);
      for (const file of added) {
        expect(file.startsWith(`${uploadsDir}${path.sep}`), file).toBe(true);
        expect(file).not.toMatch(/passwd|win\.ini|\.\./);
      }
      const row = await db.selectFrom("uploads").select(["original_name"]).orderBy("created_at", "desc").executeTakeFirstOrThrow();
      expect(row.original_name).not.toContain("\u0000");
    }
    expect(fs.existsSync(path.join(t.dir, "..", "etc"))).toBe(false);
  });
});

describe("hostile price-list uploads on the services settings", () => {
  it("refuses a JPEG, an HTML page and a ZIP renamed to .pdf", async () => {
    const jpeg = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#000" } }).jpeg().toBuffer();
    await priceList(bytes(jpeg, "prijslijst.pdf", "application/pdf"), PRICE_LIST_MESSAGES["not-pdf"]);
    await priceList(bytes("<html><script>alert(1)</script></html>", "prijslijst.pdf", "application/pdf"), PRICE_LIST_MESSAGES["not-pdf"]);
    await priceList(bytes(Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(500)]), "prijslijst.pdf", "application/pdf"), PRICE_LIST_MESSAGES["not-pdf"]);
  });

  it("refuses corrupt PDFs: cut off, and only a header", async () => {
    const pdf = minimalPdf();
    await priceList(bytes(pdf.slice(0, Math.floor(pdf.length / 2)), "prijslijst.pdf", "application/pdf"), PRICE_LIST_MESSAGES.incomplete);
    await priceList(bytes("%PDF-1.7\n", "prijslijst.pdf", "application/pdf"), PRICE_LIST_MESSAGES.incomplete);
  });

  it("refuses an empty file and one over 10 MB", async () => {
    await priceList(bytes(Buffer.alloc(0), "leeg.pdf", "application/pdf"), PRICE_LIST_MESSAGES.empty);
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024, 0x20), Buffer.from("\n%%EOF\n")]);
    await priceList(bytes(big, "groot.pdf", "application/pdf"), PRICE_LIST_MESSAGES["too-large"]);
  });
});

describe("hostile video uploads", () => {
  // Read when the test runs (config() is read on first use, after beforeAll pointed DATA_DIR at the test folder).
  const notAVideo = () => videoMessage("not-a-video", config().videoMaxBytes);

  it("refuses a PDF, a JPEG and a script renamed to .webm or .mp4", async () => {
    const jpeg = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#000" } }).jpeg().toBuffer();
    await video(bytes(minimalPdf(), "intro.webm", "video/webm"), notAVideo());
    await video(bytes(jpeg, "intro.mp4", "video/mp4"), notAVideo());
    await video(bytes("#!/bin/sh\nrm -rf /\n", "intro.webm", "video/webm"), notAVideo());
  });

  it("refuses a corrupt video: the WebM header cut to a few bytes", async () => {
    await video(bytes(minimalWebm().subarray(0, 3), "kapot.webm", "video/webm"), notAVideo());
  });

  it("refuses a non-video with a path-traversal name and keeps no part of it", async () => {
    for (const name of ["../../etc/passwd.webm", "/etc/passwd.webm", "intro\u0000.webm"]) await video(bytes("niet een video", name, "video/webm"), notAVideo());
  });

  it("stores a real video with a path-traversal name under a random id inside the uploads folder", async () => {
    const before = filesOnDisk();
    const result = await settle(() =>
      videoRoute.action({ request: postMultipart("/backoffice/video", cookie, [["video", bytes(minimalWebm(), "../../../tmp/evil.webm", "video/webm")]]), params: {}, context }),
    );
    expect(result.status).toBe(303);
    const added = filesOnDisk().filter((file) => !before.includes(file));
    expect(added).toHaveLength(1);
    expect(added[0]!.startsWith(path.relative(t.dir, config().uploadsDir) + path.sep)).toBe(true);
    expect(added[0]).toMatch(/[0-9a-f]{32}\.webm$/);
  });
});
