import { expect, test } from "./support/fixtures";

test.describe("the public profile page", () => {
  test("a visitor meets Bert: prices, werkgebied, dagdelen and the contact button", async ({ page, expectAccessible }) => {
    const response = await page.goto("/dienstverlener/bert-klinkenberg");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("Bert Klinkenberg — Thuiskeepers — Vivium Services");
    await expect(page.getByRole("heading", { level: 1, name: "Maak kennis met Bert Klinkenberg" })).toBeVisible();

    const breadcrumbs = page.getByRole("navigation", { name: "Kruimelpad" });
    await expect(breadcrumbs.getByRole("link", { name: "Startpagina" })).toHaveAttribute("href", "/");
    await expect(breadcrumbs.getByRole("link", { name: "Thuiskeepers" })).toHaveAttribute("href", "/categorie/thuiskeepers");

    const prices = page.getByRole("table", { name: "Diensten en prijzen van Bert Klinkenberg" });
    const row = prices.getByRole("row", { name: /Gezelschap en begeleiding/ });
    await expect(row).toContainText("€ 27,50 per uur");
    await expect(row).toContainText("€ 24,75 per uur");
    await expect(page.getByRole("heading", { name: "Algemene prijsomschrijving" })).toBeVisible();

    const map = page.getByRole("img", { name: "Kaart van het werkgebied van Bert" });
    await expect(map).toBeVisible();
    await expect(page.getByText("Bert komt bij u thuis binnen 15 km van Woerden.", { exact: true })).toBeVisible();
    await expect(page.getByText("Uitvalsbasis van Bert: omgeving Woerden")).toBeVisible();

    const dayparts = page.getByRole("table", { name: "Dagdelen waarop Bert beschikbaar is" });
    await expect(dayparts.getByRole("row", { name: /Maandag/ })).toContainText("beschikbaar");
    await expect(dayparts.getByRole("row", { name: /Zondag/ }).getByText("niet beschikbaar")).toHaveCount(3);

    await expect(page.getByText("Vivium Services belt elke nieuwe dienstverlener voor een kennismaking.")).toBeVisible();
    await expect(page.getByText("Nog geen beoordelingen.")).toBeVisible();

    const contact = page.getByRole("link", { name: "Contact opnemen met Bert" });
    await expect(contact).toHaveCount(2);
    await expect(contact.first()).toHaveAttribute("href", "/dienstverlener/bert-klinkenberg/contact");

    // Private details never reach the page.
    const html = await page.content();
    expect(html).not.toContain("@demo.viviumservices.nl");
    expect(html).not.toMatch(/Dorpsstraat|Kerkstraat|Molenweg|Schoolstraat|Julianalaan/);
    await expectAccessible(page);
  });

  test("an unknown provider shows the friendly 404 page", async ({ page, expectAccessible }) => {
    const response = await page.goto("/dienstverlener/bestaat-niet");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" })).toBeVisible();
    await expectAccessible(page);
  });
});
