import { describe, expect, it } from "vitest";
import { CONTACT } from "~/domain/contact";
import { emailChangedMail, passwordChangedMail, passwordResetMail } from "./account-templates";

const BASE = "https://vivium.test";

function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("emailChangedMail", () => {
  const mail = emailChangedMail({ firstName: "Bert", newEmail: "bert.nieuw@example.nl", signInUrl: `${BASE}/inloggen` });

  it("tells the old address what the new one is, that every session ended, and who to call if it was not them", () => {
    expect(mail.template).toBe("account-email-changed");
    expect(mail.subject).toBe("Uw e-mailadres is gewijzigd");
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Beste Bert,");
      expect(part).toContain("gewijzigd in bert.nieuw@example.nl");
      expect(part).toContain("op alle apparaten uitgelogd");
      expect(part).toContain("Heeft u dit niet zelf gedaan?");
      expect(part).toContain(CONTACT.phone);
    }
    expect(mail.html).toContain(`href="${BASE}/inloggen"`);
  });

  it("escapes what people typed", () => {
    const hostile = emailChangedMail({ firstName: "<b>Bert</b>", newEmail: "x@example.nl", signInUrl: `${BASE}/inloggen` });
    expect(hostile.html).not.toContain("<b>Bert");
    expect(hostile.html).toContain("&lt;b&gt;Bert");
  });
});

describe("passwordResetMail", () => {
  const resetUrl = `${BASE}/wachtwoord-herstellen/${"a".repeat(43)}`;
  const mail = passwordResetMail({ firstName: "Bert", resetUrl, requestUrl: `${BASE}/wachtwoord-vergeten` });

  it("carries the link, says it works one hour and once, and that nothing changes when ignored", () => {
    expect(mail.template).toBe("account-password-reset");
    expect(mail.subject).toBe("Kies een nieuw wachtwoord");
    expect(mail.text).toContain(resetUrl);
    expect(mail.html).toContain(`href="${resetUrl}"`);
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("één uur en maar één keer");
      expect(part).toContain("Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen");
    }
    expect(mail.text).toContain(`${BASE}/wachtwoord-vergeten`);
  });

  it("addresses the reader formally", () => {
    expect(mail.text).not.toMatch(/\b(je|jij|jouw)\b/i);
  });
});

describe("passwordChangedMail", () => {
  const mail = passwordChangedMail({ firstName: "Bert", requestUrl: `${BASE}/wachtwoord-vergeten` });

  it("reports the change without any password in it, and offers a way back", () => {
    expect(mail.template).toBe("account-password-changed");
    expect(mail.subject).toBe("Uw wachtwoord is gewijzigd");
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("zojuist gewijzigd");
      expect(part).toContain("Heeft u dit niet zelf gedaan?");
    }
    expect(mail.html).toContain(`href="${BASE}/wachtwoord-vergeten"`);
  });
});
