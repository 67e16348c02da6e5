import { describe, expect, it } from "vitest";
import { CONTACT } from "~/domain/contact";
import {
  contactPromise,
  customerContactConfirmationMail,
  momentsText,
  providerContactRequestMail,
  type ContactRequestMailDetails,
} from "./contact-request-templates";

function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    // Only the HTML's own line breaks and indents: the no-break spaces in phone numbers stay.
    .replace(/[ \t\r\n]+/g, " ");
}

const details: ContactRequestMailDetails = {
  providerFirstName: "Bert",
  providerName: "Bert Klinkenberg",
  customerName: "Jan Janssen",
  customerEmail: "jan@example.nl",
  customerPhone: "+31612345678",
  memberNumber: null,
  locationLabel: "3447 GT",
  locationPlace: "Woerden",
  forWhom: "self",
  otherPersonName: null,
  contactPreference: "phone",
  contactMoments: ["ochtend", "middag"],
  message: "Ik zoek iemand voor\nde boodschappen.",
  // Wednesday 2 December 2026, 23:59:59.999 in Amsterdam.
  deadline: new Date("2026-12-02T22:59:59.999Z"),
};
const backofficeUrl = "https://vivium.test/backoffice/aanvragen/7";
const profileUrl = "https://vivium.test/dienstverlener/bert-klinkenberg";

describe("providerContactRequestMail", () => {
  const mail = providerContactRequestMail({ ...details, backofficeUrl });

  it("says only 'per e-mail' when the customer chose e-mail and gave no moments", () => {
    const byEmail = providerContactRequestMail({ ...details, contactPreference: "email", contactMoments: [], backofficeUrl });
    expect(byEmail.text).toMatch(/Contact bij voorkeur: per e-mail\n/);
  });

  it("gives the provider every detail, the deadline and a link to the request, in both parts", () => {
    expect(mail.template).toBe("contact-request-provider");
    expect(mail.subject).toBe("Nieuwe aanvraag van Jan Janssen");
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Beste Bert,");
      expect(part).toContain("uiterlijk woensdag 2 december om 23:59");
      expect(part).toContain("Naam: Jan Janssen");
      expect(part).toContain("jan@example.nl");
      expect(part).toContain("06\u00a012\u00a034\u00a056\u00a078");
      expect(part).toContain("Lid van Vivium: nee");
      expect(part).toContain("Waar: 3447 GT (Woerden)");
      expect(part).toContain("Voor wie: voor zichzelf");
      expect(part).toContain("Contact bij voorkeur: telefonisch, 's ochtends en 's middags");
      expect(part).toContain("de boodschappen.");
      expect(part).toContain(CONTACT.phone);
    }
    expect(mail.text).toContain(backofficeUrl);
    expect(mail.html).toContain(`href="${backofficeUrl}"`);
    expect(mail.html).toContain('href="tel:+31612345678"');
    expect(mail.html).toContain('href="mailto:jan@example.nl"');
    expect(mail.text).not.toContain("ledenprijs geldt");
  });

  it("says the member price applies when the customer gave an active lidnummer", () => {
    const member = providerContactRequestMail({ ...details, memberNumber: "VIV100001", backofficeUrl });
    expect(member.subject).toBe("Nieuwe aanvraag van Jan Janssen (lid, ledenprijs)");
    expect(member.text).toContain("Deze klant is lid van Vivium: de ledenprijs geldt.");
    expect(member.text).toContain("Lid van Vivium: ja, lidnummer VIV100001 (de ledenprijs geldt)");
  });

  it("names the other person when the help is for someone else, and says when there is no message", () => {
    const other = providerContactRequestMail({ ...details, forWhom: "other", otherPersonName: "Marie Janssen", message: null, backofficeUrl });
    expect(other.text).toContain("Voor wie: voor iemand anders, Marie Janssen");
    expect(other.text).toContain("Er is geen bericht bij de aanvraag gezet.");
  });

  it("escapes what the customer typed and keeps the subject on one line", () => {
    const hostile = providerContactRequestMail({
      ...details,
      customerName: "Jan\r\nBcc: spam@example.nl",
      message: `<script>alert("x")</script>`,
      backofficeUrl,
    });
    expect(hostile.subject).toBe("Nieuwe aanvraag van Jan Bcc: spam@example.nl");
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).toContain("&lt;script&gt;");
  });

  it("addresses the provider with u", () => {
    expect(mail.text).toMatch(/\bu\b/);
    expect(mail.text).not.toMatch(/\b(je|jij|jouw|jullie)\b/i);
  });
});

describe("customerContactConfirmationMail", () => {
  const mail = customerContactConfirmationMail({ ...details, profileUrl });

  it("tells the customer who has the details, what happens next and by when, and how to reach us", () => {
    expect(mail.template).toBe("contact-request-customer");
    expect(mail.subject).toBe("Uw aanvraag is verstuurd naar Bert Klinkenberg");
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Beste Jan Janssen,");
      expect(part).toContain("Bert Klinkenberg");
      expect(part).toContain("Wat gebeurt er nu? Bert neemt uiterlijk woensdag 2 december contact met u op. U wordt gebeld, het liefst 's ochtends en 's middags.");
      expect(part).toContain(`Hoort u niets? Bel ons op ${CONTACT.phone} (ma–vr 9.00–17.00) of mail naar ${CONTACT.email}`);
      // Office terms: the day, never the clock time the deadline is stored with.
      expect(part).not.toContain("23:59");
      expect(part).toContain(CONTACT.phone);
      expect(part).toContain(CONTACT.email);
      expect(part).toContain("Voor wie: voor uzelf");
      expect(part).toContain("Uw bericht hebben wij aan Bert doorgegeven.");
    }
    expect(mail.html).toContain(`href="${profileUrl}"`);
    expect(mail.html).toContain(`href="${CONTACT.phoneHref}"`);
    expect(mail.text).not.toContain("ledenprijs");
    expect(mail.text).not.toMatch(/\b(je|jij|jouw|jullie)\b/i);
  });

  it("leaves the typed message out: the mail goes to whatever address was typed, so it carries no free text of the sender's", () => {
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).not.toContain("Ik zoek iemand voor");
      expect(part).not.toContain("boodschappen");
    }
    const withLink = customerContactConfirmationMail({ ...details, message: "Uw pakket wacht: betaal op https://phish.example/betalen", profileUrl });
    expect(withLink.text + withLink.html).not.toContain("phish.example");
    const without = customerContactConfirmationMail({ ...details, message: null, profileUrl });
    expect(without.text).not.toContain("Uw bericht");
  });

  it("confirms the member price for a member, and e-mail as the way of contact", () => {
    const member = customerContactConfirmationMail({ ...details, memberNumber: "VIV100001", contactPreference: "email", profileUrl });
    expect(member.text).toContain("Als lid van Vivium betaalt u de ledenprijs.");
    expect(member.text).toContain("Bert neemt uiterlijk woensdag 2 december contact met u op. U krijgt een e-mail.");
    expect(member.text).not.toContain("U wordt gebeld");
  });

  it("says the same next step in its preheader, by day only", () => {
    expect(mail.html).toContain(">Bert neemt uiterlijk woensdag 2 december contact met u op.</div>");
  });
});

describe("contactPromise: what the customer is told happens next, on the page and in the e-mail", () => {
  const base = { firstName: "Hanneke", dueDay: "dinsdag 8 december" } as const;

  it("names the day, as the office says it, and that the customer will be called when they can take it", () => {
    expect(contactPromise({ ...base, contactPreference: "phone", contactMoments: ["ochtend"] })).toBe(
      "Hanneke neemt uiterlijk dinsdag 8 december contact met u op. U wordt gebeld, het liefst 's ochtends.",
    );
    expect(contactPromise({ ...base, contactPreference: "phone", contactMoments: [] })).toBe(
      "Hanneke neemt uiterlijk dinsdag 8 december contact met u op. U wordt gebeld.",
    );
  });

  it("promises an e-mail without times of day: a mail waits until it is read", () => {
    expect(contactPromise({ ...base, contactPreference: "email", contactMoments: ["avond"] })).toBe(
      "Hanneke neemt uiterlijk dinsdag 8 december contact met u op. U krijgt een e-mail.",
    );
  });
});

describe("momentsText", () => {
  it.each([
    [["ochtend"], "'s ochtends"],
    [["ochtend", "avond"], "'s ochtends en 's avonds"],
    [["ochtend", "middag", "avond"], "'s ochtends, 's middags en 's avonds"],
  ] as const)("%j → %s", (moments, expected) => {
    expect(momentsText(moments)).toBe(expected);
  });
});
