import { describe, expect, it } from "vitest";
import { checkPassword } from "~/domain/password";

describe("checkPassword", () => {
  it.each(["zonnebloem-fiets-42", "Mijn kat heet Pluis!", "tG7#kq2Lw9", "correct horse battery staple", "ÉénTweeDrie!"])(
    "accepts %s",
    (password) => {
      expect(checkPassword(password)).toBeNull();
    },
  );

  it("asks for at least 10 characters", () => {
    expect(checkPassword("")).toBe("Kies een wachtwoord van minstens 10 tekens.");
    expect(checkPassword("kort12345")).toBe("Kies een wachtwoord van minstens 10 tekens.");
    expect(checkPassword("lang123456")).toBeNull();
  });

  it("counts characters, not UTF-16 code units", () => {
    expect(checkPassword("🙂🙂🙂🙂🙂x")).toBe("Kies een wachtwoord van minstens 10 tekens.");
  });

  it("allows at most 200 characters", () => {
    const long = "abcdefghij".repeat(20);
    expect(checkPassword(long)).toBeNull();
    expect(checkPassword(`${long}k`)).toBe("Uw wachtwoord mag hoogstens 200 tekens lang zijn.");
  });

  it.each([
    "wachtwoord",
    "welkom01",
    "voetbal",
    "qwerty123456",
    "1234567890",
    "wachtwoord123",
    "password123",
    "feyenoord010",
    "qwertyuiop",
    "welkom2025",
  ])("rejects the common password %s", (password) => {
    const message = checkPassword(password);
    // `voetbal` and `welkom01` are too short before they are common.
    expect(message).toMatch(/veel gebruikt|minstens 10 tekens/);
  });

  it("rejects common passwords of a valid length as easy to guess", () => {
    expect(checkPassword("wachtwoord")).toBe(
      "Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander wachtwoord.",
    );
    expect(checkPassword("1234567890")).toMatch(/veel gebruikt/);
    expect(checkPassword("qwerty123456")).toMatch(/veel gebruikt/);
  });

  it("compares case-insensitively", () => {
    expect(checkPassword("Wachtwoord")).toMatch(/veel gebruikt/);
    expect(checkPassword("WACHTWOORD123")).toMatch(/veel gebruikt/);
    expect(checkPassword("QwErTy123456")).toMatch(/veel gebruikt/);
  });

  it("rejects one character repeated", () => {
    expect(checkPassword("zzzzzzzzzzzz")).toMatch(/veel gebruikt/);
    expect(checkPassword("!!!!!!!!!!")).toMatch(/veel gebruikt/);
  });

  it("does not strip digits or symbols to find a common password", () => {
    expect(checkPassword("wachtwoord987")).toBeNull();
  });
});
