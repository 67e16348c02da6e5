import { expect, type Page } from "@playwright/test";

export const PASSWORD = "Tuinhek-Blauw-42";

let counter = 0;
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `e2e-${tag}-${Date.now()}-${counter}-${Math.floor(Math.random() * 1e6)}@example.nl`;
}

/** Clicks a submit button and waits for the page to settle, with or without JavaScript. */
export async function submit(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name }).click()]);
}

export async function fillAanmelding(page: Page, values: { firstName: string; email: string; password?: string }) {
  await page.goto("/aanmelden");
  await page.getByLabel("Diensten aan huis").check();
  await page.getByLabel("Wat is uw voornaam?").fill(values.firstName);
  await page.getByLabel("Wat is uw e-mailadres?").fill(values.email);
  await page.getByLabel("Kies een wachtwoord").fill(values.password ?? PASSWORD);
  await page.getByLabel("Hoe heeft u van Vivium Services gehoord? (optioneel)").selectOption({ label: "Via een van jullie dienstverleners" });
  await page.getByLabel(/Ik ga akkoord met de algemene voorwaarden/).check();
  await submit(page, /Start/);
  await expect(page).toHaveURL(/\/aanmelden\/persoonlijk$/);
}

export async function fillPersoonlijk(page: Page, values: { lastName: string }) {
  await page.getByLabel("Mijn achternaam is").fill(values.lastName);
  await page.getByLabel("Mijn telefoonnummer is").fill("06-10034891");
  await page.getByLabel("Man", { exact: true }).check();
  await page.getByLabel("Ik ben geboren op").fill("7-9-1962");
  await page.getByLabel("Mijn postcode").fill("3447gt");
  await page.getByLabel("Mijn huisnummer").fill("12");
  await page.getByLabel("Straatnaam").fill("Dorpsstraat");
  await submit(page, /Volgende stap/);
  await expect(page).toHaveURL(/\/aanmelden\/bedrijf$/);
}

export async function fillBedrijf(page: Page) {
  await page.getByRole("group", { name: "Ik heb een KvK-nummer" }).getByLabel("Ja").check();
  await page.getByLabel("Mijn bedrijfsnaam is").fill("Klinkenberg Thuishulp");
  await page.getByLabel("Mijn KvK-nummer is").fill("1234 5678");
  await page.getByRole("group", { name: "Mijn werkadres is anders dan mijn thuisadres" }).getByLabel("Nee").check();
  await submit(page, /Volgende stap/);
  await expect(page).toHaveURL(/\/aanmelden\/profiel$/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/inloggen");
  await page.getByLabel("Wat is uw e-mailadres?").fill(email);
  await page.getByLabel("Wat is uw wachtwoord?").fill(password);
  await submit(page, "Inloggen");
}

export async function signOut(page: Page) {
  await submit(page, /Uitloggen/);
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();
}
