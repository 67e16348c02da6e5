import { Form } from "@remix-run/react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { ChoiceGroup, describedBy, ErrorSummary, FieldError, FieldShell, formState, TextArea, TextField, type FieldErrors } from "~/components/form";
import { memberPriceText, type PriceLineRow } from "~/domain/price-lines";
import { dienstenLabels, PRICE_NOTE_MAX, SERVICE_DESCRIPTION_MAX, serviceLineLabels } from "~/domain/signup-schemas";
import { PRICE_UNIT_OPTIONS } from "~/domain/wizard";

const REMOVE_PRICE_LIST = "remove-price-list";

/** What the loader gives the form (see dienstenValues in app/server/steps/diensten.server.ts). */
type DienstenLoaded = {
  categoryOptions: { value: string; label: string }[];
  saved: { categories: string[]; priceNote: string };
  lines: PriceLineRow[];
  priceList: { href: string; name: string; size: string } | null;
};

/** The action's answer (StepResult in app/server/steps/diensten.server.ts). */
type DienstenResult = {
  formKey: string;
  initialValue: Record<string, unknown>;
  error?: Record<string, string[] | null>;
  lines: PriceLineRow[];
  edited: "add" | "remove" | "remove-price-list" | null;
  notice: string | null;
  fileNote: string | null;
};

type DienstenFormProps = {
  loaded: DienstenLoaded;
  actionData: DienstenResult | undefined;
  /** The page's own path: the list buttons post there and scroll to what changed. */
  path: string;
  actions: ReactNode;
  /** The text of the page's save button, named where a change waits for it. */
  saveLabel: string;
};

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

type LineProps = { index: number; line: PriceLineRow; errors: FieldErrors; path: string };

function PriceLine({ index, line, errors, path }: LineProps) {
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
        formAction={`${path}#services`}
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
  path: string;
  saveLabel: string;
};

function PriceListField({ stored, error, note, notice, inputKey, path, saveLabel }: PriceListFieldProps) {
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
          <button type="submit" name="intent" value={REMOVE_PRICE_LIST} formAction={`${path}#price-list-section`} className="button--secondary">
            Prijslijst verwijderen
          </button>
        </div>
      ) : null}
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="priceList">{stored ? "Vervang uw prijslijst door een ander PDF-bestand (optioneel)" : "Upload uitgebreide prijslijst (optioneel)"}</label>
        <span className="field__hint" id="priceList-hint">
          Een PDF-bestand van hoogstens 10 MB. Het wordt opgeslagen als u op &apos;{saveLabel}&apos; klikt.
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

/**
 * The services and prices form of the signup wizard and the backoffice
 * settings. Needs app/styles/services-step.css.
 */
export function DienstenForm({ loaded, actionData, path, actions, saveLabel }: DienstenFormProps) {
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
    <>
      <ErrorSummary errors={form.errors} labels={summaryLabels(lines.length)} />
      <Form method="post" encType="multipart/form-data" noValidate className="services-form">
        {/* Enter in a text field presses the form's first submit button: this keeps that the save button, not "Verwijder". */}
        <button type="submit" name="intent" value="save" hidden>
          {saveLabel}
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
            <PriceLine key={`${formKey}-${index}`} index={index} line={line} errors={form.errors} path={path} />
          ))}
          <button
            type="submit"
            name="intent"
            value="add-service"
            formAction={`${path}#service-${lines.length}`}
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
          path={path}
          saveLabel={saveLabel}
        />

        {actions}
      </Form>
    </>
  );
}
