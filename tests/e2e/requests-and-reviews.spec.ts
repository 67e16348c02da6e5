import { sendContactRequest } from "./support/contact";
import { expect, test } from "./support/fixtures";
import { createLiveProvider } from "./support/providers";
import { signIn, submit, uniqueEmail } from "./support/signup";

/**
 * From a contact request to a published review: the customer sends a request,
 * the provider handles it in the backoffice, the customer follows the link
 * in the e-mail and writes a review that shows on the profile. The provider
 * is made for this test alone.
 */
test("a handled request leads to a review on the profile, and the link works once", async ({ page, noJs, expectAccessible }) => {
  test.setTimeout(90_000);
  const provider = {
    ...(await createLiveProvider({ firstName: "Ria", lastName: "Jansen", place: "Rotterdam", categories: ["Pedicures (medisch)"], coverage: { mode: "radius", radiusKm: 12 } })),
    location: "Rotterdam",
  };
  const customerName = `Truus Testklant ${noJs ? "Zonder" : "Met"}`;
  const email = uniqueEmail("beoordeling");

  // The customer asks for contact from the profile.
  await sendContactRequest(page, provider.slug, { name: customerName, email, location: provider.location, memberNumber: "" });

  // The provider signs in and finds the request.
  await signIn(page, provider.email, provider.password);
  // Wherever signing in lands (the welcome page, or a signup step still to look at), the backoffice is open now.
  await expect(page).not.toHaveURL(/\/inloggen/);
  await page.goto("/backoffice");
  await expect(page.getByText(/wacht(en)? op uw reactie/)).toBeVisible();
  await page.getByRole("navigation", { name: "Mijn omgeving" }).getByRole("link", { name: /^Aanvragen/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanvragen" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Aanvraag van ${customerName}` }) });
  await expect(item).toContainText("Nieuw");
  await expect(item).toContainText("Reageren vóór");
  await expectAccessible(page);

  await item.getByRole("link", { name: `Aanvraag van ${customerName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Aanvraag van ${customerName}` })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText("Voor zichzelf")).toBeVisible();
  await expectAccessible(page);

  await submit(page, "In behandeling nemen");
  await expect(page.getByRole("status")).toContainText("In behandeling");
  await expect(page.getByRole("button", { name: "In behandeling nemen" })).toHaveCount(0);

  // Afhandelen without an outcome says what is missing.
  await submit(page, "Afhandelen");
  const summary = page.getByRole("alert").filter({ hasText: "om aan te passen" });
  await expect(summary).toContainText("Kies of u de klant heeft geholpen of niet");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "Geholpen: de afspraak is geweest" }).check();
  await submit(page, "Afhandelen");
  await expect(page.getByRole("status")).toContainText("De aanvraag is afgehandeld");
  await expect(page.getByText("Afgehandeld: geholpen").first()).toBeVisible();
  const history = page.getByRole("list").filter({ hasText: "Aanvraag ontvangen" });
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await expectAccessible(page);

  // The customer's invitation, as captured by the development mailbox.
  await page.goto("/dev/mail");
  await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: `Hoe was uw ervaring met ${provider.name}?` }).click();
  const link = await page.getByRole("region", { name: "Links in dit bericht" }).getByRole("link", { name: /\/beoordeling\// }).getAttribute("href");
  expect(link).toMatch(/\/beoordeling\/[A-Za-z0-9_-]{43}$/);
  const reviewPath = new URL(link!).pathname;

  // The customer writes the review.
  await page.goto(reviewPath);
  await expect(page.getByRole("heading", { level: 1, name: `Hoe was uw ervaring met ${provider.name}?` })).toBeVisible();
  await expect(page.getByLabel("Welke naam mogen wij tonen?")).toHaveValue("Truus");
  await expectAccessible(page);

  await page.getByLabel("Hoe ging het?").fill("Kort");
  await submit(page, "Beoordeling plaatsen");
  const errors = page.getByRole("alert").filter({ hasText: "om aan te passen" });
  await expect(errors).toContainText("Kies hoeveel sterren u geeft");
  await expect(errors).toContainText("Schrijf minstens 10 tekens");
  await expect(page.getByLabel("Hoe ging het?")).toHaveValue("Kort");
  await expectAccessible(page);

  const text = `${provider.name} kwam precies op tijd en hielp heel vriendelijk (${noJs ? "zonder" : "met"} JavaScript).`;
  await page.getByRole("radio", { name: "4 sterren" }).check();
  await page.getByLabel("Hoe ging het?").fill(text);
  await page.getByLabel("Welke naam mogen wij tonen?").fill("Truus T.");
  await submit(page, "Beoordeling plaatsen");
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor uw beoordeling" })).toBeVisible();
  await expectAccessible(page);

  // The review and the average on the profile.
  await page.getByRole("link", { name: "Bekijk uw beoordeling op het profiel" }).click();
  const reviews = page.getByRole("region", { name: "Beoordelingen" });
  await expect(reviews.getByText(text)).toBeVisible();
  await expect(reviews.getByText("Truus T.", { exact: false })).toBeVisible();
  await expect(reviews).toContainText("4 van 5 sterren, 1 beoordeling");
  await expectAccessible(page);

  // A second use of the link is refused.
  const again = await page.goto(reviewPath);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "4 sterren" })).toHaveCount(0);
  await expectAccessible(page);
});
