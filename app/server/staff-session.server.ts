import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { safeRedirect } from "~/domain/redirect";
import { config } from "./config.server";
import { database, type Db } from "./db.server";

/**
 * Staff sessions: kept apart from provider sessions (own table, own cookie),
 * with the same hardening (random 256-bit token, only its SHA-256 stored,
 * HttpOnly, SameSite=Lax, Secure and __Host- in production). A staff session
 * ends after 12 hours without activity and after 7 days at the latest.
 */
const IDLE_MS = 12 * 60 * 60 * 1000;
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
// last_seen_at / expires_at are only written when older than this.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export type StaffUser = { id: number; name: string; email: string };

let staffCookie: ReturnType<typeof createCookie> | undefined;
function cookie() {
  const { sessionSecret, isProduction } = config();
  staffCookie ??= createCookie(isProduction ? "__Host-vivium_staff" : "vivium_staff", {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction,
    path: "/",
    secrets: [sessionSecret],
    // A browser session cookie; the server-side expiry is what counts.
  });
  return staffCookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type StaffSession = { user: StaffUser; tokenHash: string };

async function readStaffSession(db: Db, request: Request): Promise<StaffSession | null> {
  const token: unknown = await cookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || token.length < 32) return null;
  const tokenHash = hashToken(token);
  const now = new Date();
  const row = await db
    .selectFrom("staff_sessions")
    .innerJoin("staff", "staff.id", "staff_sessions.staff_id")
    .select([
      "staff.id",
      "staff.name",
      "staff.email",
      "staff.active",
      "staff_sessions.created_at",
      "staff_sessions.last_seen_at",
      "staff_sessions.expires_at",
    ])
    .where("staff_sessions.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row || row.active !== 1 || row.expires_at <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS) {
    const hardEnd = Date.parse(row.created_at) + MAX_AGE_MS;
    await db
      .updateTable("staff_sessions")
      .set({
        last_seen_at: now.toISOString(),
        expires_at: new Date(Math.min(now.getTime() + IDLE_MS, hardEnd)).toISOString(),
      })
      .where("token_hash", "=", tokenHash)
      .execute();
  }
  return { user: { id: row.id, name: row.name, email: row.email }, tokenHash };
}

/** The signed-in staff member, or null. */
export async function getStaff(request: Request): Promise<StaffUser | null> {
  return (await readStaffSession(database().db, request))?.user ?? null;
}

/**
 * The signed-in staff member. Anyone else (anonymous, a provider) gets a
 * plain 404, so the console's existence is never revealed.
 */
export async function requireStaff(request: Request): Promise<StaffUser> {
  const staff = await getStaff(request);
  if (staff) return staff;
  const refusal = new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  refusals.add(refusal);
  throw refusal;
}

// The 404s requireStaff threw, so a test can tell "refused: not staff" from
// "this record does not exist" although both look the same to a visitor.
const refusals = new WeakSet<Response>();

export function isStaffRefusal(value: unknown): boolean {
  return value instanceof Response && refusals.has(value);
}

/** Starts a staff session after a successful sign-in; any earlier staff session of this browser ends first. */
export async function createStaffSession(request: Request, staffId: number, redirectTo = "/beheer"): Promise<Response> {
  const { db } = database();
  const previous = await readStaffSession(db, request);
  if (previous) await db.deleteFrom("staff_sessions").where("token_hash", "=", previous.tokenHash).execute();
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db
    .insertInto("staff_sessions")
    .values({
      token_hash: hashToken(token),
      staff_id: staffId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDLE_MS).toISOString(),
      user_agent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    })
    .execute();
  await db.deleteFrom("staff_sessions").where("expires_at", "<", now.toISOString()).execute();
  const target = safeRedirect(redirectTo, "/beheer");
  return redirect(target.startsWith("/beheer") ? target : "/beheer", {
    headers: { "Set-Cookie": await cookie().serialize(token) },
  });
}

/** The Set-Cookie header that clears the staff cookie, after deleting this browser's staff session. Null without one. */
export async function endStaffSession(request: Request): Promise<string | null> {
  const { db } = database();
  const token: unknown = await cookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string") return null;
  await db.deleteFrom("staff_sessions").where("token_hash", "=", hashToken(token)).execute();
  return cookie().serialize("", { maxAge: 0 });
}

/** Ends every session of a staff member (deactivation). */
export async function destroyAllStaffSessions(db: Db, staffId: number): Promise<void> {
  await db.deleteFrom("staff_sessions").where("staff_id", "=", staffId).execute();
}

/** For tests and scripts: a cookie header value for a freshly created staff session. */
export async function staffSessionCookieFor(staffId: number): Promise<string> {
  const response = await createStaffSession(new Request("http://localhost/inloggen"), staffId);
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}
