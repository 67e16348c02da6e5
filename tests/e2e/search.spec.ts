import { expect, test } from "./support/fixtures";

/** The count heading for any number of results, its verb agreeing: "Er is 1 dienstverlener … komt", "Er zijn 3 dienstverleners … komen". */
const foundNear = (what: string, place: string) =>
  new RegExp(`^(Er is 1 dienstverlener gevonden${what} die bij ${place} komt|Er zijn (?:[2-9]|[1-9][\\d.]+) dienstverleners gevonden${what} die bij ${place} komen)\\.$`);

test.describe("search", () => {
  test("a visitor searches for computerhulp near 3511 AB from the home page", async ({ page, expectAccessible }) => {
    await page.goto("/");
    const form = page.getByRole("search", { name: "Zoek een dienstverlener" });
    await form.getByLabel("Wat zoekt u?").fill("computerhulp");
    await form.getByLabel("Waar?").fill("3511 AB");
    await expectAccessible(page);
    await form.getByRole("button", { name: "Zoeken" }).click();

    await expect(page).toHaveURL(/\/zoeken\?wat=computerhulp&waar=3511\+AB$/);
    await expect(page).toHaveTitle(/computerhulp.*3511 AB/);
    await expect(page.getByRole("heading", { level: 2, name: foundNear(" voor “computerhulp”", "3511 AB") })).toBeVisible();
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Annelies de Vries" }) });
    await expect(card).toBeVisible();
    await expect(card.getByText("Computerhulp", { exact: true })).toBeVisible();
    await expect(card.getByText(/Afstand: \d+,\d km/)).toBeVisible();
    await expect(card.getByText("Nog geen beoordelingen")).toBeVisible();
    await expect(card.getByText(/Vanaf € \d+,\d\d per (uur|keer)/)).toBeVisible();
    await expect(page.getByLabel("Wat zoekt u?")).toHaveValue("computerhulp");
    await expectAccessible(page);

    await card.getByRole("link", { name: "Annelies de Vries", exact: true }).click();
    await expect(page).toHaveURL(/\/dienstverlener\/[a-z0-9-]+$/);
  });

  test("a customer searches kapper near 3447 GT and opens the thuiskapper's profile", async ({ page, expectAccessible }) => {
    await page.goto("/");
    const form = page.getByRole("search", { name: "Zoek een dienstverlener" });
    await form.getByLabel("Wat zoekt u?").fill("kapper");
    await form.getByLabel("Waar?").fill("3447 GT");
    await expectAccessible(page);
    await form.getByRole("button", { name: "Zoeken" }).click();

    await expect(page).toHaveURL(/\/zoeken\?wat=kapper&waar=3447\+GT$/);
    await expect(page.getByRole("heading", { level: 2, name: foundNear(" voor “kapper”", "3447 GT") })).toBeVisible();
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Daphne Rijnders" }) });
    await expect(card).toBeVisible();
    await expect(card.getByText("Kapper aan huis", { exact: true })).toBeVisible();
    await expect(card.getByText(/Uw kapper aan huis/)).toBeVisible();
    // Harmelen (3481) to 3447 GT in Woerden.
    await expect(card.getByText("Afstand: 4,9 km", { exact: true })).toBeVisible();
    await expect(card.getByText("Vanaf € 19,50 per dienst (leden: € 17,55 per dienst)")).toBeVisible();
    await expectAccessible(page);

    await card.getByRole("link", { name: "Daphne Rijnders", exact: true }).click();
    await expect(page).toHaveURL(/\/dienstverlener\/daphne-rijnders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Maak kennis met Daphne Rijnders" })).toBeVisible();
    const breadcrumbs = page.getByRole("navigation", { name: "Kruimelpad" });
    await expect(breadcrumbs.getByRole("link", { name: "Kapper aan huis" })).toHaveAttribute("href", "/categorie/kapper-aan-huis");

    const row = page.getByRole("table", { name: "Diensten en prijzen van Daphne Rijnders" }).getByRole("row", { name: /Knippen dames/ });
    await expect(row).toContainText("€ 27,50 per dienst");
    await expect(row).toContainText("€ 24,75 per dienst");

    await expect(page.getByRole("img", { name: "Kaart van het werkgebied van Daphne" })).toBeVisible();
    await expect(page.getByText("Daphne komt bij u thuis binnen 15 km van Harmelen.", { exact: true })).toBeVisible();
    const contact = page.getByRole("link", { name: "Contact opnemen met Daphne" });
    await expect(contact.first()).toBeVisible();
    await expect(contact.first()).toHaveAttribute("href", "/dienstverlener/daphne-rijnders/contact");
    await expectAccessible(page);
  });

  test("filters narrow the results and pages link to each other", async ({ page, expectAccessible }) => {
    await page.goto("/zoeken?waar=Utrecht");
    const filters = page.getByRole("form", { name: "Resultaten filteren" });
    await filters.getByLabel("Soort hulp").selectOption("computerhulp");
    await filters.getByRole("button", { name: "Filters toepassen" }).click();
    await expect(page).toHaveURL(/categorie=computerhulp/);
    await expect(page.getByRole("heading", { name: "Annelies de Vries" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Kees Bakker" })).toHaveCount(0);
    await expectAccessible(page);

    // Other journeys add, pause and suspend providers on the same server: the number of pages may vary, not the paging.
    await page.goto("/zoeken?dagdeel=ochtend");
    await expect(page.getByText(/^Pagina 1 van [2-9]$/)).toBeVisible();
    await page.getByRole("link", { name: "Volgende pagina" }).click();
    await expect(page).toHaveURL(/dagdeel=ochtend&pagina=2/);
    await expect(page.getByText(/^Pagina 2 van [2-9]$/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Vorige pagina" })).toBeVisible();
    await expectAccessible(page);
  });

  test("an unknown place is named, with close place names to choose from", async ({ page, expectAccessible }) => {
    await page.goto("/zoeken?wat=pedicure&waar=Utrect");
    await expect(page.getByRole("heading", { name: "Wij kennen de plaats “Utrect” niet" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Utrecht", exact: true }).click();
    await expect(page).toHaveURL(/waar=Utrecht/);
    await expect(page.getByLabel("Waar?")).toHaveValue("Utrecht");

    // One typo in a place name: the one place it must be.
    await page.goto("/zoeken?wat=kapper&waar=Harmlen");
    await expect(page.getByText("Bedoelde u Harmelen?")).toBeVisible();
    await page.getByRole("link", { name: "Harmelen", exact: true }).click();
    await expect(page.getByLabel("Waar?")).toHaveValue("Harmelen");

    await page.goto("/zoeken?waar=1004+AB");
    await expect(page.getByRole("heading", { name: "Deze postcode kennen wij niet: 1004 AB" })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/zoeken?waar=3447+G");
    await expect(page.getByRole("heading", { name: "Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 3447 GT" })).toBeVisible();
  });

  test("no results says so and offers the nearest providers", async ({ page, expectAccessible }) => {
    // Glazenwassers: no other journey signs up in this category (the payment
    // journeys add nationwide computerhulp providers), so Maastricht stays empty.
    await page.goto("/zoeken?waar=Maastricht&categorie=glazenwassers");
    await expect(page.getByRole("heading", { name: /Er zijn geen dienstverleners gevonden/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Dienstverleners die het dichtst bij wonen" })).toBeVisible();
    // Nearest first: Dirk Hendriks ('s-Hertogenbosch) before Henk van Dijk (Groningen).
    await expect(page.getByRole("heading", { name: "Dirk Hendriks" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a typo is corrected and said: pedicuure near Woerden finds the medical pedicure", async ({ page, expectAccessible }) => {
    await page.goto("/");
    const form = page.getByRole("search", { name: "Zoek een dienstverlener" });
    await form.getByLabel("Wat zoekt u?").fill("pedicuure");
    await form.getByLabel("Waar?").fill("Woerden");
    await form.getByRole("button", { name: "Zoeken" }).click();

    await expect(page.getByText("Resultaten voor pedicure (u typte pedicuure).", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: foundNear(" voor “pedicure”", "Woerden") })).toBeVisible();
    // What was typed stays in the box.
    await expect(page.getByLabel("Wat zoekt u?")).toHaveValue("pedicuure");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Hanneke Bos", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Maak kennis met Hanneke Bos" })).toBeVisible();
  });

  test("a place typed with the service is the place searched: pedicure in Woerden", async ({ page, expectAccessible }) => {
    await page.goto("/zoeken?wat=pedicure+in+Woerden");
    await expect(page.getByText("Wij zoeken dienstverleners die in Woerden komen.", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: foundNear(" voor “pedicure”", "Woerden") })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Hanneke Bos" })).toBeVisible();
    await expectAccessible(page);
  });

  test("nobody comes to Harmelen for a pedicure: the nearest pedicure is offered with distance and where she comes, then her contact form", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto("/zoeken?wat=pedicure&waar=Harmelen");
    await expect(page.getByRole("heading", { name: /Er zijn geen dienstverleners gevonden voor “pedicure” die bij Harmelen komen/ })).toBeVisible();
    const nearest = page.getByRole("region", { name: "Dienstverleners die het dichtst bij wonen" });
    const card = nearest.getByRole("article").filter({ has: page.getByRole("heading", { name: "Hanneke Bos" }) });
    await expect(card.getByText(/^Woont \d+,\d km van Harmelen$/)).toBeVisible();
    await expect(card.getByText(/^Komt in Montfoort, Woerden, IJsselstein en Oudewater$/)).toBeVisible();
    // Only pedicures: the same search, not whoever lives nearest.
    await expect(nearest.getByRole("article").filter({ hasNotText: /Pedicures/ })).toHaveCount(0);
    const help = page.getByRole("region", { name: "Wij helpen u zoeken" });
    await expect(help.getByRole("link", { name: "Help mij zoeken" })).toHaveAttribute("href", "/hulp-bij-zoeken?wat=pedicure&waar=Harmelen");
    await expectAccessible(page);

    await card.getByRole("link", { name: "Hanneke Bos", exact: true }).click();
    await page.getByRole("link", { name: "Contact opnemen met Hanneke" }).first().click();
    await expect(page).toHaveURL(/\/dienstverlener\/hanneke-bos\/contact$/);
    await expectAccessible(page);
  });

  test("a category page filters by location", async ({ page, expectAccessible }) => {
    await page.goto("/categorie/computerhulp");
    await expect(page.getByRole("heading", { level: 2, name: "Annelies de Vries" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Ahmed Bouzid" })).toBeVisible();
    await page.getByLabel("Waar?").fill("3511 AB");
    await page.getByRole("button", { name: "Toon wie bij mij komt" }).click();
    await expect(page).toHaveURL(/\/categorie\/computerhulp\?waar=3511\+AB$/);
    await expect(page.getByText(/^(1 dienstverlener in deze categorie die bij 3511 AB komt|(?:[2-9]|[1-9][\d.]+) dienstverleners in deze categorie die bij 3511 AB komen)\.$/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Annelies de Vries" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Ahmed Bouzid" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link", { name: "Startpagina" })).toBeVisible();
    await expectAccessible(page);
  });
});
