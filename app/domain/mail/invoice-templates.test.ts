import { describe, expect, it } from "vitest";
import { invoiceMail } from "./invoice-templates";

describe("invoiceMail", () => {
  const mail = invoiceMail({
    firstName: "Gerda",
    invoiceNumber: "2026-0007",
    description: "Pluspakket Vivium Services, 1 maart 2026 t/m 28 februari 2027",
    amountCents: 29_000,
    fileName: "factuur-2026-0007.pdf",
    invoicesUrl: "https://vivium.test/backoffice/pakket",
  });

  it("thanks for the payment, names the attached PDF and links to the invoices", () => {
    expect(mail.template).toBe("invoice");
    expect(mail.subject).toBe("Uw factuur 2026-0007 van Vivium Services");
    expect(mail.text).toContain("Beste Gerda,");
    expect(mail.text).toContain("Hartelijk dank voor uw betaling van € 290,00 (inclusief btw) voor: Pluspakket Vivium Services, 1 maart 2026 t/m 28 februari 2027.");
    expect(mail.text).toContain("In de bijlage van deze e-mail vindt u de factuur (factuur-2026-0007.pdf). U hoeft niets meer te betalen.");
    expect(mail.html).toContain('href="https://vivium.test/backoffice/pakket"');
  });

  it("keeps a name typed with line breaks out of the subject and on one line", () => {
    const odd = invoiceMail({ firstName: "Ger\nda", invoiceNumber: "2026-0001", description: "x", amountCents: 1000, fileName: "f.pdf", invoicesUrl: "https://vivium.test/" });
    expect(odd.text).toContain("Beste Ger da,");
    expect(odd.subject).not.toMatch(/\n/);
  });
});
