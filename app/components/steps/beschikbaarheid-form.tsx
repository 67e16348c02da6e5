import { Form } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { DayName } from "~/components/day-name";
import { ErrorSummary, FieldError, TextField } from "~/components/form";
import { PlaceAutocomplete } from "~/components/place-autocomplete";
import { coverageBaseText, DAYPART_NAMES, daypartLabel, placeDisplayName, WEEKDAY_NAMES, type CoverageBase } from "~/domain/availability";
import { beschikbaarheidLabels } from "~/domain/signup-schemas";
import { COVERAGE_MODE_OPTIONS, daypartKey, MAX_RADIUS_KM, MIN_RADIUS_KM } from "~/domain/wizard";
import type { StepFormState } from "./types";

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

type BeschikbaarheidFormProps = {
  form: StepFormState;
  /** The last answer of the action, if any: its notice, and the signal that empties the place field. */
  result: { notice: string | null } | undefined;
  base: CoverageBase | null;
  actions: ReactNode;
  /** The text of the page's save button. */
  saveLabel: string;
  /** Where the address is filled in, for the note when it is missing. */
  addressHint: string;
};

/**
 * The werkgebied and dagdelen form of the signup wizard and the backoffice
 * settings. Needs app/styles/availability-step.css.
 */
export function BeschikbaarheidForm({ form, result, base, actions, saveLabel, addressHint }: BeschikbaarheidFormProps) {
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
            Wij kennen uw adres nog niet. Vul eerst uw adres in {addressHint}; dan kunt u hier een afstand kiezen.
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
    <>
      <ErrorSummary errors={form.errors} labels={beschikbaarheidLabels} />
      <Form method="post" noValidate className="availability-form">
        {/* Enter in a text field presses the form's first submit button: this keeps that the save button, not "Verwijder". */}
        <button type="submit" name="intent" value="save" hidden className="availability-form__default">
          {saveLabel}
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
                  <th scope="row">
                    <DayName day={day} />
                  </th>
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

        {actions}
      </Form>
    </>
  );
}
