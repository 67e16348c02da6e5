import fs from "node:fs/promises";
import type { Page } from "@playwright/test";
import { retryWhenBusy } from "~/server/db.server";
import { sendContactRequest } from "./support/contact";
import { expect, test } from "./support/fixtures";
import { portraitJpeg } from "./support/files";
import { chooseAtCheckout, signUpUntilBetaling, startIdealPayment, uniqueLastName } from "./support/payment";
import { openServerDatabase } from "./support/video";
import { checkDayparts, fillServiceLine, PASSWORD, RADIUS_OPTION, radiusField, serviceLine, signIn, signOut, submit } from "./support/signup";

const SAVED = "Uw wijzigingen zijn opgeslagen.";

/** A fresh provider (this test's alone), signed up, paid and online; returns the sign-in address and the public profile's slug and path. */
async function liveProvider(page: Page, tag: string): Promise<{ email: string; lastName: string; slug: string; profilePath: string }> {
  const lastName = uniqueLastName();
  const { email } = await signUpUntilBetaling(page, { firstName: "Bert", lastName, tag });
  await startIdealPayment(page);
  await chooseAtCheckout(page, "Betaald");
  await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/, { timeout: 15_000 });
  const slug = `bert-${lastName.toLowerCase()}`;
  return { email, lastName, slug, profilePath: `/dienstverlener/${slug}` };
}

/** A request as the own-data export lists it: the contact_requests row, with its history. */
type ExportedContactRequest = {
  public_id: string;
  provider_id: number;
  customer_name: string;
  customer_email: string;
  customer_phone: string;
  message: string | null;
  contact_moments: string[];
  history: { status: string; changed_by: string }[];
};

/** Opens a section from the Instellingen overview by its "Wijzigen" button. */
async function openSection(page: Page, section: string, url: RegExp) {
  await page.goto("/backoffice/instellingen");
  await page.getByRole("region", { name: section }).getByRole("link", { name: /Wijzigen/ }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
}

async function saveSection(page: Page) {
  await submit(page, "Opslaan");
  await expect(page).toHaveURL(/\/backoffice\/instellingen\?opgeslagen=/);
  await expect(page.getByRole("status").filter({ hasText: SAVED })).toBeVisible();
}

test.describe("the backoffice", () => {
  // Each journey first signs a new provider up and pays, through all the wizard's steps.
  test.describe.configure({ timeout: 150_000 });

  test("every settings section saves with the wizard's form, and the public profile and search show the change", async ({ page, expectAccessible }, testInfo) => {
    const { profilePath } = await liveProvider(page, "instellingen");
    const newLastName = uniqueLastName().replace("Betaalt", "Nieuw");

    await page.goto("/backoffice/instellingen");
    await expect(page.getByRole("heading", { level: 1, name: "Instellingen" })).toBeVisible();
    await expect(page.getByRole("link", { name: "E-mailadres en wachtwoord" }).first()).toHaveAttribute("href", "/backoffice/account");
    await expectAccessible(page);

    // Persoonlijke gegevens: a refused value comes back with the error, as in the wizard; then a new last name.
    await openSection(page, "Persoonlijke gegevens", /\/backoffice\/instellingen\/persoonlijk$/);
    await expect(page.getByLabel("Mijn voornaam is")).toHaveValue("Bert");
    await page.getByLabel("Mijn achternaam is").fill(newLastName);
    await page.getByLabel("Mijn telefoonnummer is").fill("12");
    await submit(page, "Opslaan");
    await expect(page.getByRole("alert")).toContainText("Mijn telefoonnummer is");
    await expect(page.getByLabel("Mijn achternaam is")).toHaveValue(newLastName);
    await expectAccessible(page);
    await page.getByLabel("Mijn telefoonnummer is").fill("0610034891");
    await saveSection(page);
    await expectAccessible(page);

    // Bedrijf: a company name that search finds.
    const company = `Klusbedrijf ${newLastName}`;
    await openSection(page, "Bedrijfsgegevens", /\/backoffice\/instellingen\/bedrijf$/);
    await expect(page.getByLabel("Mijn bedrijfsnaam is")).toHaveValue("Klinkenberg Thuishulp");
    await page.getByLabel("Mijn bedrijfsnaam is").fill(company);
    await expectAccessible(page);
    await saveSection(page);

    // Profiel en foto: a new introduction text and a photo.
    await openSection(page, "Profiel en foto", /\/backoffice\/instellingen\/profiel$/);
    const intro = `Vriendelijke hulp aan huis, nu ook in het weekend (${newLastName}).`;
    await page.getByLabel("Introductietekst", { exact: true }).fill(intro);
    await page.getByLabel(/^Kies een (nieuwe )?foto$/).setInputFiles(await portraitJpeg(testInfo));
    await expectAccessible(page);
    await saveSection(page);

    // Werkgebied en dagdelen: from heel Nederland to 15 km, and Zaterdag ochtend added.
    await openSection(page, "Werkgebied en dagdelen", /\/backoffice\/instellingen\/werkgebied$/);
    await page.getByLabel(RADIUS_OPTION, { exact: true }).check();
    await radiusField(page).fill("15");
    await checkDayparts(page, ["Zaterdag ochtend"]);
    await expectAccessible(page);
    await saveSection(page);

    // Diensten en prijzen: the service renamed and repriced.
    await openSection(page, "Diensten en prijzen", /\/backoffice\/instellingen\/diensten$/);
    await expect(serviceLine(page, 0).getByLabel("Ik bied de volgende dienst aan")).toHaveValue("Hulp bij de computer");
    await fillServiceLine(page, 0, { name: "Tablethulp aan huis", price: "32,50" });
    await expectAccessible(page);
    await saveSection(page);

    await page.goto(profilePath);
    await expect(page.getByRole("heading", { level: 1, name: `Maak kennis met Bert ${newLastName}` })).toBeVisible();
    await expect(page.getByText(intro)).toBeVisible();
    await expect(page.getByRole("img", { name: `Foto van Bert ${newLastName}` })).toBeVisible();
    await expect(page.getByRole("paragraph").filter({ hasText: "Bert komt bij u thuis binnen 15 km van Woerden" })).toBeVisible();
    const saturday = page.getByRole("table", { name: /Dagdelen waarop Bert beschikbaar is/ }).getByRole("row", { name: /Zaterdag/ });
    await expect(saturday.getByRole("cell").first()).toHaveText("✓beschikbaar");
    const services = page.getByRole("table", { name: /Diensten en prijzen van/ });
    await expect(services).toContainText("Tablethulp aan huis");
    await expect(services).toContainText("€ 32,50");
    await expect(services).not.toContainText("Hulp bij de computer");

    await page.goto(`/zoeken?wat=${encodeURIComponent(newLastName.toLowerCase())}`);
    await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { name: `Bert ${newLastName}` }) })).toBeVisible();
    await page.goto(`/zoeken?wat=${encodeURIComponent("tablethulp")}`);
    await expect(page.getByRole("heading", { name: `Bert ${newLastName}` })).toBeVisible();
  });

  test("the dashboard's statistics, the tips, the payments, the data export with the provider's own contact request and deleting the account", async ({
    page,
    expectAccessible,
  }, testInfo) => {
    const { email, lastName, slug, profilePath } = await liveProvider(page, "mijn-gegevens");
    // Figures to show: a brand-new provider gets "Nog geen gegevens" (a component test), or some
    // search appearance from another test's search; three profile views today make it certain.
    const database = openServerDatabase();
    try {
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
      const { id } = await database.db.selectFrom("providers").select("id").where("email", "=", email).executeTakeFirstOrThrow();
      await retryWhenBusy(() =>
        database.db
          .insertInto("provider_daily_stats")
          .values({ provider_id: id, day: today, profile_views: 3 })
          .onConflict((oc) => oc.columns(["provider_id", "day"]).doUpdateSet((eb) => ({ profile_views: eb("provider_daily_stats.profile_views", "+", 3) })))
          .execute(),
      );
    } finally {
      await database.close();
    }

    await page.goto("/backoffice");
    await expect(page.getByRole("heading", { level: 1, name: "Welkom, Bert" })).toBeVisible();
    await expect(page.getByRole("link", { name: "hints en tips" }).first()).toHaveAttribute("href", "/backoffice/tips");
    await expect(page.getByRole("link", { name: "instellingen" }).first()).toHaveAttribute("href", "/backoffice/instellingen");
    const table = page.getByRole("table", { name: /Statistieken per maand/ });
    await expect(table.getByRole("columnheader")).toHaveText(["Maand", "Contactverzoeken", "Gemaakte afspraken", "Gemiddelde rating", "Profiel bekeken", "In zoekresultaten"]);
    await expect(table.getByRole("row")).toHaveCount(13);
    await expect(page.getByRole("img", { name: /Contactverzoeken per maand/ })).toBeVisible();
    // On a phone the month names and numbers stay readable: 14 px or more as drawn.
    await page.setViewportSize({ width: 390, height: 844 });
    const smallestText = await page.locator(".stats-chart__svg text").evaluateAll((texts) =>
      Math.min(...texts.map((text) => (text as SVGTextElement).getScreenCTM()!.a * parseFloat(getComputedStyle(text).fontSize))),
    );
    expect(smallestText).toBeGreaterThanOrEqual(14);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Mijn omgeving" }).getByRole("link", { name: "Tips" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Hints en tips/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Diensten en prijzen aanpassen" })).toHaveAttribute("href", "/backoffice/instellingen/diensten");
    await expectAccessible(page);

    await page.goto("/backoffice/pakket");
    const payments = page.getByRole("table").filter({ hasText: "Omschrijving" });
    await expect(payments.getByRole("row").nth(1)).toContainText("Betaald");
    await expect(payments.getByRole("row").nth(1)).toContainText("€ 10,00");
    await expect(payments.getByRole("link", { name: /Factuur/ })).toHaveAttribute("href", /^\/backoffice\/facturen\/\d{4}-\d{4}$/);
    await expectAccessible(page);

    // A photo on the public profile, to see it go with the account.
    await page.goto("/backoffice/instellingen/profiel");
    await page.getByLabel(/^Kies een (nieuwe )?foto$/).setInputFiles(await portraitJpeg(testInfo));
    await saveSection(page);
    await page.goto(profilePath);
    const photoSrc = await page.getByRole("img", { name: `Foto van Bert ${lastName}` }).getAttribute("src");
    expect(photoSrc).toMatch(/^\/foto\//);
    expect((await page.request.get(photoSrc!)).status()).toBe(200);

    // Signed out, a customer asks this provider for contact, and another customer asks another provider.
    await signOut(page);
    const sent = await sendContactRequest(page, slug, {
      name: `Greet Klant ${lastName}`,
      message: `Wie helpt mij met mijn nieuwe tablet? (${lastName})`,
      contactMoments: ["middag", "avond"],
    });
    const elsewhere = await sendContactRequest(page, "kees-bakker", {
      name: `Andere Klant ${lastName}`,
      message: `Deze vraag is voor iemand anders (${lastName}).`,
    });
    await signIn(page, email);
    await expect(page).not.toHaveURL(/\/inloggen/);

    await page.goto("/backoffice/mijn-gegevens");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn gegevens" })).toBeVisible();
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download mijn gegevens" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vivium-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await fs.readFile((await download.path())!, "utf8")) as {
      profile: { id: number; last_name: string };
      services: { name: string }[];
      payments: { status: string }[];
      contactRequests: ExportedContactRequest[];
    };
    expect(exported.profile.last_name).toBe(lastName);
    expect(exported.services.map((service) => service.name)).toEqual(["Hulp bij de computer"]);
    expect(exported.payments.map((payment) => payment.status)).toEqual(["paid"]);
    expect(exported.contactRequests).toHaveLength(1);
    expect(exported.contactRequests[0]).toMatchObject({
      public_id: sent.publicId,
      provider_id: exported.profile.id,
      customer_name: sent.name,
      customer_email: sent.email,
      customer_phone: "+31612345678",
      message: sent.message,
      contact_moments: ["middag", "avond"],
      history: [{ status: "new", changed_by: "customer" }],
    });
    // Nothing of the request to the other provider, in any field.
    const text = JSON.stringify(exported);
    for (const value of [elsewhere.publicId, elsewhere.name, elsewhere.email, elsewhere.message]) expect(text).not.toContain(value);

    // Deleting asks for the password and the tick.
    await page.getByLabel("Uw huidige wachtwoord").fill(PASSWORD);
    await submit(page, "Account definitief verwijderen");
    await expect(page.getByRole("alert")).toContainText("Bevestiging");
    await expectAccessible(page);
    await page.getByLabel("Uw huidige wachtwoord").fill("niet-mijn-wachtwoord");
    await page.getByLabel("Ja, verwijder mijn account en mijn gegevens definitief").check();
    await submit(page, "Account definitief verwijderen");
    await expect(page.getByRole("alert")).toContainText("niet uw huidige wachtwoord");
    await page.getByLabel("Uw huidige wachtwoord").fill(PASSWORD);
    await page.getByLabel("Ja, verwijder mijn account en mijn gegevens definitief").check();
    await submit(page, "Account definitief verwijderen");
    await expect(page).toHaveURL(/\/account-verwijderd$/);
    await expect(page.getByRole("heading", { level: 1, name: "Uw account is verwijderd" })).toBeVisible();
    await expectAccessible(page);

    expect((await page.request.get(profilePath)).status()).toBe(404);
    expect((await page.request.get(photoSrc!)).status()).toBe(404);
    await page.goto("/backoffice");
    await expect(page).toHaveURL(/\/inloggen/);
  });
});
