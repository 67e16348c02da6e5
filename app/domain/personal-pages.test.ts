import { describe, expect, it } from "vitest";
import { isPersonalPage } from "./personal-pages";

describe("isPersonalPage", () => {
  it("covers every page with one person's data, and the data requests for them", () => {
    for (const path of [
      "/backoffice",
      "/backoffice/instellingen/persoonlijk",
      "/backoffice.data",
      "/backoffice/aanvragen/12.data",
      "/beheer",
      "/beheer/dienstverleners/3",
      "/aanmelden",
      "/aanmelden/profiel",
      "/betaling/abc",
      "/beoordeling/token123",
      "/beoordeling/bedankt",
      "/inloggen",
      "/wachtwoord-herstellen/xyz",
      "/e-mailadres-bevestigen/xyz",
      "/dienstverlener/bert-klinkenberg/contact",
      "/dienstverlener/bert-klinkenberg/contact/verzonden",
      "/dienstverlener/bert-klinkenberg/contact.data",
    ]) {
      expect(isPersonalPage(path), path).toBe(true);
    }
  });

  it("leaves public pages cacheable", () => {
    for (const path of ["/", "/zoeken", "/categorie/computerhulp", "/dienstverlener/bert-klinkenberg", "/dienstverlener/contactpersoon", "/backofficex", "/pakketten", "/foto/1/480.webp"]) {
      expect(isPersonalPage(path), path).toBe(false);
    }
  });
});
