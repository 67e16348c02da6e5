/**
 * The public profile page's data: everything a visitor may see about one
 * provider, found by slug. Only public fields leave this module: never the
 * home or work address (the map shows the base at PC4 level), the phone
 * number, the e-mail address or the birth date.
 */
import {
  buildCoverageMap,
  buildMapGrid,
  coverageSentence,
  type CoverageMapModel,
  type MapCoverage,
  type MapGrid,
} from "~/domain/coverage-map";
import { isPaused, pauseEndText } from "~/domain/pause";
import type { PriceUnit } from "#db/schema";
import { loadCoverage } from "./coverage.server";
import type { Db } from "./db.server";
import { displayName } from "./providers.server";
import { findPublicVideo } from "./videos.server";
import { publicReviews, type PublicReview } from "./reviews.server";
import { verificationKeysFor } from "./verifications.server";

/** What staff ticked after checking a provider (issue "Gezien door Vivium Services"); none exist yet. */
/** Ticked by staff in /beheer (provider_verifications); the video tick needs the approved video on the profile. */
export type VerificationChecks = { identitySeen: boolean; metInPerson: boolean; vogReceived: boolean; introVideo: boolean };

/** A visible review with the provider's reply, as app/server/reviews.server.ts gives it. */
export type ProfileReview = PublicReview;

export type PublicProfile = {
  slug: string;
  name: string;
  firstName: string;
  /** A paused provider keeps the page but takes no new requests. */
  paused: boolean;
  /** "tot en met 15 december 2026" for a pause with a last day, otherwise "". */
  pausedUntilText: string;
  introText: string;
  /** The profile text split into paragraphs at blank lines. */
  profileParagraphs: string[];
  priceNote: string | null;
  photoId: string | null;
  priceListId: string | null;
  /** The introduction video staff approved, or null. */
  video: { src: string; poster: string | null; captionsSrc: string | null } | null;
  categories: { name: string; slug: string }[];
  services: { name: string; priceCents: number; unit: PriceUnit; description: string | null }[];
  dayparts: { weekday: number; daypart: number }[];
  coverage: { sentence: string; basePlace: string | null; map: CoverageMapModel } | null;
  checks: VerificationChecks;
  reviews: { average: number | null; count: number; items: ProfileReview[] };
};

export type ProfileLookup =
  | { kind: "found"; providerId: number; profile: PublicProfile }
  | { kind: "redirect"; slug: string }
  | { kind: "not-found" };

const PUBLIC_STATUSES = new Set(["live", "paused"]);

const gridKey = Symbol.for("vivium.profile.mapGrid");
type GlobalWithGrid = typeof globalThis & { [gridKey]?: MapGrid };

/**
 * The dots of all PC4 areas, projected: the same for every provider and every
 * request, so loaded and computed once per process (on globalThis, shared by
 * server.ts and the Remix build). Not cached while the postcodes are missing.
 */
export async function mapGrid(db: Db): Promise<MapGrid> {
  const g = globalThis as GlobalWithGrid;
  const cached = g[gridKey];
  if (cached) return cached;
  const rows = await db.selectFrom("pc4_areas").select(["pc4", "place_id", "lat", "lon"]).orderBy("pc4").execute();
  const grid = buildMapGrid(rows.map((r) => ({ pc4: r.pc4, placeId: r.place_id, lat: r.lat, lon: r.lon })));
  if (rows.length > 0) g[gridKey] = grid;
  return grid;
}

export function forgetMapGrid(): void {
  delete (globalThis as GlobalWithGrid)[gridKey];
}

/**
 * Finds a public profile by slug: a live or paused provider's current slug
 * gives the profile; an old slug of a renamed provider gives a redirect to the
 * current one; everything else (unknown, draft, awaiting payment, suspended)
 * is not found, and says nothing about why.
 */
export async function findPublicProfile(db: Db, slug: string): Promise<ProfileLookup> {
  const provider = await db
    .selectFrom("providers")
    .select(["id", "slug", "status", "first_name", "infix", "last_name", "intro_text", "profile_text", "price_note", "photo_upload_id", "price_list_upload_id", "paused_at", "paused_until"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!provider) {
    const old = await db
      .selectFrom("provider_slug_history as h")
      .innerJoin("providers as p", "p.id", "h.provider_id")
      .select(["p.slug", "p.status"])
      .where("h.slug", "=", slug)
      .executeTakeFirst();
    if (old?.slug && old.slug !== slug && PUBLIC_STATUSES.has(old.status)) return { kind: "redirect", slug: old.slug };
    return { kind: "not-found" };
  }
  if (!provider.slug || !PUBLIC_STATUSES.has(provider.status)) return { kind: "not-found" };

  const [categories, services, dayparts, coverage, reviews] = await Promise.all([
    db
      .selectFrom("provider_categories as pc")
      .innerJoin("categories as c", "c.id", "pc.category_id")
      .select(["c.name", "c.slug"])
      .where("pc.provider_id", "=", provider.id)
      .orderBy("c.position")
      .execute(),
    db
      .selectFrom("provider_services")
      .select(["name", "price_cents", "unit", "description"])
      .where("provider_id", "=", provider.id)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("provider_dayparts")
      .select(["weekday", "daypart"])
      .where("provider_id", "=", provider.id)
      .orderBy("weekday")
      .orderBy("daypart")
      .execute(),
    loadProfileCoverage(db, provider.id, provider.first_name),
    publicReviews(db, provider.id),
  ]);

  // The provider's own switch, which ends by itself at its last day (app/domain/pause.ts).
  const pausedByProvider = isPaused(provider, new Date());
  // Only a video staff approved; the "Gezien door Vivium Services" tick says exactly that.
  const video = await findPublicVideo(db, provider.id);
  const verified = (await verificationKeysFor(db, [provider.id])).get(provider.id) ?? new Set<string>();

  return {
    kind: "found",
    providerId: provider.id,
    profile: {
      slug: provider.slug,
      name: displayName(provider),
      firstName: provider.first_name,
      paused: provider.status === "paused" || pausedByProvider,
      pausedUntilText: pausedByProvider ? pauseEndText(provider.paused_until) : "",
      introText: provider.intro_text ?? "",
      profileParagraphs: paragraphs(provider.profile_text ?? ""),
      priceNote: provider.price_note?.trim() || null,
      photoId: provider.photo_upload_id,
      priceListId: provider.price_list_upload_id,
      video,
      categories,
      services: services.map((s) => ({ name: s.name, priceCents: s.price_cents, unit: s.unit, description: s.description })),
      dayparts,
      coverage,
      checks: { identitySeen: verified.has("identity_seen"), metInPerson: verified.has("met_in_person"), vogReceived: verified.has("vog_received"), introVideo: video !== null },
      reviews,
    },
  };
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

async function loadProfileCoverage(db: Db, providerId: number, firstName: string): Promise<PublicProfile["coverage"]> {
  const coverage = await loadCoverage(db, providerId);
  if (!coverage) return null;
  const basePlace =
    coverage.basePc4 === null
      ? null
      : ((
          await db
            .selectFrom("pc4_areas as a")
            .innerJoin("places as p", "p.id", "a.place_id")
            .select("p.name")
            .where("a.pc4", "=", coverage.basePc4)
            .executeTakeFirst()
        )?.name ?? null);

  let mapCoverage: MapCoverage;
  let sentence: string;
  if (coverage.mode === "places") {
    const names = coverage.placeIds.length
      ? await db.selectFrom("places").select(["id", "name"]).where("id", "in", coverage.placeIds).execute()
      : [];
    const byId = new Map(names.map((p) => [p.id, p.name] as const));
    const places = coverage.placeIds.map((id) => byId.get(id)).filter((name): name is string => Boolean(name));
    mapCoverage = { mode: "places", placeIds: coverage.placeIds, basePc4: coverage.basePc4 };
    sentence = coverageSentence(firstName, { mode: "places", places });
  } else if (coverage.mode === "radius") {
    mapCoverage = { mode: "radius", radiusKm: coverage.radiusKm, basePc4: coverage.basePc4, base: coverage.base };
    sentence = coverageSentence(firstName, { mode: "radius", radiusKm: coverage.radiusKm, basePlace });
  } else {
    mapCoverage = { mode: "nationwide", basePc4: coverage.basePc4 };
    sentence = coverageSentence(firstName, { mode: "nationwide" });
  }
  return { sentence, basePlace, map: coverageMapOf(await mapGrid(db), mapCoverage) };
}

/**
 * Drawing a werkgebied walks every postcode area of the country (some 3 ms,
 * the largest part of a profile page under load), and the same profiles are
 * viewed again and again: the last maps drawn are kept per grid, keyed by
 * the werkgebied itself, so a changed werkgebied simply misses.
 */
const MAPS_KEPT = 64;
const drawnMaps = new WeakMap<MapGrid, Map<string, CoverageMapModel>>();

function coverageMapOf(grid: MapGrid, coverage: MapCoverage): CoverageMapModel {
  let maps = drawnMaps.get(grid);
  if (!maps) drawnMaps.set(grid, (maps = new Map()));
  const key = JSON.stringify(coverage);
  const drawn = maps.get(key);
  if (drawn) {
    // Most recently used last, so the oldest is the one to let go.
    maps.delete(key);
    maps.set(key, drawn);
    return drawn;
  }
  const map = buildCoverageMap(grid, coverage);
  maps.set(key, map);
  if (maps.size > MAPS_KEPT) maps.delete(maps.keys().next().value!);
  return map;
}

/**
 * Gives a provider a new slug and keeps the old one as a redirect, so links
 * people saved or shared keep working. Taking back an earlier slug removes it
 * from the history. Call inside the transaction that renames the provider.
 */
export async function renameProviderSlug(db: Db, providerId: number, newSlug: string, at = new Date()): Promise<void> {
  const provider = await db.selectFrom("providers").select("slug").where("id", "=", providerId).executeTakeFirstOrThrow();
  if (provider.slug === newSlug) return;
  await db.deleteFrom("provider_slug_history").where("slug", "=", newSlug).execute();
  if (provider.slug) {
    const row = { provider_id: providerId, replaced_at: at.toISOString() };
    await db
      .insertInto("provider_slug_history")
      .values({ slug: provider.slug, ...row })
      .onConflict((oc) => oc.column("slug").doUpdateSet(row))
      .execute();
  }
  await db.updateTable("providers").set({ slug: newSlug, updated_at: at.toISOString() }).where("id", "=", providerId).execute();
}
