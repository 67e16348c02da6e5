import { describe, expect, it } from "vitest";
import { packagePaymentReminderMail } from "./package-templates";

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
