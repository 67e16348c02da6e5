import { expect, test } from "./support/fixtures";
import { fillAanmelding, fillBedrijf, fillPersoonlijk, PASSWORD, signIn, signOut, submit, uniqueEmail } from "./support/signup";

test.describe("signup: account and first steps", () => {
  test("a new provider creates an account and fills Persoonlijk and Bedrijf", async ({ page, expectAccessible }) => {
    await page.goto("/aanmelden");
    await expect(page.getByRole("heading", { level: 1, name: "Word dienstverlener" })).toBeVisible();
    // What signup takes and costs, before the payment step asks for it.
    await expect(page.getByRole("heading", { level: 2, name: "In drie stappen online" })).toBeVisible();
    await expect(page.getByText("U betaalt eenmalig € 10,00 administratiekosten met iDEAL.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Wat heeft u nodig?" })).toBeVisible();
    await expect(page.getByText("Een KvK-nummer: u staat ingeschreven bij de Kamer van Koophandel.")).toBeVisible();
    await expect(page.getByText("Een Verklaring omtrent het gedrag (VOG). Die vraagt u aan bij uw gemeente.")).toBeVisible();
    const steps = page.getByRole("navigation", { name: "Stappen van de aanmelding" });
    await expect(steps.getByRole("listitem")).toHaveText([
      /Aanmelding/, /Persoonlijk/, /Bedrijf/, /Profiel/, /Beschikbaarheid/, /Diensten & prijzen/, /Betaling/, /Voltooiing/,
    ]);
    await expect(steps.locator("[aria-current=step]:visible")).toContainText("Aanmelding");
    await expectAccessible(page);

    await fillAanmelding(page, { firstName: "Bert", email: uniqueEmail("stappen") });
    await expect(page.getByText("Hallo Bert")).toBeVisible();
    await expect(steps.getByRole("link", { name: /Aanmelding/ })).toContainText("klaar");
    await expectAccessible(page);

    // The woonplaats is left empty: the server fills it in from the postcode.
    await fillPersoonlijk(page, { lastName: "Klinkenberg" });
    await expectAccessible(page);
    await fillBedrijf(page);

    await page.getByRole("link", { name: /Persoonlijk/ }).click();
    await expect(page.getByLabel("Ik woon in")).toHaveValue("Woerden");
    await expect(page.getByLabel("Mijn postcode")).toHaveValue("3447 GT");
    await expect(page.getByLabel("Mijn telefoonnummer is")).toHaveValue("06\u00a010\u00a003\u00a048\u00a091");
    await expect(page.getByLabel("Ik ben geboren op")).toHaveValue("7 september 1962");
    await page.getByRole("link", { name: /Bedrijf/ }).click();
    await expect(page.getByLabel("Mijn KvK-nummer is")).toHaveValue("12345678");

    // On a phone the eight steps fold into one line, so the form starts on the first screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const folded = steps.getByText("Stap 3 van 8: Bedrijf");
    await expect(folded).toBeVisible();
    await expect(steps.getByRole("link", { name: /Persoonlijk/ })).toBeHidden();
    // The step's first question is on the first screen, with room below it.
    const question = await page.getByRole("main").locator("form").getByRole("group").first().boundingBox();
    expect(question!.y + question!.height).toBeLessThan(700);
    await folded.click();
    await expect(steps.getByRole("link", { name: /Persoonlijk/ })).toBeVisible();
    await expectAccessible(page);
  });

  test("a step with errors comes back with everything typed, a summary and messages at the fields", async ({ page, noJs, expectAccessible }) => {
    await page.goto("/aanmelden");
    await page.getByLabel("Cursussen & Activiteiten").check();
    await page.getByLabel("Wat is uw voornaam?").fill("Truus");
    await page.getByLabel("Wat is uw e-mailadres?").fill("truus@voorbeeld");
    await page.getByLabel("Kies een wachtwoord").fill("wachtwoord");
    await submit(page, /Start/);

    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Wat is uw e-mailadres?");
    await expect(summary).toContainText("Kies een wachtwoord");
    await expect(summary).toContainText("algemene voorwaarden");
    await expect(page.getByLabel("Wat is uw voornaam?")).toHaveValue("Truus");
    await expect(page.getByLabel("Wat is uw e-mailadres?")).toHaveValue("truus@voorbeeld");
    await expect(page.getByLabel("Wat is uw e-mailadres?")).toHaveAttribute("aria-invalid", "true");
    // The server never sends a password back; with JavaScript the browser simply keeps the field as it was.
    if (noJs) await expect(page.getByLabel("Kies een wachtwoord")).toHaveValue("");
    await expect(page.getByLabel("Cursussen & Activiteiten")).toBeChecked();
    await summary.getByRole("link", { name: /Wat is uw e-mailadres/ }).click();
    if (noJs) await expect(page).toHaveURL(/#email$/);
    else await expect(page.getByLabel("Wat is uw e-mailadres?")).toBeFocused();
    // The errors and typed values are still there after following the link.
    await expect(page.getByLabel("Wat is uw voornaam?")).toHaveValue("Truus");
    await expect(summary).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Wat is uw e-mailadres?").fill(uniqueEmail("fouten"));
    await page.getByLabel("Kies een wachtwoord").fill(PASSWORD);
    await page.getByLabel(/Ik ga akkoord/).check();
    await submit(page, /Start/);
    await expect(page).toHaveURL(/\/aanmelden\/persoonlijk$/);

    await page.getByLabel("Mijn achternaam is").fill("Willems");
    await page.getByLabel("Mijn telefoonnummer is").fill("12345");
    await page.getByLabel("Ik ben geboren op").fill("1-1-2015");
    await page.getByLabel("Mijn postcode").fill("0123 AB");
    await submit(page, /Volgende stap/);
    await expect(page.getByRole("alert")).toContainText("Mijn telefoonnummer is");
    await expect(page.getByText("U moet 18 jaar of ouder zijn").first()).toBeVisible();
    await expect(page.getByLabel("Mijn achternaam is")).toHaveValue("Willems");
    await expect(page.getByLabel("Ik ben geboren op")).toHaveValue("1-1-2015");
    await expectAccessible(page);
  });

  test("an e-mail address can be used once, in any capitals", async ({ page }) => {
    const email = uniqueEmail("dubbel");
    await fillAanmelding(page, { firstName: "Anja", email });
    await signOut(page);
    await page.goto("/aanmelden");
    await page.getByLabel("Diensten aan huis").check();
    await page.getByLabel("Wat is uw voornaam?").fill("Anja");
    await page.getByLabel("Wat is uw e-mailadres?").fill(email.toUpperCase());
    await page.getByLabel("Kies een wachtwoord").fill(PASSWORD);
    await page.getByLabel(/Ik ga akkoord/).check();
    await submit(page, /Start/);
    await expect(page.getByText("Er is al een account met dit e-mailadres").first()).toBeVisible();
  });

  test("signing out and in again resumes at the first unfinished step", async ({ page, expectAccessible }) => {
    const email = uniqueEmail("hervat");
    await fillAanmelding(page, { firstName: "Ria", email });
    await fillPersoonlijk(page, { lastName: "Jansen" });
    await signOut(page);
    await page.goto("/aanmelden/bedrijf");
    await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Faanmelden%2Fbedrijf$/);

    await page.goto("/inloggen");
    await expectAccessible(page);
    await signIn(page, email, "niet-het-goede-wachtwoord");
    await expect(page.getByRole("alert")).toContainText("Het e-mailadres of het wachtwoord klopt niet");
    await expect(page.getByLabel("Wat is uw e-mailadres?")).toHaveValue(email);
    await signIn(page, "onbekend@example.nl", PASSWORD);
    await expect(page.getByRole("alert")).toContainText("Het e-mailadres of het wachtwoord klopt niet");

    await signIn(page, email.toUpperCase());
    await expect(page).toHaveURL(/\/aanmelden\/bedrijf$/);
    await expect(page.getByText("Hallo Ria")).toBeVisible();
    await fillBedrijf(page);
  });

  test("steps cannot be skipped and another provider's data is never shown", async ({ page, browser }) => {
    const email = uniqueEmail("a");
    await fillAanmelding(page, { firstName: "Annelies", email });
    await page.goto("/aanmelden/diensten");
    await expect(page).toHaveURL(/\/aanmelden\/persoonlijk$/);
    await fillPersoonlijk(page, { lastName: "Eerste" });

    const other = await browser.newContext({ javaScriptEnabled: false });
    const pageB = await other.newPage();
    await fillAanmelding(pageB, { firstName: "Bram", email: uniqueEmail("b") });
    await pageB.goto("/aanmelden/persoonlijk");
    await expect(pageB.getByLabel("Mijn achternaam is")).toHaveValue("");
    await expect(pageB.getByLabel("Mijn voornaam is")).toHaveValue("Bram");
    // B posting a step changes B's own record only.
    const response = await pageB.request.post("/aanmelden/persoonlijk", {
      form: { firstName: "Bram", lastName: "Tweede", phone: "0610034891", gender: "man", birthDate: "1-1-1970", postcode: "3447 GT", houseNumber: "1", street: "Straat", city: "Woerden" },
    });
    expect(response.status()).toBe(200);
    await page.reload();
    await page.goto("/aanmelden/persoonlijk");
    await expect(page.getByLabel("Mijn achternaam is")).toHaveValue("Eerste");
    await other.close();
  });
});
