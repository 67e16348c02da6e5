import { expect, type Page } from "@playwright/test";
import { createProviderAtPayment } from "./providers";
import { fillAanmelding, fillBedrijf, fillBeschikbaarheid, fillDiensten, fillPersoonlijk, fillProfiel, signIn, uniqueEmail } from "./signup";

/** The gateway's checkout page for one payment: `http://127.0.0.1:<port>/checkout/tr_…`. */
export const CHECKOUT_URL = /^http:\/\/127\.0\.0\.1:\d+\/checkout\/tr_[A-Za-z0-9]+$/;

export type CheckoutChoice = "Betaald" | "Mislukt" | "Geannuleerd" | "Verlopen";

/** A last name no other journey uses, so the provider can be picked out on a public page. */
export function uniqueLastName(): string {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  return `Betaalt${letters}`;
}

/** A new provider through steps 1–6, ending on Betaling. Offers Computerhulp nationwide. Returns the e-mail address to sign in with. */
export async function signUpUntilBetaling(page: Page, values: { firstName: string; lastName: string; tag: string }): Promise<{ email: string }> {
  const email = uniqueEmail(values.tag);
  await fillAanmelding(page, { firstName: values.firstName, email });
  await fillPersoonlijk(page, { lastName: values.lastName });
  await fillBedrijf(page);
  await fillProfiel(page);
  await fillBeschikbaarheid(page, { werkgebied: "nationwide", dayparts: ["Maandag ochtend", "Woensdag middag"] });
  await fillDiensten(page, { categories: ["Computerhulp"], services: [{ name: "Hulp bij de computer", price: "25" }] });
  await expect(page.getByRole("heading", { level: 1, name: "Stap 7: Betaling" })).toBeVisible();
  return { email };
}

/**
 * A provider made in the database with steps 1–6 filled in (Computerhulp,
 * heel Nederland), signed in on this page and on Betaling. For journeys that
 * start at the payment; the first journey of payment.spec walks every step.
 */
export async function signedInAtBetaling(page: Page, firstName: string): Promise<{ name: string; lastName: string; email: string; slug: string }> {
  const lastName = uniqueLastName();
  const provider = await createProviderAtPayment({ firstName, lastName, place: "Woerden", categories: ["Computerhulp"], coverage: { mode: "nationwide" } });
  await signIn(page, provider.email, provider.password);
  await expect(page).toHaveURL(/\/aanmelden\/betaling$/);
  await expect(page.getByRole("heading", { level: 1, name: "Stap 7: Betaling" })).toBeVisible();
  return { name: provider.name, lastName, email: provider.email, slug: provider.slug };
}

/** "Betalen met iDEAL": our page passes the browser on to the gateway's checkout (with or without JavaScript). */
export async function startIdealPayment(page: Page) {
  await page.getByRole("button", { name: /Betalen met iDEAL/ }).click();
  await page.waitForURL(CHECKOUT_URL);
  await expect(page.getByRole("heading", { level: 1, name: "Testbetaling" })).toBeVisible();
}

/** The tester's choice on the checkout page; the gateway tells our webhook and sends the browser back. */
export async function chooseAtCheckout(page: Page, choice: CheckoutChoice) {
  await Promise.all([page.waitForURL((url) => !CHECKOUT_URL.test(url.href)), page.getByRole("button", { name: choice, exact: true }).click()]);
  await page.waitForLoadState("load");
}
