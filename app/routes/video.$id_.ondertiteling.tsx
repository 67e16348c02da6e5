import fs from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { getProviderSession } from "~/server/session.server";
import { findServableVideo } from "~/server/videos.server";

/** The WebVTT captions of a video, under the same rules as the video itself. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const video = await findServableVideo(database().db, config().uploadsDir, params.id ?? "", async () => {
    const session = await getProviderSession(request);
    return session?.providerId ?? null;
  });
  const captions = video?.captionsFile ? await fs.readFile(video.captionsFile).catch(() => null) : null;
  if (!video || !captions) {
    return new Response("Geen ondertiteling gevonden.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
  return new Response(new Uint8Array(captions), {
    headers: {
      "Content-Type": "text/vtt; charset=utf-8",
      "Cache-Control": video.visibility === "public" ? "public, max-age=3600" : "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
