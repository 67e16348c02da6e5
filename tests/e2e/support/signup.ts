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
  // The header, not the footer (which always links to Inloggen): with JavaScript
  // the sign-out is a fetch, and the header changes only once it has finished.
  await expect(page.getByRole("banner").getByRole("link", { name: "Inloggen" })).toBeVisible();
}

export const INTRO_TEXT = "Ik help u graag met klusjes in en om het huis, rustig en met geduld.";
export const PROFILE_TEXT =
  "Ik ben Bert, 62 jaar en woon al mijn hele leven in Woerden. Na dertig jaar als timmerman help ik nu ouderen met klusjes, " +
  "de tuin en de computer. Ik neem de tijd voor een kop koffie en een praatje.";

/** The file input of the Profiel step; its label changes once a photo is stored. */
export function photoInput(page: Page) {
  return page.getByLabel(/^Kies een (nieuwe )?foto$/);
}

/** Fills Profiel and moves on; without a crop chosen, the server crops around the middle. */
export async function fillProfiel(page: Page, values: { introText?: string; profileText?: string; photo?: string } = {}) {
  await page.getByLabel("Introductietekst", { exact: true }).fill(values.introText ?? INTRO_TEXT);
  await page.getByLabel("Uitgebreide profieltekst", { exact: true }).fill(values.profileText ?? PROFILE_TEXT);
  if (values.photo) await photoInput(page).setInputFiles(values.photo);
  await submit(page, /Volgende stap/);
  await expect(page).toHaveURL(/\/aanmelden\/beschikbaarheid$/);
}

export const PLACES_OPTION = "Ik bedien mijn klanten in de volgende steden";
export const RADIUS_OPTION = "Ik bedien mijn klanten in de volgende afstand vanaf mijn adres";
export const NATIONWIDE_OPTION = "Ik bedien mijn klanten door heel Nederland";

export function newPlaceField(page: Page) {
  return page.getByLabel("Voeg nieuwe stad toe", { exact: true });
}

export function radiusField(page: Page) {
  return page.getByLabel("Afstand rondom mijn adres (km)", { exact: true });
}

/** The chosen places as listed, by their shown names. */
export function placeList(page: Page) {
  return page.getByRole("group", { name: "Plaatsen waar u klanten bedient" }).getByRole("listitem");
}

/**
 * Types a place and adds it to the list (a round trip to the server, with or
 * without JavaScript). `shownAs` is how the list names it. With JavaScript
 * the suggestions open over the button, so this presses Enter in the field,
 * which presses "Voeg nieuwe stad toe"; without, Enter would save the step,
 * so it clicks the button.
 */
export async function addPlace(page: Page, typed: string, shownAs = typed) {
  const field = newPlaceField(page);
  await field.fill(typed);
  if ((await field.getAttribute("role")) === "combobox") await field.press("Enter");
  else await submit(page, "Voeg nieuwe stad toe");
  await expect(page.getByText(`${shownAs} is toegevoegd aan uw lijst.`)).toBeVisible();
}

/** Dagdelen by their names in the grid, e.g. "Maandag ochtend". */
export async function checkDayparts(page: Page, dayparts: readonly string[]) {
  for (const daypart of dayparts) await page.getByLabel(daypart, { exact: true }).check();
}

type Werkgebied = { places: readonly string[] } | { radiusKm: number } | "nationwide";

/** Fills Beschikbaarheid and moves on to Diensten & prijzen. */
export async function fillBeschikbaarheid(page: Page, values: { werkgebied: Werkgebied; dayparts: readonly string[] }) {
  const { werkgebied } = values;
  if (werkgebied === "nationwide") {
    await page.getByLabel(NATIONWIDE_OPTION, { exact: true }).check();
  } else if ("radiusKm" in werkgebied) {
    await page.getByLabel(RADIUS_OPTION, { exact: true }).check();
    await radiusField(page).fill(String(werkgebied.radiusKm));
  } else {
    await page.getByLabel(PLACES_OPTION, { exact: true }).check();
    for (const place of werkgebied.places) await addPlace(page, place);
  }
  await checkDayparts(page, values.dayparts);
  await submit(page, /Volgende stap/);
  await expect(page).toHaveURL(/\/aanmelden\/diensten$/);
}

export type ServiceInput = { name: string; price: string; unit?: "uur" | "dienst"; description?: string };

/** Price line `index` (0-based) of the Diensten step, as the group "Dienst n". */
export function serviceLine(page: Page, index: number) {
  return page.getByRole("group", { name: `Dienst ${index + 1}`, exact: true });
}

export async function fillServiceLine(page: Page, index: number, service: ServiceInput) {
  const line = serviceLine(page, index);
  await line.getByLabel("Ik bied de volgende dienst aan").fill(service.name);
  await line.getByLabel("en deze kost").fill(service.price);
  await line.getByLabel("per", { exact: true }).selectOption({ label: service.unit ?? "uur" });
  await line.getByLabel("Dienst omschrijving").fill(service.description ?? "");
}

export function priceListInput(page: Page) {
  return page.getByLabel(/^(Upload uitgebreide prijslijst|Vervang uw prijslijst door een ander PDF-bestand) \(optioneel\)$/);
}

/**
 * Fills Diensten & prijzen and moves on to Betaling. Up to three services
 * fit the starter lines; more are added with "Voeg nog een dienst toe +".
 */
export async function fillDiensten(
  page: Page,
  values: { categories: readonly string[]; services: readonly ServiceInput[]; priceNote?: string; priceList?: string },
) {
  for (const category of values.categories) await page.getByLabel(category, { exact: true }).check();
  for (const [index, service] of values.services.entries()) {
    if ((await serviceLine(page, index).count()) === 0) {
      await submit(page, "Voeg nog een dienst toe +");
      await expect(serviceLine(page, index)).toBeVisible();
    }
    await fillServiceLine(page, index, service);
  }
  if (values.priceNote !== undefined) await page.getByLabel("Algemene prijsomschrijving").fill(values.priceNote);
  // Last: the list buttons above give the file input back empty.
  if (values.priceList) await priceListInput(page).setInputFiles(values.priceList);
  await submit(page, /Volgende stap/);
  await expect(page).toHaveURL(/\/aanmelden\/betaling$/);
}
