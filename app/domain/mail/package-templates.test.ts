import { describe, expect, it } from "vitest";
import { packageAssignedMail, packagePaymentReminderMail } from "./package-templates";

describe("packagePaymentReminderMail", () => {
  const mail = packagePaymentReminderMail({
    firstName: "Sanne",
    packageName: "Pluspakket",
    amountCents: 29_000,
    startsOn: "2026-03-01",
    endsOn: "2027-02-28",
    packagePageUrl: "https://vivium.test/backoffice/pakket",
  });

  it("says what is open, for which period, and links to the package page", () => {
    expect(mail.template).toBe("package-payment-reminder");
    expect(mail.subject).toBe("Herinnering: betaling Pluspakket");
    expect(mail.text).toContain("Beste Sanne,");
    expect(mail.text).toContain("€ 290,00");
    expect(mail.text).toContain("1 maart 2026 tot en met 28 februari 2027");
    expect(mail.text).toContain("https://vivium.test/backoffice/pakket");
    expect(mail.html).toContain('href="https://vivium.test/backoffice/pakket"');
  });
});

describe("packageAssignedMail", () => {
  const mail = packageAssignedMail({
    firstName: "Sanne",
    packageName: "Pluspakket",
    priceCents: 30_000,
    creditCents: 1000,
    startsOn: "2026-03-01",
    endsOn: "2027-02-28",
    payUrl: "https://vivium.test/backoffice/pakket",
  });

  it("says what was assigned, what is due after the credit, and links to paying", () => {
    expect(mail.template).toBe("package-assigned");
    expect(mail.subject).toBe("Uw Pluspakket staat klaar");
    expect(mail.text).toContain("Fijn dat u heeft gekozen voor het Pluspakket. Wij hebben het voor u klaargezet, van 1 maart 2026 tot en met 28 februari 2027.");
    expect(mail.text).toContain("Te betalen: € 290,00 (€ 300,00 min € 10,00 tegoed van uw aanmelding), inclusief btw.");
    expect(mail.text).toContain("€ 290,00 betalen met iDEAL:\nhttps://vivium.test/backoffice/pakket");
    expect(mail.html).toContain('href="https://vivium.test/backoffice/pakket"');
  });
});
