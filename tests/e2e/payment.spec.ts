import { expect, test } from "./support/fixtures";
import { CHECKOUT_URL, chooseAtCheckout, signedInAtBetaling, signUpUntilBetaling, startIdealPayment, uniqueLastName } from "./support/payment";

test.describe("signup: Betaling and Voltooiing", () => {
  // The first journey fills in all six steps before it reaches the payment; the others start at Betaling.
  test.describe.configure({ timeout: 90_000 });

  test("a new provider pays the administration fee with iDEAL and is online at once", async ({ page, expectAccessible }) => {
    const lastName = uniqueLastName();
    await signUpUntilBetaling(page, { firstName: "Bert", lastName, tag: "betaald" });
    const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(menu.getByRole("link", { name: "Mijn aanmelding" })).toHaveAttribute("href", "/aanmelden/verder");

    const fee = page.getByRole("table", { name: "Eenmalige administratiekosten" });
    await expect(fee.getByRole("row")).toHaveText([/Administratiekosten\s*€ 8,26/, /Btw 21%\s*€ 1,74/, /Totaal\s*€ 10,00/]);
    await expectAccessible(page);

    await startIdealPayment(page);
    await expect(page.getByText("€ 10,00")).toBeVisible();
    await chooseAtCheckout(page, "Betaald");

    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dank u wel! Uw profiel staat online" })).toBeVisible();
    const steps = page.getByRole("navigation", { name: "Stappen van de aanmelding" });
    await expect(steps.getByRole("link", { name: /Betaling/ })).toContainText("klaar");
    await expect(steps.locator("[aria-current=step]:visible")).toContainText("Voltooiing");
    await expect(page.getByText(new RegExp(`/dienstverlener/bert-${lastName.toLowerCase()}`))).toBeVisible();
    await expect(page.getByRole("link", { name: "Bekijk de pakketten" })).toHaveAttribute("href", "/pakketten");
    await expect(page.getByRole("link", { name: /Naar de backoffice/ })).toHaveAttribute("href", "/backoffice");
    // Online now: the header's own-pages link leads to the backoffice.
    await expect(menu.getByRole("link", { name: "Mijn Vivium" })).toHaveAttribute("href", "/backoffice");
    await expect(menu.getByRole("link", { name: "Mijn aanmelding" })).toHaveCount(0);
    await expectAccessible(page);

    // Paid once is paid: the Betaling step now leads straight on.
    await page.goto("/aanmelden/betaling");
    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/);

    await page.getByRole("link", { name: "Computerhulp" }).click();
    await expect(page).toHaveURL(/\/categorie\/computerhulp$/);
    await expect(page.getByRole("heading", { level: 2, name: `Bert ${lastName}` })).toBeVisible();

    // The paid fee has an invoice, downloadable as a PDF from the backoffice.
    await page.goto("/backoffice/pakket");
    const invoiceLink = page.getByRole("link", { name: /Download PDF/ });
    await expect(invoiceLink).toHaveCount(1);
    await expectAccessible(page);
    const href = await invoiceLink.getAttribute("href");
    expect(href).toMatch(/^\/backoffice\/facturen\/\d{4}-\d{4,}$/);
    const pdf = await page.request.get(href ?? "");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("a failed payment says so, and Probeer opnieuw starts a new one that can be paid", async ({ page, expectAccessible }) => {
    const { lastName } = await signedInAtBetaling(page, "Truus");

    await startIdealPayment(page);
    const firstCheckout = page.url();
    await chooseAtCheckout(page, "Mislukt");

    await expect(page).toHaveURL(/\/betaling\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "De betaling is niet gelukt" })).toBeVisible();
    await expect(page.getByText("Er is niets van uw rekening afgeschreven.")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Probeer opnieuw" }).click();
    await page.waitForURL(CHECKOUT_URL);
    expect(page.url()).not.toBe(firstCheckout);
    await chooseAtCheckout(page, "Betaald");

    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dank u wel! Uw profiel staat online" })).toBeVisible();
    await page.goto("/categorie/computerhulp");
    await expect(page.getByRole("heading", { level: 2, name: `Truus ${lastName}` })).toBeVisible();
  });

  test("a cancelled payment can be tried again from the Betaling step", async ({ page }) => {
    await signedInAtBetaling(page, "Anja");
    await startIdealPayment(page);
    await chooseAtCheckout(page, "Geannuleerd");
    await expect(page.getByRole("heading", { level: 1, name: "De betaling is geannuleerd" })).toBeVisible();

    await page.getByRole("link", { name: "Terug naar stap 7: Betaling" }).click();
    await expect(page.getByText("U heeft uw vorige betaling geannuleerd.")).toBeVisible();
    await startIdealPayment(page);
    await chooseAtCheckout(page, "Betaald");
    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/);
  });

  test("before the bank confirms, the provider waits on a page that checks again", async ({ page, context, noJs, expectAccessible }) => {
    await signedInAtBetaling(page, "Henk");
    await startIdealPayment(page);

    // Back on the site without choosing anything at the checkout: the payment is still open.
    await page.goto("/aanmelden/betaling");
    await expect(page.getByText("U bent al begonnen met betalen.")).toBeVisible();
    await page.getByRole("link", { name: "Bekijk de status van uw betaling" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "We wachten op de bevestiging van uw bank" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("€ 10,00");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Vernieuwen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "We wachten op de bevestiging van uw bank" })).toBeVisible();

    // The provider pays in another tab.
    const checkoutUrl = await page.getByRole("link", { name: /Ga terug naar iDEAL/ }).getAttribute("href");
    expect(checkoutUrl).toMatch(CHECKOUT_URL);
    const bank = await context.newPage();
    await bank.goto(checkoutUrl!);
    await chooseAtCheckout(bank, "Betaald");
    await bank.close();

    // With JavaScript the waiting page notices by itself; without, "Vernieuwen" does.
    if (noJs) await page.getByRole("link", { name: "Vernieuwen" }).click();
    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/, { timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Dank u wel! Uw profiel staat online" })).toBeVisible();
  });
});
