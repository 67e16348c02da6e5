import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { findPriceListForDownload, priceListDownloadName, PRICE_LIST_ID_PATTERN, readPriceListFile } from "~/server/price-lists.server";
import { getProviderSession } from "~/server/session.server";

/**
 * The PDF price list as a download. Anyone may fetch the list of a live
 * provider (it is linked from the public profile); before going live only
 * the provider themselves can, to check what they uploaded. Everything else
 * gets the same 404, so an id reveals nothing about a draft profile.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!PRICE_LIST_ID_PATTERN.test(id)) return notFound();
  const { db } = database();
  const priceList = await findPriceListForDownload(db, id);
  if (!priceList) return notFound();
  if (priceList.status !== "live") {
    const session = await getProviderSession(request);
    if (session?.providerId !== priceList.providerId) return notFound();
  }
  const bytes = await readPriceListFile(config().uploadsDir, priceList.id);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${priceListDownloadName(priceList.slug, priceList.providerId)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=3600",
    },
  });
}

function notFound(): Response {
  return new Response("Deze prijslijst bestaat niet (meer).", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}
