import { describe, expect, it } from "vitest";
import { CONTACT } from "~/domain/contact";
import { contactRequestReminderMail, reviewInvitationMail } from "./review-templates";

describe("the reminder to a provider", () => {
  const mail = contactRequestReminderMail({
    providerFirstName: "Bert",
    customerName: "Truus\n  de Vries",
    receivedAt: "2026-03-02T09:15:00.000Z",
    deadlineAt: "2026-03-04T09:15:00.000Z",
    requestUrl: "https://viviumservices.nl/backoffice/aanvragen/42",
  });

  it("names the customer in a one-line subject", () => {
    expect(mail.template).toBe("contact-request-reminder");
    expect(mail.subject).toBe("Herinnering: Truus de Vries wacht op uw reactie");
  });

  it("says when the request came in and when the deadline passed, in Dutch time, with a link to the request", () => {
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Beste Bert,");
      expect(body).toContain("maandag 2 maart 2026 om 10:15");
      expect(body).toContain("woensdag 4 maart 2026 om 10:15");
      expect(body).toContain("https://viviumservices.nl/backoffice/aanvragen/42");
      expect(body).toContain(CONTACT.email);
    }
    expect(mail.text).toContain("Bekijk de aanvraag:\nhttps://viviumservices.nl/backoffice/aanvragen/42");
  });

  it("escapes what the customer typed in the HTML", () => {
    const html = contactRequestReminderMail({
      providerFirstName: "Bert",
      customerName: "<script>alert(1)</script>",
      receivedAt: "2026-03-02T09:15:00.000Z",
      deadlineAt: "2026-03-04T09:15:00.000Z",
      requestUrl: "https://viviumservices.nl/backoffice/aanvragen/42",
    }).html;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("the review invitation to a customer", () => {
  const mail = reviewInvitationMail({
    customerName: "Truus de Vries",
    providerName: "Bert Klinkenberg",
    reviewUrl: "https://viviumservices.nl/beoordeling/abc_DEF-123",
    expiresAt: "2026-05-01T08:00:00.000Z",
  });

  it("asks about the provider by name and links to the personal review page", () => {
    expect(mail.template).toBe("review-invitation");
    expect(mail.subject).toBe("Hoe was uw ervaring met Bert Klinkenberg?");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Beste Truus de Vries,");
      expect(body).toContain("https://viviumservices.nl/beoordeling/abc_DEF-123");
      expect(body).toContain("tot en met 1 mei 2026");
      expect(body).toContain("1 tot 5 sterren");
    }
    expect(mail.html).toContain('href="https://viviumservices.nl/beoordeling/abc_DEF-123"');
    expect(mail.html).toContain('<html lang="nl">');
  });

  it("refuses a link that is not a web address", () => {
    expect(() =>
      reviewInvitationMail({ customerName: "T", providerName: "B", reviewUrl: "javascript:alert(1)", expiresAt: "2026-05-01T08:00:00.000Z" }),
    ).toThrow(TypeError);
  });
});
