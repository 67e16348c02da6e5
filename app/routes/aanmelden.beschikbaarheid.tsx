import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { ErrorSummary, FieldError, formState, TextField } from "~/components/form";
import { PlaceAutocomplete } from "~/components/place-autocomplete";
import { StepActions, StepPage } from "~/components/wizard";
import {
  addPlaceToList,
  availabilityFormValues,
  coverageBaseText,
  DAYPART_NAMES,
  daypartLabel,
  NO_BASE_ADDRESS_MESSAGE,
  placeAddedNotice,
  placeAlreadyListedNotice,
  placeDisplayName,
  placeRemovedNotice,
  removedPlace,
  unknownPlaceMessage,
  WEEKDAY_NAMES,
  type CoverageBase,
} from "~/domain/availability";
import { beschikbaarheidLabels, beschikbaarheidSchema, parseListIntent } from "~/domain/signup-schemas";
import { COVERAGE_MODE_OPTIONS, daypartKey, MAX_RADIUS_KM, MIN_RADIUS_KM } from "~/domain/wizard";
import { basePc4Of, loadCoverage, saveCoverage, type CoverageInput } from "~/server/coverage.server";
import type { Db } from "~/server/db.server";
import { findPc4Area, findPlaceById, findPlaceByName, similarPlaces } from "~/server/geo.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import stylesHref from "~/styles/availability-step.css?url";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "beschikbaarheid" };
export const meta: MetaFunction = () => [{ title: "Stap 5: Beschikbaarheid — Aanmelden — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

type BaseAddressFields = Parameters<typeof basePc4Of>[0];

/** The PC4 area a radius is measured from, named so the provider recognises it; null without a known address. */
async function coverageBase(db: Db, provider: BaseAddressFields): Promise<CoverageBase | null> {
  const pc4 = basePc4Of(provider);
  const area = pc4 === null ? null : await findPc4Area(db, pc4);
  return area ? { pc4: area.pc4, placeName: area.place.name, isWorkAddress: Boolean(provider.has_work_address) } : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireWizardStep(request, "beschikbaarheid");
  const coverage = await loadCoverage(db, providerId);
  const placeNames = new Map<number, string>();
  if (coverage?.mode === "places") {
    for (const id of coverage.placeIds) {
      const place = await findPlaceById(db, id);
      if (place) placeNames.set(id, place.name);
    }
  }
  const dayparts = await db
    .selectFrom("provider_dayparts")
    .select(["weekday", "daypart"])
    .where("provider_id", "=", providerId)
    .execute();
  return {
    saved: availabilityFormValues(coverage, placeNames, dayparts),
    base: await coverageBase(db, provider),
  };
}

type FieldErrors = Record<string, string[]>;

async function unknownPlaceError(db: Db, typed: string): Promise<string> {
  const suggestions = await similarPlaces(db, typed, 3);
  return unknownPlaceMessage(typed, suggestions.map((place) => place.name));
}

/**
 * Every place of a places werkgebied by id: the listed ones (canonical names
 * from our own hidden inputs, unless the form was tampered with) and the one
 * still typed in "Voeg nieuwe stad toe", which counts on save. Unknown names
 * become errors at the field they came from.
 */
async function resolvePlaces(db: Db, listed: readonly string[], typed: string | null) {
  const placeIds: number[] = [];
  const errors: FieldErrors = {};
  for (const name of listed) {
    const place = await findPlaceByName(db, name);
    if (place) placeIds.push(place.id);
    else errors.places ??= [await unknownPlaceError(db, name)];
  }
  if (typed) {
    const place = await findPlaceByName(db, typed);
    if (place) placeIds.push(place.id);
    else errors.newPlace = [await unknownPlaceError(db, typed)];
  }
  return { placeIds: [...new Set(placeIds)], errors };
}

type ReplyOptions = {
  status?: number;
  fieldErrors?: FieldErrors;
  /** The list to show from now on; the posted one when omitted. */
  places?: string[];
  /** Empties "Voeg nieuwe stad toe" after its place went into the list. */
  clearNewPlace?: boolean;
  /** What changed in the list, said in words (and announced by screen readers). */
  notice?: string;
};

/**
 * The form re-shown with what the provider posted, changed only where the
 * server changed it. Every answer of this action has this shape, so the page
 * reads one kind of action data.
 */
function reply(submission: { reply: (options?: { fieldErrors?: FieldErrors }) => SubmissionResult<string[]> }, options: ReplyOptions) {
  const result = submission.reply(options.fieldErrors ? { fieldErrors: options.fieldErrors } : undefined);
  const initialValue: Record<string, unknown> = { ...result.initialValue };
  if (options.places) initialValue.places = options.places;
  if (options.clearNewPlace) delete initialValue.newPlace;
  return data({ ...result, initialValue, notice: options.notice ?? null }, { status: options.status ?? 200 });
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, provider, completed } = await requireWizardStep(request, "beschikbaarheid");
  const formData = await request.formData();
  const intent = parseListIntent(formData.get("intent")?.toString(), "place");
  // The list buttons imply the places werkgebied (the schema reads them so);
  // saying so in the form too keeps the list and its messages on screen.
  if (intent && intent.action !== "save" && !formData.get("coverageMode")) formData.set("coverageMode", "places");

  const submission = parseWithZod(formData, { schema: beschikbaarheidSchema });
  if (submission.status !== "success") {
    // Unknown places are reported together with the other problems, not one round later.
    const typed = formData.get("newPlace")?.toString().trim() ?? "";
    const checkTyped = intent?.action === "save" && formData.get("coverageMode") === "places" && typed !== "";
    const extra: FieldErrors = {};
    if (checkTyped && !submission.error?.newPlace) Object.assign(extra, (await resolvePlaces(db, [], typed)).errors);
    return reply(submission, { status: 400, fieldErrors: Object.keys(extra).length > 0 ? extra : undefined });
  }
  const values = submission.value;

  if (values.intent.action === "remove") {
    const name = removedPlace(formData.getAll("places").map(String), values.intent.index);
    return reply(submission, { places: values.places, notice: name ? placeRemovedNotice(name) : undefined });
  }

  if (values.intent.action === "add") {
    const typed = values.newPlace ?? "";
    const place = await findPlaceByName(db, typed);
    if (!place) {
      return reply(submission, { status: 400, places: values.places, fieldErrors: { newPlace: [await unknownPlaceError(db, typed)] } });
    }
    const change = addPlaceToList(values.places, place.name);
    return reply(submission, {
      places: change.places,
      clearNewPlace: true,
      notice: change.duplicate ? placeAlreadyListedNotice(place.name) : placeAddedNotice(place.name),
    });
  }

  const base = await coverageBase(db, provider);
  let coverage: CoverageInput;
  if (values.coverageMode === "places") {
    const { placeIds, errors } = await resolvePlaces(db, values.places, values.newPlace);
    if (Object.keys(errors).length > 0) return reply(submission, { status: 400, places: values.places, fieldErrors: errors });
    coverage = { mode: "places", placeIds };
  } else if (values.coverageMode === "radius") {
    if (!base || values.radiusKm === null) {
      return reply(submission, { status: 400, fieldErrors: { radiusKm: [NO_BASE_ADDRESS_MESSAGE] } });
    }
    coverage = { mode: "radius", radiusKm: values.radiusKm };
  } else {
    coverage = { mode: "nationwide" };
  }

  const next = await db.transaction().execute(async (trx) => {
    await saveCoverage(trx, providerId, coverage, base?.pc4 ?? null);
    await trx.deleteFrom("provider_dayparts").where("provider_id", "=", providerId).execute();
    if (values.dayparts.length > 0) {
      await trx
        .insertInto("provider_dayparts")
        .values(values.dayparts.map((part) => ({ provider_id: providerId, weekday: part.weekday, daypart: part.daypart })))
        .execute();
    }
    return completeStep(trx, providerId, completed, "beschikbaarheid");
  });
  return redirect(next);
}

/** Kilometres as a number field; with JavaScript a slider beside it moves with it. */
function RadiusField({ defaultValue, error, hint }: { defaultValue: string; error?: string; hint: string }) {
  const [enhanced, setEnhanced] = useState(false);
  const initial = Number(defaultValue);
  const [slider, setSlider] = useState(initial >= MIN_RADIUS_KM && initial <= MAX_RADIUS_KM ? initial : 25);
  useEffect(() => setEnhanced(true), []);

  const followNumber = (text: string) => {
    const km = Number(text);
    if (Number.isInteger(km) && km >= MIN_RADIUS_KM && km <= MAX_RADIUS_KM) setSlider(km);
  };
  const followSlider = (km: number) => {
    setSlider(km);
    const input = document.getElementById("radiusKm");
    if (input instanceof HTMLInputElement) input.value = String(km);
  };

  return (
    <div className="radius">
      <TextField
        name="radiusKm"
        type="number"
        label={beschikbaarheidLabels.radiusKm}
        hint={hint}
        inputMode="numeric"
        min={MIN_RADIUS_KM}
        max={MAX_RADIUS_KM}
        step={1}
        defaultValue={defaultValue}
        error={error}
        className="input--short"
        onChange={(event) => followNumber(event.currentTarget.value)}
      />
      {enhanced ? (
        <div className="radius__slider">
          <input
            type="range"
            min={MIN_RADIUS_KM}
            max={MAX_RADIUS_KM}
            step={1}
            value={slider}
            aria-label="Afstand rondom mijn adres (km), schuifregelaar"
            aria-valuetext={`${slider} km`}
            onChange={(event) => followSlider(Number(event.currentTarget.value))}
          />
          <div className="radius__scale" aria-hidden="true">
            <span>{MIN_RADIUS_KM} km</span>
            <span>{MAX_RADIUS_KM} km</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export default function BeschikbaarheidStep() {
  const { saved, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = formState(result, saved);
  const mode = form.text("coverageMode");
  const places = form.list("places");
  const dayparts = new Set(form.list("dayparts"));
  const notice = result?.notice ?? null;
  const modeError = form.error("coverageMode");
  const placesError = form.error("places");
  const daypartsError = form.error("dayparts");

  const details: Partial<Record<string, ReactNode>> = {
    places: (
      <div
        id="places"
        role="group"
        aria-label="Plaatsen waar u klanten bedient"
        aria-describedby={placesError ? "places-error" : undefined}
        tabIndex={-1}
        className={placesError ? "coverage-option__details field--error" : "coverage-option__details"}
      >
        <FieldError id="places-error" message={placesError} as="p" />
        <div role="status" className="place-notice">
          {notice ? <p className="notice notice--success">{notice}</p> : null}
        </div>
        {places.length > 0 ? (
          <ul className="place-list">
            {places.map((place, index) => (
              <li key={place} className="place-list__item">
                <span className="place-list__name">{placeDisplayName(place)}</span>
                <input type="hidden" name="places" value={place} />
                <button type="submit" name="intent" value={`remove-place-${index}`} className="button--secondary place-list__remove">
                  Verwijder<span className="visually-hidden"> {placeDisplayName(place)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="place-list__empty">U heeft nog geen plaatsen gekozen.</p>
        )}
        <PlaceAutocomplete
          id="newPlace"
          name="newPlace"
          label={beschikbaarheidLabels.newPlace}
          hint="Typ de naam van een stad of dorp en klik daarna op 'Voeg nieuwe stad toe'. Doe dit voor elke plaats."
          defaultValue={form.text("newPlace")}
          error={form.error("newPlace")}
          enterButtonId="add-place"
          resetSignal={notice ? result : undefined}
        />
        <button id="add-place" type="submit" name="intent" value="add-place" className="button--secondary">
          Voeg nieuwe stad toe
        </button>
      </div>
    ),
    radius: (
      <div className="coverage-option__details">
        {base ? null : (
          <p className="notice">
            Wij kennen uw adres nog niet. Vul eerst uw adres in bij stap 2 (Persoonlijk); dan kunt u hier een afstand
            kiezen.
          </p>
        )}
        <RadiusField
          defaultValue={form.text("radiusKm")}
          error={form.error("radiusKm")}
          hint={`Van ${MIN_RADIUS_KM} tot ${MAX_RADIUS_KM} km, gemeten ${base ? coverageBaseText(base) : "rondom uw adres"}.`}
        />
      </div>
    ),
  };

  return (
    <StepPage
      title="Stap 5: Uw beschikbaarheid"
      intro={
        <p>
          Geef aan waar in Nederland u uw diensten bij mensen thuis aanbiedt, en op welke dagdelen. In het gebied dat u
          opgeeft, vinden klanten u.
        </p>
      }
    >
      <ErrorSummary errors={form.errors} labels={beschikbaarheidLabels} />
      <Form method="post" noValidate className="availability-form">
        {/* Enter in a text field presses the form's first submit button: this keeps that "Volgende stap", not "Verwijder". */}
        <button type="submit" name="intent" value="save" hidden className="availability-form__default">
          Volgende stap
        </button>

        <fieldset
          id="coverageMode"
          tabIndex={-1}
          className={modeError ? "field field--error coverage" : "field coverage"}
          aria-describedby={modeError ? "coverageMode-hint coverageMode-error" : "coverageMode-hint"}
        >
          <legend className="availability-form__legend">{beschikbaarheidLabels.coverageMode}</legend>
          <span className="field__hint" id="coverageMode-hint">
            Geef aan in welk gebied u uw diensten aan huis aanbiedt. Kies één van deze drie mogelijkheden.
          </span>
          <FieldError id="coverageMode-error" message={modeError} />
          {COVERAGE_MODE_OPTIONS.map((option) => (
            <div className="coverage-option" key={option.value}>
              <div className="choice">
                <input
                  type="radio"
                  id={`coverageMode-${option.value}`}
                  name="coverageMode"
                  value={option.value}
                  defaultChecked={mode === option.value}
                />
                <label htmlFor={`coverageMode-${option.value}`}>{option.label}</label>
              </div>
              {details[option.value] ?? null}
            </div>
          ))}
        </fieldset>

        <fieldset
          id="dayparts"
          tabIndex={-1}
          className={daypartsError ? "field field--error dayparts" : "field dayparts"}
          aria-describedby={daypartsError ? "dayparts-hint dayparts-error" : "dayparts-hint"}
        >
          <legend className="availability-form__legend">{beschikbaarheidLabels.dayparts}</legend>
          <span className="field__hint" id="dayparts-hint">
            Vink aan wanneer u elke week meestal beschikbaar bent. Dit is een ruwe indicatie voor klanten: de afspraak zelf
            maakt u altijd samen met de klant.
          </span>
          <FieldError id="dayparts-error" message={daypartsError} />
          <table className="daypart-grid">
            <caption className="visually-hidden">Dagdelen per week, van maandag tot en met zondag</caption>
            <thead>
              <tr>
                <td />
                {DAYPART_NAMES.map((name) => (
                  <th scope="col" key={name}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {WEEKDAY_NAMES.map((day, weekday) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  {DAYPART_NAMES.map((_, daypart) => {
                    const key = daypartKey({ weekday, daypart });
                    return (
                      <td key={key}>
                        <label className="daypart-grid__cell" htmlFor={`daypart-${key}`}>
                          <input type="checkbox" id={`daypart-${key}`} name="dayparts" value={key} defaultChecked={dayparts.has(key)} />
                          <span className="visually-hidden">{daypartLabel({ weekday, daypart })}</span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>

        <StepActions previousPath="/aanmelden/profiel" />
      </Form>
    </StepPage>
  );
}
