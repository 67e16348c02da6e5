import { describe, expect, it } from "vitest";
import { CONTACT } from "~/domain/contact";
import { providerLiveMail, staffProviderLiveMail } from "~/domain/mail/templates";

const urls = { profileUrl: "https://vivium.test/dienstverlener/bert-klinkenberg", backofficeUrl: "https://vivium.test/backoffice" };

function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    // Only the HTML's own line breaks and indents: the no-break spaces in phone numbers stay.
    .replace(/[ \t\r\n]+/g, " ");
}

describe("providerLiveMail", () => {
  const mail = providerLiveMail({ firstName: "Bert", ...urls });

  it("tells the provider the profile is online and what happens next, in both parts", () => {
    expect(mail.template).toBe("provider-live");
    expect(mail.subject).toBe("Uw profiel staat online");
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Beste Bert,");
      expect(part).toContain("Uw profiel staat online");
      expect(part).toMatch(/belt een medewerker van Vivium Services u op/);
      expect(part).toContain("promotiepakketten");
      expect(part).toMatch(/wij hebben uw betaling ontvangen en uw profiel .*staat nu online/);
      expect(part).toContain("belt een medewerker van Vivium Services u op voor een kennismaking");
      expect(part).toContain("voorstelvideo");
      expect(part).toContain(CONTACT.phone);
      expect(part).toContain(CONTACT.email);
    }
    expect(mail.text).toContain(urls.profileUrl);
    expect(mail.text).toContain(urls.backofficeUrl);
    expect(mail.html).toContain(`href="${urls.profileUrl}"`);
    expect(mail.html).toContain(`href="${urls.backofficeUrl}"`);
  });

  it("claims no check that has not happened: the profile goes online on payment, before anyone at Vivium looked at it", () => {
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).not.toMatch(/gecontroleerd|goedgekeurd|nagekeken|bekeken/i);
    }
  });

  it("addresses the reader formally, with u", () => {
    expect(mail.text).toMatch(/\bu\b/);
    expect(mail.text).not.toMatch(/\b(je|jij|jouw|jullie)\b/i);
  });

  it("escapes the name the provider typed", () => {
    const hostile = providerLiveMail({ firstName: `<img src=x onerror="alert(1)">`, ...urls });
    expect(hostile.html).not.toContain("<img");
    expect(hostile.html).toContain("Beste &lt;img src=x onerror=&quot;alert(1)&quot;&gt;,");
  });
});

describe("staffProviderLiveMail", () => {
  const details = { providerName: "Bert Klinkenberg", email: "bert@example.nl", phone: "+31610034891", ...urls };

  it("asks staff to call the new provider, with the contact details and a link to the backoffice", () => {
    const mail = staffProviderLiveMail(details);
    expect(mail.template).toBe("staff-provider-live");
    expect(mail.subject).toBe("Nieuwe dienstverlener online: Bert Klinkenberg");
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Bert Klinkenberg staat sinds vandaag online");
      expect(part).toMatch(/bellen/);
      expect(part).toContain("bert@example.nl");
      expect(part).toContain("06\u00a010\u00a003\u00a048\u00a091");
    }
    expect(mail.text).toContain("Telefoon: 06\u00a010\u00a003\u00a048\u00a091\n");
    expect(mail.html).toContain('href="tel:+31610034891"');
    expect(mail.html).toContain('href="mailto:bert@example.nl"');
    expect(mail.text).toContain(urls.backofficeUrl);
  });

  it("says so when there is no phone number", () => {
    const mail = staffProviderLiveMail({ ...details, phone: null });
    expect(mail.text).toContain("Telefoon: niet ingevuld");
    expect(mail.html).not.toContain("tel:+316");
  });

  it("keeps the subject on one line and escapes the name in the HTML", () => {
    const mail = staffProviderLiveMail({ ...details, providerName: "Bert\r\nBcc: iedereen@example.nl <b>" });
    expect(mail.subject).toBe("Nieuwe dienstverlener online: Bert Bcc: iedereen@example.nl <b>");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("Bert Bcc: iedereen@example.nl &lt;b&gt;");
  });
});
