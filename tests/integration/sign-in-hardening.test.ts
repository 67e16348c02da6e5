/**
 * Passwords and sessions, through the real /inloggen action:
 * - rate limits: 10 tries per client address in 15 minutes, and 30 per
 *   e-mail address from any number of client addresses (the right password
 *   is refused too once the limit is reached);
 * - no user enumeration: an unknown address and a wrong password get the same
 *   status and message, and take about the same time (medians of N tries);
 * - session fixation: a session cookie the browser had before signing in is
 *   replaced, and the old value no longer opens anything;
 * - expiry: a session row past its expiry is refused, as is a forged cookie.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as inloggen from "~/routes/inloggen";
import * as backofficeHome from "~/routes/backoffice._index";
import { forgetDatabase, type Db } from "~/server/db.server";
import { createProviderAccount } from "~/server/provider-accounts.server";
import { getProviderSession } from "~/server/session.server";
import { BASE, settle, signIn } from "../support/route-calls";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const PASSWORD = "Tuinhek-Blauw-42-lang";
let t: TestDatabase;
let db: Db;
let providerId: number;
let ip = 0;
const nextIp = () => `198.51.100.${++ip}`;

beforeAll(async () => {
  t = await createTestDatabase({ postcodes: false });
  db = t.db;
  (globalThis as Record<symbol, unknown>)[Symbol.for("vivium.database")] = t;
  process.env.DATA_DIR = t.dir;
  providerId = await createProviderAccount(db, {
    offerings: ["diensten-aan-huis"],
    firstName: "Greet",
    email: "greet@example.nl",
    password: PASSWORD,
    heardFrom: null,
    acceptTerms: true,
    website: undefined,
  } as Parameters<typeof createProviderAccount>[1]);
});

afterAll(async () => {
  forgetDatabase();
  await t?.cleanup();
});

async function attempt(email: string, password: string, clientIp: string, cookie?: string) {
  const request = new Request(`${BASE}/inloggen`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams({ email, password }),
  });
  return settle(() => inloggen.action({ request, params: {}, context: { cspNonce: "", clientIp } }));
}

/**
 * The limits count in fixed 15-minute windows: tries that straddle a window's
 * edge start a new count. These tests run in the middle of one, on a clock
 * that stands still (timers stay real).
 */
function inTheMiddleOfAWindow(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T12:07:30Z"));
}

afterEach(() => {
  vi.useRealTimers();
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

describe("sign-in", () => {
  it("gives an unknown address and a wrong password the same status and message", async () => {
    const wrong = await attempt("greet@example.nl", "niet-het-wachtwoord", nextIp());
    const unknown = await attempt("niemand@example.nl", "niet-het-wachtwoord", nextIp());
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.data?.error).toEqual(unknown.data?.error);
    expect(JSON.stringify(wrong.data)).not.toContain("niet-het-wachtwoord");
  });

  it("takes about as long for an unknown address as for a wrong password (medians of 9 tries)", async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await attempt(email, "niet-het-wachtwoord", nextIp());
      return performance.now() - start;
    };
    // Warm up argon2 and the statements.
    await time("greet@example.nl");
    await time("onbekend@example.nl");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time("greet@example.nl"));
      unknown.push(await time(`onbekend${i}@example.nl`));
    }
    const ratio = median(unknown) / median(known);
    // Loose: the machine is busy. Without the dummy hash the unknown address would answer ~100× faster.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  }, 60_000);

  it("refuses the 11th try from one client address within 15 minutes, even with the right password", async () => {
    inTheMiddleOfAWindow();
    const clientIp = nextIp();
    for (let i = 0; i < 10; i++) expect((await attempt("niemand-anders@example.nl", `fout-${i}-wachtwoord`, clientIp)).status).toBe(400);
    const blocked = await attempt("greet@example.nl", PASSWORD, clientIp);
    expect(blocked.status).toBe(429);
    expect(JSON.stringify(blocked.data)).toContain("U heeft te vaak geprobeerd in te loggen");
    // Another client address still gets in.
    expect((await attempt("greet@example.nl", PASSWORD, nextIp())).status).toBe(302);
  });

  it("locks one account after 30 tries from many client addresses, with the same answer for an unknown address", async () => {
    inTheMiddleOfAWindow();
    for (const email of ["doelwit@example.nl", "greet@example.nl"]) {
      await db.deleteFrom("rate_limit_hits").execute();
      for (let i = 0; i < 30; i++) {
        const status = (await attempt(email, `gok-${i}-wachtwoord`, nextIp())).status;
        expect(status, `try ${i + 1}`).toBe(400);
      }
      const blocked = await attempt(email, email === "greet@example.nl" ? PASSWORD : "nog-een-gok", nextIp());
      expect(blocked.status, email).toBe(429);
      expect(JSON.stringify(blocked.data)).toContain("U heeft te vaak geprobeerd in te loggen");
      // Another account is not affected.
      expect((await attempt("iemand-anders@example.nl", "wat-dan-ook-1", nextIp())).status).toBe(400);
    }
    await db.deleteFrom("rate_limit_hits").execute();
  }, 60_000);
});

describe("sessions", () => {
  it("replaces a session cookie planted before sign-in (fixation); the planted value opens nothing afterwards", async () => {
    // An attacker's own valid session, planted in the victim's browser.
    const planted = await signIn(providerId);
    expect(await getProviderSession(new Request(BASE, { headers: { Cookie: planted } }))).not.toBeNull();
    const result = await attempt("greet@example.nl", PASSWORD, nextIp(), planted);
    expect(result.status).toBe(302);
    const fresh = result.response!.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(fresh).not.toBe(planted);
    expect(await getProviderSession(new Request(BASE, { headers: { Cookie: planted } }))).toBeNull();
    expect((await getProviderSession(new Request(BASE, { headers: { Cookie: fresh } })))?.providerId).toBe(providerId);
    // A made-up cookie value is not adopted either: it is simply not a session.
    const madeUp = `${fresh.split("=")[0]}=${"A".repeat(43)}`;
    const second = await attempt("greet@example.nl", PASSWORD, nextIp(), madeUp);
    expect(second.response!.headers.get("Set-Cookie")!.split(";")[0]).not.toBe(madeUp);
    expect(await getProviderSession(new Request(BASE, { headers: { Cookie: madeUp } }))).toBeNull();
  });

  it("refuses a session whose row has expired, and sends the visitor to sign in", async () => {
    const cookie = await signIn(providerId);
    expect(await getProviderSession(new Request(BASE, { headers: { Cookie: cookie } }))).not.toBeNull();
    await db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("provider_id", "=", providerId).execute();
    expect(await getProviderSession(new Request(BASE, { headers: { Cookie: cookie } }))).toBeNull();
    const page = await settle(() => backofficeHome.loader({ request: new Request(`${BASE}/backoffice`, { headers: { Cookie: cookie } }), params: {}, context: { cspNonce: "", clientIp: "127.0.0.1" } }));
    expect(page.location).toMatch(/^\/inloggen\?/);
  });

  it("a session is valid for 30 days after the last visit, not longer", async () => {
    await db.deleteFrom("sessions").execute();
    const before = Date.now();
    await signIn(providerId);
    const row = await db.selectFrom("sessions").select(["expires_at"]).executeTakeFirstOrThrow();
    const days = (Date.parse(row.expires_at) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
  });
});
