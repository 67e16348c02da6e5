import fs from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { contentRange, parseRangeHeader } from "~/domain/http-range";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { getProviderSession } from "~/server/session.server";
import { getStaff } from "~/server/staff-session.server";
import { findServableVideo } from "~/server/videos.server";

/**
 * An introduction video, with byte ranges so that a player can jump to any
 * point without downloading the whole file. Public once staff approved it
 * and the profile is public; before that only for its provider (the preview
 * in the backoffice) and for staff reviewing it. Everything else is the same 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db } = database();
  const video = await findServableVideo(db, config().uploadsDir, params.id ?? "", async () => {
    const session = await getProviderSession(request);
    if (session) return session.providerId;
    // Staff watch a waiting video before they approve it (/beheer/dienstverleners/:id).
    if (!(await getStaff(request))) return null;
    const owner = await db.selectFrom("provider_videos").select("provider_id").where("id", "=", params.id ?? "").executeTakeFirst();
    return owner?.provider_id ?? null;
  });
  if (!video) {
    return new Response("Deze video bestaat niet (meer).", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
  // The file of an id never changes; a new recording gets a new id.
  const etag = `"${video.id}-${video.byteSize}"`;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": video.contentType,
    ETag: etag,
    // Short for public copies: a video that staff take offline should not linger in caches.
    "Cache-Control": video.visibility === "public" ? "public, max-age=3600" : "private, no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  const ifRange = request.headers.get("If-Range");
  const range = ifRange && ifRange !== etag ? ({ kind: "full" } as const) : parseRangeHeader(request.headers.get("Range"), video.byteSize);
  if (range.kind === "unsatisfiable") {
    headers.set("Content-Range", contentRange(range, video.byteSize) ?? "");
    headers.set("Content-Type", "text/plain; charset=utf-8");
    return new Response("Dit deel van de video bestaat niet.", { status: 416, headers });
  }
  const start = range.kind === "partial" ? range.start : 0;
  const end = range.kind === "partial" ? range.end : video.byteSize - 1;
  headers.set("Content-Length", String(end - start + 1));
  if (range.kind === "partial") headers.set("Content-Range", contentRange(range, video.byteSize) ?? "");
  const body = request.method === "HEAD" ? null : createReadableStreamFromReadable(fs.createReadStream(video.file, { start, end }));
  return new Response(body, { status: range.kind === "partial" ? 206 : 200, headers });
}
