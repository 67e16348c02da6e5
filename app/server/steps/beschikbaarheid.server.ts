import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/domain/form-submission";
import {
  addPlaceToList,
  availabilityFormValues,
  NO_BASE_ADDRESS_MESSAGE,
  placeAddedNotice,
  placeAlreadyListedNotice,
  placeRemovedNotice,
  removedPlace,
  type CoverageBase,
} from "~/domain/availability";
import { locationProblemMessage } from "~/domain/location-messages";
import { beschikbaarheidSchema, parseListIntent } from "~/domain/signup-schemas";
import { basePc4Of, loadCoverage, saveCoverage, type CoverageInput } from "../coverage.server";
import type { Db } from "../db.server";
import { findPc4Area, findPlaceById, findPlaceByName, similarPlaces } from "../geo.server";
import { refused, saved, type AfterSave, type ProviderRow } from "./outcome.server";

type BaseAddressFields = Parameters<typeof basePc4Of>[0];

/** The PC4 area a radius is measured from, named so the provider recognises it; null without a known address. */
export async function coverageBase(db: Db, provider: BaseAddressFields): Promise<CoverageBase | null> {
  const pc4 = basePc4Of(provider);
  const area = pc4 === null ? null : await findPc4Area(db, pc4);
  return area ? { pc4: area.pc4, placeName: area.place.name, isWorkAddress: Boolean(provider.has_work_address) } : null;
}

/** What the form shows: the werkgebied with place names, the dagdelen, and where a radius is measured from. */
export async function beschikbaarheidValues(db: Db, providerId: number, provider: ProviderRow) {
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
  return locationProblemMessage({ kind: "unknown-place", typed, suggestions: suggestions.map((place) => place.name) }, "place").text;
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
  return refused({ ...result, initialValue, notice: options.notice ?? null }, options.status ?? 200);
}

/**
 * The werkgebied and the dagdelen. "Voeg nieuwe stad toe" and "Verwijder"
 * only change the list on screen; saving checks every place and stores both
 * in one transaction (the search index follows by trigger).
 */
export async function submitBeschikbaarheid<T>(db: Db, providerId: number, provider: ProviderRow, request: Request, afterSave: AfterSave<T>) {
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

  const value = await db.transaction().execute(async (trx) => {
    await saveCoverage(trx, providerId, coverage, base?.pc4 ?? null);
    await trx.deleteFrom("provider_dayparts").where("provider_id", "=", providerId).execute();
    if (values.dayparts.length > 0) {
      await trx
        .insertInto("provider_dayparts")
        .values(values.dayparts.map((part) => ({ provider_id: providerId, weekday: part.weekday, daypart: part.daypart })))
        .execute();
    }
    return afterSave(trx);
  });
  return saved(value);
}

