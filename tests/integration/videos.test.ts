/**
 * Introduction videos on the server: the upload action with real multipart
 * Requests and session cookies, the stored files, staff's approval, the
 * range-serving route and who may see what, and the "De video tool werkt
 * niet" report with its e-mail to staff.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { MaxPartSizeExceededError, type AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as videoPage from "~/routes/backoffice.video";
import * as reportPage from "~/routes/backoffice.video_.probleem";
import * as serve from "~/routes/video.$id";
import { loadConfig } from "~/server/config.server";
import { forgetDatabase, type Db } from "~/server/db.server";
import { createHttpApp } from "~/server/http.server";
import { findPublicProfile } from "~/server/profile.server";
import { createProviderSession } from "~/server/session.server";
import { approveVideo, deleteProviderVideos, findVideoOverview, readVideoForm, rejectVideo } from "~/server/videos.server";
import { minimalEbml, minimalMp4, minimalWebm } from "../support/minimal-video";
import { createTestDatabase, insertTestProvider, type TestDatabase } from "../support/test-database";

const BASE = "http://localhost";
const context = { cspNonce: "", clientIp: "127.0.0.1" } as AppLoadContext;

let t: TestDatabase;
let db: Db;
let uploadsDir: string;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  process.env.STAFF_EMAIL = "staf@viviumservices.nl";
  uploadsDir = path.join(t.dir, "uploads");
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

type Provider = { id: number; cookie: string };

async function signedIn(status: "live" | "draft" = "live"): Promise<Provider> {
  const id = await insertTestProvider(db, { firstName: "Bert", status });
  const response = await createProviderSession(new Request(`${BASE}/inloggen`), id, "/backoffice");
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return { id, cookie };
}

/** Every file under uploads/videos, incoming ones included. */
function storedVideoFiles(): string[] {
  const dir = path.join(uploadsDir, "videos");
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort();
}

function uploadRequest(provider: Provider | null, file: { bytes: Uint8Array; name: string; type: string } | null, source = "uploaded"): Request {
  const form = new FormData();
  form.set("source", source);
  if (file) form.set("video", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  else form.set("video", new File([], "", { type: "application/octet-stream" }));
  return new Request(`${BASE}/backoffice/video`, { method: "POST", headers: provider ? { Cookie: provider.cookie } : {}, body: form });
}

/** An action's or loader's answer, or the Response it threw. */
async function settle<T>(work: Promise<T>): Promise<T | Response> {
  return work.catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });
}

type DataReply = { data: { error?: string }; init: { status?: number } | null };

async function upload(provider: Provider, file: { bytes: Uint8Array; name: string; type: string } | null, source = "uploaded") {
  return settle(videoPage.action({ request: uploadRequest(provider, file, source), params: {}, context }));
}

function expectRefusal(result: unknown, status: number, message: RegExp) {
  expect(result).not.toBeInstanceOf(Response);
  const reply = result as DataReply;
  expect(reply.init?.status).toBe(status);
  expect(reply.data.error).toMatch(message);
}

function fetchVideo(id: string, { cookie, range, method = "GET" }: { cookie?: string; range?: string; method?: string } = {}) {
  const headers: Record<string, string> = {};
  if (cookie) headers.Cookie = cookie;
  if (range) headers.Range = range;
  return serve.loader({ request: new Request(`${BASE}/video/${id}`, { method, headers }), params: { id }, context }) as Promise<Response>;
}

async function saveWebm(provider: Provider, bytes = minimalWebm()): Promise<string> {
  const result = await upload(provider, { bytes, name: "mijn video.webm", type: "video/webm" });
  expect(result).toBeInstanceOf(Response);
  expect((result as Response).status).toBe(303);
  expect((result as Response).headers.get("Location")).toBe("/backoffice/video?opgeslagen=1");
  const overview = await findVideoOverview(db, provider.id);
  if (!overview.candidate) throw new Error("no video saved");
  return overview.candidate.id;
}

describe("uploading a video", () => {
  it("stores a WebM file as the provider's video, waiting for approval", async () => {
    const provider = await signedIn();
    const bytes = minimalWebm(10_000);
    const id = await saveWebm(provider, bytes);

    const row = await db.selectFrom("provider_videos").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider_id: provider.id, status: "pending", content_type: "video/webm", byte_size: bytes.length, source: "uploaded", original_name: "mijn video.webm" });
    expect(fs.readFileSync(path.join(uploadsDir, "videos", `${id}.webm`)).equals(bytes)).toBe(true);
    expect(storedVideoFiles().some((name) => name.startsWith("incoming"))).toBe(false);

    const page = await videoPage.loader({ request: new Request(`${BASE}/backoffice/video`, { headers: { Cookie: provider.cookie } }), params: {}, context });
    expect(page.candidate).toMatchObject({ id, status: "pending" });
    expect(page.approved).toBeNull();
  });

  it("stores an MP4 by its ftyp box, whatever the browser called it, and a recording as recorded", async () => {
    const provider = await signedIn();
    const result = await upload(provider, { bytes: minimalMp4(), name: "opname", type: "application/octet-stream" }, "recorded");
    expect((result as Response).status).toBe(303);
    const row = await db.selectFrom("provider_videos").selectAll().where("provider_id", "=", provider.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ content_type: "video/mp4", source: "recorded", original_name: null });
    expect(fs.existsSync(path.join(uploadsDir, "videos", `${row.id}.mp4`))).toBe(true);
  });

  it("refuses files that are no WebM or MP4 with a clear message, and stores nothing", async () => {
    const provider = await signedIn();
    const before = storedVideoFiles();
    const refused = [
      { bytes: new TextEncoder().encode("Dit is geen video maar een tekstbestand.\n".repeat(20)), name: "vakantie.webm", type: "video/webm" },
      { bytes: minimalEbml("matroska"), name: "film.mkv.webm", type: "video/webm" },
      { bytes: Buffer.from("%PDF-1.7\n%%EOF\n".repeat(30)), name: "video.mp4", type: "video/mp4" },
      { bytes: new TextEncoder().encode("kort"), name: "klein.webm", type: "video/webm" },
    ];
    for (const file of refused) {
      expectRefusal(await upload(provider, file), 400, /geen WebM- of MP4-video/);
    }
    expectRefusal(await upload(provider, { bytes: new Uint8Array(0), name: "leeg.webm", type: "video/webm" }), 400, /leeg/);
    expectRefusal(await upload(provider, null), 400, /Kies eerst een videobestand/);
    expect(storedVideoFiles()).toEqual(before);
    expect(await db.selectFrom("provider_videos").select("id").where("provider_id", "=", provider.id).execute()).toEqual([]);
  });

  it("refuses a file over the size limit after reading it, and keeps no part of it", async () => {
    const before = storedVideoFiles();
    const request = uploadRequest(null, { bytes: minimalWebm(50_000), name: "lang.webm", type: "video/webm" });
    const { video } = await readVideoForm(request, { uploadsDir, maxBytes: 30_000 });
    expect(video).toEqual({ kind: "refused", problem: "too-large" });
    expect(storedVideoFiles()).toEqual(before);
    // Far beyond the limit the upload is not even read to the end.
    const huge = uploadRequest(null, { bytes: minimalWebm(50_000), name: "lang.webm", type: "video/webm" });
    await expect(readVideoForm(huge, { uploadsDir, maxBytes: 20_000 })).rejects.toThrow(MaxPartSizeExceededError);
    expect(storedVideoFiles()).toEqual(before);
  });

  it("lets only a signed-in provider upload", async () => {
    const result = await settle(videoPage.action({ request: uploadRequest(null, { bytes: minimalWebm(), name: "a.webm", type: "video/webm" }), params: {}, context }));
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toMatch(/^\/inloggen\?/);
    const page = await settle(videoPage.loader({ request: new Request(`${BASE}/backoffice/video`), params: {}, context }));
    expect((page as Response).headers.get("Location")).toBe(`/inloggen?${new URLSearchParams({ redirectTo: "/backoffice/video" })}`);
  });
});

describe("serving a video with byte ranges", () => {
  it("answers the whole file, a range (206) and an impossible range (416)", async () => {
    const provider = await signedIn();
    const bytes = minimalWebm(5000);
    const id = await saveWebm(provider, bytes);
    const size = bytes.length;

    const whole = await fetchVideo(id, { cookie: provider.cookie });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("Content-Type")).toBe("video/webm");
    expect(whole.headers.get("Accept-Ranges")).toBe("bytes");
    expect(whole.headers.get("Content-Length")).toBe(String(size));
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await fetchVideo(id, { cookie: provider.cookie, range: "bytes=100-1099" });
    expect(part.status).toBe(206);
    expect(part.headers.get("Content-Range")).toBe(`bytes 100-1099/${size}`);
    expect(part.headers.get("Content-Length")).toBe("1000");
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);

    const tail = await fetchVideo(id, { cookie: provider.cookie, range: "bytes=-10" });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("Content-Range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(size - 10))).toBe(true);

    for (const range of [`bytes=${size}-`, "bytes=500-100", "bytes=abc"]) {
      const refused = await fetchVideo(id, { cookie: provider.cookie, range });
      expect(refused.status, range).toBe(416);
      expect(refused.headers.get("Content-Range")).toBe(`bytes */${size}`);
    }

    // A stale If-Range means the file changed: the whole file, not a piece of the new one.
    const stale = await serve.loader({
      request: new Request(`${BASE}/video/${id}`, { headers: { Cookie: provider.cookie, Range: "bytes=0-9", "If-Range": '"other"' } }),
      params: { id },
      context,
    });
    expect((stale as Response).status).toBe(200);
  });

  it("shows a waiting video only to its provider, and everyone the video once approved", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const id = await saveWebm(owner);

    expect((await fetchVideo(id)).status).toBe(404);
    expect((await fetchVideo(id, { cookie: other.cookie })).status).toBe(404);
    const own = await fetchVideo(id, { cookie: owner.cookie });
    expect(own.status).toBe(200);
    expect(own.headers.get("Cache-Control")).toBe("private, no-cache");

    expect(await approveVideo(db, owner.id, "Sanne van Staf", uploadsDir)).toBe(true);
    const anonymous = await fetchVideo(id);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("Cache-Control")).toMatch(/^public/);
    expect((await fetchVideo(id, { cookie: other.cookie })).status).toBe(200);
    // Unknown and malformed ids look the same as hidden ones.
    expect((await fetchVideo("0".repeat(32))).status).toBe(404);
    expect((await fetchVideo("../../etc/passwd")).status).toBe(404);
  });

  it("keeps an approved video of a provider who is not online private", async () => {
    const draft = await signedIn("draft");
    const other = await signedIn();
    const id = await saveWebm(draft);
    await approveVideo(db, draft.id, "Sanne van Staf", uploadsDir);
    expect((await fetchVideo(id)).status).toBe(404);
    expect((await fetchVideo(id, { cookie: other.cookie })).status).toBe(404);
    expect((await fetchVideo(id, { cookie: draft.cookie })).status).toBe(200);
  });
});

describe("review by staff", () => {
  it("puts the approved video on the public profile with the Introductievideo tick", async () => {
    const provider = await signedIn();
    const slug = (await db.selectFrom("providers").select("slug").where("id", "=", provider.id).executeTakeFirstOrThrow()).slug ?? "";
    const id = await saveWebm(provider);

    const before = await findPublicProfile(db, slug);
    if (before.kind !== "found") throw new Error("profile not found");
    expect(before.profile.video).toBeNull();
    expect(before.profile.checks.introVideo).toBe(false);

    await approveVideo(db, provider.id, "Sanne van Staf", uploadsDir);
    const after = await findPublicProfile(db, slug);
    if (after.kind !== "found") throw new Error("profile not found");
    expect(after.profile.video).toEqual({ src: `/video/${id}`, poster: null, captionsSrc: null });
    expect(after.profile.checks.introVideo).toBe(true);
    const row = await db.selectFrom("provider_videos").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "approved", reviewed_by: "Sanne van Staf" });
  });

  it("shows the provider why a video was rejected; a new upload replaces it", async () => {
    const provider = await signedIn();
    const first = await saveWebm(provider);
    expect(await rejectVideo(db, provider.id, "Er staat een telefoonnummer in beeld.")).toBe(true);
    const overview = await findVideoOverview(db, provider.id);
    expect(overview.candidate).toMatchObject({ id: first, status: "rejected", rejectionReason: "Er staat een telefoonnummer in beeld." });
    // Nothing waits any more.
    expect(await rejectVideo(db, provider.id, "nog eens")).toBe(false);
    expect(await approveVideo(db, provider.id, "Sanne", uploadsDir)).toBe(false);

    const second = await saveWebm(provider);
    expect(second).not.toBe(first);
    expect(fs.existsSync(path.join(uploadsDir, "videos", `${first}.webm`))).toBe(false);
    expect((await findVideoOverview(db, provider.id)).candidate).toMatchObject({ id: second, status: "pending" });
  });

  it("keeps the approved video on the profile until its replacement is approved", async () => {
    const provider = await signedIn();
    const old = await saveWebm(provider);
    await approveVideo(db, provider.id, "Sanne", uploadsDir);
    const replacement = await saveWebm(provider);

    const overview = await findVideoOverview(db, provider.id);
    expect(overview.approved?.id).toBe(old);
    expect(overview.candidate?.id).toBe(replacement);
    expect((await fetchVideo(old)).status).toBe(200);
    expect((await fetchVideo(replacement)).status).toBe(404);

    await approveVideo(db, provider.id, "Sanne", uploadsDir);
    expect((await findVideoOverview(db, provider.id)).approved?.id).toBe(replacement);
    expect((await fetchVideo(old)).status).toBe(404);
    expect(fs.existsSync(path.join(uploadsDir, "videos", `${old}.webm`))).toBe(false);

    expect(await deleteProviderVideos(db, uploadsDir, provider.id)).toBe(1);
    expect(fs.existsSync(path.join(uploadsDir, "videos", `${replacement}.webm`))).toBe(false);
  });
});

describe("De video tool werkt niet", () => {
  const userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36";

  function report(provider: Provider, fields: Record<string, string>) {
    return settle(
      reportPage.action({
        request: new Request(`${BASE}/backoffice/video/probleem`, {
          method: "POST",
          headers: { Cookie: provider.cookie, "User-Agent": userAgent, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields).toString(),
        }),
        params: {},
        context,
      }),
    );
  }

  it("stores the report with the browser details and e-mails staff", async () => {
    const provider = await signedIn();
    const result = await report(provider, { description: "Na het toestaan blijft het beeld zwart.", clientDetails: "Camera-toegang mogelijk: ja" });
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toBe("/backoffice/video/probleem?verzonden=1");

    const row = await db.selectFrom("video_tool_reports").selectAll().where("provider_id", "=", provider.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ description: "Na het toestaan blijft het beeld zwart.", user_agent: userAgent, client_details: "Camera-toegang mogelijk: ja", status: "nieuw" });
    const mail = await db.selectFrom("outbox_messages").selectAll().where("dedupe_key", "=", `video-tool-report:${row.id}`).executeTakeFirstOrThrow();
    expect(mail.to_address).toBe("staf@viviumservices.nl");
    expect(mail.template).toBe("staff-video-tool-report");
    expect(mail.text_body).toContain("Na het toestaan blijft het beeld zwart.");
    expect(mail.text_body).toContain(userAgent);
    expect(mail.text_body).toContain("Camera-toegang mogelijk: ja");
  });

  it("asks what went wrong when the description is missing, and stores nothing", async () => {
    const provider = await signedIn();
    const result = await report(provider, { description: "  " });
    expect(result).not.toBeInstanceOf(Response);
    expect((result as { init: { status: number } }).init.status).toBe(400);
    expect(await db.selectFrom("video_tool_reports").select("id").where("provider_id", "=", provider.id).execute()).toEqual([]);
  });

  it("fills the browser details from the User-Agent without JavaScript", async () => {
    const provider = await signedIn();
    const page = await reportPage.loader({
      request: new Request(`${BASE}/backoffice/video/probleem`, { headers: { Cookie: provider.cookie, "User-Agent": userAgent } }),
      params: {},
      context,
    });
    expect(page).toEqual({ userAgent });
  });
});

describe("the HTTP shell around the video page", () => {
  let baseUrl: string;
  let server: http.Server;

  beforeAll(async () => {
    const app = createHttpApp({
      config: { ...loadConfig({ DATA_DIR: t.dir, VIDEO_MAX_MB: "40" }), logRequests: false },
      database: t,
      assets: [],
      remix: (_req, res) => {
        res.status(200).type("text/plain").send("app");
      },
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it("allows camera and microphone on the recorder's page only, and only for this site", async () => {
    const policy = async (pathname: string) => (await fetch(`${baseUrl}${pathname}`)).headers.get("permissions-policy") ?? "";
    expect(await policy("/backoffice/video")).toMatch(/camera=\(self\), microphone=\(self\)/);
    for (const other of ["/", "/backoffice", "/backoffice/video/probleem", "/dienstverlener/bert"]) {
      expect(await policy(other), other).toMatch(/camera=\(\), microphone=\(\)/);
    }
  });

  /** The status the server answers to a POST that announces `bytes`, before any body is sent. */
  function statusForDeclaredSize(pathname: string, bytes: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = http.request(`${baseUrl}${pathname}`, {
        method: "POST",
        headers: { "Content-Length": String(bytes), "Content-Type": "multipart/form-data; boundary=x", Origin: baseUrl },
      });
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        request.destroy();
      });
      request.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
      request.flushHeaders();
    });
  }

  it("lets a video upload past the general 25 MB request limit, up to its own limit", async () => {
    expect(await statusForDeclaredSize("/backoffice/video", 30 * 1024 * 1024)).toBe(200);
    expect(await statusForDeclaredSize("/backoffice/video.data", 30 * 1024 * 1024)).toBe(200);
    expect(await statusForDeclaredSize("/backoffice/video", 42 * 1024 * 1024)).toBe(413);
    expect(await statusForDeclaredSize("/backoffice/pakket", 30 * 1024 * 1024)).toBe(413);
  });
});
