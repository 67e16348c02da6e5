import type { LoaderFunctionArgs } from "@remix-run/node";
import { parsePc4, parsePostcode } from "~/domain/postcode";
import { database } from "~/server/db.server";
import { findPc4Area, suggestPlaces } from "~/server/geo.server";

/**
 * Place lookups for JavaScript enhancements (autocomplete, woonplaats from
 * postcode). Every form works without it: the server checks the same data.
 *   ?q=amst        → { places: [{ name }] }
 *   ?postcode=3447 → { place: "Woerden" | null }
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { db } = database();
  const headers = { "Cache-Control": "public, max-age=3600" };
  const postcode = url.searchParams.get("postcode");
  if (postcode !== null) {
    const pc4 = parsePostcode(postcode)?.pc4 ?? parsePc4(postcode);
    const area = pc4 === null ? null : await findPc4Area(db, pc4);
    return Response.json({ place: area?.place.name ?? null }, { headers });
  }
  const q = (url.searchParams.get("q") ?? "").slice(0, 80);
  const places = q.trim().length < 2 ? [] : await suggestPlaces(db, q, 8);
  return Response.json({ places: places.map((p) => ({ name: p.name })) }, { headers });
}
