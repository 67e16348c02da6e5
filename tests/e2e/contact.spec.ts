import type { Page } from "@playwright/test";
import { fillContactForm, sendContactRequest, type ContactFormValues } from "./support/contact";
import { expect, test } from "./support/fixtures";
import { submit } from "./support/signup";

const BERT = "bert-klinkenberg";
// The day only, as the office says it: "Bert neemt uiterlijk dinsdag 8 december contact met u op".
const PROMISE = /Bert neemt uiterlijk (maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} [a-z]+ contact met u op\./;

/** A name no other test (or parallel run) uses, to find this request's e-mails. */
function uniqueName(): string {
  return `Jan Janssen ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

test.describe("contact requests from customers", () => {
  test("a customer asks Bert for contact from the profile, sees what happens next, and both e-mails are sent", async ({ page, expectAccessible }) => {
    await page.goto(`/dienstverlener/${BERT}`);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("link", { name: "Contact opnemen met Bert" }).first().click()]);
    await expect(page).toHaveURL(`/dienstverlener/${BERT}/contact`);
    await expect(page.getByRole("heading", { level: 1, name: "Contactgegevens opvragen van Bert" })).toBeVisible();
    await expect(page.getByText("U kunt geheel vrijblijvend hieronder uw gegevens invullen. U verplicht zich tot niets.")).toBeVisible();
    await expectAccessible(page);

    const name = uniqueName();
    const sent = await fillContactForm(page, {
      name,
      memberNumber: "viv-100 001",
      forWhom: "other",
      otherPersonName: "Marie Janssen",
      contactMoments: ["ochtend", "avond"],
    });
    await submit(page, "Contact opnemen");

    await expect(page).toHaveURL(new RegExp(`/dienstverlener/${BERT}/contact/verzonden\\?aanvraag=[\\w-]{22}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is verstuurd" })).toBeVisible();
    await expect(page.getByText("Wij hebben uw gegevens doorgegeven aan Bert Klinkenberg.")).toBeVisible();
    const next = page.getByRole("list").filter({ hasText: "Bert neemt uiterlijk" });
    await expect(next).toContainText(PROMISE);
    await expect(next).toContainText("U wordt gebeld, het liefst 's ochtends en 's avonds.");
    await expect(next).toContainText("als lid van Vivium betaalt u de ledenprijs");
    await expect(page.getByRole("main")).not.toContainText("23:59");
    await expect(page.getByRole("main")).toContainText("Hoort u niets? Bel ons op 030 123 45 67 (ma–vr 9.00–17.00)");
    await expect(page.getByRole("main").getByRole("link", { name: "030 123 45 67" })).toBeVisible();
    await expectAccessible(page);

    // Reloading the confirmation sends nothing again: it is a plain page (post/redirect/get).
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is verstuurd" })).toBeVisible();

    await page.goto("/dev/mail");
    const toProvider = page.getByRole("row").filter({ hasText: `Nieuwe aanvraag van ${name} (lid, ledenprijs)` });
    await expect(toProvider).toHaveCount(1);
    await expect(toProvider).toContainText(`${BERT}@demo.viviumservices.nl`);
    const toCustomer = page.getByRole("row").filter({ hasText: sent.email });
    await expect(toCustomer).toHaveCount(1);
    await expect(toCustomer).toContainText("Uw aanvraag is verstuurd naar Bert Klinkenberg");

    await Promise.all([page.waitForLoadState("load"), toProvider.getByRole("link").click()]);
    const text = page.getByRole("textbox", { name: "Tekstversie" });
    await expect(text).toHaveValue(/Deze klant is lid van Vivium: de ledenprijs geldt\./);
    await expect(text).toHaveValue(/Voor wie: voor iemand anders, Marie Janssen/);
    await expect(text).toHaveValue(/\/backoffice\/aanvragen\/\d+/);
  });

  test("the e2e helper sends a request and returns its public id", async ({ page }) => {
    const sent = await sendContactRequest(page, BERT, { contactPreference: "email" });
    expect(sent.publicId).toMatch(/^[\w-]{22}$/);
    await expect(page.getByText(PROMISE)).toBeVisible();
    await expect(page.getByText(/U krijgt een e-mail\./)).toBeVisible();
  });

  type Case = {
    what: string;
    values: Partial<ContactFormValues>;
    field: string;
    message: string | RegExp;
  };
  const cases: Case[] = [
    { what: "a phone number that is not Dutch", values: { phone: "12345" }, field: "Wat is uw telefoonnummer?", message: /Het telefoonnummer klopt niet/ },
    { what: "an unknown lidnummer", values: { memberNumber: "VIV999999" }, field: "Wat is uw lidnummer? (optioneel)", message: "Wij kennen lidnummer VIV999999 niet. Controleer het nummer op uw ledenpas, of laat dit veld leeg." },
    { what: "a lidnummer that is no longer active", values: { memberNumber: "VIV200001" }, field: "Wat is uw lidnummer? (optioneel)", message: /Lidnummer VIV200001 is niet meer actief/ },
    { what: "a postcode outside the werkgebied", values: { location: "3311 AA" }, field: "Waar is de hulp nodig?", message: /Bert komt niet in 3311 AA \(Dordrecht\): dat ligt buiten het werkgebied van Bert/ },
    { what: "a place that does not exist", values: { location: "Woerdn" }, field: "Waar is de hulp nodig?", message: /Wij kennen de plaats “Woerdn” niet\. Bedoelt u misschien .*Woerden/ },
    { what: "no name for the other person", values: { forWhom: "other", otherPersonName: "" }, field: "Wat is de naam van degene voor wie u de dienst zoekt?", message: "Vul de naam in van degene voor wie u de dienst zoekt" },
  ];

  for (const c of cases) {
    test(`${c.what} gives its message and keeps everything typed`, async ({ page, expectAccessible }) => {
      await page.goto(`/dienstverlener/${BERT}/contact`);
      const typed = await fillContactForm(page, { ...c.values, message: "Graag op dinsdag.\nBel eerst even." });
      const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/contact"));
      await submit(page, "Contact opnemen");
      expect((await response).status()).toBe(400);

      await expect(page).toHaveURL(new RegExp(`/dienstverlener/${BERT}/contact(\\?.*)?$`));
      const summary = page.getByRole("alert");
      await expect(summary.getByRole("heading", { name: "Er is 1 ding om aan te passen" })).toBeVisible();
      await expect(summary.getByRole("link", { name: c.field })).toContainText(c.message);
      await expect(page.locator(".field__error").filter({ hasText: c.message })).toBeVisible();
      await expectValuesKept(page, typed);
      await expectAccessible(page);
    });
  }

  test("the lidnummer and the place are checked together with the rest of the form, so every problem shows at once", async ({ page }) => {
    await page.goto(`/dienstverlener/${BERT}/contact`);
    await fillContactForm(page, { name: "", phone: "12", memberNumber: "VIV999999", location: "3311 AA" });
    await submit(page, "Contact opnemen");
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("heading", { name: "Er zijn 4 dingen om aan te passen" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Wat is uw naam?" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Wat is uw lidnummer? (optioneel)" })).toContainText("Wij kennen lidnummer VIV999999 niet");
    await expect(summary.getByRole("link", { name: "Waar is de hulp nodig?" })).toContainText("buiten het werkgebied van Bert");
    await expect(summary.getByRole("link", { name: "Wat is uw telefoonnummer?" })).toContainText("Het telefoonnummer klopt niet");
    await expect(page.getByRole("link", { name: "Bekijk dienstverleners die wel in Dordrecht komen" })).toBeVisible();
  });

  test("outside the werkgebied, the link leads to providers in the same category who do come there", async ({ page }) => {
    await page.goto(`/dienstverlener/${BERT}/contact`);
    await fillContactForm(page, { location: "Dordrecht" });
    await submit(page, "Contact opnemen");
    const link = page.getByRole("link", { name: "Bekijk dienstverleners die wel in Dordrecht komen" });
    await expect(link).toHaveAttribute("href", "/zoeken?waar=Dordrecht&categorie=thuiskeepers");
    await Promise.all([page.waitForLoadState("load"), link.click()]);
    await expect(page.getByRole("link", { name: /Saskia Timmermans/ }).first()).toBeVisible();
  });

  test("after fixing the problem, the same form is sent", async ({ page }) => {
    await page.goto(`/dienstverlener/${BERT}/contact`);
    await fillContactForm(page, { phone: "06" });
    await submit(page, "Contact opnemen");
    await expect(page.getByRole("alert")).toBeVisible();
    await page.getByLabel("Wat is uw telefoonnummer?", { exact: true }).fill("0348 412345");
    await submit(page, "Contact opnemen");
    await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is verstuurd" })).toBeVisible();
  });

  test("Nee, annuleren goes back to the profile without sending anything", async ({ page }) => {
    await page.goto(`/dienstverlener/${BERT}/contact`);
    await fillContactForm(page);
    await Promise.all([page.waitForLoadState("load"), page.getByRole("link", { name: "Nee, annuleren" }).click()]);
    await expect(page).toHaveURL(`/dienstverlener/${BERT}`);
    await expect(page.getByRole("heading", { level: 1, name: "Maak kennis met Bert Klinkenberg" })).toBeVisible();
  });

  test("an unknown provider and an unknown request give the 404 page", async ({ page, expectAccessible }) => {
    const form = await page.goto("/dienstverlener/bestaat-niet/contact");
    expect(form?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" })).toBeVisible();
    const sent = await page.goto(`/dienstverlener/${BERT}/contact/verzonden?aanvraag=bestaat-niet`);
    expect(sent?.status()).toBe(404);
    await expectAccessible(page);
  });
});

async function expectValuesKept(page: Page, typed: ContactFormValues) {
  await expect(page.getByLabel("Wat is uw naam?", { exact: true })).toHaveValue(typed.name);
  await expect(page.getByLabel("Wat is uw e-mailadres?", { exact: true })).toHaveValue(typed.email);
  await expect(page.getByLabel("Wat is uw telefoonnummer?", { exact: true })).toHaveValue(typed.phone);
  await expect(page.getByLabel("Wat is uw lidnummer? (optioneel)", { exact: true })).toHaveValue(typed.memberNumber);
  await expect(page.getByLabel("Waar is de hulp nodig?", { exact: true })).toHaveValue(typed.location);
  await expect(page.getByRole("radio", { name: typed.forWhom === "self" ? "Mijzelf" : "Iemand anders" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Telefonisch" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "'s Ochtends" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "'s Avonds" })).not.toBeChecked();
  await expect(page.getByLabel("Wilt u nog iets vertellen? (optioneel)", { exact: true })).toHaveValue("Graag op dinsdag.\nBel eerst even.");
}
