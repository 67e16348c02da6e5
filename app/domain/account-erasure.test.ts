import { describe, expect, it } from "vitest";
import { deleteAccountSchema, ERASED_NAME, erasedEmail, erasedProviderValues, exportFileName } from "./account-erasure";

describe("what deleting an account erases", () => {
  it("empties every personal field of the provider and unpublishes them", () => {
    const values = erasedProviderValues(7, "abc", new Date("2026-03-15T12:00:00Z"));
    const kept = { status: "suspended", email: erasedEmail(7, "abc"), first_name: ERASED_NAME, updated_at: "2026-03-15T12:00:00.000Z" };
    for (const [column, value] of Object.entries(values)) {
      if (column in kept) expect(value, column).toBe(kept[column as keyof typeof kept]);
      else expect(value, column).toBeNull();
    }
    for (const column of ["slug", "password_hash", "last_name", "phone", "birth_date", "home_street", "work_street", "company_name", "kvk_number", "intro_text", "profile_text"]) {
      expect(values, column).toHaveProperty(column, null);
    }
  });

  it("gives each deleted account its own address on a domain that cannot receive mail", () => {
    expect(erasedEmail(7, "abc")).not.toBe(erasedEmail(7, "abd"));
    expect(erasedEmail(7, "abc")).not.toBe(erasedEmail(8, "abc"));
    expect(erasedEmail(7, "abc")).toMatch(/@verwijderd\.invalid$/);
  });

  it("requires the password and the tick", () => {
    expect(deleteAccountSchema.safeParse({ password: "geheim", confirm: "ja" }).success).toBe(true);
    expect(deleteAccountSchema.safeParse({ password: "geheim" }).success).toBe(false);
    expect(deleteAccountSchema.safeParse({ password: "", confirm: "ja" }).success).toBe(false);
    expect(deleteAccountSchema.safeParse({ password: "geheim", confirm: "nee" }).success).toBe(false);
  });

  it("names the export after the day", () => {
    expect(exportFileName("2026-03-15")).toBe("vivium-gegevens-2026-03-15.json");
  });
});
