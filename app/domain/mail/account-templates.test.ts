import { describe, expect, it } from "vitest";
import { CONTACT } from "~/domain/contact";
import { emailChangeConfirmMail, emailChangedMail, emailChangeRequestedMail, emailInUseMail, passwordChangedMail, passwordResetMail } from "./account-templates";

const BASE = "https://vivium.test";

function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    // Only the HTML's own line breaks and indents: the no-break spaces in phone numbers stay.
    .replace(/[ \t\r\n]+/g, " ");
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

describe("emailChangeConfirmMail", () => {
  const confirmUrl = `${BASE}/e-mailadres-bevestigen/${"b".repeat(43)}`;
  const mail = emailChangeConfirmMail({ firstName: "Bert", confirmUrl });

  it("carries the link, says it works 24 hours and once, and that the old address holds until then", () => {
    expect(mail.template).toBe("account-email-change-confirm");
    expect(mail.subject).toBe("Bevestig uw nieuwe e-mailadres");
    expect(mail.text).toContain(confirmUrl);
    expect(mail.html).toContain(`href="${confirmUrl}"`);
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Beste Bert,");
      expect(part).toContain("De link werkt 24 uur en maar één keer.");
      expect(part).toContain("tot die tijd logt u in met uw oude e-mailadres");
      expect(part).toContain("Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen");
    }
  });

  it("escapes what people typed and addresses the reader formally", () => {
    const hostile = emailChangeConfirmMail({ firstName: "<b>Bert</b>", confirmUrl });
    expect(hostile.html).not.toContain("<b>Bert");
    expect(mail.text).not.toMatch(/\b(je|jij|jouw)\b/i);
  });
});

describe("emailChangeRequestedMail", () => {
  const mail = emailChangeRequestedMail({ firstName: "Bert", newEmail: "bert.nieuw@example.nl", accountUrl: `${BASE}/backoffice/account` });

  it("tells the old address which address was asked for, that it stays the login address until the link is used, and how to stop it", () => {
    expect(mail.template).toBe("account-email-change-requested");
    expect(mail.subject).toBe("U wilt uw e-mailadres wijzigen");
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("te wijzigen in bert.nieuw@example.nl");
      expect(part).toContain("Tot die tijd blijft dit e-mailadres uw inlogadres");
      expect(part).toContain("Wijziging annuleren");
      expect(part).toContain(CONTACT.phone);
    }
    expect(mail.html).toContain(`href="${BASE}/backoffice/account"`);
  });

  it("does not say whether a link went out, so a taken address reads the same", () => {
    expect(mail.text).not.toMatch(/link gestuurd|al een account|bestaat al/i);
  });
});

describe("emailInUseMail", () => {
  const mail = emailInUseMail({ signInUrl: `${BASE}/inloggen` });

  it("tells the owner nothing changed, without a link to confirm or anything about who asked", () => {
    expect(mail.template).toBe("account-email-in-use");
    expect(mail.subject).toBe("Iemand wilde uw e-mailadres gebruiken");
    expect(mail.text).toContain("Er is niets veranderd aan uw account.");
    expect(mail.text).not.toContain("e-mailadres-bevestigen");
    expect(mail.html).toContain(`href="${BASE}/inloggen"`);
  });
});
