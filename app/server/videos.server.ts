/**
 * Introduction videos: receiving an upload (recorded in the browser or a
 * chosen file), checking it by content, storing it, staff's approval, and
 * what may be served to whom.
 *
 * Storage: `<uploadsDir>/videos/<id>.webm|mp4`. The id is random; nothing the
 * provider sends becomes part of a path. An upload is streamed to
 * `<uploadsDir>/videos/incoming/<random>.part` (a video can be 100 MB; it is
 * never held in memory), checked, and only then renamed to its final name and
 * recorded in a short transaction. A refused upload leaves no file and no row.
 *
 * A provider has at most one approved video (on the profile) and one newer
 * one that waits for staff or was rejected. A new recording replaces that
 * newer one, never the approved video: the profile keeps its video until
 * staff approve the replacement.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  type UploadHandler,
} from "@remix-run/node";
import type { ProviderVideoStatus } from "#db/schema";
import { staffVideoToolReportMail } from "~/domain/mail/video-templates";
import { captionsUrl, sniffVideo, VIDEO_CONTENT_TYPES, VIDEO_SNIFF_BYTES, videoUrl, type VideoFormat, type VideoProblem } from "~/domain/video-file";
import type { Db } from "./db.server";
import { enqueueMail } from "./outbox.server";
import { displayName } from "./providers.server";
import { log } from "./log.server";
import { parseMultipartForm } from "./multipart.server";

export const VIDEO_ID_PATTERN = /^[0-9a-f]{32}$/;

const EXTENSIONS: Record<"video/webm" | "video/mp4", VideoFormat> = { "video/webm": "webm", "video/mp4": "mp4" };

export function videoFilePath(uploadsDir: string, id: string, contentType: "video/webm" | "video/mp4"): string {
  if (!VIDEO_ID_PATTERN.test(id)) throw new Error(`not a video id: ${JSON.stringify(id)}`);
  return path.join(uploadsDir, "videos", `${id}.${EXTENSIONS[contentType]}`);
}

function captionsFilePath(uploadsDir: string, id: string): string {
  if (!VIDEO_ID_PATTERN.test(id)) throw new Error(`not a video id: ${JSON.stringify(id)}`);
  return path.join(uploadsDir, "videos", `${id}.vtt`);
}

// ---------------------------------------------------------------------------
// Receiving an upload

/** A checked upload in the incoming folder, not yet anyone's video. */
export type ReceivedVideo = { tempPath: string; format: VideoFormat; byteSize: number; originalName: string | null };

export type VideoField = { kind: "none" } | { kind: "refused"; problem: VideoProblem } | { kind: "file"; video: ReceivedVideo };

/** Text fields are small; this stops a client from filling memory with one. */
const TEXT_PART_MAX_BYTES = 64 * 1024;

function cleanFileName(name: string): string | null {
  const cleaned = (name.split(/[/\\]/).pop() ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "").trim().slice(0, 200);
  return cleaned || null;
}

/**
 * Reads a multipart form with one video field (`video`), streaming the file
 * to the incoming folder. A file over `maxBytes` or whose first bytes are no
 * WebM or MP4 is read to the end (so the browser gets our answer; the server
 * refuses larger requests before this by their Content-Length) but not kept.
 * The caller either saves the received video or calls `discardReceivedVideo`.
 */
export async function readVideoForm(
  request: Request,
  { uploadsDir, maxBytes, fieldName = "video" }: { uploadsDir: string; maxBytes: number; fieldName?: string },
): Promise<{ formData: FormData; video: VideoField }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    const formData = await request.formData();
    formData.delete(fieldName);
    return { formData, video: { kind: "none" } };
  }
  let video: VideoField = { kind: "none" };
  const incoming = path.join(uploadsDir, "videos", "incoming");
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return undefined;
    const wanted = name === fieldName && video.kind === "none";
    const tempPath = path.join(incoming, `${randomBytes(16).toString("hex")}.part`);
    let file: fs.FileHandle | null = null;
    let size = 0;
    let head: Uint8Array = new Uint8Array(0);
    let problem: VideoProblem | null = null;
    let format: VideoFormat | null = null;
    try {
      for await (const chunk of data) {
        size += chunk.byteLength;
        // Twice the limit is far beyond any honest mistake: stop reading.
        if (size > maxBytes * 2) throw new MaxPartSizeExceededError(name, maxBytes);
        if (!wanted || problem) continue;
        if (size > maxBytes) {
          problem = "too-large";
          continue;
        }
        if (!format) {
          head = concat(head, chunk.subarray(0, VIDEO_SNIFF_BYTES - head.length));
          if (head.length < VIDEO_SNIFF_BYTES) {
            // Decided once enough bytes are in (or at the end, for a very small file).
            file ??= await openIncoming(incoming, tempPath);
            await file.write(chunk);
            continue;
          }
          format = sniffVideo(head);
          if (!format) {
            problem = "not-a-video";
            continue;
          }
        }
        file ??= await openIncoming(incoming, tempPath);
        await file.write(chunk);
      }
      if (wanted && !problem && !format && size > 0) {
        format = sniffVideo(head);
        if (!format) problem = "not-a-video";
      }
    } catch (error) {
      await file?.close();
      file = null;
      await fs.rm(tempPath, { force: true });
      throw error;
    } finally {
      await file?.close();
    }
    if (!wanted) return "";
    if (problem || !format || filename === "" || size === 0) {
      await fs.rm(tempPath, { force: true });
      if (problem) video = { kind: "refused", problem };
      else if (filename !== "") video = { kind: "refused", problem: "empty" };
      return "";
    }
    video = { kind: "file", video: { tempPath, format, byteSize: size, originalName: cleanFileName(filename) } };
    // The file itself is not part of the form data: it travels in `video`.
    return "";
  };
  let formData: FormData;
  try {
    formData = await parseMultipartForm(
      request,
      unstable_composeUploadHandlers(handler, unstable_createMemoryUploadHandler({ maxPartSize: TEXT_PART_MAX_BYTES })),
    );
  } catch (error) {
    // TypeScript cannot see that the handler above may have set `video`.
    const received = video as VideoField;
    if (received.kind === "file") await discardReceivedVideo(received.video);
    throw error;
  }
  formData.delete(fieldName);
  return { formData, video };
}

async function openIncoming(dir: string, file: string): Promise<fs.FileHandle> {
  await fs.mkdir(dir, { recursive: true });
  return fs.open(file, "wx", 0o640);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export async function discardReceivedVideo(video: ReceivedVideo): Promise<void> {
  await fs.rm(video.tempPath, { force: true });
}

// ---------------------------------------------------------------------------
// Storing and reviewing

async function removeVideoFiles(uploadsDir: string, rows: ReadonlyArray<{ id: string; content_type: "video/webm" | "video/mp4" }>): Promise<void> {
  for (const row of rows) {
    try {
      await fs.rm(videoFilePath(uploadsDir, row.id, row.content_type), { force: true });
      await fs.rm(captionsFilePath(uploadsDir, row.id), { force: true });
    } catch (error) {
      log.error(`video ${row.id}: could not delete the files`, error);
    }
  }
}

/**
 * Makes a received upload the provider's new video, waiting for staff. A
 * previous video that was waiting or rejected is replaced; the approved one
 * stays on the profile until this one is approved. Returns the new id.
 */
export async function saveVideo(
  db: Db,
  uploadsDir: string,
  providerId: number,
  received: ReceivedVideo,
  source: "recorded" | "uploaded",
  now: Date = new Date(),
): Promise<string> {
  const id = randomBytes(16).toString("hex");
  const contentType = VIDEO_CONTENT_TYPES[received.format];
  const file = videoFilePath(uploadsDir, id, contentType);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.rename(received.tempPath, file);
  let replaced: { id: string; content_type: "video/webm" | "video/mp4" }[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      replaced = await trx
        .selectFrom("provider_videos")
        .select(["id", "content_type"])
        .where("provider_id", "=", providerId)
        .where("status", "<>", "approved")
        .execute();
      if (replaced.length > 0) {
        await trx.deleteFrom("provider_videos").where("id", "in", replaced.map((row) => row.id)).execute();
      }
      await trx
        .insertInto("provider_videos")
        .values({
          id,
          provider_id: providerId,
          status: "pending",
          content_type: contentType,
          byte_size: received.byteSize,
          source,
          original_name: source === "uploaded" ? received.originalName : null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
    });
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
  await removeVideoFiles(uploadsDir, replaced);
  return id;
}

/**
 * Staff approve the provider's waiting video: it goes on the profile and the
 * previously approved one (if any) is removed. False when nothing waits.
 */
export async function approveVideo(db: Db, providerId: number, staffName: string, uploadsDir?: string, now: Date = new Date()): Promise<boolean> {
  const result = await db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom("provider_videos")
      .select("id")
      .where("provider_id", "=", providerId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!pending) return null;
    const previous = await trx
      .selectFrom("provider_videos")
      .select(["id", "content_type"])
      .where("provider_id", "=", providerId)
      .where("status", "=", "approved")
      .execute();
    if (previous.length > 0) await trx.deleteFrom("provider_videos").where("id", "in", previous.map((row) => row.id)).execute();
    await trx
      .updateTable("provider_videos")
      .set({ status: "approved", reviewed_by: staffName.trim() || "onbekend", reviewed_at: now.toISOString(), rejection_reason: null, updated_at: now.toISOString() })
      .where("id", "=", pending.id)
      .execute();
    return previous;
  });
  if (!result) return false;
  if (uploadsDir) await removeVideoFiles(uploadsDir, result);
  else if (result.length > 0) log.warn(`approveVideo: files of replaced video(s) ${result.map((r) => r.id).join(", ")} were left (no uploads folder given)`);
  return true;
}

/** Staff reject the waiting video with a reason the provider sees. False when nothing waits. */
export async function rejectVideo(db: Db, providerId: number, reason: string, staffName: string | null = null, now: Date = new Date()): Promise<boolean> {
  const text = reason.trim();
  if (!text) throw new TypeError("rejectVideo needs a reason the provider can act on");
  const result = await db
    .updateTable("provider_videos")
    .set({ status: "rejected", rejection_reason: text, reviewed_by: staffName, reviewed_at: now.toISOString(), updated_at: now.toISOString() })
    .where("provider_id", "=", providerId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes every video of a provider, rows and files (account deletion). */
export async function deleteProviderVideos(db: Db, uploadsDir: string, providerId: number): Promise<number> {
  const rows = await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom("provider_videos").select(["id", "content_type"]).where("provider_id", "=", providerId).execute();
    await trx.deleteFrom("provider_videos").where("provider_id", "=", providerId).execute();
    return found;
  });
  await removeVideoFiles(uploadsDir, rows);
  return rows.length;
}

export type VideoSummary = {
  id: string;
  status: ProviderVideoStatus;
  contentType: "video/webm" | "video/mp4";
  byteSize: number;
  rejectionReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
};

/** The provider's videos as their backoffice page shows them. */
export async function findVideoOverview(db: Db, providerId: number): Promise<{ approved: VideoSummary | null; candidate: VideoSummary | null }> {
  const rows = await db
    .selectFrom("provider_videos")
    .select(["id", "status", "content_type", "byte_size", "rejection_reason", "created_at", "reviewed_at"])
    .where("provider_id", "=", providerId)
    .execute();
  const summary = (row: (typeof rows)[number]): VideoSummary => ({
    id: row.id,
    status: row.status,
    contentType: row.content_type,
    byteSize: row.byte_size,
    rejectionReason: row.rejection_reason,
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
  });
  const approved = rows.find((row) => row.status === "approved");
  const candidate = rows.find((row) => row.status !== "approved");
  return { approved: approved ? summary(approved) : null, candidate: candidate ? summary(candidate) : null };
}

export type PublicVideo = { src: string; poster: string | null; captionsSrc: string | null };

/** The approved video for the public profile, or null. */
export async function findPublicVideo(db: Db, providerId: number): Promise<PublicVideo | null> {
  const row = await db
    .selectFrom("provider_videos")
    .select(["id", "captions_file"])
    .where("provider_id", "=", providerId)
    .where("status", "=", "approved")
    .executeTakeFirst();
  if (!row) return null;
  return { src: videoUrl(row.id), poster: null, captionsSrc: row.captions_file ? captionsUrl(row.id) : null };
}

// ---------------------------------------------------------------------------
// Serving

const PUBLIC_PROVIDER_STATUSES = new Set(["live", "paused"]);

export type ServableVideo = {
  id: string;
  contentType: "video/webm" | "video/mp4";
  byteSize: number;
  file: string;
  captionsFile: string | null;
  visibility: "public" | "private";
};

/**
 * A video by id with its file, or null (the route answers 404 either way, so
 * nobody learns whether an id exists). An approved video of a provider whose
 * profile is public (live, or paused: the page stays up) is for everyone;
 * anything else only for the provider it belongs to, who previews it in the
 * backoffice. `viewerId` is asked lazily: most requests are public.
 */
export async function findServableVideo(db: Db, uploadsDir: string, id: string, viewerId: () => Promise<number | null>): Promise<ServableVideo | null> {
  if (!VIDEO_ID_PATTERN.test(id)) return null;
  const row = await db
    .selectFrom("provider_videos as v")
    .innerJoin("providers as p", "p.id", "v.provider_id")
    .select(["v.id", "v.provider_id", "v.status", "v.content_type", "v.byte_size", "v.captions_file", "p.status as providerStatus"])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const isPublic = row.status === "approved" && PUBLIC_PROVIDER_STATUSES.has(row.providerStatus);
  if (!isPublic && (await viewerId()) !== row.provider_id) return null;
  const file = videoFilePath(uploadsDir, row.id, row.content_type);
  try {
    const stat = await fs.stat(file);
    return {
      id: row.id,
      contentType: row.content_type,
      byteSize: stat.size,
      file,
      captionsFile: row.captions_file ? captionsFilePath(uploadsDir, row.id) : null,
      visibility: isPublic ? "public" : "private",
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

// ---------------------------------------------------------------------------
// "De video tool werkt niet"

/** Stores the report and, in the same transaction, the e-mail that tells staff. Returns the report's id. */
export async function recordVideoToolReport(
  db: Db,
  report: { providerId: number; description: string; userAgent: string | null; clientDetails: string | null; staffAddress: string },
  now: Date = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const provider = await trx
      .selectFrom("providers")
      .select(["first_name", "infix", "last_name", "email"])
      .where("id", "=", report.providerId)
      .executeTakeFirstOrThrow();
    const userAgent = report.userAgent?.slice(0, 500) ?? null;
    const inserted = await trx
      .insertInto("video_tool_reports")
      .values({
        provider_id: report.providerId,
        description: report.description,
        user_agent: userAgent,
        client_details: report.clientDetails,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const mail = staffVideoToolReportMail({
      reportId: inserted.id,
      providerName: displayName(provider),
      email: provider.email,
      description: report.description,
      userAgent,
      clientDetails: report.clientDetails,
    });
    await enqueueMail(trx, { to: report.staffAddress, dedupeKey: `video-tool-report:${inserted.id}`, ...mail });
    return inserted.id;
  });
}
