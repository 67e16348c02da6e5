import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { readPhotoVariant } from "~/server/photos.server";
import { getProviderSession } from "~/server/session.server";

/**
 * Profile photos: `/foto/<id>/480.webp`, `/foto/<id>/960.jpg`, … and
 * `/foto/<id>/original.jpg` for the owner's cropper. The files of an id never
 * change (a re-crop gets a new id), so they may be cached for a year. Photos
 * of a provider who is not live are only for that provider, and then only in
 * their own browser cache. Everything else is a 404 without saying why.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const photo = await readPhotoVariant(database().db, config().uploadsDir, params.id ?? "", params.variant ?? "", async () => {
    const session = await getProviderSession(request);
    return session?.providerId ?? null;
  });
  if (!photo) {
    return new Response("Niet gevonden", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
  return new Response(new Uint8Array(photo.body), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.body.length),
      "Cache-Control": `${photo.visibility}, max-age=31536000, immutable`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
