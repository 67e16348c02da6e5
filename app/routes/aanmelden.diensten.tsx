import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  type UploadHandler,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { ChoiceGroup, describedBy, ErrorSummary, FieldError, FieldShell, formState, TextArea, TextField, type FieldErrors } from "~/components/form";
import { StepActions, StepPage } from "~/components/wizard";
import {
  applyPriceLineIntent,
  formatFileSize,
  memberPriceText,
  priceLineNotice,
  priceLinesFromSaved,
  priceLinesFromSubmitted,
  type PriceLineRow,
} from "~/domain/price-lines";
import {
  dienstenLabels,
  dienstenSchema,
  parseListIntent,
  PRICE_NOTE_MAX,
  SERVICE_DESCRIPTION_MAX,
  serviceLineLabels,
} from "~/domain/signup-schemas";
import { PRICE_UNIT_OPTIONS } from "~/domain/wizard";
import { config } from "~/server/config.server";
import type { Db } from "~/server/db.server";
import {
  checkPriceList,
  findProviderPriceList,
  PRICE_LIST_MAX_BYTES,
  PRICE_LIST_MESSAGES,
  removePriceList,
  sanitiseFileName,
  withPriceList,
  type PriceListCheck,
} from "~/server/price-lists.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import stylesHref from "~/styles/services-step.css?url";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "diensten" };
export const meta: MetaFunction = () => [{ title: "Stap 6: Diensten & prijzen — Aanmelden — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

const STEP_PATH = "/aanmelden/diensten";
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

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireWizardStep(request, "diensten");
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
  return { formData: await unstable_parseMultipartFormData(request, uploadHandler), fileTooLarge };
}

/** The chosen file, or null when the file input was left empty (browsers then send a nameless, empty part). */
function chosenFile(value: FormDataEntryValue | null): File | null {
  return value instanceof File && (value.size > 0 || value.name !== "") ? value : null;
}

type EditedAction = "add" | "remove" | "remove-price-list";

/** Every answer of the action has this shape: the form as posted, changed only where the server changed it. */
type StepResult = {
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

const notStoredYet = (file: File) =>
  `U had het bestand "${sanitiseFileName(file.name)}" gekozen, maar het is nog niet opgeslagen. Kies het bestand opnieuw voordat u op 'Volgende stap' klikt.`;

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "diensten");
  const { uploadsDir } = config();
  const { formData, fileTooLarge } = await readForm(request);
  const file = chosenFile(formData.get("priceList"));
  formData.delete("priceList");
  const rawIntent = formData.get("intent");

  const submission = parseWithZod(formData, { schema: dienstenSchema });
  const lines = priceLinesFromSubmitted(submission.payload.services);

  if (rawIntent === REMOVE_PRICE_LIST) {
    await removePriceList(db, uploadsDir, providerId);
    return data(
      stepResult(submission, lines, {
        withErrors: false,
        edited: "remove-price-list",
        notice: "Uw prijslijst is verwijderd. Klanten kunnen hem niet meer downloaden.",
        fileNote: file ? notStoredYet(file) : null,
      }),
    );
  }

  const intent = parseListIntent(typeof rawIntent === "string" ? rawIntent : undefined, "service");
  if (intent && intent.action !== "save") {
    // Nothing is saved yet: the list changes on screen and is stored with "Volgende stap".
    return data(
      stepResult(submission, applyPriceLineIntent(lines, intent), {
        withErrors: false,
        edited: intent.action,
        notice: priceLineNotice(lines, intent),
        fileNote: file ? notStoredYet(file) : null,
      }),
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
    if (file && !fieldErrors.priceList) fieldErrors.priceList = [notStoredYet(file)];
    return data(stepResult(submission, lines, { withErrors: true, fieldErrors }), { status: 400 });
  }

  const values = submission.value;
  const next = await withPriceList(db, uploadsDir, providerId, priceList?.ok ? priceList.priceList : null, async (trx) => {
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
    return completeStep(trx, providerId, completed, "diensten");
  });
  return redirect(next);
}

// ---------------------------------------------------------------------------

/** How the error summary names each field of a price line: short, with the line's number. */
const LINE_FIELD_SUMMARY = {
  name: "welke dienst",
  price: "prijs",
  unit: "per uur of per dienst",
  description: "omschrijving",
} as const satisfies Record<keyof typeof serviceLineLabels, string>;

const PRICE_LIST_LABEL = "Uitgebreide prijslijst (PDF)";

/** The summary's labels in the order of the page, so its links follow the form from top to bottom. */
function summaryLabels(lineCount: number): Record<string, string> {
  const labels: Record<string, string> = { categories: dienstenLabels.categories };
  for (let index = 0; index < lineCount; index++) {
    for (const [field, text] of Object.entries(LINE_FIELD_SUMMARY)) labels[`services[${index}].${field}`] = `Dienst ${index + 1}, ${text}`;
  }
  labels.services = dienstenLabels.services;
  labels.priceNote = dienstenLabels.priceNote;
  labels.priceList = PRICE_LIST_LABEL;
  return labels;
}

type LineProps = { index: number; line: PriceLineRow; errors: FieldErrors };

function PriceLine({ index, line, errors }: LineProps) {
  const base = `services[${index}]`;
  const error = (field: keyof PriceLineRow) => errors[`${base}.${field}`]?.[0];
  return (
    <fieldset className="price-line" id={`service-${index}`} tabIndex={-1}>
      <legend className="price-line__legend">Dienst {index + 1}</legend>
      <div className="price-line__row">
        <TextField
          name={`${base}.name`}
          label={serviceLineLabels.name}
          hint="Bijvoorbeeld: Computerhulp"
          defaultValue={line.name}
          error={error("name")}
        />
        <PriceField id={`${base}.price`} defaultValue={line.price} error={error("price")} />
        <UnitField id={`${base}.unit`} defaultValue={line.unit} error={error("unit")} />
      </div>
      <TextArea
        name={`${base}.description`}
        label={serviceLineLabels.description}
        hint="Bijvoorbeeld: Ik help u met al uw computerproblemen"
        defaultValue={line.description}
        error={error("description")}
        maxCharacters={SERVICE_DESCRIPTION_MAX}
        rows={3}
      />
      <button
        type="submit"
        name="intent"
        value={`remove-service-${index}`}
        formAction={`${STEP_PATH}#services`}
        className="button--secondary price-line__remove"
      >
        Verwijder deze dienst<span className="visually-hidden"> (dienst {index + 1})</span>
      </button>
    </fieldset>
  );
}

/**
 * The price in euros with the ledenprijs beside it. The server renders the
 * ledenprijs for the price as posted; with JavaScript it follows the typing,
 * computed by the same domain function.
 */
function PriceField({ id, defaultValue, error }: { id: string; defaultValue: string; error?: string }) {
  const [price, setPrice] = useState(defaultValue);
  const member = memberPriceText(price);
  const hint = "Bijvoorbeeld 15 of 15,00";
  return (
    <FieldShell id={id} label={serviceLineLabels.price} hint={hint} error={error} className="price-field">
      <div className="price-field__control">
        <span className="price-field__currency" aria-hidden="true">
          €
        </span>
        <input
          id={id}
          name={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error, `${id}-member`)}
          onChange={(event) => setPrice(event.currentTarget.value)}
        />
      </div>
      <p className="price-field__member" id={`${id}-member`}>
        {member ? (
          <>
            Ledenprijs: <strong>{member}</strong>
          </>
        ) : (
          "Ledenprijs: 10% minder"
        )}
      </p>
    </FieldShell>
  );
}

function UnitField({ id, defaultValue, error }: { id: string; defaultValue: string; error?: string }) {
  return (
    <FieldShell id={id} label={serviceLineLabels.unit} error={error} className="unit-field">
      <select
        id={id}
        name={id}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {PRICE_UNIT_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type PriceListFieldProps = {
  stored: { href: string; name: string; size: string } | null;
  error?: string;
  note: string | null;
  /** Said after "Prijslijst verwijderen". */
  notice: string | null;
  /** A browser cannot be told which file to send again; a fresh input shows plainly that none is chosen. */
  inputKey: string;
};

function PriceListField({ stored, error, note, notice, inputKey }: PriceListFieldProps) {
  const describedBy = ["priceList-hint", error ? "priceList-error" : null, note ? "priceList-note" : null].filter(Boolean).join(" ");
  return (
    <section className="price-list-upload" aria-labelledby="price-list-title" id="price-list-section" tabIndex={-1}>
      <h2 id="price-list-title">{PRICE_LIST_LABEL}</h2>
      <div role="status">
        {notice ? (
          <p className="notice notice--success" id="price-list-notice" tabIndex={-1}>
            {notice}
          </p>
        ) : null}
      </div>
      <p>
        Alleen als drie prijsomschrijvingen niet genoeg ruimte geven om uw diensten te beschrijven, kunt u een uitgebreide
        prijslijst als PDF-bestand toevoegen. Klanten kunnen die downloaden van uw profielpagina. Dit is niet verplicht.
      </p>
      {stored ? (
        <div className="price-list-upload__stored">
          <p>
            Uw prijslijst: <a href={stored.href}>{stored.name}</a> ({stored.size}, PDF)
          </p>
          <button type="submit" name="intent" value={REMOVE_PRICE_LIST} formAction={`${STEP_PATH}#price-list-section`} className="button--secondary">
            Prijslijst verwijderen
          </button>
        </div>
      ) : null}
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="priceList">{stored ? "Vervang uw prijslijst door een ander PDF-bestand (optioneel)" : "Upload uitgebreide prijslijst (optioneel)"}</label>
        <span className="field__hint" id="priceList-hint">
          Een PDF-bestand van hoogstens 10 MB. Het wordt opgeslagen als u op &apos;Volgende stap&apos; klikt.
        </span>
        <FieldError id="priceList-error" message={error} />
        {note ? (
          <p className="notice price-list-upload__note" id="priceList-note">
            {note}
          </p>
        ) : null}
        <input
          key={inputKey}
          type="file"
          id="priceList"
          name="priceList"
          accept="application/pdf"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="price-list-upload__input"
        />
      </div>
    </section>
  );
}

export default function DienstenStep() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Following a #link (the error summary's, or the one "Voeg nog een dienst toe +" scrolls to) is a
  // navigation to React Router, and it forgets the action data; the last answer is kept so that
  // the lines, values and errors on screen do not fall back to the saved ones.
  const [lastResult, setLastResult] = useState(actionData);
  if (actionData && actionData !== lastResult) setLastResult(actionData);
  const result = actionData ?? lastResult;
  // A stable errors object: the error summary takes focus whenever it gets a new one.
  const form = useMemo(() => formState(result, loaded.saved), [result, loaded.saved]);
  const lines = result?.lines ?? loaded.lines;
  const formKey = result?.formKey ?? "saved";
  const servicesError = form.error("services");
  const notice = result?.notice ?? null;

  // With JavaScript the page does not reload, so focus goes where a reload would have scrolled to.
  useEffect(() => {
    if (!actionData?.edited) return;
    const target =
      actionData.edited === "add"
        ? document.getElementById(`services[${actionData.lines.length - 1}].name`)
        : document.getElementById(actionData.edited === "remove" ? "services-notice" : "price-list-notice");
    target?.focus();
  }, [actionData]);

  return (
    <StepPage
      title="Stap 6: Diensten & prijzen"
      intro={
        <p>
          Geef aan in welke categorie uw dienstverlening het best past. Daarna beschrijft u uw diensten en wat ze
          kosten.
        </p>
      }
    >
      <ErrorSummary errors={form.errors} labels={summaryLabels(lines.length)} />
      <Form method="post" encType="multipart/form-data" noValidate className="services-form">
        {/* Enter in a text field presses the form's first submit button: this keeps that "Volgende stap", not "Verwijder". */}
        <button type="submit" name="intent" value="save" hidden>
          Volgende stap
        </button>

        <div className="category-choices">
          <ChoiceGroup
            name="categories"
            type="checkbox"
            legend={dienstenLabels.categories}
            hint="Kies één of meer categorieën. Zit uw dienst er niet bij? Kies dan 'Overige'."
            options={loaded.categoryOptions}
            selected={form.list("categories")}
            error={form.error("categories")}
          />
        </div>

        <section
          id="services"
          tabIndex={-1}
          aria-labelledby="services-title"
          aria-describedby={servicesError ? "services-error" : undefined}
          className={servicesError ? "price-lines field--error" : "price-lines"}
        >
          <h2 id="services-title">{dienstenLabels.services}</h2>
          <p>
            Een duidelijke prijsomschrijving maakt uw profiel betrouwbaarder. Beschrijf, als het kan, minstens drie
            diensten met hun prijs. U kunt zoveel diensten toevoegen als u wilt. Kies bij elke prijs of die per uur of
            per dienst is.
          </p>
          <p className="notice member-discount">
            <strong>Leden van Vivium krijgen altijd 10% korting.</strong> U vult alleen de gewone prijs in; de ledenprijs
            rekenen wij uit.
          </p>
          <FieldError id="services-error" message={servicesError} as="p" />
          <div role="status" className="price-lines__status">
            {notice && result?.edited !== "remove-price-list" ? (
              <p className="notice notice--success" id="services-notice" tabIndex={-1}>
                {notice}
              </p>
            ) : null}
          </div>
          {lines.map((line, index) => (
            <PriceLine key={`${formKey}-${index}`} index={index} line={line} errors={form.errors} />
          ))}
          <button
            type="submit"
            name="intent"
            value="add-service"
            formAction={`${STEP_PATH}#service-${lines.length}`}
            className="button--secondary price-lines__add"
          >
            Voeg nog een dienst toe +
          </button>
        </section>

        <TextArea
          name="priceNote"
          label={dienstenLabels.priceNote}
          hint="Gebruik dit veld voor informatie over uw prijzen in het algemeen, bijvoorbeeld of u voorrijkosten rekent."
          defaultValue={form.text("priceNote")}
          error={form.error("priceNote")}
          maxCharacters={PRICE_NOTE_MAX}
          rows={4}
        />

        <PriceListField
          inputKey={formKey}
          stored={loaded.priceList}
          error={form.error("priceList")}
          note={result?.fileNote ?? null}
          notice={result?.edited === "remove-price-list" ? notice : null}
        />

        <StepActions previousPath="/aanmelden/beschikbaarheid" />
      </Form>
    </StepPage>
  );
}
