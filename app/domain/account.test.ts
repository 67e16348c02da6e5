import { describe, expect, it } from "vitest";
import {
  EMAIL_CHANGE_PROBLEM,
  EMAIL_CHANGE_TTL_MS,
  emailChangeExpiry,
  emailChangeLinkState,
  emailChangeSchema,
  passwordChangeSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  RESET_TOKEN_PATTERN,
  RESET_TOKEN_TTL_MS,
  resetTokenExpiry,
  resetTokenState,
} from "./account";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("emailChangeSchema", () => {
  it("normalises the new address as the signup does and needs the current password", () => {
    expect(emailChangeSchema.parse({ newEmail: "  Bert@Example.NL ", emailPassword: "wat dan ook" })).toEqual({
      newEmail: "bert@example.nl",
      emailPassword: "wat dan ook",
    });
    expect(messages(emailChangeSchema.safeParse({ newEmail: "bert@", emailPassword: undefined }))).toEqual({
      newEmail: "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl",
      emailPassword: "Vul uw huidige wachtwoord in",
    });
  });
});

describe("passwordChangeSchema and passwordResetSchema", () => {
  it("hold the new password to the signup rules", () => {
    expect(passwordChangeSchema.safeParse({ currentPassword: "oud", newPassword: "Tuinhek-Blauw-42" }).success).toBe(true);
    expect(messages(passwordChangeSchema.safeParse({ currentPassword: "oud", newPassword: "kort" }))).toEqual({
      newPassword: "Kies een wachtwoord van minstens 10 tekens.",
    });
    expect(messages(passwordResetSchema.safeParse({ newPassword: "Wachtwoord123" }))).toEqual({
      newPassword: expect.stringMatching(/veel gebruikt/),
    });
    expect(messages(passwordChangeSchema.safeParse({ newPassword: "Tuinhek-Blauw-42" }))).toEqual({ currentPassword: "Vul uw huidige wachtwoord in" });
  });
});

describe("passwordResetRequestSchema", () => {
  it("asks for an e-mail address", () => {
    expect(passwordResetRequestSchema.parse({ email: "BERT@example.nl" })).toEqual({ email: "bert@example.nl" });
    expect(messages(passwordResetRequestSchema.safeParse({}))).toEqual({ email: "Vul uw e-mailadres in" });
  });
});

describe("reset tokens", () => {
  const created = new Date("2026-12-10T12:00:00.000Z");
  const expires = resetTokenExpiry(created).toISOString();

  it("are valid for exactly one hour", () => {
    expect(RESET_TOKEN_TTL_MS).toBe(3_600_000);
    expect(expires).toBe("2026-12-10T13:00:00.000Z");
    expect(resetTokenState({ expires_at: expires, used_at: null }, new Date("2026-12-10T12:59:59.999Z"))).toBe("valid");
    expect(resetTokenState({ expires_at: expires, used_at: null }, new Date("2026-12-10T13:00:00.000Z"))).toBe("expired");
  });

  it("work once: a used token stays used, also after it would have expired", () => {
    const used = { expires_at: expires, used_at: "2026-12-10T12:10:00.000Z" };
    expect(resetTokenState(used, new Date("2026-12-10T12:20:00.000Z"))).toBe("used");
    expect(resetTokenState(used, new Date("2026-12-11T12:20:00.000Z"))).toBe("used");
    expect(resetTokenState(undefined, created)).toBe("unknown");
  });

  it("look like 32 random bytes in base64url", () => {
    expect(RESET_TOKEN_PATTERN.test("A".repeat(43))).toBe(true);
    expect(RESET_TOKEN_PATTERN.test("A".repeat(42))).toBe(false);
    expect(RESET_TOKEN_PATTERN.test(`${"A".repeat(42)}/`)).toBe(false);
  });
});

describe("e-mail change links", () => {
  const created = new Date("2026-12-10T12:00:00.000Z");
  const expires = emailChangeExpiry(created).toISOString();
  const open = { expires_at: expires, confirmed_at: null, ended_at: null };

  it("are valid for exactly 24 hours", () => {
    expect(EMAIL_CHANGE_TTL_MS).toBe(86_400_000);
    expect(expires).toBe("2026-12-11T12:00:00.000Z");
    expect(emailChangeLinkState(open, new Date("2026-12-11T11:59:59.999Z"))).toBe("valid");
    expect(emailChangeLinkState(open, new Date("2026-12-11T12:00:00.000Z"))).toBe("expired");
  });

  it("work once, and not after the change was cancelled or replaced", () => {
    const used = { ...open, confirmed_at: "2026-12-10T13:00:00.000Z" };
    expect(emailChangeLinkState(used, new Date("2026-12-10T14:00:00.000Z"))).toBe("used");
    expect(emailChangeLinkState(used, new Date("2026-12-12T14:00:00.000Z"))).toBe("used");
    expect(emailChangeLinkState({ ...open, ended_at: "2026-12-10T13:00:00.000Z" }, new Date("2026-12-10T14:00:00.000Z"))).toBe("ended");
    expect(emailChangeLinkState(undefined, created)).toBe("unknown");
  });

  it("explain in Dutch why a link does not work, and that the address did not change", () => {
    for (const state of ["expired", "ended", "taken"] as const) expect(EMAIL_CHANGE_PROBLEM[state]).toMatch(/Uw e-mailadres is niet gewijzigd\.$/);
    expect(EMAIL_CHANGE_PROBLEM.used).toBe("Deze link is al gebruikt. Elke link werkt maar één keer.");
    expect(EMAIL_CHANGE_PROBLEM.unknown).toMatch(/^Deze link werkt niet\./);
  });
});
