import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { safeRedirect } from "~/domain/redirect";
import { config } from "./config.server";
import { database, type Db } from "./db.server";

/** A session lasts 30 days after the last visit; an unused one ends then. */
const SESSION_DAYS = 30;
const DAY_MS = 86_400_000;
// last_seen_at is only written when it is older than this, to keep page views read-only.
const TOUCH_AFTER_MS = 60 * 60 * 1000;

let sessionCookie: ReturnType<typeof createCookie> | undefined;
function cookie() {
  const { sessionSecret, isProduction } = config();
  sessionCookie ??= createCookie(isProduction ? "__Host-vivium_session" : "vivium_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction,
    path: "/",
    secrets: [sessionSecret],
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
  return sessionCookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type ProviderSession = { providerId: number; idHash: string };

async function readSession(db: Db, request: Request): Promise<ProviderSession | null> {
  const token: unknown = await cookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || token.length < 32) return null;
  const idHash = hashToken(token);
  const now = new Date();
  const row = await db
    .selectFrom("sessions")
    .select(["provider_id", "last_seen_at", "expires_at"])
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString() })
      .where("id_hash", "=", idHash)
      .execute();
  }
  return { providerId: row.provider_id, idHash };
}

export async function getProviderSession(request: Request): Promise<ProviderSession | null> {
  return readSession(database().db, request);
}

/**
 * Starts a new session for a provider who just proved who they are. Any
 * session the browser already had is ended first, so a session id planted
 * before sign-in is worthless afterwards (session fixation).
 */
export async function createProviderSession(request: Request, providerId: number, redirectTo: string): Promise<Response> {
  const { db } = database();
  const previous = await readSession(db, request);
  if (previous) await db.deleteFrom("sessions").where("id_hash", "=", previous.idHash).execute();
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashToken(token),
      provider_id: providerId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
      user_agent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    })
    .execute();
  // Expired sessions are removed now and then, not on every request.
  await db.deleteFrom("sessions").where("expires_at", "<", now.toISOString()).execute();
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await cookie().serialize(token) } });
}

/** Ends this browser's session on the server and clears the cookie. */
export async function destroyProviderSession(request: Request, redirectTo = "/"): Promise<Response> {
  const { db } = database();
  const session = await readSession(db, request);
  if (session) await db.deleteFrom("sessions").where("id_hash", "=", session.idHash).execute();
  return redirect(redirectTo, { headers: { "Set-Cookie": await cookie().serialize("", { maxAge: 0 }) } });
}

/** Ends every session of a provider (e-mail or password change, account deletion). */
export async function destroyAllSessions(db: Db, providerId: number): Promise<void> {
  await db.deleteFrom("sessions").where("provider_id", "=", providerId).execute();
}

/** The signed-in provider's id, or a redirect to the sign-in page that comes back here. */
export async function requireProvider(request: Request): Promise<number> {
  const session = await getProviderSession(request);
  if (session) return session.providerId;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/inloggen?${new URLSearchParams({ redirectTo: back })}`);
}

/** For pages only a visitor without a session needs (sign-in, a new signup). */
export async function requireAnonymous(request: Request, redirectTo = "/aanmelden/verder"): Promise<void> {
  if (await getProviderSession(request)) throw redirect(redirectTo);
}
