/**
 * The optional PDF price list ("uitgebreide prijslijst") of a provider.
 *
 * A file is judged by its bytes only: the name and the type the browser
 * declares are whatever the sender says. Stored files get a random name
 * under `<uploadsDir>/price-lists/`; nothing a user typed ever becomes part
 * of a path. Every function takes the database and the uploads folder as
 * arguments, so tests and scripts need no process-wide configuration.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "./db.server";
import { log } from "./log.server";

export const PRICE_LIST_MAX_BYTES = 10 * 1024 * 1024;

export type PriceListProblem = "empty" | "too-large" | "not-pdf" | "incomplete";

export const PRICE_LIST_MESSAGES: Record<PriceListProblem, string> = {
  empty: "Het gekozen bestand is leeg. Kies uw prijslijst opnieuw",
  "too-large": "Het bestand is groter dan 10 MB. Kies een kleiner bestand, bijvoorbeeld met minder of kleinere foto's",
  "not-pdf": "Dit bestand is geen PDF. Sla uw prijslijst op als PDF en kies dat bestand",
  incomplete:
    "Dit PDF-bestand is niet compleet; het is misschien niet helemaal opgeslagen of verstuurd. Sla uw prijslijst opnieuw op als PDF en kies het bestand opnieuw",
};

const PDF_SIGNATURE = new TextEncoder().encode("%PDF-");
const PDF_END_MARKER = new TextEncoder().encode("%%EOF");
// Writers may put line breaks or a few bytes after %%EOF; readers look for it in the last kilobyte too.
const END_MARKER_WINDOW = 1024;

/** Upload ids are 128 random bits in hex; anything else in a URL is not one of ours. */
export const PRICE_LIST_ID_PATTERN = /^[a-f0-9]{32}$/;

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function containsFrom(bytes: Uint8Array, needle: Uint8Array, from: number): boolean {
  for (let start = Math.max(0, from); start + needle.length <= bytes.length; start++) {
    if (needle.every((byte, offset) => bytes[start + offset] === byte)) return true;
  }
  return false;
}

/** What is wrong with these bytes as a price list, or null when they are a complete PDF of at most 10 MB. */
export function checkPriceListBytes(bytes: Uint8Array): PriceListProblem | null {
  if (bytes.length === 0) return "empty";
  if (bytes.length > PRICE_LIST_MAX_BYTES) return "too-large";
  if (!startsWith(bytes, PDF_SIGNATURE)) return "not-pdf";
  // A PDF ends with %%EOF; without it the upload was cut off and readers may show nothing.
  if (!containsFrom(bytes, PDF_END_MARKER, bytes.length - END_MARKER_WINDOW)) return "incomplete";
  return null;
}

const MAX_NAME_LENGTH = 100;

/**
 * The name shown to the provider for their stored file: the last path part,
 * without control characters or characters that are unsafe in file names or
 * headers, at most 100 characters, always ending in `.pdf`.
 */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const stem = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}"*:<>?|]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/\.pdf\s*$/i, "")
    // Leading dots would hide the file on the provider's computer; trailing ones confuse Windows.
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const short = Array.from(stem).slice(0, MAX_NAME_LENGTH - 4).join("").trim();
  return `${short || "prijslijst"}.pdf`;
}

declare const checked: unique symbol;

/** A file that passed `checkPriceList`; the brand makes sure nothing else can be stored. */
export type CheckedPriceList = { readonly bytes: Uint8Array; readonly originalName: string; readonly [checked]: true };

export type PriceListCheck =
  | { ok: true; priceList: CheckedPriceList }
  | { ok: false; problem: PriceListProblem; message: string };

export function checkPriceList(bytes: Uint8Array, fileName: string): PriceListCheck {
  const problem = checkPriceListBytes(bytes);
  if (problem) return { ok: false, problem, message: PRICE_LIST_MESSAGES[problem] };
  return { ok: true, priceList: { bytes, originalName: sanitiseFileName(fileName) } as CheckedPriceList };
}

export function priceListFilePath(uploadsDir: string, id: string): string {
  if (!PRICE_LIST_ID_PATTERN.test(id)) throw new Error(`Not a price list id: ${JSON.stringify(id)}`);
  return path.join(uploadsDir, "price-lists", `${id}.pdf`);
}

/** Removes stored files; a file that is already gone is fine, other failures are logged, never thrown. */
export async function deletePriceListFiles(uploadsDir: string, ids: ReadonlyArray<string | null>): Promise<void> {
  for (const id of ids) {
    if (!id || !PRICE_LIST_ID_PATTERN.test(id)) continue;
    try {
      await fs.rm(priceListFilePath(uploadsDir, id), { force: true });
    } catch (error) {
      log.error(`price list ${id}: could not delete the file`, error);
    }
  }
}

/**
 * Runs `work` in one transaction that also makes `priceList` (when given) the
 * provider's price list. The file is written first under a new random name;
 * if the transaction fails it is removed again, and only after the commit is
 * the replaced file deleted. So the database never points at a missing file
 * and a failed save never costs the provider their old price list.
 */
export async function withPriceList<T>(
  db: Db,
  uploadsDir: string,
  providerId: number,
  priceList: CheckedPriceList | null,
  work: (trx: Db) => Promise<T>,
  now: Date = new Date(),
): Promise<T> {
  if (!priceList) return db.transaction().execute(work);
  const id = randomBytes(16).toString("hex");
  const file = priceListFilePath(uploadsDir, id);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, priceList.bytes, { flag: "wx", mode: 0o640 });
  let replaced: string | null = null;
  try {
    const result = await db.transaction().execute(async (trx) => {
      const previous = await currentPriceListId(trx, providerId);
      await trx
        .insertInto("uploads")
        .values({
          id,
          provider_id: providerId,
          kind: "price_list",
          original_name: priceList.originalName,
          content_type: "application/pdf",
          byte_size: priceList.bytes.length,
          created_at: now.toISOString(),
        })
        .execute();
      await trx.updateTable("providers").set({ price_list_upload_id: id }).where("id", "=", providerId).execute();
      if (previous) await deleteUploadRow(trx, providerId, previous);
      replaced = previous;
      return work(trx);
    });
    await deletePriceListFiles(uploadsDir, [replaced]);
    return result;
  } catch (error) {
    await deletePriceListFiles(uploadsDir, [id]);
    throw error;
  }
}

/** Stores a checked price list on its own, replacing the previous one. Returns the new upload id. */
export async function savePriceList(db: Db, uploadsDir: string, providerId: number, priceList: CheckedPriceList): Promise<string> {
  return withPriceList(db, uploadsDir, providerId, priceList, async (trx) => {
    const id = await currentPriceListId(trx, providerId);
    if (!id) throw new Error(`price list of provider ${providerId} was not recorded`);
    return id;
  });
}

/** Removes the provider's price list, row and file. Returns whether there was one. */
export async function removePriceList(db: Db, uploadsDir: string, providerId: number): Promise<boolean> {
  const removed = await db.transaction().execute(async (trx) => {
    const previous = await currentPriceListId(trx, providerId);
    if (!previous) return null;
    await trx.updateTable("providers").set({ price_list_upload_id: null }).where("id", "=", providerId).execute();
    await deleteUploadRow(trx, providerId, previous);
    return previous;
  });
  await deletePriceListFiles(uploadsDir, [removed]);
  return removed !== null;
}

async function currentPriceListId(db: Db, providerId: number): Promise<string | null> {
  const row = await db.selectFrom("providers").select("price_list_upload_id").where("id", "=", providerId).executeTakeFirst();
  return row?.price_list_upload_id ?? null;
}

async function deleteUploadRow(db: Db, providerId: number, id: string): Promise<void> {
  await db.deleteFrom("uploads").where("id", "=", id).where("provider_id", "=", providerId).where("kind", "=", "price_list").execute();
}

export type PriceListSummary = { id: string; originalName: string; byteSize: number };

/** The provider's current price list, for showing and linking it in the form. */
export async function findProviderPriceList(db: Db, providerId: number): Promise<PriceListSummary | null> {
  const row = await db
    .selectFrom("providers as p")
    .innerJoin("uploads as u", (join) => join.onRef("u.id", "=", "p.price_list_upload_id").onRef("u.provider_id", "=", "p.id"))
    .select(["u.id", "u.original_name", "u.byte_size"])
    .where("p.id", "=", providerId)
    .where("u.kind", "=", "price_list")
    .executeTakeFirst();
  return row ? { id: row.id, originalName: row.original_name, byteSize: row.byte_size } : null;
}

/** A price list by its public id, with what decides who may download it. Only a provider's current list counts. */
export async function findPriceListForDownload(db: Db, id: string) {
  if (!PRICE_LIST_ID_PATTERN.test(id)) return null;
  const row = await db
    .selectFrom("uploads as u")
    .innerJoin("providers as p", (join) => join.onRef("p.id", "=", "u.provider_id").onRef("p.price_list_upload_id", "=", "u.id"))
    .select(["u.id", "p.id as providerId", "p.slug", "p.status"])
    .where("u.id", "=", id)
    .where("u.kind", "=", "price_list")
    .executeTakeFirst();
  return row ?? null;
}

/** The stored bytes, or null when the file is missing (it was removed, or the data folder was restored without it). */
export async function readPriceListFile(uploadsDir: string, id: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(priceListFilePath(uploadsDir, id));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** `prijslijst-jan-jansen.pdf`: only letters, digits and dashes, so the header needs no quoting rules. */
export function priceListDownloadName(slug: string | null, providerId: number): string {
  const safe = (slug ?? "").toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `prijslijst-${safe || providerId}.pdf`;
}
