import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openSharedDatabase, forgetDatabase, type AppDatabase } from "~/server/db.server";
import { hashPassword, verifyPassword } from "~/server/passwords.server";
import { createProviderAccount, EmailTakenError, emailIsTaken } from "~/server/provider-accounts.server";
import { hitRateLimit } from "~/server/rate-limit.server";
import { createProviderSession, destroyAllSessions, destroyProviderSession, getProviderSession, requireProvider } from "~/server/session.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let shared: AppDatabase;

const account = {
  offerings: ["diensten-aan-huis" as const],
  firstName: "Bert",
  email: "bert@example.nl",
  password: "Tuinhek-Blauw-42",
  heardFrom: null,
  acceptTerms: true as const,
};

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  process.env.DATA_DIR = t.dir;
  shared = openSharedDatabase(t.file);
});
afterAll(async () => {
  forgetDatabase();
  await shared.close();
  await t.cleanup();
});

function requestWith(cookie: string | null, url = "http://127.0.0.1/aanmelden/persoonlijk") {
  return new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
}

const cookieOf = (response: Response) => (response.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";

describe("provider accounts", () => {
  it("creates an account with an argon2id hash and refuses the same address in other capitals", async () => {
    const id = await createProviderAccount(t.db, account);
    const row = await t.db.selectFrom("providers").select(["password_hash", "completed_steps", "email"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.completed_steps).toBe('["aanmelding"]');
    expect(await verifyPassword(row.password_hash, "Tuinhek-Blauw-42")).toBe(true);
    expect(await verifyPassword(row.password_hash, "tuinhek-blauw-42")).toBe(false);
    expect(await emailIsTaken(t.db, "BERT@example.NL")).toBe(true);
    await expect(createProviderAccount(t.db, { ...account, email: "Bert@Example.nl" })).rejects.toThrow(EmailTakenError);
  });

  it("spends the same work on an unknown address as on a wrong password", async () => {
    const start = performance.now();
    expect(await verifyPassword(null, "whatever-password")).toBe(false);
    const unknown = performance.now() - start;
    const hash = await hashPassword("Tuinhek-Blauw-42");
    const start2 = performance.now();
    expect(await verifyPassword(hash, "wrong-password-123")).toBe(false);
    const wrong = performance.now() - start2;
    // Both run a full argon2id verification (milliseconds, not microseconds).
    expect(unknown).toBeGreaterThan(wrong / 5);
  });
});

describe("sessions", () => {
  it("signs in with a random session id in an HttpOnly cookie, and signing out ends it on the server", async () => {
    const id = await createProviderAccount(t.db, { ...account, email: "sessie@example.nl" });
    const response = await createProviderSession(requestWith(null), id, "/aanmelden/persoonlijk");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/aanmelden/persoonlijk");
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(response);
    expect(await getProviderSession(requestWith(cookie))).toMatchObject({ providerId: id });
    expect(await requireProvider(requestWith(cookie))).toBe(id);

    // The database holds only a hash of the token.
    const rows = await t.db.selectFrom("sessions").select("id_hash").where("provider_id", "=", id).execute();
    expect(rows).toHaveLength(1);
    expect(cookie).not.toContain(rows[0]!.id_hash);

    const out = await destroyProviderSession(requestWith(cookie));
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await getProviderSession(requestWith(cookie))).toBeNull();
  });

  it("rotates the session on sign-in and can end every session of a provider", async () => {
    const id = await createProviderAccount(t.db, { ...account, email: "rotatie@example.nl" });
    const first = cookieOf(await createProviderSession(requestWith(null), id, "/"));
    const second = cookieOf(await createProviderSession(requestWith(first), id, "/"));
    expect(second).not.toBe(first);
    expect(await getProviderSession(requestWith(first))).toBeNull();
    expect(await getProviderSession(requestWith(second))).not.toBeNull();
    const other = cookieOf(await createProviderSession(requestWith(null), id, "/"));
    await destroyAllSessions(t.db, id);
    expect(await getProviderSession(requestWith(second))).toBeNull();
    expect(await getProviderSession(requestWith(other))).toBeNull();
  });

  it("ignores forged and tampered cookies and never redirects off-site", async () => {
    expect(await getProviderSession(requestWith("vivium_session=abc"))).toBeNull();
    const id = await createProviderAccount(t.db, { ...account, email: "vals@example.nl" });
    const good = cookieOf(await createProviderSession(requestWith(null), id, "/"));
    expect(await getProviderSession(requestWith(`${good.slice(0, -3)}xyz`))).toBeNull();
    const offsite = await createProviderSession(requestWith(null), id, "https://evil.example/");
    expect(offsite.headers.get("Location")).toBe("/");
  });

  it("sends visitors without a session to the sign-in page and back", async () => {
    const thrown = await requireProvider(requestWith(null, "http://127.0.0.1/aanmelden/bedrijf?x=1")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/inloggen?redirectTo=%2Faanmelden%2Fbedrijf%3Fx%3D1");
  });
});

describe("rate limits", () => {
  it("allows the limit and refuses the next attempt, also after a restart", async () => {
    const rule = { bucket: "test", limit: 3, windowSeconds: 900 };
    const now = Date.UTC(2026, 10, 28, 12, 0, 0);
    for (let i = 0; i < 3; i++) expect((await hitRateLimit(t.db, rule, "10.0.0.1", now)).allowed).toBe(true);
    const reopened = openDatabase(t.file);
    try {
      const blocked = await hitRateLimit(reopened.db, rule, "10.0.0.1", now + 1000);
      expect(blocked.allowed).toBe(false);
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect((await hitRateLimit(reopened.db, rule, "10.0.0.2", now)).allowed).toBe(true);
      expect((await hitRateLimit(reopened.db, rule, "10.0.0.1", now + 900_000)).allowed).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});
