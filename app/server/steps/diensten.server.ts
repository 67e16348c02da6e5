import type { Submission } from "@conform-to/react";
import { parseWithZod } from "~/domain/form-submission";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  type UploadHandler,
} from "@remix-run/node";
import {
  applyPriceLineIntent,
  formatFileSize,
  priceLineNotice,
  priceLinesFromSaved,
  priceLinesFromSubmitted,
  type PriceLineRow,
} from "~/domain/price-lines";
import { dienstenSchema, parseListIntent } from "~/domain/signup-schemas";
import type { Db } from "../db.server";
import {
  checkPriceList,
  findProviderPriceList,
  PRICE_LIST_MAX_BYTES,
  PRICE_LIST_MESSAGES,
  removePriceList,
  sanitiseFileName,
  withPriceList,
  type PriceListCheck,
} from "../price-lists.server";
import { refused, saved, type AfterSave, type ProviderRow } from "./outcome.server";
import { parseMultipartForm } from "../multipart.server";

const REMOVE_PRICE_LIST = "remove-price-list";

/**
 * The categories a provider can tick: the ones offered today, plus any
 * retired category they already have, so saving the step never silently
 * drops it. Retired ones are offered to nobody else.
 */
async function selectableCategories(db: Db, providerId: number) {
  const rows = await db
    .selectFrom("categories as c")
    .leftJoin("provider_categories as pc", (join) => join.onRef("pc.category_id", "=", "c.id").on("pc.provider_id", "=", providerId))
    .select(["c.id", "c.name", "c.retired_at", "pc.provider_id as chosenBy"])
    .where((eb) => eb.or([eb("c.retired_at", "is", null), eb("pc.provider_id", "is not", null)]))
    .orderBy("c.position")
    .execute();
  return {
    options: rows.map((row) => ({
      value: String(row.id),
      label: row.retired_at ? `${row.name} (deze categorie verdwijnt; kies liever een andere)` : row.name,
    })),
    chosen: rows.filter((row) => row.chosenBy !== null).map((row) => String(row.id)),
    ids: new Set(rows.map((row) => row.id)),
  };
}

/** What the form shows: the categories to choose from, the price lines, the note and the stored price list. */
export async function dienstenValues(db: Db, providerId: number, provider: ProviderRow) {
  const categories = await selectableCategories(db, providerId);
  const services = await db
    .selectFrom("provider_services")
    .select(["name", "price_cents", "unit", "description"])
    .where("provider_id", "=", providerId)
    .orderBy("position")
    .execute();
  const priceList = await findProviderPriceList(db, providerId);
  return {
    categoryOptions: categories.options,
    saved: { categories: categories.chosen, priceNote: provider.price_note ?? "" },
    lines: priceLinesFromSaved(services),
    priceList: priceList
      ? { href: `/prijslijst/${priceList.id}`, name: priceList.originalName, size: formatFileSize(priceList.byteSize) }
      : null,
  };
}

/**
 * Reads the multipart form. A price list over 10 MB is read to the end and
 * dropped instead of aborting the whole request, so everything else the
 * provider typed comes back and the problem is shown at the file field.
 */
async function readForm(request: Request): Promise<{ formData: FormData; fileTooLarge: boolean }> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return { formData: await request.formData(), fileTooLarge: false };
  }
  const inMemory = unstable_createMemoryUploadHandler({ maxPartSize: PRICE_LIST_MAX_BYTES });
  let fileTooLarge = false;
  const uploadHandler: UploadHandler = async (part) => {
    try {
      return await inMemory(part);
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      // No text field of this form comes near 10 MB; only a crafted request does that.
      if (part.name !== "priceList") throw new Response("Het formulier is te groot.", { status: 413 });
      fileTooLarge = true;
      for await (const _chunk of part.data) {
        // Reading on lets the parser reach the fields after the file.
      }
      return undefined;
    }
  };
  return { formData: await parseMultipartForm(request, uploadHandler), fileTooLarge };
}

/** The chosen file, or null when the file input was left empty (browsers then send a nameless, empty part). */
function chosenFile(value: FormDataEntryValue | null): File | null {
  return value instanceof File && (value.size > 0 || value.name !== "") ? value : null;
}

type EditedAction = "add" | "remove" | "remove-price-list";

/** Every answer of the action has this shape: the form as posted, changed only where the server changed it. */
export type StepResult = {
  /** New on every answer, so the rows (and the file input) are rebuilt from it instead of keeping stale text. */
  formKey: string;
  initialValue: Record<string, unknown>;
  error?: Record<string, string[] | null>;
  lines: PriceLineRow[];
  edited: EditedAction | null;
  notice: string | null;
  /** Why the chosen PDF was not stored this time, when it was not the file's fault. */
  fileNote: string | null;
};

function stepResult(
  submission: Submission<unknown>,
  lines: PriceLineRow[],
  options: { fieldErrors?: Record<string, string[]>; withErrors: boolean; edited?: EditedAction; notice?: string | null; fileNote?: string | null },
): StepResult {
  const reply = submission.reply({ hideFields: ["priceList", "intent"], fieldErrors: options.fieldErrors });
  return {
    formKey: crypto.randomUUID(),
    initialValue: reply.initialValue ?? {},
    error: options.withErrors ? foldErrors(reply.error ?? {}) : undefined,
    lines,
    edited: options.edited ?? null,
    notice: options.notice ?? null,
    fileNote: options.fileNote ?? null,
  };
}

/** Conform reports a bad category as `categories[2]` and an unknown button as `intent`; both belong to a visible place. */
function foldErrors(errors: Record<string, string[] | null>): Record<string, string[] | null> {
  const folded: Record<string, string[] | null> = {};
  for (const [name, messages] of Object.entries(errors)) {
    const target = name.startsWith("categories[") ? "categories" : name === "intent" ? "" : name;
    folded[target] ??= messages;
  }
  return folded;
}

const notStoredYet = (file: File, saveLabel: string) =>
  `U had het bestand "${sanitiseFileName(file.name)}" gekozen, maar het is nog niet opgeslagen. Kies het bestand opnieuw voordat u op '${saveLabel}' klikt.`;

/**
 * The categories, price lines, price note and price list. Adding or removing
 * a line or the price list answers with the form as changed; saving checks
 * everything and stores it in one transaction (the search index follows by
 * trigger). `saveLabel` is the page's save button, named in messages.
 */
export async function submitDiensten<T>(db: Db, uploadsDir: string, providerId: number, request: Request, saveLabel: string, afterSave: AfterSave<T>) {
  const { formData, fileTooLarge } = await readForm(request);
  const file = chosenFile(formData.get("priceList"));
  formData.delete("priceList");
  const rawIntent = formData.get("intent");

  const submission = parseWithZod(formData, { schema: dienstenSchema });
  const lines = priceLinesFromSubmitted(submission.payload.services);

  if (rawIntent === REMOVE_PRICE_LIST) {
    await removePriceList(db, uploadsDir, providerId);
    return refused(
      stepResult(submission, lines, {
        withErrors: false,
        edited: "remove-price-list",
        notice: "Uw prijslijst is verwijderd. Klanten kunnen hem niet meer downloaden.",
        fileNote: file ? notStoredYet(file, saveLabel) : null,
      }),
      200,
    );
  }

  const intent = parseListIntent(typeof rawIntent === "string" ? rawIntent : undefined, "service");
  if (intent && intent.action !== "save") {
    // Nothing is saved yet: the list changes on screen and is stored with "Volgende stap".
    return refused(
      stepResult(submission, applyPriceLineIntent(lines, intent), {
        withErrors: false,
        edited: intent.action,
        notice: priceLineNotice(lines, intent),
        fileNote: file ? notStoredYet(file, saveLabel) : null,
      }),
      200,
    );
  }

  const fieldErrors: Record<string, string[]> = {};
  let priceList: PriceListCheck | null = null;
  if (fileTooLarge) fieldErrors.priceList = [PRICE_LIST_MESSAGES["too-large"]];
  else if (file) priceList = checkPriceList(new Uint8Array(await file.arrayBuffer()), file.name);
  if (priceList && !priceList.ok) fieldErrors.priceList = [priceList.message];
  const selectable = await selectableCategories(db, providerId);
  if (submission.status === "success" && submission.value.categories.some((id) => !selectable.ids.has(id))) {
    fieldErrors.categories = ["Kies een categorie uit de lijst"];
  }
  if (submission.status !== "success" || Object.keys(fieldErrors).length > 0) {
    if (file && !fieldErrors.priceList) fieldErrors.priceList = [notStoredYet(file, saveLabel)];
    return refused(stepResult(submission, lines, { withErrors: true, fieldErrors }));
  }

  const values = submission.value;
  const value = await withPriceList(db, uploadsDir, providerId, priceList?.ok ? priceList.priceList : null, async (trx) => {
    await trx.deleteFrom("provider_categories").where("provider_id", "=", providerId).execute();
    await trx
      .insertInto("provider_categories")
      .values(values.categories.map((categoryId) => ({ provider_id: providerId, category_id: categoryId })))
      .execute();
    await trx.deleteFrom("provider_services").where("provider_id", "=", providerId).execute();
    await trx
      .insertInto("provider_services")
      .values(
        values.services.map((service, position) => ({
          provider_id: providerId,
          position,
          name: service.name,
          price_cents: service.priceCents,
          unit: service.unit,
          description: service.description,
        })),
      )
      .execute();
    await trx.updateTable("providers").set({ price_note: values.priceNote }).where("id", "=", providerId).execute();
    return afterSave(trx);
  });
  return saved(value);
}

