import { describe, expect, it } from "vitest";
import { providerRepublishedMail, providerSuspendedMail } from "./staff-templates";

describe("staff e-mails to providers", () => {
  it("tells a suspended provider why and whom to call, with the reason escaped in HTML", () => {
    const mail = providerSuspendedMail({ firstName: "Bert", reason: "Klachten over <b>afspraken</b>" });
    expect(mail.template).toBe("provider-suspended");
    expect(mail.subject).toBe("Uw profiel bij Vivium Services staat offline");
    expect(mail.text).toContain("Beste Bert,");
    expect(mail.text).toContain("Klachten over <b>afspraken</b>");
    expect(mail.text).toContain("030\u00a0123\u00a045\u00a067");
    expect(mail.html).not.toContain("<b>afspraken</b>");
    expect(mail.html).toContain("&lt;b&gt;afspraken&lt;/b&gt;");
  });

  it("links a republished provider to the profile", () => {
    const mail = providerRepublishedMail({ firstName: "Bert", profileUrl: "https://vivium.test/dienstverlener/bert" });
    expect(mail.html).toContain('href="https://vivium.test/dienstverlener/bert"');
  });
});
